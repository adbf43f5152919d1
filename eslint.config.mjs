// One lint configuration for the whole tree (flat config). Prettier owns formatting, so no style rules here:
// these rules find bugs (typescript-eslint), Astro template mistakes (eslint-plugin-astro) and accessibility
// mistakes in the Preact islands' JSX (eslint-plugin-jsx-a11y). `npm run lint`; `npm test` fails on any finding.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist-corpus/',
      'dist-hostile/',
      '.astro/',
      'bench/results/',
      'test-results/',
      'playwright-report/',
      'reports/',
      // Byte-exact hostile input for the import tests, not code of ours.
      'tests/fixtures/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    files: ['**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
    settings: {
      // Preact writes `for` on labels (React's htmlFor), which the rules must read as the same attribute.
      'jsx-a11y': { attributes: { for: ['for', 'htmlFor'] } },
    },
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // A region that scrolls sideways must take focus so a keyboard can scroll it (axe: scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['tabpanel', 'region'] }],
    },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // An unused argument named with a leading underscore is deliberate (a callback's fixed shape).
      // Matching control characters is the job of the code that cleans hostile input (import, storage, server).
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
