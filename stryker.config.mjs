/**
 * Mutation testing (`npm run test:mutation`, README "Mutation testing"): Stryker changes the code of
 * `src/lib/` one small mutation at a time and runs the unit tests that cover it; a mutant no test
 * notices ("survived") is a change a regression could make unseen. Not part of `npm test`: over all of
 * `src/lib/` it takes hours on a small machine. One folder at a time:
 *
 *   nice npm run test:mutation -- --mutate 'src/lib/checklist/**'
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  // Only the unit tests that import the mutated file run for it (vitest's `related`).
  // Forks, not threads: a test that sets process.env.TZ (article-content.test.ts) needs a process of its own,
  // since Node applies a new time zone only on a process's main thread.
  vitest: { configFile: 'vitest.config.ts', related: true, pool: 'forks' },
  mutate: ['src/lib/**/*.{ts,mjs}', '!src/lib/**/*.d.ts'],
  // Each mutant runs only the tests that reached its line in the first, unmutated run.
  coverageAnalysis: 'perTest',
  // Mutants in module-level constants (word lists, tables) would need every test per mutant: not worth hours.
  ignoreStatic: true,
  concurrency: 1,
  timeoutMS: 60_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // The sandbox copies the project: not the builds and reports beside it.
  ignorePatterns: ['dist*', 'test-results', 'playwright-report', 'bench/results', '*.log'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 80, low: 60, break: null },
};
