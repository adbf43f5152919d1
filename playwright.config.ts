import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/support/chromium';

// The built site (npm run build) served as a static host would, on loopback only.
const PORT = Number(process.env.E2E_PORT ?? 4399);
const DIST = process.env.E2E_DIST ?? 'dist';
// The corpus specs run only in the corpus stage (E2E_CORPUS=1, against dist-corpus), where a missing page fails;
// the hostile-import spec only in its own stage (E2E_HOSTILE=1, against dist-hostile).
const CORPUS_ONLY = ['**/legacy-corpus.spec.ts'];
const HOSTILE_ONLY = ['**/legacy-hostile.spec.ts'];

export default defineConfig({
  testDir: 'tests/e2e',
  testIgnore: [...(process.env.E2E_CORPUS ? [] : CORPUS_ONLY), ...(process.env.E2E_HOSTILE ? [] : HOSTILE_ONLY)],
  // A forgotten test.only must never turn a run green, on CI or not.
  forbidOnly: true,
  fullyParallel: true,
  workers: 2,
  // One retry: on a shared 2-core CI machine a page can stall once (a load that never goes idle). A test
  // that fails twice fails; one that passes on its retry is named as flaky in the summary (scripts/test-report.mjs).
  retries: 1,
  // Generous: CI machines have 2 cores shared by Chromium, the server and the runner.
  timeout: 60_000,
  // Under that load a first search (Pagefind's WebAssembly) can take over the default 5 s.
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: chromiumLaunchOptions(),
    trace: 'off',
  },
  webServer: {
    command: `node scripts/serve.mjs --port ${PORT} --host 127.0.0.1 --dir ${DIST}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
