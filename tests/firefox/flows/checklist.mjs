/** The recovery checklist: ticking the first step marks it done, and the restore step waits for its prerequisites. */
import { waitUntil } from '../page-helpers.mjs';
export const name = 'the recovery checklist: tick a step, the restore step stays locked';

const ARTICLE = '/docs/secure-a-compromised-rackspace-email-mailbox/';

export async function run({ page, baseURL, check }) {
  await page.goto(`${baseURL}${ARTICLE}`, { waitUntil: 'load' });
  await page.evaluate(() => localStorage.clear());
  await page.$eval('[data-checklist], #secure-your-mailbox', (node) => node.scrollIntoView());
  const first = '[data-step="step-change-password"] input[type="checkbox"]';
  await page.waitForSelector(first, { visible: true, timeout: 30_000 });

  await page.click('[data-question="mailbox-disabled"] input[value="yes"]');
  await waitUntil(
    page,
    () => document.querySelector('[data-step="step-restore-access"]')?.getAttribute('data-status') === 'locked',
    { timeout: 10_000 },
  );
  await page.click(first);
  await waitUntil(
    page,
    () => document.querySelector('[data-step="step-change-password"]')?.getAttribute('data-status') === 'done',
    { timeout: 10_000 },
  );
  const restore = await page.$eval('[data-step="step-restore-access"]', (node) => node.getAttribute('data-status'));
  check(restore === 'locked', `the restore step should stay locked until the scan is done, found ${restore}`);
}
