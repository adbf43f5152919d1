#!/usr/bin/env node
/**
 * `npm test`: build the site, type-check, run the unit tests and the browser
 * tests, then print one summary line, `tests: N passed, N failed`. Every stage
 * runs even when an earlier one fails, so one run shows everything broken.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const stages = [
  { name: 'build', command: 'npm run build' },
  { name: 'type check', command: 'npx astro check' },
  { name: 'unit', command: 'npx vitest run --reporter=default --reporter=json --outputFile=test-results/unit.json', report: 'test-results/unit.json' },
  { name: 'browser', command: 'npx playwright test', report: 'test-results/e2e.json', needs: 'build' },
  { name: 'html', command: 'node tests/html/validate.mjs', report: 'test-results/html.json', needs: 'build' },
  { name: 'firefox', command: 'node tests/firefox/run.mjs', report: 'test-results/firefox.json', needs: 'build' },
  { name: 'lighthouse', command: 'node tests/lighthouse/run.mjs', report: 'test-results/lighthouse.json', needs: 'build' },
];

// With the shared legacy corpus beside the repo, also build the site with it
// (KB_LEGACY_DIR) into dist-corpus/ and run the tests written for that scale.
const CORPUS = '../shared/corpus/rackspace-how-to';
if (existsSync(CORPUS)) {
  stages.push(
    {
      name: 'corpus build',
      command: `KB_LEGACY_DIR=${CORPUS} npx astro build --outDir dist-corpus && npx pagefind --site dist-corpus`,
    },
    {
      name: 'corpus browser',
      command: 'E2E_DIST=dist-corpus E2E_PORT=4397 E2E_REPORT=test-results/e2e-corpus.json npx playwright test legacy-corpus search-quality',
      report: 'test-results/e2e-corpus.json',
      needs: 'corpus build',
    },
    {
      name: 'corpus lighthouse',
      // An imported article, a product landing page and a search of the whole corpus.
      command:
        'E2E_DIST=dist-corpus LIGHTHOUSE_REPORT=test-results/lighthouse-corpus.json LIGHTHOUSE_PAGES=/docs/3-2-1-backup-rule-for-the-cloud/,/products/cloud-servers/,/search/?q=set+up+email+forwarding node tests/lighthouse/run.mjs',
      report: 'test-results/lighthouse-corpus.json',
      needs: 'corpus build',
    },
  );
}

function countVitest(report) {
  return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0 };
}

function countPlaywright(report) {
  const { expected = 0, unexpected = 0, flaky = 0 } = report.stats ?? {};
  return { passed: expected + flaky, failed: unexpected };
}

function countLighthouse(report) {
  return { passed: report.passed, failed: report.failed };
}

const COUNTERS = {
  unit: countVitest,
  browser: countPlaywright,
  'corpus browser': countPlaywright,
  lighthouse: countLighthouse,
  'corpus lighthouse': countLighthouse,
  // The HTML checker and the Firefox runner write {passed, failed} like Lighthouse's.
  html: countLighthouse,
  firefox: countLighthouse,
};

let passed = 0;
let failed = 0;
const failedStages = [];
for (const stage of stages) {
  if (stage.needs && failedStages.includes(stage.needs)) {
    console.log(`\n▶ ${stage.name}: skipped, ${stage.needs} failed`);
    failed += 1;
    continue;
  }
  if (stage.report) rmSync(stage.report, { force: true });
  console.log(`\n▶ ${stage.name}: ${stage.command}`);
  const result = spawnSync(stage.command, { stdio: 'inherit', shell: true });
  const ok = result.status === 0;
  if (stage.report && existsSync(stage.report)) {
    const report = JSON.parse(readFileSync(stage.report, 'utf8'));
    const counts = COUNTERS[stage.name](report);
    passed += counts.passed;
    failed += counts.failed;
    if (!ok && counts.failed === 0) failed += 1;
  } else if (!ok) {
    failed += 1;
  } else if (!stage.report) {
    passed += 1;
  }
  if (!ok) failedStages.push(stage.name);
}

if (failedStages.length > 0) console.log(`\nFailed: ${failedStages.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
