/**
 * What the measures run against: the sites (our build alone, with the legacy
 * corpus, a --baseline built elsewhere), ../shared (KB_SHARED_DIR moves it) and
 * the browser. Each is set up only when a chosen measure needs it.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readSearchTestSet } from './search-test-set.mjs';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';

/** ../shared beside the repository: the search test set and the legacy corpus. */
export const SHARED_DIR = resolve(process.env.KB_SHARED_DIR ?? '../shared');
export const HAS_SHARED = existsSync(SHARED_DIR);

let queries;
/** The search test set, read on first use (measures that do not need ../shared never touch it). */
export function sharedQueries() {
  queries ??= readSearchTestSet(SHARED_DIR);
  return queries;
}

/** The sites to measure, from the command line. */
export function sitesFrom(args, { build }) {
  const sites = [
    {
      name: 'site',
      // A run that builds nothing (say `--only password`) measures the site as last built, in dist/.
      outDir: args['site-dir'] ?? (build ? '/tmp/kb-bench-site' : 'dist'),
      env: { KB_LEGACY_DIR: '' },
      article: '/docs/secure-a-compromised-rackspace-email-mailbox/',
      ours: true,
    },
    {
      name: 'corpus',
      outDir: args['corpus-dir'],
      env: { KB_LEGACY_DIR: join(SHARED_DIR, 'corpus/rackspace-how-to') },
      article: '/docs/3-2-1-backup-rule-for-the-cloud/',
      ours: true,
      corpus: true,
      needsShared: true,
    },
  ];
  if (args.baseline)
    sites.push({
      name: 'baseline',
      outDir: args.baseline,
      article: args['baseline-article'],
      ours: false,
      corpus: args['baseline-corpus'],
    });
  return sites;
}

/** Queries marked `corpus` expect imported pages, absent from the site alone. */
export const queriesFor = (site) => sharedQueries().filter((query) => site.corpus || !query.corpus);

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}
