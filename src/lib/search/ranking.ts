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
export const EMAIL_PRODUCT_NAMES: readonly string[] = [...Object.values(PRODUCTS).map((product) => product.name), 'Office 365', 'Rackspace Email Archiving'];

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
export function rankPages<T extends ScoredHit>(perConcept: readonly (readonly (readonly T[])[])[], options: RankOptions = {}): RankedPage<T>[] {
  const { prior, equivalentWeight = EQUIVALENT_WEIGHT } = options;
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
      return { hit, concepts: best.filter((value) => value > 0).length, score: score * (prior?.get(hit.id) ?? 1) };
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
