/**
 * Which of a query's concepts a word of page text matches, the way Pagefind
 * matches (stemmed, and a query word matches the words it starts). Results
 * come from several searches (one per equivalent word), so their locations
 * are found again here, over the page text, for excerpts and section ranking.
 */
import { stemmer } from 'stemmer';
import { isStopWord, queryTokens } from './query';

/** A stem this short would match too much as a prefix ("ip" → "ipad"). */
const MIN_PREFIX = 3;

export type ConceptMatcher = (word: string) => number;

/** `concepts[c]` lists the alternatives of concept `c`; the matcher returns c, or -1. */
export function conceptMatcher(concepts: readonly (readonly string[])[]): ConceptMatcher {
  const stems = concepts.map((alternatives) => {
    const words = alternatives.flatMap((alternative) => queryTokens(alternative));
    const meaningful = words.filter((word) => !isStopWord(word));
    return [...new Set((meaningful.length > 0 ? meaningful : words).map((word) => stemmer(word)))];
  });
  // A page repeats its words, and each result's text is read twice (excerpt, then sections):
  // each distinct word is stemmed once.
  const known = new Map<string, number>();
  return (word) => {
    let concept = known.get(word);
    if (concept === undefined) {
      concept = matchConcept(word, stems);
      known.set(word, concept);
    }
    return concept;
  };
}

function matchConcept(word: string, stems: readonly (readonly string[])[]): number {
  const clean = word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (clean === '') return -1;
  const stem = stemmer(clean);
  return stems.findIndex((list) =>
    list.some((candidate) => stem === candidate || (candidate.length >= MIN_PREFIX && clean.startsWith(candidate))),
  );
}

export interface ConceptLocation {
  location: number;
  concept: number;
}

/** Every word of `words` that matches a concept. */
export function conceptLocations(words: readonly string[], matcher: ConceptMatcher): ConceptLocation[] {
  const found: ConceptLocation[] = [];
  words.forEach((word, location) => {
    const concept = matcher(word);
    if (concept !== -1) found.push({ location, concept });
  });
  return found;
}
