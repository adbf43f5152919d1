/**
 * Excerpts built from Pagefind's plain-text content and word locations, as
 * segments of text rather than HTML, so nothing from the index is ever parsed
 * as markup.
 */

export interface ExcerptSegment {
  text: string;
  /** A word that matched the query. */
  marked: boolean;
}

/** Pagefind counts locations in whitespace-separated words of `content`. */
export function contentWords(content: string): string[] {
  return content.split(/\s+/).filter((word) => word.length > 0);
}

/** A word without the punctuation after it, in lower case: "send." and "Send" are one word. */
const bareWord = (word: string) => word.replace(/[^\p{L}\p{N}]+$/u, '').toLowerCase();

/**
 * How many words at the start of `words` repeat `heading` (a section's text starts with its own heading, which the
 * result's link already shows), or 0 when they do not, or when nothing would be left after them.
 */
export function headingWordCount(words: readonly string[], heading: string): number {
  const headingWords = contentWords(heading);
  const repeated =
    headingWords.length > 0 &&
    headingWords.length < words.length &&
    headingWords.every((word, index) => bareWord(word) === bareWord(words[index]!));
  return repeated ? headingWords.length : 0;
}

const CLOSING_PUNCTUATION = /^[.,;:!?)\]…”’]+$/;
const OPENING_PUNCTUATION = /^[([“‘]+$/;

/**
 * About `length` words around the first hit at or after `from`, with hit
 * words marked. Neighbouring words are merged into one segment.
 */
export function buildExcerpt(
  words: readonly string[],
  hitLocations: readonly number[],
  { from = 0, to = words.length, length = 24 }: { from?: number; to?: number; length?: number } = {},
): ExcerptSegment[] {
  const hits = new Set(hitLocations);
  const firstHit = hitLocations.filter((location) => location >= from && location < to).sort((a, b) => a - b)[0];
  const start = Math.max(from, (firstHit ?? from) - Math.floor(length / 3));
  const end = Math.min(words.length, start + length);
  const segments: ExcerptSegment[] = [];
  for (let index = start; index < end; index += 1) {
    // The space between words stays unmarked, so a mark covers the word alone. A section record puts a space
    // between a link or a bold word and the punctuation around it ("Settings .", "( Blocklist )"): the excerpt
    // closes it up. (Joining the record's text without those spaces moved a tuned query out of the top three.)
    if (index > start && !CLOSING_PUNCTUATION.test(words[index]!) && !OPENING_PUNCTUATION.test(words[index - 1]!))
      appendSegment(segments, ' ', false);
    if (hits.has(index)) appendMarkedWord(segments, words[index]!);
    else appendSegment(segments, words[index]!, false);
  }
  if (start > from || start > 0) segments.unshift({ text: '… ', marked: false });
  if (end < words.length) segments.push({ text: ' …', marked: false });
  return segments;
}

const isWordCharacter = (character: string) => /[\p{L}\p{N}]/u.test(character);

/** A matching word is marked without the punctuation around it: "administrators;" marks "administrators". */
function appendMarkedWord(segments: ExcerptSegment[], word: string): void {
  const characters = [...word];
  const first = characters.findIndex(isWordCharacter);
  if (first === -1) return appendSegment(segments, word, true);
  const last = characters.findLastIndex(isWordCharacter);
  appendSegment(segments, characters.slice(0, first).join(''), false);
  appendSegment(segments, characters.slice(first, last + 1).join(''), true);
  appendSegment(segments, characters.slice(last + 1).join(''), false);
}

function appendSegment(segments: ExcerptSegment[], text: string, marked: boolean): void {
  if (text === '') return;
  const previous = segments.at(-1);
  if (previous && previous.marked === marked) previous.text += text;
  else segments.push({ text, marked });
}
