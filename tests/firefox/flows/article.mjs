/** The main article loads complete, and a ticket's deep link lands on its step at once. */
import { setViewport, waitUntil } from '../page-helpers.mjs';
export const name = 'the main article loads and a deep link lands';

const ARTICLE = '/docs/secure-a-compromised-rackspace-email-mailbox/';

/** Whether the element with this id is in the viewport right now. */
const inView = (page, id) =>
  page.evaluate((targetId) => {
    const rect = document.getElementById(targetId)?.getBoundingClientRect();
    return rect !== undefined && rect.top >= 0 && rect.top < innerHeight && rect.bottom > 0;
  }, id);

export async function run({ page, baseURL, check }) {
  await setViewport(page, { width: 390, height: 844 });
  await page.goto(`${baseURL}${ARTICLE}`, { waitUntil: 'load' });
  const steps = await page.$$eval('ol.steps > li.step', (items) => items.map((item) => item.id));
  check(steps.length === 6, `expected 6 steps, found ${steps.length}`);

  await page.goto(`${baseURL}${ARTICLE}#step-blocklist-sender`, { waitUntil: 'load' });
  await new Promise((resolve) => setTimeout(resolve, 150));
  check(await inView(page, 'step-blocklist-sender'), '#step-blocklist-sender is not in view 150 ms after load');
  check(
    await page.$eval('#step-blocklist-sender', (node) => node.matches(':target')),
    '#step-blocklist-sender is not the :target',
  );

  // A retired id lands on its replacement, and the address bar names the current id.
  await page.goto(`${baseURL}${ARTICLE}#step-scan-computers`, { waitUntil: 'load' });
  await waitUntil(page, () => location.hash === '#step-scan-devices', { timeout: 10_000 });
  check(
    await inView(page, 'step-scan-devices'),
    '#step-scan-devices is not in view after the retired #step-scan-computers',
  );
}
