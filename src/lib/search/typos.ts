/**
 * Query understanding, part three: "Did you mean …?" for misspelt words
 * ("pasword", "compromized", "forwading"), from the site's own vocabulary,
 * which the build writes (see src/pages/search-vocabulary.txt.ts).
 */
import leven from 'leven';
import { queryTokens } from './query';

/** Words shorter than this are left alone: "ip" or "mx" are too short to correct with any confidence. */
const MIN_WORD_LENGTH = 4;

/** One edit for short words, two from 8 letters on ("compromized" → "compromised" is one). */
export function allowedEdits(word: string): number {
  return word.length >= 8 ? 2 : 1;
}

/**
 * The closest word of `vocabulary` (most frequent first) within the allowed
 * edits, or undefined when the word is known or nothing is close enough.
 */
export function closestWord(
  word: string,
  vocabulary: readonly string[],
  known: ReadonlySet<string> = new Set(vocabulary),
): string | undefined {
  if (word.length < MIN_WORD_LENGTH || known.has(word) || !/^\p{L}+$/u.test(word)) return undefined;
  const limit = allowedEdits(word);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of vocabulary) {
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const distance = leven(word, candidate, { maxDistance: limit + 1 });
    // Earlier words are more frequent: keep the first of equally close ones.
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      if (distance === 1) break;
    }
  }
  return best;
}

/**
 * The query with its misspelt words corrected, or undefined when there is
 * nothing to correct. `suspects` limits the corrections to words the search
 * found nowhere (a word the index knows is never "corrected").
 */
export function suggestQuery(
  query: string,
  vocabulary: readonly string[],
  suspects?: ReadonlySet<string>,
): string | undefined {
  const known = new Set(vocabulary);
  let changed = false;
  const words = queryTokens(query).map((word) => {
    if (suspects && !suspects.has(word)) return word;
    const correction = closestWord(word, vocabulary, known);
    if (correction === undefined) return word;
    changed = true;
    return correction;
  });
  return changed ? words.join(' ') : undefined;
}

/** Vocabulary file → words, most frequent first. Anything that is not a plain word is dropped. */
export function parseVocabulary(text: string): string[] {
  return text
    .slice(0, 2_000_000)
    .split('\n')
    .filter((word) => /^\p{L}{2,30}$/u.test(word));
}
