/** The header analyzer's gzip sizes and parse times (bench/lib/headers.mjs, which also runs on its own). */
import { headerAnalyzerFigures, printHeaderFigures } from '../lib/headers.mjs';

export default {
  name: 'headers',
  needs: { build: false, browser: true, shared: false },
  appliesTo: (site) => site.name === 'site',
  run: ({ site, browser, base }) => headerAnalyzerFigures(browser, base, site.outDir),
  print(bySite) {
    // printHeaderFigures writes to the console itself: its block stays as it is when run on its own.
    printHeaderFigures(bySite.site);
    return [];
  },
};
