/**
 * Loads Pagefind on demand: nothing of search is fetched until someone
 * focuses a search box or opens the search page.
 */
import type { Pagefind } from '../lib/search/pagefind-types';

// Built by `pagefind` after `astro build`; a variable keeps Vite from bundling it.
const PAGEFIND_MODULE = '/pagefind/pagefind.js';

let pagefind: Promise<Pagefind> | null = null;

export function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (import(/* @vite-ignore */ PAGEFIND_MODULE) as Promise<Pagefind>).then(async (module) => {
    await module.options({ excerptLength: 24 });
    await module.init();
    return module;
  });
  // A failed load (offline, index missing) may be retried by the next call.
  pagefind.catch(() => {
    pagefind = null;
  });
  return pagefind;
}

export function warmSearchIndex(): void {
  loadPagefind().catch(() => {
    /* The search page reports failures; warming up stays silent. */
  });
}
