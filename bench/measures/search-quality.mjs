/** Search quality on ../shared/search/user-queries*.json: the page in the top 3, and with its section; each file's pass rate apart. */
import { searchQuality } from '../lib/search-quality.mjs';
import { table } from '../lib/format.mjs';
import { queriesFor } from '../lib/sites.mjs';
import { passRates } from '../lib/search-test-set.mjs';

export default {
  name: 'search-quality',
  needs: { build: false, browser: true, shared: true },
  appliesTo: (site) => site.ours,
  run: ({ site, browser, base }) => searchQuality(browser, base, queriesFor(site)),
  print: (bySite) => [
    ...table(
      'search quality',
      [
        ['page in top 3', (v) => `${v.pageTop3}/${v.total}`],
        ['page + section', (v) => `${v.sectionHit}/${v.total}`],
      ],
      bySite,
    ),
    ...Object.entries(bySite).map(([name, v]) => `[${name}] search quality (page + section): ${passRates(v.outcomes)}`),
    ...Object.entries(bySite).flatMap(([name, v]) =>
      v.misses.map(
        (miss) =>
          `[${name}] miss: "${miss.q}" → want ${miss.page}${miss.section ? `#${miss.section}` : ''}, got ${miss.got.join(', ') || 'nothing'}`,
      ),
    ),
  ],
};
