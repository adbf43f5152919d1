#!/usr/bin/env node
/**
 * `npm run bench`: build the site alone and with the legacy corpus
 * (KB_LEGACY_DIR=../shared/corpus/rackspace-how-to), then measure what
 * issue 4 asks for: build time (astro build + pagefind) and peak memory,
 * pages, dist/ size, Pagefind index size, bytes a first search downloads,
 * search latency in Chromium, the gzip weight of one imported article, and
 * the search-quality score on ../shared/search/user-queries*.json; on the site
 * build, also the header analyzer's gzip sizes and parse times
 * (bench/lib/headers.mjs, which also runs on its own) and the password
 * meter's figures (issue 9, bench/lib/password.mjs).
 * Writes bench/results/<time>.json and prints a table.
 *
 *   node bench/run.mjs [--skip-build] [--only site|corpus|password]
 *
 * `--only password` measures only the password meter, on the existing dist/.
 *                      [--baseline DIR --baseline-article PATH]
 *
 * Builds go to /tmp/kb-bench-site and /tmp/kb-bench-corpus (never dist/), or
 * --site-dir / --corpus-dir; servers listen from --port (default 4690) up.
 * `--baseline` measures another Pagefind site already built in DIR (say, the
 * same corpus built with Starlight) with the very same browser script, so the
 * search figures sit side by side measured the same way.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { build, distFigures } from './lib/build.mjs';
import { apiSearch, searchPage, searchPageOverQueries } from './lib/search-latency.mjs';
import { searchQuality } from './lib/search-quality.mjs';
import { passRates, readSearchTestSet } from './lib/search-test-set.mjs';
import { pageWeight } from './lib/page-weight.mjs';
import { headerAnalyzerFigures, printHeaderFigures } from './lib/headers.mjs';
import { passwordFigures } from './lib/password.mjs';

const { values: args } = parseArgs({
  options: {
    'skip-build': { type: 'boolean', default: false },
    only: { type: 'string' },
    baseline: { type: 'string' },
    'baseline-article': { type: 'string' },
    // The baseline was built with the corpus: measure it on the queries that expect imported pages too.
    'baseline-corpus': { type: 'boolean', default: false },
    'site-dir': { type: 'string', default: '/tmp/kb-bench-site' },
    'corpus-dir': { type: 'string', default: '/tmp/kb-bench-corpus' },
    port: { type: 'string', default: '4690' },
  },
});
const CORPUS = '../shared/corpus/rackspace-how-to';
// Latency is timed on the first 15 queries (the former queries.json, so figures stay comparable);
// quality is scored on all of them.
const QUERIES = readSearchTestSet('../shared');
const LATENCY_QUERIES = QUERIES.slice(0, 15);
const VARIANTS = [
  {
    name: 'site',
    outDir: args['site-dir'],
    env: { KB_LEGACY_DIR: '' },
    article: '/docs/secure-a-compromised-rackspace-email-mailbox/',
    ours: true,
  },
  {
    name: 'corpus',
    outDir: args['corpus-dir'],
    env: { KB_LEGACY_DIR: CORPUS },
    article: '/docs/3-2-1-backup-rule-for-the-cloud/',
    ours: true,
    corpus: true,
  },
].filter((v) => !args.only || v.name === args.only);
const PASSWORD_DIR = args.only === 'password' ? 'dist' : VARIANTS.find((v) => v.name === 'site')?.outDir;
if (args.baseline)
  VARIANTS.push({
    name: 'baseline',
    outDir: args.baseline,
    article: args['baseline-article'],
    ours: false,
    corpus: args['baseline-corpus'],
  });

/** Queries marked `corpus` expect imported pages, absent from the site alone. */
const queriesFor = (variant) => QUERIES.filter((query) => variant.corpus || !query.corpus);

function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

async function browserFigures(variant, port) {
  const server = await startServer({ port, host: '127.0.0.1', dir: variant.outDir });
  const browser = await launchChromium();
  const base = `http://127.0.0.1:${port}`;
  try {
    const figures = {
      api: await apiSearch(
        browser,
        base,
        LATENCY_QUERIES.map((query) => query.q),
      ),
    };
    if (variant.article) figures.article = await pageWeight(browser, `${base}${variant.article}`);
    // Any build with our search page (a build of an older commit given as --baseline too).
    if (existsSync(join(variant.outDir, 'search', 'index.html'))) {
      figures.searchSet = await searchPageOverQueries(
        browser,
        base,
        queriesFor(variant).map((query) => query.q),
      );
    }
    if (variant.ours) {
      figures.searchPage = await searchPage(browser, base, QUERIES[0].q);
      figures.quality = await searchQuality(browser, base, queriesFor(variant));
      const html = readFileSync(join(variant.outDir, variant.article, 'index.html'));
      figures.articleHtml = { bytes: html.length, gzipBytes: gzipSync(html).length };
      if (variant.name === 'site') figures.headers = await headerAnalyzerFigures(browser, base, variant.outDir);
    }
    return figures;
  } finally {
    await browser.close();
    server.close();
  }
}

const results = { date: new Date().toISOString(), machine: { cpus: cpus().length }, variants: {} };
let port = Number(args.port) - 1;
for (const variant of VARIANTS) {
  const reuse = !variant.ours || (args['skip-build'] && existsSync(variant.outDir));
  console.error(`[bench] ${variant.name}: ${reuse ? 'using the existing build' : 'building'} in ${variant.outDir}…`);
  const buildFigures = reuse ? {} : await build(variant.outDir, variant.env);
  console.error(`[bench] ${variant.name}: measuring in Chromium…`);
  results.variants[variant.name] = {
    ...buildFigures,
    ...distFigures(variant.outDir),
    ...(await browserFigures(variant, (port += 1))),
  };
}

if (PASSWORD_DIR) {
  console.error(`[bench] password meter: measuring ${PASSWORD_DIR}…`);
  const server = await startServer({ port: (port += 1), host: '127.0.0.1', dir: PASSWORD_DIR });
  const browser = await launchChromium();
  try {
    results.password = await passwordFigures(browser, `http://127.0.0.1:${port}`, PASSWORD_DIR);
  } finally {
    await browser.close();
    server.close();
  }
}

mkdirSync('bench/results', { recursive: true });
const file = `bench/results/${results.date.replace(/[:.]/g, '-')}.json`;
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);

// Binary units, named as such (GNU time counts KiB): 1,000 MB would be 953.7 MiB.
const mb = (n) => (n === undefined ? '–' : `${(n / 1024 / 1024).toFixed(1)} MiB`);
const peak = (n) => (n === undefined ? '–' : `${mb(n)} (${(n / 1e9).toFixed(3)} GB; budget 1 GB)`);
const kb = (n) => (n === undefined ? '–' : `${(n / 1024).toFixed(1)} KB`);
const s = (n) => (n === undefined ? '–' : `${n.toFixed(1)} s`);
const ms = (n) => (n === undefined ? '–' : `${Math.round(n)} ms`);
const spread = (t) => (t === undefined ? '–' : `${ms(t.median)} (${Math.round(t.min)}–${Math.round(t.max)})`);
const rows = [
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
  [
    'API: first search downloads, median (range)',
    (v) =>
      `${kb(v.api.firstSearchBytes.median)} (${Math.round(v.api.firstSearchBytes.min / 1024)}–${Math.round(v.api.firstSearchBytes.max / 1024)})`,
  ],
  ['API: cold first query, median (range)', (v) => spread(v.api.coldMs)],
  ['API: first query once initialised', (v) => spread(v.api.afterInitMs)],
  ['API: warm query, median of 50', (v) => ms(v.api.warmMedianMs)],
  ['search page: link to first results', (v) => spread(v.searchPage?.fromLinkFirstMs)],
  ['search page: link to all 10 announced', (v) => spread(v.searchPage?.fromLinkAllMs)],
  ['search page: downloads from a link', (v) => kb(v.searchPage?.fromLinkBytes)],
  ['search page: Enter to first results', (v) => spread(v.searchPage?.typedFirstMs)],
  ['search page: Enter to all announced', (v) => spread(v.searchPage?.typedAllMs)],
  ['search page, each query from a link: first results', (v) => spread(v.searchSet?.firstMs)],
  [
    'search page, each query from a link: downloads',
    (v) =>
      v.searchSet
        ? `${kb(v.searchSet.bytes.median)} (${Math.round(v.searchSet.bytes.min / 1024)}–${Math.round(v.searchSet.bytes.max / 1024)})`
        : '–',
  ],
  [
    'search page, each query from a link: index chunks',
    (v) => (v.searchSet ? v.searchSet.meanIndexChunks.toFixed(2) : '–'),
  ],
  ['article weight (gzip, all requests)', (v) => kb(v.article?.gzipBytes)],
  ['article requests', (v) => String(v.article?.requests ?? '–')],
  [
    'article HTML (raw / gzip)',
    (v) => (v.articleHtml ? `${kb(v.articleHtml.bytes)} / ${kb(v.articleHtml.gzipBytes)}` : '–'),
  ],
  ['search quality: page in top 3', (v) => (v.quality ? `${v.quality.pageTop3}/${v.quality.total}` : '–')],
  ['search quality: page + section', (v) => (v.quality ? `${v.quality.sectionHit}/${v.quality.total}` : '–')],
];
const names = Object.keys(results.variants);
if (results.password) {
  const p = results.password;
  const timing = (t) => `median ${ms(t.median)}, p95 ${ms(t.p95)}, max ${ms(t.max)} (${t.count})`;
  console.log('password meter');
  console.log(`  estimator chunk (gzip)                   ${kb(p.estimatorGzipBytes)}`);
  console.log(`  meter shell chunk / stylesheet (gzip)    ${kb(p.shellGzipBytes)} / ${kb(p.stylesheetGzipBytes)}`);
  console.log(
    `  score agreement with full dictionaries   ${p.agreement.same}/${p.agreement.total} (${p.agreement.percent.toFixed(1)} %)`,
  );
  console.log(`  first focus to first assessment          ${timing(p.firstFocusToAssessmentMs)}`);
  console.log(`  worker, 1,000 passwords of 1–64 chars    ${timing(p.workerSampleMs)}`);
  console.log(`  worker, pathological inputs              ${timing(p.workerPathologicalMs)}`);
  console.log(`  typing fast: long tasks / longest        ${p.typing.longTasks} / ${ms(p.typing.longestMs)}`);
}
const width = Math.max(...rows.map(([label]) => label.length));
console.log(`${''.padEnd(width)}  ${names.map((n) => n.padStart(20)).join('  ')}`);
for (const [label, format] of rows)
  console.log(`${label.padEnd(width)}  ${names.map((n) => format(results.variants[n]).padStart(20)).join('  ')}`);
for (const name of names) {
  const quality = results.variants[name].quality;
  if (quality) console.log(`[${name}] search quality (page + section): ${passRates(quality.outcomes)}`);
  for (const miss of quality?.misses ?? []) {
    console.log(
      `[${name}] miss: "${miss.q}" → want ${miss.page}${miss.section ? `#${miss.section}` : ''}, got ${miss.got.join(', ') || 'nothing'}`,
    );
  }
}
if (results.variants.site?.headers) printHeaderFigures(results.variants.site.headers);
console.log(`\nwritten to ${file}`);
