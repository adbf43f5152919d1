/** Build time and peak memory of `astro build` + `pagefind` (our sites), and what any site holds on disk. */
import { existsSync } from 'node:fs';
import { build, distFigures } from '../lib/build.mjs';
import { mb, peak, s, table } from '../lib/format.mjs';

export default {
  name: 'build',
  needs: { build: true, browser: false, shared: false },
  appliesTo: () => true,
  async run({ site, args }) {
    const reuse = !site.ours || (args['skip-build'] && existsSync(site.outDir));
    console.error(`[bench] ${site.name}: ${reuse ? 'using the existing build' : 'building'} in ${site.outDir}…`);
    return { ...(reuse ? {} : await build(site.outDir, site.env)), ...distFigures(site.outDir) };
  },
  print: (bySite) =>
    table(
      'build',
      [
        ['build (astro + pagefind)', (v) => s(v.buildSeconds)],
        ['  astro build', (v) => s(v.astroSeconds)],
        ['  pagefind', (v) => s(v.pagefindSeconds)],
        [
          '  legacy entries rendered / cached',
          (v) => (v.legacyRendered === undefined ? '–' : `${v.legacyRendered} / ${v.legacyFromCache}`),
        ],
        ['peak memory (largest resident set)', (v) => peak(v.peakMemoryBytes)],
        ['  astro build', (v) => mb(v.astroPeakBytes)],
        ['  pagefind', (v) => mb(v.pagefindPeakBytes)],
        ['pages (.html)', (v) => String(v.pages)],
        ['dist/ size', (v) => mb(v.distBytes)],
        ['Pagefind index', (v) => mb(v.pagefindBytes)],
      ],
      bySite,
    ),
};
