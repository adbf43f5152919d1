/**
 * The `test` every browser test imports: fails any test whose page logs a
 * console error or throws, so every spec also checks "no errors"; and counts
 * the page's requests from its start, for `networkSettled` (bench/lib/network.mjs).
 */
import { test as base, expect } from '@playwright/test';
import { watchNetwork } from '../../../bench/lib/network.mjs';

export const MAIN_ARTICLE = '/docs/secure-a-compromised-rackspace-email-mailbox/';

export const test = base.extend<{ pageErrors: string[]; watchedNetwork: void }>({
  watchedNetwork: [
    async ({ page }, use) => {
      watchNetwork(page);
      await use();
    },
    { auto: true },
  ],
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      // A page that is itself meant to be a 404 logs its status; that is not a fault.
      const notFoundPages = new Set<string>();
      page.on('response', (response) => {
        if (response.status() === 404 && response.request().isNavigationRequest()) notFoundPages.add(response.url());
      });
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        if (notFoundPages.has(message.location().url) && message.text().includes('404')) return;
        errors.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      await use(errors);
      expect(errors, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
