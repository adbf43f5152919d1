/**
 * Query understanding, part two: one ranking over the searches of every
 * concept and its equivalent words. Pages that match more of the reader's
 * concepts come first; among those, Pagefind's score decides, raised for the
 * pages this site maintains and the email products it exists for, so that a
 * loosely related page of another product wins only by a clear margin.
 */

import { PRODUCTS } from '../products';

/**
 * The products this site exists for: the three it maintains, and the email
 * products of imported articles. Names as the `product` filter holds them.
 */
export const EMAIL_PRODUCT_NAMES: readonly string[] = [
  ...Object.values(PRODUCTS).map((product) => product.name),
  'Office 365',
  'Rackspace Email Archiving',
];

export interface ScoredHit {
  id: string;
  score: number;
}

/** How much a page's score is raised: the site's maintained articles most, then the email products. */
export const PRIOR = { maintained: 2, emailProduct: 1.5 } as const;

export interface RankOptions {
  /** Page id → factor on its score (PRIOR); pages not listed keep theirs. */
  prior?: ReadonlyMap<string, number>;
  /** An equivalent word counts a little less than the reader's own, so a literal match wins a tie. */
  equivalentWeight?: number;
  /** Pages of the kind the query asks for, each with how strongly it is one (kindStrengths): raised by up to RAISED_FACTOR. */
  raised?: ReadonlyMap<string, number>;
}

/** As much as an email product's page: enough to win among comparable matches, not against a clearly better one. */
export const RAISED_FACTOR = PRIOR.emailProduct;

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
}

/**
 * `perConcept[c][a]` holds the hits of alternative `a` of concept `c` (the
 * reader's own words first). A page scores its best alternative per concept.
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
      return { hit, concepts: best.filter((value) => value > 0).length, score: score * factor };
    })
    .sort((a, b) => b.concepts - a.concepts || b.score - a.score);
}

/** The prior from the ids of maintained pages and of email-product pages (a page may be both). */
export function priorFor(maintained: Iterable<string>, emailProduct: Iterable<string>): Map<string, number> {
  const prior = new Map<string, number>();
  for (const id of emailProduct) prior.set(id, PRIOR.emailProduct);
  for (const id of maintained) prior.set(id, PRIOR.maintained);
  return prior;
}

/** Concepts (by index) that no page matched: candidates for "Did you mean …?". */
export function unmatchedConcepts(perConcept: readonly (readonly (readonly ScoredHit[])[])[]): number[] {
  return perConcept.flatMap((alternatives, index) => (alternatives.every((hits) => hits.length === 0) ? [index] : []));
}
