/** Our search page, opened from a link and typed into, on the first query of the test set. */
import { searchPage } from '../lib/search-latency.mjs';
import { kb, spread, table } from '../lib/format.mjs';
import { sharedQueries } from '../lib/sites.mjs';

export default {
  name: 'search-page',
  needs: { build: false, browser: true, shared: true },
  appliesTo: (site) => site.ours,
  run: ({ browser, base }) => searchPage(browser, base, sharedQueries()[0].q),
  print: (bySite) =>
    table(
      'search page',
      [
        ['link to first results', (v) => spread(v.fromLinkFirstMs)],
        ['link to all 10 announced', (v) => spread(v.fromLinkAllMs)],
        ['downloads from a link', (v) => kb(v.fromLinkBytes)],
        ['Enter to first results', (v) => spread(v.typedFirstMs)],
        ['Enter to all announced', (v) => spread(v.typedAllMs)],
      ],
      bySite,
    ),
};
