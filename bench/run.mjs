#!/usr/bin/env node
/**
 * `npm run bench`: run the measures in bench/measures/ against our site built
 * alone and with the legacy corpus (and a --baseline built elsewhere), write
 * bench/results/<time>.json and print each measure's figures.
 *
 * A measure is one module of one shape: `name`; `needs` (`build`: it makes the
 * build; `browser`: it runs in Chromium against the site served; `shared`: it
 * reads ../shared, which KB_SHARED_DIR moves); `appliesTo(site)`; `run(context)`
 * → figures; `print(figures by site)` → lines. This file only lists and runs them:
 * a new measure is a new module in MEASURES.
 *
 *   node bench/run.mjs [--only NAME,…] [--skip-build] [--site-dir DIR] [--corpus-dir DIR] [--port N]
 *                      [--baseline DIR --baseline-article PATH [--baseline-corpus]]
 *
 * `--only` takes measure names (build, search-api, search-page, search-set, search-quality, article,
 * headers, password) and site names (site, corpus). Without `build`, the site is measured as already
 * built (dist/, or --site-dir): `--only password` measures the meter on dist/ and needs no ../shared.
 * Builds go to /tmp/kb-bench-site and /tmp/kb-bench-corpus (never dist/); servers listen from --port up.
 * Without ../shared, the measures that need it and the corpus site are left out, with a note.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { startServer } from '../scripts/serve.mjs';
import { HAS_SHARED, SHARED_DIR, launchChromium, sitesFrom } from './lib/sites.mjs';
import build from './measures/build.mjs';
import searchApi from './measures/search-api.mjs';
import searchPage from './measures/search-page.mjs';
import searchSet from './measures/search-set.mjs';
import searchQuality from './measures/search-quality.mjs';
import article from './measures/article.mjs';
import headers from './measures/headers.mjs';
import password from './measures/password.mjs';

/** Every measure, in the order they run and print (the build first: the others measure what it built). */
const MEASURES = [build, searchApi, searchPage, searchSet, searchQuality, article, headers, password];

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    baseline: { type: 'string' },
    'baseline-article': { type: 'string' },
    // The baseline was built with the corpus: measure it on the queries that expect imported pages too.
    'baseline-corpus': { type: 'boolean', default: false },
    'site-dir': { type: 'string' },
    'corpus-dir': { type: 'string', default: '/tmp/kb-bench-corpus' },
    port: { type: 'string', default: '4690' },
  },
});

const only = args.only?.split(',').map((name) => name.trim());
const named = (thing) => !only || only.includes(thing.name);
const allSites = sitesFrom(args, { build: MEASURES.filter(named).some((m) => m.needs.build) });
for (const name of only ?? [])
  if (![...MEASURES, ...allSites].some((thing) => thing.name === name))
    throw new Error(`--only ${name}: no measure or site of that name`);
// `--only` may name measures, sites or both: a list of only measures keeps every site, and the other way round.
const pickMeasures = !only || MEASURES.some(named);
const pickSites = only && allSites.some(named);
let measures = MEASURES.filter((m) => !pickMeasures || named(m));
let sites = allSites.filter((site) => !pickSites || named(site) || site.name === 'baseline');
if (!HAS_SHARED) {
  const left = [...measures.filter((m) => m.needs.shared), ...sites.filter((site) => site.needsShared)];
  if (left.length) console.error(`[bench] ${SHARED_DIR} is absent: left out ${left.map((t) => t.name).join(', ')}`);
  measures = measures.filter((m) => !m.needs.shared);
  sites = sites.filter((site) => !site.needsShared);
}

/** Serve a site and open Chromium once, for all its browser measures. */
async function withBrowser(site, port, work) {
  const server = await startServer({ port, host: '127.0.0.1', dir: site.outDir });
  const browser = await launchChromium();
  try {
    return await work({ browser, base: `http://127.0.0.1:${port}` });
  } finally {
    await browser.close();
    server.close();
  }
}

const results = { date: new Date().toISOString(), machine: { cpus: cpus().length }, sites: {} };
let port = Number(args.port) - 1;
for (const site of sites) {
  const due = measures.filter((m) => m.appliesTo(site));
  if (!due.length) continue;
  const figures = (results.sites[site.name] = {});
  for (const measure of due.filter((m) => !m.needs.browser)) figures[measure.name] = await measure.run({ site, args });
  const inBrowser = due.filter((m) => m.needs.browser);
  if (!inBrowser.length) continue;
  console.error(`[bench] ${site.name}: measuring in Chromium…`);
  await withBrowser(site, (port += 1), async (browserContext) => {
    for (const measure of inBrowser) {
      console.error(`[bench] ${site.name}: ${measure.name}…`);
      figures[measure.name] = await measure.run({ site, args, ...browserContext });
    }
  });
}

mkdirSync('bench/results', { recursive: true });
const file = `bench/results/${results.date.replace(/[:.]/g, '-')}.json`;
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);

for (const measure of measures) {
  const bySite = Object.fromEntries(
    Object.entries(results.sites)
      .filter(([, figures]) => measure.name in figures)
      .map(([name, figures]) => [name, figures[measure.name]]),
  );
  if (Object.keys(bySite).length) console.log([...measure.print(bySite), ''].join('\n'));
}
console.log(`written to ${file}`);
