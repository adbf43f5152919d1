/** The header analyzer: pasted headers give the return-path and the originating IP to blocklist. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const name = 'the header analyzer: paste headers, get the return-path and the originating IP';

const PAGE = '/docs/view-and-read-rackspace-email-headers/';
const FIXTURES = join(import.meta.dirname, '../../fixtures/headers');

export async function run({ page, baseURL, check }) {
  const headers = readFileSync(join(FIXTURES, 'gmail-to-rackspace.txt'), 'utf8');
  const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8'))['gmail-to-rackspace.txt'];
  await page.goto(`${baseURL}${PAGE}`, { waitUntil: 'load' });
  await page.$eval('#header-analyzer', (section) => section.scrollIntoView());
  const input = 'textarea[data-headers-input]';
  await page.waitForSelector(input, { visible: true, timeout: 30_000 });
  // Set the value as a paste would, then tell the island.
  await page.$eval(
    input,
    (area, text) => {
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    },
    headers,
  );
  await page.click('.header-analyzer .header-analyzer__form button');
  await page.waitForSelector('[data-field="originating-ip"]', { timeout: 30_000 });
  const ip = await page.$eval('[data-field="originating-ip"]', (node) => node.textContent.trim());
  const returnPath = await page.$eval('[data-field="return-path"]', (node) => node.textContent.trim());
  check(ip === expected.originatingIp, `originating IP ${ip}, expected ${expected.originatingIp}`);
  check(returnPath === expected.returnPath, `return-path ${returnPath}, expected ${expected.returnPath}`);
}
