/**
 * Query understanding, part two: one ranking over the searches of every
 * concept and its equivalent words. Pages that match more of the reader's
 * concepts come first; Pagefind's score decides, raised for the pages this
 * site maintains and for the product the reader means, so that a loosely
 * related page of another product wins only by a clear margin.
 */

import { PRODUCTS } from '../products';
import { queryTokens } from './query';

/**
 * The email products, as the `product` filter names them, in two families: the
 * site's own (Rackspace Email and its account, Cloud Office), meant when a
 * query names no product, and Microsoft's, meant when a query names it.
 */
export const PRODUCT_FAMILIES = {
  site: [PRODUCTS['rackspace-email'].name, PRODUCTS['cloud-office'].name, 'Rackspace Email Archiving'],
  microsoft: [PRODUCTS['microsoft-exchange'].name, 'Office 365'],
} as const satisfies Record<string, readonly string[]>;
export type ProductFamily = keyof typeof PRODUCT_FAMILIES;

/** Words that name a Microsoft product ("office 365" as two words). */
const MICROSOFT_WORDS = new Set(['exchange', 'outlook', 'owa', 'o365', 'office365', 'office 365', 'microsoft 365']);

/** The family of email products a query means: Microsoft's when it names one, else the site's. */
export function meantProductFamily(query: string): ProductFamily {
  const words = queryTokens(query);
  const named = words.some(
    (word, index) => MICROSOFT_WORDS.has(word) || MICROSOFT_WORDS.has(`${word} ${words[index + 1] ?? ''}`),
  );
  return named ? 'microsoft' : 'site';
}

export interface ScoredHit {
  id: string;
  score: number;
}

/**
 * How much a page's score is raised, the two factors multiplied: a maintained
 * article, and a page of the product family the query means. A maintained
 * Rackspace Email article is raised 2×, an imported one 1.5×; with no product
 * named, the maintained Exchange article only 1.33×, below its Rackspace twin.
 */
export const PRIOR = { maintained: 4 / 3, meantProduct: 1.5 } as const;

export interface RankOptions {
  /** Page id → factor on its score (PRIOR); pages not listed keep theirs. */
  prior?: ReadonlyMap<string, number>;
  /** An equivalent word counts a little less than the reader's own, so a literal match wins a tie. */
  equivalentWeight?: number;
  /** Pages of the kind the query asks for, each with how strongly it is one (kindStrengths): raised by up to RAISED_FACTOR. */
  raised?: ReadonlyMap<string, number>;
}

/** As much as the product meant: enough to win among comparable matches, not against a clearly better one. */
export const RAISED_FACTOR = PRIOR.meantProduct;

/**
 * How strongly each page is of the kind asked for, from the searches of the
 * kind's words: its score over the best score of that word (0–1], its best
 * word counting. A glossary scores 1 for "terminology"; a page that merely
 * links to one scores little and is hardly raised.
 */
export function kindStrengths(hitsPerWord: readonly (readonly ScoredHit[])[]): Map<string, number> {
  const strengths = new Map<string, number>();
  for (const hits of hitsPerWord) {
    const top = Math.max(0, ...hits.map((hit) => hit.score));
    if (top <= 0) continue;
    for (const hit of hits) strengths.set(hit.id, Math.max(strengths.get(hit.id) ?? 0, hit.score / top));
  }
  return strengths;
}

const EQUIVALENT_WEIGHT = 0.85;

export interface RankedPage<T extends ScoredHit> {
  hit: T;
  /** How many of the query's concepts the page matches. */
  concepts: number;
  score: number;
  /** What the ranking sorts on. */
  relevance: number;
}

/**
 * `perConcept[c][a]` holds the hits of alternative `a` of concept `c` (the
 * reader's own words first). A page scores its best alternative per concept,
 * summed, times the share of the query's concepts it matches: a page matching
 * more of the question is preferred, but a filler word the reader happened to
 * type ("found", "thing") that one page also uses cannot outrank a strong match
 * of everything else, as a strict "more concepts first" did.
 */
export function rankPages<T extends ScoredHit>(
  perConcept: readonly (readonly (readonly T[])[])[],
  options: RankOptions = {},
): RankedPage<T>[] {
  const { prior, equivalentWeight = EQUIVALENT_WEIGHT, raised } = options;
  const pages = new Map<string, { hit: T; best: number[] }>();
  perConcept.forEach((alternatives, concept) => {
    alternatives.forEach((hits, alternative) => {
      const weight = alternative === 0 ? 1 : equivalentWeight;
      for (const hit of hits) {
        const page = pages.get(hit.id) ?? { hit, best: new Array<number>(perConcept.length).fill(0) };
        page.best[concept] = Math.max(page.best[concept]!, hit.score * weight);
        pages.set(hit.id, page);
      }
    });
  });
  return [...pages.values()]
    .map(({ hit, best }) => {
      const score = best.reduce((total, value) => total + value, 0);
      const factor = (prior?.get(hit.id) ?? 1) * (1 + (RAISED_FACTOR - 1) * (raised?.get(hit.id) ?? 0));
      const concepts = best.filter((value) => value > 0).length;
      return { hit, concepts, score: score * factor, relevance: (score * factor * concepts) / best.length };
    })
    .sort((a, b) => b.relevance - a.relevance);
}

/** The prior from the ids of maintained pages and of the pages of the product family meant (a page may be both). */
export function priorFor(maintained: Iterable<string>, meantProduct: Iterable<string>): Map<string, number> {
  const prior = new Map<string, number>();
  for (const id of meantProduct) prior.set(id, PRIOR.meantProduct);
  for (const id of maintained) prior.set(id, (prior.get(id) ?? 1) * PRIOR.maintained);
  return prior;
}

/** Concepts (by index) that no page matched: candidates for "Did you mean …?". */
export function unmatchedConcepts(perConcept: readonly (readonly (readonly ScoredHit[])[])[]): number[] {
  return perConcept.flatMap((alternatives, index) => (alternatives.every((hits) => hits.length === 0) ? [index] : []));
}

/** Where a record of the index belongs: its page, and the section it is (`''` for the page's own record). */
export interface RecordPlace {
  page: string;
  section: string;
}

export interface MergedPage<T extends ScoredHit> extends RankedPage<T> {
  /** The page's sections that are records of their own, best first, with their fragment ids. */
  sections: { id: string; hit: T }[];
}

/**
 * One entry per page from records ranked on their own (rankPages): a
 * maintained article's records (scripts/index-search.mjs indexes its own text
 * and each of its sections apart) make one entry, ranked as its best record,
 * so a step that answers the question ranks its page as high as a short page
 * would. Records not in `placeOf` are pages of their own.
 */
export function mergeSections<T extends ScoredHit>(
  ranked: readonly RankedPage<T>[],
  placeOf: ReadonlyMap<string, RecordPlace>,
): MergedPage<T>[] {
  const pages = new Map<string, { page?: T; records: RankedPage<T>[]; sections: { id: string; hit: T }[] }>();
  for (const record of ranked) {
    const place = placeOf.get(record.hit.id);
    const key = place?.page ?? record.hit.id;
    const entry = pages.get(key) ?? { records: [], sections: [] };
    entry.records.push(record);
    if (place?.section) entry.sections.push({ id: place.section, hit: record.hit });
    else entry.page ??= record.hit;
    pages.set(key, entry);
  }
  // Records come best first: a page's first record is its best, and pages come in the order of their best records.
  return [...pages.values()].map(({ page, records, sections }) => ({
    ...records[0]!,
    hit: page ?? records[0]!.hit,
    sections,
  }));
}

/**
 * The search page's `data-section-records` (scripts/index-search.mjs): "id=URL"
 * pairs separated by spaces, a section's URL ending in its fragment id.
 */
export function parseRecordPlaces(value: string): Map<string, RecordPlace> {
  const places = new Map<string, RecordPlace>();
  for (const pair of value.split(' ')) {
    const equals = pair.indexOf('=');
    if (equals <= 0) continue;
    const [page = '', section = ''] = pair.slice(equals + 1).split('#');
    places.set(pair.slice(0, equals), { page, section });
  }
  return places;
}

/** Records of sections whose id starts with one of `prefixes` (a glossary's `term-` entries), each fully of the kind asked for. */
export function sectionsOfKind(
  placeOf: ReadonlyMap<string, RecordPlace>,
  prefixes: readonly string[],
): Map<string, number> {
  const strengths = new Map<string, number>();
  for (const [id, { section }] of placeOf)
    if (section && prefixes.some((prefix) => section.startsWith(prefix))) strengths.set(id, 1);
  return strengths;
}
