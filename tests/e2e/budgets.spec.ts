import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/fixtures';

const budgets = JSON.parse(readFileSync(join(import.meta.dirname, '../budgets.json'), 'utf8')) as Record<string, number> & { page: string };

interface Transfer {
  url: string;
  type: string;
  bytes: number;
}

test('the main article stays within its byte and request budgets on first load', async ({ page, baseURL }, testInfo) => {
  const transfers: Transfer[] = [];
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes();
    transfers.push({ url: request.url(), type: request.resourceType(), bytes: sizes.responseBodySize });
  });
  await page.goto(budgets.page);
  await page.waitForLoadState('networkidle');
  // Scroll through the page so that every client:visible island hydrates.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);

  const sum = (type: string) => transfers.filter((transfer) => transfer.type === type).reduce((total, transfer) => total + transfer.bytes, 0);
  const figures = {
    htmlBytes: sum('document'),
    cssBytes: sum('stylesheet'),
    jsBytes: sum('script'),
    totalBytes: transfers.reduce((total, transfer) => total + transfer.bytes, 0),
    requests: transfers.length,
  };
  await testInfo.attach('first-load', { body: JSON.stringify({ figures, transfers }, null, 2), contentType: 'application/json' });
  console.log(`first load of ${budgets.page}: ${JSON.stringify(figures)}`);

  expect(transfers.filter((transfer) => !transfer.url.startsWith(baseURL!)), 'requests to other origins').toEqual([]);
  for (const [name, value] of Object.entries(figures)) {
    expect(value, `${name} (limit ${budgets[name]})`).toBeLessThanOrEqual(budgets[name]!);
  }
  expect(transfers.some((transfer) => transfer.url.includes('/pagefind/')), 'search code loads before anyone searches').toBe(false);
});
