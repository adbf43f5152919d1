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
/**
 * Equivalents searched per query, over all its concepts. On the full knowledge
 * base a word outside the chunks already fetched costs about 35 KB of index:
 * without a cap, "warn coworkers about a hacked account" fetched 7 more chunks
 * (270 KB) than the reader's own words.
 */
export const MAX_ADDED_ALTERNATIVES = 3;

/** Stems joined by spaces: "Bouncing" and "bounce" share a key, as Pagefind's stemmer would have them. */
export function phraseKey(phrase: string): string {
  return queryTokens(phrase)
    .map((word) => stemmer(word))
    .join(' ');
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
  return withinBudget(concepts.slice(0, MAX_CONCEPTS), MAX_ADDED_ALTERNATIVES);
}

/**
 * At most `budget` equivalents in all, dealt one round at a time: every
 * concept gets its first equivalent (the data lists the site's own word first)
 * before any concept gets a second.
 */
export function withinBudget(concepts: readonly Concept[], budget: number): Concept[] {
  const kept = concepts.map((concept) => ({ typed: concept.typed, alternatives: [concept.typed] }));
  let left = budget;
  for (let round = 1; left > 0; round += 1) {
    const dealt = concepts.flatMap((concept, index) => (concept.alternatives[round] === undefined ? [] : [index]));
    if (dealt.length === 0) break;
    for (const index of dealt.slice(0, left)) kept[index]!.alternatives.push(concepts[index]!.alternatives[round]!);
    left -= Math.min(left, dealt.length);
  }
  return kept;
}

/** The words searched for besides the reader's own, for "Also searched for: …". */
export function addedWords(concepts: readonly Concept[]): string[] {
  return [...new Set(concepts.flatMap((concept) => concept.alternatives.slice(1)))];
}
