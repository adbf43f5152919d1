import { defineConfig } from 'vitest/config';
import { passwordDictionaries } from './src/lib/password/dictionaries-plugin.mjs';

export default defineConfig({
  // The password estimator imports its trimmed word lists from this plugin's virtual module.
  plugins: [passwordDictionaries()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // A forgotten it.only must never turn a run green, on CI or not.
    allowOnly: false,
  },
});
