/**
 * Query understanding, part one: the reader's words, grouped into concepts,
 * each with the equivalent words the support domain uses for it (from the
 * reviewed `equivalences.json`). A search then finds a page that says
 * "disabled" for "rackspace suspended my email".
 */
import { stemmer } from 'stemmer';
import data from './equivalences.json';
import { isStopWord, queryTokens } from './query';

export interface EquivalenceData {
  same: readonly (readonly string[])[];
  broader: Readonly<Record<string, readonly string[]>>;
}

/** One thing the reader asked about: the words they typed, then the words that mean the same. */
export interface Concept {
  typed: string;
  /** What to search for, the typed words first; each one is a Pagefind query of its own. */
  alternatives: string[];
}

/** Longest phrase of the data, in words ("two-step verification", "blocked senders"). */
const MAX_PHRASE_WORDS = 3;
/** Each alternative costs a search and perhaps an index chunk: a long query does not fan out without end. */
const MAX_CONCEPTS = 8;
const MAX_ALTERNATIVES = 5;

/** Stems joined by spaces: "Bouncing" and "bounce" share a key, as Pagefind's stemmer would have them. */
export function phraseKey(phrase: string): string {
  return queryTokens(phrase).map((word) => stemmer(word)).join(' ');
}

export type EquivalenceTable = ReadonlyMap<string, readonly string[]>;

/** Key of a word or phrase → the other words to search for it too. */
export function buildEquivalenceTable(source: EquivalenceData): EquivalenceTable {
  const table = new Map<string, string[]>();
  const add = (phrase: string, others: readonly string[]) => {
    const key = phraseKey(phrase);
    if (key === '') return;
    const list = table.get(key) ?? [];
    for (const other of others) if (phraseKey(other) !== key && !list.includes(other)) list.push(other);
    table.set(key, list);
  };
  for (const group of source.same) for (const word of group) add(word, group);
  for (const [word, broader] of Object.entries(source.broader)) add(word, broader);
  return table;
}

const DEFAULT_TABLE = buildEquivalenceTable(data as EquivalenceData);

/**
 * The concepts of a query. A phrase of the table ("log in", "broken into") is
 * one concept even when it holds stop words; other stop words are dropped,
 * unless nothing else is left.
 */
export function expandQuery(query: string, table: EquivalenceTable = DEFAULT_TABLE): Concept[] {
  const tokens = queryTokens(query);
  const keys = tokens.map((token) => stemmer(token));
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  let index = 0;
  while (index < tokens.length) {
    let length = Math.min(MAX_PHRASE_WORDS, tokens.length - index);
    while (length > 1 && !table.has(keys.slice(index, index + length).join(' '))) length -= 1;
    const key = keys.slice(index, index + length).join(' ');
    const typed = tokens.slice(index, index + length).join(' ');
    index += length;
    if (seen.has(key) || (length === 1 && isStopWord(typed))) continue;
    seen.add(key);
    concepts.push({ typed, alternatives: [typed, ...(table.get(key) ?? [])].slice(0, MAX_ALTERNATIVES) });
  }
  if (concepts.length === 0) {
    // Only stop words ("what is it"): search for them as typed.
    return [...new Set(tokens)].slice(0, MAX_CONCEPTS).map((typed) => ({ typed, alternatives: [typed] }));
  }
  return concepts.slice(0, MAX_CONCEPTS);
}

/** The words searched for besides the reader's own, for "Also searched for: …". */
export function addedWords(concepts: readonly Concept[]): string[] {
  return [...new Set(concepts.flatMap((concept) => concept.alternatives.slice(1)))];
}
