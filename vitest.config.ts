import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // A forgotten it.only must never turn a run green, on CI or not.
    allowOnly: false,
  },
});
