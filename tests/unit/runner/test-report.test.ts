/**
 * The runner's trust rules over synthetic reports: what a forgotten .only, a
 * stray skip, a spec that fails to load or a missing ../shared look like.
 */
import { describe, expect, it } from 'vitest';
import { READERS, auditStage, NEEDS_SHARED } from '../../../scripts/test-report.mjs';

type Status = 'passed' | 'failed' | 'skipped';
const tests = (count: number, status: Status = 'passed', title = 'a test') =>
  Array.from({ length: count }, (_, i) => ({ title: `${title} ${i}`, status }));
const stage = { name: 'browser', floor: 10, knownSkips: [{ title: 'timing', count: 2, why: 'opt-in' }] };

describe('auditStage', () => {
  it('accepts a full run with its known skips', () => {
    const { problems, lines } = auditStage(stage, [...tests(10), ...tests(2, 'skipped', 'timing')], {
      hasShared: true,
    });
    expect(problems).toEqual([]);
    expect(lines.at(-1)).toBe('browser: 10 ran, 2 skipped (floor 10)');
  });

  it('names a test that passed only on its retry, without failing the stage', () => {
    const report = {
      suites: [
        {
          title: 'a.spec.ts',
          specs: [
            { title: 'steady', tests: [{ status: 'expected' }] },
            { title: 'wobbly', tests: [{ status: 'flaky' }] },
          ],
        },
      ],
    };
    const read = READERS.playwright(report);
    expect(read).toEqual([
      { title: 'a.spec.ts › steady', status: 'passed' },
      { title: 'a.spec.ts › wobbly', status: 'passed', flaky: true },
    ]);
    const { problems, lines } = auditStage({ name: 'browser', floor: 2 }, read, { hasShared: true });
    expect(problems).toEqual([]);
    expect(lines).toContain('flaky: a.spec.ts › wobbly failed, then passed on its retry');
  });

  it('fails a run below its floor, as a forgotten .only leaves it', () => {
    expect(auditStage(stage, tests(1), { hasShared: true }).problems).toEqual([
      expect.stringContaining('ran 1 tests, fewer than its floor of 10'),
    ]);
  });

  it('fails a skip nobody listed, and more known skips than allowed', () => {
    expect(
      auditStage(stage, [...tests(10), ...tests(1, 'skipped', 'search works')], { hasShared: true }).problems,
    ).toEqual(['skipped without a listed reason: search works 0']);
    expect(auditStage(stage, [...tests(10), ...tests(3, 'skipped', 'timing')], { hasShared: true }).problems).toEqual([
      '3 skips match "timing", 2 allowed (opt-in)',
    ]);
  });

  it('accepts skips for ../shared only when it is absent, and counts them toward the floor', () => {
    const run = [...tests(9), ...tests(1, 'skipped', `facts ${NEEDS_SHARED}`)];
    expect(auditStage(stage, run, { hasShared: false })).toEqual({
      problems: [],
      lines: [`skipped: facts ${NEEDS_SHARED} 0: ../shared is absent`, 'browser: 9 ran, 1 skipped (floor 10)'],
    });
    expect(auditStage(stage, run, { hasShared: true }).problems).toContain(
      `skipped without a listed reason: facts ${NEEDS_SHARED} 0`,
    );
  });
});

describe('report readers', () => {
  it('reads Playwright statuses through nested suites, and errors outside tests as failures', () => {
    const report = {
      suites: [
        {
          title: 'a.spec.ts',
          specs: [{ title: 'one', tests: [{ status: 'expected' }] }],
          suites: [
            {
              title: 'group',
              specs: [{ title: 'two', tests: [{ status: 'skipped' }, { status: 'unexpected' }, { status: 'flaky' }] }],
            },
          ],
        },
      ],
      errors: [{ message: 'Error: item focused with ".only"\n  at …' }],
    };
    expect(READERS.playwright(report)).toEqual([
      { title: 'a.spec.ts › one', status: 'passed' },
      { title: 'a.spec.ts › group › two', status: 'skipped' },
      { title: 'a.spec.ts › group › two', status: 'failed' },
      { title: 'a.spec.ts › group › two', status: 'passed', flaky: true },
      { title: 'error outside tests: Error: item focused with ".only"', status: 'failed' },
    ]);
  });

  it('reads Vitest statuses, and a file that failed to load as one failure', () => {
    const report = {
      testResults: [
        {
          name: 'a.test.ts',
          status: 'passed',
          assertionResults: [
            { ancestorTitles: ['d'], title: 't', status: 'passed' },
            { ancestorTitles: [], title: 's', status: 'pending' },
          ],
        },
        { name: 'b.test.ts', status: 'failed', message: 'Cannot find module', assertionResults: [] },
      ],
    };
    expect(READERS.vitest(report)).toEqual([
      { title: 'a.test.ts › d › t', status: 'passed' },
      { title: 'a.test.ts › s', status: 'skipped' },
      { title: 'b.test.ts: Cannot find module', status: 'failed' },
    ]);
  });
});
