#!/usr/bin/env node
/**
 * `npm test`: build the site, type-check, check the dependencies, run the unit
 * tests and the browser tests, then print one summary line,
 * `tests: N passed, N failed`, always last. Every stage runs even when an
 * earlier one fails, so one run shows everything broken.
 *
 * The runner cannot be fooled by a quieter suite: `.only` is refused, each test
 * stage must run at least its floor of tests, every skip must be a known one
 * (listed below, with its reason), and each stage has a time limit.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { READERS, auditStage } from './test-report.mjs';
import { buildNodeOptions } from './build-heap.mjs';

/** What ../shared provides (README): the facts sheet, the search test set and the legacy corpus. KB_SHARED_DIR moves it. */
const SHARED = process.env.KB_SHARED_DIR ?? '../shared';
const CORPUS = `${SHARED}/corpus/rackspace-how-to`;
const HAS_SHARED = existsSync(SHARED);
const HAS_CORPUS = existsSync(CORPUS);

/**
 * The stages, in order. Fields:
 * - name, command; minutes: the stage is killed after this long and counts as failed.
 * - when: false leaves the stage out, said loudly (why: the reason).
 * - needs: a stage that must have passed first.
 * - report + kind ('vitest' | 'playwright' | 'lighthouse'): the JSON report the counts come from.
 * - floor: the fewest tests the stage must run (passed + failed, plus the tests skipped for lack of
 *   ../shared). Raise it when tests are added; lower it only when tests are removed on purpose.
 * - knownSkips: the only skips allowed, each { title (part of the test's full title), count, why }.
 * A stage without a report counts as one test. TEST_STAGES=name,name runs only the stages named.
 */
const stages = [
  { name: 'build', command: 'npm run build', minutes: 15 },
  { name: 'type check', command: 'npx astro check', minutes: 10 },
  { name: 'dependencies', command: 'npx knip', minutes: 5 },
  // One style: ESLint (bugs, Astro templates, accessibility of the islands' JSX) and Prettier; any finding fails.
  { name: 'lint', command: 'npx eslint . && npx prettier --check .', minutes: 10 },
  {
    name: 'unit',
    command: 'npx vitest run --allowOnly=false --reporter=default --reporter=json --outputFile=test-results/unit.json',
    report: 'test-results/unit.json',
    kind: 'vitest',
    floor: 1163,
    minutes: 10,
  },
  {
    name: 'browser',
    command: 'npx playwright test --forbid-only',
    report: 'test-results/e2e.json',
    kind: 'playwright',
    floor: 275,
    knownSkips: [
      { title: 'timing (logged, not asserted)', count: 4, why: 'opt-in measurement: CHECKER_TIMING=1' },
      {
        title: 'a retired article is left out of search',
        count: 1,
        why: 'needs the corpus build; runs in the corpus stage',
      },
    ],
    needs: 'build',
    minutes: 30,
  },
  // The Nu Html Checker over every built page; its report counts pages.
  {
    name: 'html',
    command: 'node tests/html/validate.mjs',
    report: 'test-results/html.json',
    kind: 'lighthouse',
    floor: 15,
    needs: 'build',
    minutes: 10,
  },
  // The main flows in a second engine: Firefox ESR over WebDriver BiDi (tests/firefox/flows/).
  {
    name: 'firefox',
    command: 'node tests/firefox/run.mjs',
    report: 'test-results/firefox.json',
    kind: 'lighthouse',
    floor: 7,
    needs: 'build',
    minutes: 10,
  },
  {
    name: 'lighthouse',
    command: 'node tests/lighthouse/run.mjs',
    report: 'test-results/lighthouse.json',
    kind: 'lighthouse',
    floor: 9,
    needs: 'build',
    minutes: 15,
  },
  // With the shared legacy corpus beside the repo, also build the site with it
  // (KB_LEGACY_DIR) into dist-corpus/ and run the tests written for that scale.
  {
    name: 'corpus build',
    when: HAS_CORPUS,
    why: `${CORPUS} is absent`,
    command: `KB_LEGACY_DIR=${CORPUS} NODE_OPTIONS='${buildNodeOptions()}' npx astro build --outDir dist-corpus && node scripts/index-search.mjs dist-corpus`,
    minutes: 30,
  },
  {
    name: 'corpus browser',
    when: HAS_CORPUS,
    why: `${CORPUS} is absent`,
    command:
      'E2E_CORPUS=1 E2E_DIST=dist-corpus E2E_PORT=4397 E2E_REPORT=test-results/e2e-corpus.json npx playwright test --forbid-only legacy-corpus search-quality sitemap',
    report: 'test-results/e2e-corpus.json',
    kind: 'playwright',
    // Import tests, axe on sampled pages, search quality, the retired article, the sitemap.
    floor: 44,
    needs: 'corpus build',
    minutes: 30,
  },
  {
    name: 'corpus lighthouse',
    when: HAS_CORPUS,
    why: `${CORPUS} is absent`,
    // An imported article, a product landing page and a search of the whole corpus.
    command:
      'E2E_DIST=dist-corpus LIGHTHOUSE_REPORT=test-results/lighthouse-corpus.json LIGHTHOUSE_PAGES=/docs/3-2-1-backup-rule-for-the-cloud/,/products/cloud-servers/,/search/?q=set+up+email+forwarding node tests/lighthouse/run.mjs',
    report: 'test-results/lighthouse-corpus.json',
    kind: 'lighthouse',
    floor: 9,
    needs: 'corpus build',
    minutes: 15,
  },
  // Hostile legacy files (tests/fixtures/hostile-legacy/), beside a slice of the corpus when it is present: the
  // build must pass, and legacy-hostile.spec.ts checks its warnings and every page in Chromium.
  { name: 'hostile build', command: 'node tests/fixtures/hostile-legacy/build-site.mjs', minutes: 15 },
  {
    name: 'hostile browser',
    command:
      'E2E_HOSTILE=1 E2E_DIST=dist-hostile E2E_PORT=4396 E2E_REPORT=test-results/e2e-hostile.json npx playwright test --forbid-only legacy-hostile',
    report: 'test-results/e2e-hostile.json',
    kind: 'playwright',
    // One test per built page: the corpus slice adds 4 pages when ../shared is there.
    floor: HAS_CORPUS ? 12 : 8,
    needs: 'hostile build',
    minutes: 15,
  },
];

/** Runs a shell command in its own process group, killed whole at the time limit. */
function run(command, minutes) {
  return new Promise((resolve) => {
    const child = spawn(command, { stdio: 'inherit', shell: true, detached: true });
    const stop = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, minutes * 60_000);
    // Ctrl-C reaches only the runner (the stage has its own process group): stop the stage, then stop.
    const interrupt = () => {
      stop();
      process.exit(130);
    };
    process.once('SIGINT', interrupt);
    child.on('exit', (code) => {
      clearTimeout(timer);
      process.off('SIGINT', interrupt);
      resolve({ ok: code === 0 && !timedOut, timedOut });
    });
  });
}

// TEST_STAGES=unit,browser runs only those stages (said loudly, like every stage left out).
const chosen = process.env.TEST_STAGES?.split(',').map((name) => name.trim());
for (const stage of stages) {
  if (chosen && !chosen.includes(stage.name) && stage.when !== false)
    Object.assign(stage, { when: false, why: 'left out by TEST_STAGES' });
}
const absent = stages.filter((stage) => stage.when === false);
const loudAbsence = () => {
  for (const stage of absent) console.log(`!!! NOT RUN: ${stage.name}: ${stage.why}. Its tests did not run.`);
};
loudAbsence();

let passed = 0;
let failed = 0;
const failedStages = [];
// Named again at the end: CI may keep only the tail of the output.
const failedTests = [];
const flakyTests = [];
const stageProblems = [];
for (const stage of stages.filter((candidate) => candidate.when !== false)) {
  if (stage.needs && failedStages.includes(stage.needs)) {
    console.log(`\n▶ ${stage.name}: not run, ${stage.needs} failed`);
    failed += 1;
    failedStages.push(stage.name);
    continue;
  }
  if (stage.report) rmSync(stage.report, { force: true });
  console.log(`\n▶ ${stage.name}: ${stage.command}`);
  const { ok, timedOut } = await run(stage.command, stage.minutes);
  const problems = timedOut ? [`killed after its time limit of ${stage.minutes} minutes`] : [];
  if (stage.report && existsSync(stage.report)) {
    const tests = READERS[stage.kind](JSON.parse(readFileSync(stage.report, 'utf8')));
    passed += tests.filter((test) => test.status === 'passed').length;
    failed += tests.filter((test) => test.status === 'failed').length;
    for (const test of tests.filter((candidate) => candidate.status === 'failed'))
      failedTests.push(`${stage.name}: ${test.title}`);
    for (const test of tests.filter((candidate) => candidate.flaky)) flakyTests.push(`${stage.name}: ${test.title}`);
    const audit = auditStage(stage, tests, { hasShared: HAS_SHARED });
    for (const line of audit.lines) console.log(`  ${line}`);
    problems.push(...audit.problems);
    if (!ok && !tests.some((test) => test.status === 'failed'))
      problems.push('exited with an error but reported no failed test');
  } else if (stage.report) {
    problems.push(`wrote no report (${stage.report})`);
  } else if (ok) {
    passed += 1;
  } else {
    problems.push('failed');
  }
  for (const problem of problems) console.log(`✘ ${stage.name}: ${problem}`);
  stageProblems.push(...problems.map((problem) => `${stage.name}: ${problem}`));
  failed += problems.length;
  if (!ok || problems.length > 0) failedStages.push(stage.name);
}

console.log('');
loudAbsence();
for (const title of flakyTests) console.log(`flaky (passed on its retry): ${title}`);
for (const title of failedTests) console.log(`failed: ${title}`);
for (const problem of stageProblems) console.log(`✘ ${problem}`);
if (failedStages.length > 0) console.log(`Failed: ${failedStages.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
