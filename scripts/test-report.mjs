/**
 * How scripts/run-tests.mjs reads a test stage's JSON report and decides
 * whether the stage can be trusted: pure functions, unit-tested in
 * tests/unit/runner/.
 */

/** Tests that read ../shared carry this in their title (see tests/support/shared.ts). */
export const NEEDS_SHARED = '(needs ../shared)';

/**
 * Every test of a report as { title, status: 'passed' | 'failed' | 'skipped' }, per report kind;
 * a browser test that failed and then passed on its retry also carries `flaky: true`.
 */
export const READERS = {
  vitest(report) {
    return report.testResults.flatMap((file) => {
      const tests = file.assertionResults.map((result) => ({
        title: [file.name, ...result.ancestorTitles, result.title].join(' › '),
        status: result.status === 'passed' ? 'passed' : result.status === 'failed' ? 'failed' : 'skipped',
      }));
      // A file that fails to load has no tests at all: count it as one failure.
      return tests.length === 0 && file.status === 'failed'
        ? [{ title: `${file.name}: ${file.message}`, status: 'failed' }]
        : tests;
    });
  },
  playwright(report) {
    const walk = (suite, path) => [
      ...(suite.specs ?? []).flatMap((spec) =>
        spec.tests.map((test) => ({
          title: [...path, spec.title].join(' › '),
          status: test.status === 'skipped' ? 'skipped' : test.status === 'unexpected' ? 'failed' : 'passed',
          ...(test.status === 'flaky' ? { flaky: true } : {}),
        })),
      ),
      ...(suite.suites ?? []).flatMap((child) => walk(child, [...path, child.title])),
    ];
    // Errors outside any test (a spec that throws while loading, a forbidden .only) fail the stage too.
    const loadErrors = (report.errors ?? []).map((error) => ({
      title: `error outside tests: ${String(error.message).split('\n')[0]}`,
      status: 'failed',
    }));
    return [...(report.suites ?? []).flatMap((suite) => walk(suite, [suite.title])), ...loadErrors];
  },
  lighthouse(report) {
    return [
      ...Array(report.passed).fill({ title: 'lighthouse', status: 'passed' }),
      ...Array(report.failed).fill({ title: 'lighthouse', status: 'failed' }),
    ];
  },
};

/**
 * Checks a stage's tests against its floor and known skips. Returns the lines
 * to print and the problems (each one counts as a failure):
 * - a skip must match a knownSkips entry ({ title, count, why }), within its count, or
 *   carry NEEDS_SHARED while ../shared is absent;
 * - tests run, plus those skipped for lack of ../shared, must reach the floor.
 * A flaky test (passed on its retry) is named, so nobody mistakes it for a steady pass.
 */
export function auditStage(stage, tests, { hasShared }) {
  const lines = [];
  const problems = [];
  const skipped = tests.filter((test) => test.status === 'skipped');
  const ran = tests.length - skipped.length;
  const sharedSkips = hasShared ? [] : skipped.filter((test) => test.title.includes(NEEDS_SHARED));
  for (const test of sharedSkips) lines.push(`skipped: ${test.title}: ../shared is absent`);
  for (const test of tests.filter((candidate) => candidate.flaky))
    lines.push(`flaky: ${test.title} failed, then passed on its retry`);
  const unexplained = skipped.filter((test) => !sharedSkips.includes(test));
  for (const known of stage.knownSkips ?? []) {
    const matching = unexplained.filter((test) => test.title.includes(known.title));
    if (matching.length > known.count)
      problems.push(`${matching.length} skips match "${known.title}", ${known.count} allowed (${known.why})`);
    else if (matching.length > 0) lines.push(`skipped ${matching.length}: ${known.title} (${known.why})`);
    for (const test of matching) unexplained.splice(unexplained.indexOf(test), 1);
  }
  for (const test of unexplained) problems.push(`skipped without a listed reason: ${test.title}`);
  if (ran + sharedSkips.length < (stage.floor ?? 0)) {
    problems.push(
      `ran ${ran} tests, fewer than its floor of ${stage.floor} (a .only, a skip, a spec that no longer loads, or tests removed: lower the floor in scripts/run-tests.mjs only on purpose)`,
    );
  }
  lines.push(`${stage.name}: ${ran} ran, ${skipped.length} skipped (floor ${stage.floor ?? 0})`);
  return { lines, problems };
}
