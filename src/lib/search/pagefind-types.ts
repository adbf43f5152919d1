/** The part of Pagefind's browser API this site uses. */

export interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  location: number;
}

export interface PagefindWeightedLocation {
  weight: number;
  balanced_score: number;
  location: number;
}

export interface PagefindSubResult {
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

export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
}

export interface PagefindSearchOptions {
  filters?: Record<string, string | string[]>;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string, options?: PagefindSearchOptions): Promise<PagefindSearch | null>;
  /** Downloads the index chunks a search for `query` will need, without searching. */
  preload(query: string, options?: PagefindSearchOptions): Promise<void>;
}
