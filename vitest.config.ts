import { configDefaults, defineConfig } from 'vitest/config';
import { passwordDictionaries } from './src/lib/password/dictionaries-plugin.mjs';

export default defineConfig({
  // The password estimator imports its trimmed word lists from this plugin's virtual module.
  plugins: [passwordDictionaries()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    // Under Stryker (npm run test:mutation) the instrumented code runs several times slower, and the timing tests
    // (linearity) would fail its first, unmutated run: they measure speed, which a mutation score does not.
    exclude: process.env.STRYKER_MUTATOR_WORKER
      ? [...configDefaults.exclude, 'tests/unit/**/linearity.test.ts']
      : configDefaults.exclude,
    environment: 'node',
    // A forgotten it.only must never turn a run green, on CI or not.
    allowOnly: false,
  },
});
