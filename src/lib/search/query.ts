/**
 * Search state in the URL (`/search/?q=…&product=…`), so a support agent can
 * send a search as a link. Hostile or oversized values are trimmed or ignored.
 */

export const MAX_QUERY_LENGTH = 200;

export interface SearchState {
  query: string;
  /** A product name from the allowed list, or '' for all products. */
  product: string;
}

export function readSearchState(search: string, allowedProducts: readonly string[]): SearchState {
  const params = new URLSearchParams(search.length > 10_000 ? search.slice(0, 10_000) : search);
  const query = normaliseQuery(params.get('q') ?? '');
  const product = params.get('product') ?? '';
  return { query, product: allowedProducts.includes(product) ? product : '' };
}

export function normaliseQuery(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
}

/** The query string for a state: empty parts are left out. */
export function searchQueryString(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  if (state.product) params.set('product', state.product);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Words worth highlighting on the page a result leads to. */
export function highlightTerms(query: string): string[] {
  const words = normaliseQuery(query)
    .toLowerCase()
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter((word) => word.length >= 2 && word.length <= 50);
  return [...new Set(words)].slice(0, 10);
}
