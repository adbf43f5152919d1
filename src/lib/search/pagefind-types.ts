/** The part of Pagefind's browser API this site uses. */

export interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  location: number;
}

interface PagefindWeightedLocation {
  weight: number;
  balanced_score: number;
  location: number;
}

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
}

export interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined> & { title?: string };
  filters: Record<string, string[]>;
  anchors: PagefindAnchor[];
  locations: number[];
  weighted_locations: PagefindWeightedLocation[];
  sub_results: PagefindSubResult[];
  word_count: number;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
}

/** A filter value, or `{ any: [...] }` for pages with any of the values. */
type PagefindFilterValue = string | string[] | { any: string[] };

export interface PagefindSearchOptions {
  filters?: Record<string, PagefindFilterValue>;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** A null query with filters lists every page that passes them. */
  search(query: string | null, options?: PagefindSearchOptions): Promise<PagefindSearch | null>;
  /** Downloads the index chunks a search for `query` will need, without searching. */
  preload(query: string, options?: PagefindSearchOptions): Promise<void>;
}
