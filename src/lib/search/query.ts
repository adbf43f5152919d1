/**
 * Search state in the URL (`/search/?q=…&product=…`), so a support agent can
 * send a search as a link. Hostile or oversized values are trimmed or ignored.
 */

export const MAX_QUERY_LENGTH = 200;

export interface SearchState {
  query: string;
  /** A product name from the allowed list, or '' for all products. */
  product: string;
  /** The link's words were longer than a search takes: only the first MAX_QUERY_LENGTH characters are searched. */
  shortened?: boolean;
}

export function readSearchState(search: string, allowedProducts: readonly string[]): SearchState {
  const params = new URLSearchParams(search.length > 10_000 ? search.slice(0, 10_000) : search);
  const typed = (params.get('q') ?? '').replace(/\s+/g, ' ').trim();
  const product = params.get('product') ?? '';
  return {
    query: normaliseQuery(typed),
    product: allowedProducts.includes(product) ? product : '',
    ...(typed.length > MAX_QUERY_LENGTH && { shortened: true }),
  };
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
  const words = searchableQuery(query)
    .toLowerCase()
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter((word) => word.length >= 2 && word.length <= 50);
  return [...new Set(words)].slice(0, 10);
}

/**
 * Words that carry no meaning for a keyword index. Pagefind requires every
 * query word to appear on a page, so "forwarding rule I did not create" would
 * only match pages that happen to contain "I", "did" and "not". The second
 * line holds conversational fillers ("getting lots of …") and negations as
 * typed without their apostrophe (isStopWord drops it: "can't" is "cant").
 */
const STOP_WORDS = new Set(
  [
    'a an and are as at be been by can could did do does for from has have he her him his how i if in into is it its me my no not of on or our she so that the their them there they this to us was we were what when where which who why will with would you your',
    'am any cannot cant didnt doesnt dont get gets getting got just keep keeps lot lots many much please really should some still stuff thing things very wont',
  ]
    .join(' ')
    .split(' '),
);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));
}

/**
 * The words of a query, lower-cased, without punctuation or a possessive
 * "'s"; hyphens inside a word stay ("wi-fi", "two-factor").
 */
export function queryTokens(query: string): string[] {
  return normaliseQuery(query.normalize('NFKC'))
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’-]+/u)
    .map((word) => word.replace(/['’]s$/u, '').replace(/^[-'’]+|[-'’]+$/gu, ''))
    .filter((word) => word.length > 0);
}

/** The query Pagefind should see: the meaningful words, or all of them if none is left. */
export function searchableQuery(query: string): string {
  const words = normaliseQuery(query).split(' ').filter(Boolean);
  const meaningful = words.filter((word) => !isStopWord(word));
  return (meaningful.length > 0 ? meaningful : words).join(' ');
}
