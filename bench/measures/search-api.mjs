/** Pagefind's own API in Chromium: bytes a first search downloads, cold and warm query times. */
import { apiSearch } from '../lib/search-latency.mjs';
import { kbSpread, ms, spread, table } from '../lib/format.mjs';
import { sharedQueries } from '../lib/sites.mjs';

// Timed on the first 15 queries of the test set (the former queries.json, so figures stay comparable).
const LATENCY_QUERIES = 15;

export default {
  name: 'search-api',
  needs: { build: false, browser: true, shared: true },
  appliesTo: () => true,
  run: ({ browser, base }) =>
    apiSearch(
      browser,
      base,
      sharedQueries()
        .slice(0, LATENCY_QUERIES)
        .map((query) => query.q),
    ),
  print: (bySite) =>
    table(
      'search through Pagefind’s API',
      [
        ['first search downloads, median (range)', (v) => kbSpread(v.firstSearchBytes)],
        ['cold first query, median (range)', (v) => spread(v.coldMs)],
        ['first query once initialised', (v) => spread(v.afterInitMs)],
        ['warm query, median of 50', (v) => ms(v.warmMedianMs)],
      ],
      bySite,
    ),
};
