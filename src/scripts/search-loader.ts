/**
 * Loads Pagefind on demand for the search page: nothing of search is fetched
 * until someone opens it (or focuses a search box, see SearchForm.astro).
 */
import type { Pagefind } from '../lib/search/pagefind-types';

// Built by `pagefind` after `astro build`; a variable keeps Vite from bundling it.
const PAGEFIND_MODULE = '/pagefind/pagefind.js';

let pagefind: Promise<Pagefind> | null = null;

/**
 * `indexVersion` (the page's `data-index-version`, scripts/search-preloads.mjs)
 * makes Pagefind ask for the entry file by the URL the page preloads. On the
 * main thread Pagefind's fetches are the page's own, so they take the preloaded
 * files; a worker would download them again, after its own script.
 */
export function loadPagefind(indexVersion = ''): Promise<Pagefind> {
  pagefind ??= (import(/* @vite-ignore */ PAGEFIND_MODULE) as Promise<Pagefind>).then(async (module) => {
    await module.options({ excerptLength: 24, noWorker: true, ...(indexVersion && { metaCacheTag: indexVersion }) });
    await module.init();
    return module;
  });
  // A failed load (offline, index missing) may be retried by the next call.
  pagefind.catch(() => {
    pagefind = null;
  });
  return pagefind;
}
