/**
 * Query understanding, part three: a question that asks for a kind of page.
 * "what is the cloud office control panel" asks for a definition, so among
 * the pages that match it equally well, a glossary or an overview should come
 * first. The kind's words raise a page (ranking's `raised`); unlike a
 * concept, a page need not carry them. Cues and words: `kinds` in the
 * reviewed `equivalences.json`.
 */
import data from './equivalences.json';
import { queryTokens } from './query';

interface PageKind {
  asked: readonly string[];
  pages: readonly string[];
}

const KINDS: readonly PageKind[] = [data.kinds.definition];

/**
 * The words of the kind of page the query asks for, or none. The cue must
 * open the query and be followed by what is asked about: "what is" alone asks
 * for nothing. "what's" reads as "what is".
 */
export function pageKindWords(query: string, kinds: readonly PageKind[] = KINDS): string[] {
  const words = queryTokens(query.replace(/\bwhat['’]?s\b/giu, 'what is')).join(' ');
  const kind = kinds.find((candidate) => candidate.asked.some((cue) => words.startsWith(`${cue} `)));
  return kind ? [...kind.pages] : [];
}
