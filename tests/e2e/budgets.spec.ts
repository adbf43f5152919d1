import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { expectHydrated, pageSettled } from './support/islands';
import { networkSettled } from '../../bench/lib/network.mjs';
import { RISK_FACTORS, STEPS, SYMPTOMS } from '../../src/lib/compromise/items';

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
  checkerHydratedJsBytes: number;
  phoneHeightScreens: number;
  hydratedTotalBytes: number;
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
  // Islands in the first viewport would hydrate now; those further down (all of them today) wait for a scroll.
  await pageSettled(page);
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
  await networkSettled(page);
  const checker = page.locator('#symptom-checker');
  // The island watches the top of the block: bring its first heading into view.
  await checker.getByRole('heading', { level: 2 }).first().scrollIntoViewIfNeeded();
  await expectHydrated(checker.locator(':scope > astro-island'));
  await pageSettled(page);
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
  expect(jsBytes, `jsBytes with the checker (limit ${budgets.checkerHydratedJsBytes})`).toBeLessThanOrEqual(
    budgets.checkerHydratedJsBytes,
  );
});

test('the password meter shell stays within its budget when it hydrates, and the estimator waits for focus', async ({
  page,
}, testInfo) => {
  // A page where the meter is the only island, so everything fetched on the way to it is its cost (Preact included).
  await page.goto(budgets.meterPage);
  await networkSettled(page);
  const recorded = recordTransfers(page);
  const meter = page.locator('.password-meter');
  await meter.scrollIntoViewIfNeeded();
  await expectHydrated(page.locator('astro-island:has(.password-meter)'));
  await expect(meter.locator('input[autocomplete="new-password"]')).toBeVisible();
  await pageSettled(page);
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

/**
 * Scrolls a screen at a time to the end, so every island (all client:visible) hydrates on the way. The password
 * meter stays folded in step 1 (it hydrates when a reader opens it): the page is measured as a reader finds it.
 */
async function hydrateEveryIsland(page: Page) {
  for (;;) {
    const atEnd = await page.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 1);
    if (atEnd) break;
    const before = await page.evaluate(() => scrollY);
    await page.mouse.wheel(0, 600);
    // The wheel does not wait for the scroll: the page has moved once scrollY has.
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(before);
  }
  await expectHydrated(page.locator('#symptom-checker > astro-island'));
  await expectHydrated(page.locator('.checklist-block > astro-island'));
  await expect(page.locator('#symptom-checker input[type="checkbox"]')).toHaveCount(7 + 6);
  await expect(page.locator('[data-checklist] [data-step]')).toHaveCount(6);
  await pageSettled(page);
}

test.describe('on a phone (390 × 844), every island hydrated', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('each symptom, risk factor and step title is shown once, and the page stays within its height', async ({
    page,
  }, testInfo) => {
    const recorded = recordTransfers(page);
    await page.goto(budgets.page);
    await hydrateEveryIsland(page);
    const hydratedBytes = sum(await recorded());
    // The text a reader sees: not what only screen readers get (a copy link's name), and not the
    // live progress line, which names the next step by design (a status, not a second list).
    const shown = await page.locator('main').evaluate((main) => {
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      let text = '';
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('.visually-hidden, [aria-hidden="true"], [role="status"]')) continue;
        if (parent.checkVisibility()) text += node.textContent;
      }
      return text.replace(/\s+/g, ' ');
    });
    const counts = Object.fromEntries(
      [
        ...SYMPTOMS.map((item) => item.label),
        ...RISK_FACTORS.map((item) => item.label),
        ...STEPS.map((step) => step.title),
      ].map((title) => [title, shown.split(title).length - 1]),
    );
    expect(Object.entries(counts).filter(([, count]) => count !== 1)).toEqual([]);

    const figures = await page.evaluate(() => {
      const screens = (px: number) => Math.round((px / innerHeight) * 10) / 10;
      const step1 = document.getElementById('step-change-password')!.getBoundingClientRect().top + scrollY;
      return { heightScreens: screens(document.documentElement.scrollHeight), step1Screens: screens(step1) };
    });
    Object.assign(figures, { hydratedBytes });
    await testInfo.attach('phone-height', { body: JSON.stringify(figures), contentType: 'application/json' });
    console.log(`${budgets.page} at 390 x 844, every island hydrated: ${JSON.stringify(figures)}`);
    expect(figures.heightScreens, `page height in screens (limit ${budgets.phoneHeightScreens})`).toBeLessThanOrEqual(
      budgets.phoneHeightScreens,
    );
    expect(
      hydratedBytes,
      `every byte, every island hydrated (limit ${budgets.hydratedTotalBytes})`,
    ).toBeLessThanOrEqual(budgets.hydratedTotalBytes);
  });
});
