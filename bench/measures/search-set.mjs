/**
 * The search page opened from a link once per query of the test set: any site with our search page,
 * a --baseline build of an older commit too (--baseline-corpus when it was built with the corpus).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { searchPageOverQueries } from '../lib/search-latency.mjs';
import { kbSpread, ms, spread, table } from '../lib/format.mjs';
import { queriesFor } from '../lib/sites.mjs';

export default {
  name: 'search-set',
  needs: { build: false, browser: true, shared: true },
  appliesTo: (site) => site.ours || existsSync(join(site.outDir, 'search', 'index.html')),
  run: ({ site, browser, base }) =>
    searchPageOverQueries(
      browser,
      base,
      queriesFor(site).map((query) => query.q),
    ),
  print: (bySite) =>
    table(
      'search page, each query from a link',
      [
        ['first results', (v) => spread(v.firstMs)],
        ['first results, p90', (v) => ms(v.firstMs.p90)],
        ['downloads', (v) => kbSpread(v.bytes)],
        ['index chunks', (v) => v.meanIndexChunks.toFixed(2)],
      ],
      bySite,
    ),
};
