/**
 * The site's own vocabulary for "Did you mean …?", counted at build time from
 * the words of titles, descriptions, headings and article text. Written one
 * word a line, most frequent first, so a correction prefers a common word.
 */
const WORD = /\p{L}+/gu;
const MIN_LENGTH = 4;
const MAX_LENGTH = 24;

export function buildVocabulary(texts: Iterable<string>, { maxWords = 12_000 } = {}): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const [match] of text.normalize('NFKC').toLowerCase().matchAll(WORD)) {
      if (match.length < MIN_LENGTH || match.length > MAX_LENGTH) continue;
      counts.set(match, (counts.get(match) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxWords)
    .map(([word]) => word);
}
