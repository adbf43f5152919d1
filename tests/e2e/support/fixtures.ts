/**
 * The `test` every browser test imports: fails any test whose page logs a
 * console error or throws, so every spec also checks "no errors".
 */
import { test as base, expect } from '@playwright/test';

export const MAIN_ARTICLE = '/docs/secure-a-compromised-rackspace-email-mailbox/';

export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      await use(errors);
      expect(errors, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
