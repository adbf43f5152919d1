import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';

interface Budgets {
  page: string;
  totalBytes: number;
  htmlBytes: number;
  cssBytes: number;
  jsBytes: number;
  requests: number;
  meterPage: string;
  meterShellJsBytes: number;
  meterShellCssBytes: number;
}

const budgets = JSON.parse(readFileSync(join(import.meta.dirname, '../budgets.json'), 'utf8')) as Budgets;

interface Transfer {
  url: string;
  type: string;
  bytes: number;
}

/**
 * Every finished request of the page from now on, with its transferred (encoded) body size. Call the
 * returned function to get them: it waits for the sizes still being read, which on a busy machine can
 * lag behind the page.
 */
function recordTransfers(page: Page): () => Promise<Transfer[]> {
  const pending: Promise<Transfer>[] = [];
  page.on('requestfinished', (request) => {
    pending.push(
      request
        .sizes()
        .then((sizes) => ({ url: request.url(), type: request.resourceType(), bytes: sizes.responseBodySize })),
    );
  });
  return () => Promise.all(pending);
}

const sum = (transfers: Transfer[], type?: string) =>
  transfers
    .filter((transfer) => !type || transfer.type === type)
    .reduce((total, transfer) => total + transfer.bytes, 0);

/** The password meter's files: its island chunk, its stylesheet and the estimator worker. */
const METER_FILE = /\/_astro\/(PasswordMeter|password-meter|estimator\.worker)[.-]/;

test('the main article stays within its byte and request budgets on first load (no scrolling)', async ({
  page,
  baseURL,
}, testInfo) => {
  const recorded = recordTransfers(page);
  await page.goto(budgets.page);
  await page.waitForLoadState('networkidle');
  // Islands in the first viewport would hydrate now; those further down (all of them today) wait for a scroll.
  await page.waitForTimeout(500);
  await page.waitForLoadState('networkidle');
  const transfers = await recorded();

  const figures = {
    htmlBytes: sum(transfers, 'document'),
    cssBytes: sum(transfers, 'stylesheet'),
    jsBytes: sum(transfers, 'script'),
    totalBytes: sum(transfers),
    requests: transfers.length,
  };
  await testInfo.attach('first-load', {
    body: JSON.stringify({ figures, transfers }, null, 2),
    contentType: 'application/json',
  });
  console.log(`first load of ${budgets.page}: ${JSON.stringify(figures)}`);

  expect(
    transfers.filter((transfer) => !transfer.url.startsWith(baseURL!)),
    'requests to other origins',
  ).toEqual([]);
  for (const [name, value] of Object.entries(figures)) {
    expect(value, `${name} (limit ${budgets[name as keyof typeof figures]})`).toBeLessThanOrEqual(
      budgets[name as keyof typeof figures],
    );
  }
  expect(
    transfers.some((transfer) => transfer.url.includes('/pagefind/')),
    'search code loads before anyone searches',
  ).toBe(false);
  expect(
    transfers.filter((transfer) => METER_FILE.test(transfer.url)).map((transfer) => transfer.url),
    'the password meter (far below) loads before a scroll',
  ).toEqual([]);
});

test('the main article stays within its JavaScript budget once the symptom checker has hydrated', async ({
  page,
}, testInfo) => {
  const recorded = recordTransfers(page);
  await page.goto(budgets.page);
  await page.waitForLoadState('networkidle');
  const checker = page.locator('#symptom-checker');
  // The island watches the top of the block: bring its first heading into view.
  await checker.getByRole('heading', { level: 2 }).first().scrollIntoViewIfNeeded();
  await expect(checker.getByRole('group', { name: 'Who are you?' })).toBeVisible({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const transfers = await recorded();
  const jsBytes = sum(transfers, 'script');
  await testInfo.attach('checker-hydrated', {
    body: JSON.stringify({ jsBytes, transfers }, null, 2),
    contentType: 'application/json',
  });
  console.log(`${budgets.page} with the checker hydrated: ${jsBytes} B of JavaScript`);
  expect(
    transfers.some((transfer) => /\/_astro\/SymptomChecker\./.test(transfer.url)),
    'the checker loaded',
  ).toBe(true);
  expect(jsBytes, `jsBytes with the checker (limit ${budgets.jsBytes})`).toBeLessThanOrEqual(budgets.jsBytes);
});

test('the password meter shell stays within its budget when it hydrates, and the estimator waits for focus', async ({
  page,
}, testInfo) => {
  // A page where the meter is the only island, so everything fetched on the way to it is its cost (Preact included).
  await page.goto(budgets.meterPage);
  await page.waitForLoadState('networkidle');
  const recorded = recordTransfers(page);
  const meter = page.locator('.password-meter');
  await meter.scrollIntoViewIfNeeded();
  await expect(meter.locator('input[autocomplete="new-password"]')).toBeVisible({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const transfers = await recorded();

  const figures = { meterShellJsBytes: sum(transfers, 'script'), meterShellCssBytes: sum(transfers, 'stylesheet') };
  await testInfo.attach('meter-shell', {
    body: JSON.stringify({ figures, transfers }, null, 2),
    contentType: 'application/json',
  });
  console.log(`password meter shell on ${budgets.meterPage}: ${JSON.stringify(figures)}`);
  expect(figures.meterShellJsBytes, 'the meter loaded some JavaScript').toBeGreaterThan(0);
  for (const [name, value] of Object.entries(figures)) {
    expect(value, `${name} (limit ${budgets[name as keyof typeof figures]})`).toBeLessThanOrEqual(
      budgets[name as keyof typeof figures],
    );
  }
  expect(
    transfers.some((transfer) => transfer.url.includes('estimator.worker')),
    'the estimator loads before the field is focused',
  ).toBe(false);
});
