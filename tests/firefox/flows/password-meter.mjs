/** The password meter: the service rules answer at once, and the estimator's verdict follows from its worker. */
import { waitUntil } from '../page-helpers.mjs';
export const name = 'the password meter: rules and strength verdicts while typing';

const PAGE = '/docs/password-management-and-best-practices/';
const FIELD = 'input[autocomplete="new-password"]';

/** The data-state of one of the two verdicts. */
const stateOf = (page, result) => page.$eval(`[data-result="${result}"]`, (node) => node.getAttribute('data-state'));

export async function run({ page, baseURL, check }) {
  await page.goto(`${baseURL}${PAGE}`, { waitUntil: 'load' });
  await page.$eval('.password-meter', (block) => block.scrollIntoView());
  await page.waitForSelector(FIELD, { visible: true, timeout: 30_000 });
  await page.focus(FIELD);

  // Compliant but weak: the policy passes, the strength verdict fails.
  await page.type(FIELD, 'Password123!');
  await waitUntil(page, () => document.querySelector('[data-result="policy"]')?.getAttribute('data-state') === 'pass', {
    timeout: 30_000,
  });
  await waitUntil(
    page,
    () => document.querySelector('[data-result="strength"]')?.getAttribute('data-state') === 'fail',
    { timeout: 60_000 },
  );

  // A long random passphrase: both pass once the worker has answered.
  await page.$eval(FIELD, (input) => input.select());
  await page.type(FIELD, 'Quartz-lantern-78-mossy-harbour-velvet');
  await waitUntil(
    page,
    () => document.querySelector('[data-result="strength"]')?.getAttribute('data-state') === 'pass',
    { timeout: 60_000 },
  );
  check((await stateOf(page, 'policy')) === 'pass', 'the passphrase should meet the service rules');
  check(!page.url().includes('Quartz'), 'the password reached the address');
}
