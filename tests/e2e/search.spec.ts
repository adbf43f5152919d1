import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DIST } from './support/site';
import { test, expect, MAIN_ARTICLE } from './support/fixtures';
import { pageSettled } from './support/islands';

/** The search page's own figures in tests/budgets.json. */
interface SearchBudgets {
  searchLinkFirstResultBytes: number;
  searchLinkFirstResultRequests: number;
}
const budgets = JSON.parse(readFileSync(join(import.meta.dirname, '../budgets.json'), 'utf8')) as SearchBudgets;

/** The search is over when the results list says so (src/scripts/search-page.ts): no guessing from the network. */
const searchFinal = (page: Page) =>
  expect(page.locator('[data-search-results]')).toHaveAttribute('data-search-state', 'final', { timeout: 20_000 });

test('"forwarding rules" finds the main article and its forwarding-rules symptom', async ({ page }) => {
  await page.goto('/search/?q=forwarding+rules');
  const result = page.locator('.search-result', { has: page.locator(`h2 a[href^="${MAIN_ARTICLE}"]`) });
  await expect(result).toBeVisible();
  await expect(result.locator('[data-section="symptom-forwarding-rules"]')).toBeVisible();
  await expect(result.locator('mark').first()).toBeVisible();
});

test('a search link from a ticket shows results, and a result opens the section with the words marked', async ({
  page,
}) => {
  await page.goto('/search/?q=malware');
  await expect(page.locator('[data-search-status]')).toContainText('for “malware”');
  expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
  await expect(page.locator('#page-search')).toHaveValue('malware');
  await page.locator(`.search-result a[href*="${MAIN_ARTICLE}"][data-section]`).first().click();
  await expect(page).toHaveURL(/highlight=malware/);
  await expect(page.locator('.article__body mark.search-highlight').first()).toBeVisible();
});

test('a ticket link’s first results cost at most the budgeted bytes and requests, each file fetched once, none by a worker', async ({
  page,
}) => {
  // What had arrived when the first results were put on screen (resource timing: the page and every file it fetched).
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-search-results]')?.getAttribute('data-search-state') !== 'shown') return;
      observer.disconnect();
      (globalThis as { arrivedBeforeResults?: unknown }).arrivedBeforeResults = [
        ...performance.getEntriesByType('navigation'),
        ...performance.getEntriesByType('resource'),
      ].map((entry) => ({ url: entry.name, bytes: (entry as PerformanceResourceTiming).encodedBodySize }));
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-search-state'] });
  });
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname + new URL(request.url()).search));
  await page.goto('/search/?q=forwarding+rules');
  await searchFinal(page);
  const arrived = (await page.evaluate(
    () => (globalThis as { arrivedBeforeResults?: unknown }).arrivedBeforeResults,
  )) as { url: string; bytes: number }[];
  const bytes = arrived.reduce((total, file) => total + file.bytes, 0);
  console.log(`ticket link to first results: ${bytes} bytes in ${arrived.length} requests`);
  expect(bytes).toBeLessThanOrEqual(budgets.searchLinkFirstResultBytes);
  expect(arrived.length).toBeLessThanOrEqual(budgets.searchLinkFirstResultRequests);
  // A preloaded file that the search fetched again (another URL, or from a worker) would be downloaded twice.
  expect(requested.filter((url, index) => requested.indexOf(url) !== index)).toEqual([]);
  expect(requested.filter((url) => url.includes('pagefind-worker'))).toEqual([]);
});

test("a ticket link starts downloading the small index's main chunk while its HTML is still being parsed, the others when a word needs them", async ({
  page,
}) => {
  await page.goto('/search/?q=forwarding+rules');
  await searchFinal(page);
  const timing = await page.evaluate(() => ({
    parsed: performance.getEntriesByType('navigation')[0]!.toJSON().domInteractive as number,
    chunks: performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/pagefind/index/'))
      .map((entry) => ({ url: new URL(entry.name).pathname, started: entry.startTime })),
  }));
  const preloaded = await page
    .locator('head link[rel="preload"][href*="/pagefind/index/"]')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname));
  // The index as built: each preloaded chunk holds at least half of it, and the search used every one.
  const indexDir = join(DIST, 'pagefind/index');
  const sizes = new Map(
    readdirSync(indexDir)
      .filter((name) => name.endsWith('.pf_index'))
      .map((name) => [`/pagefind/index/${name}`, statSync(join(indexDir, name)).size]),
  );
  const indexBytes = [...sizes.values()].reduce((total, bytes) => total + bytes, 0);
  expect(preloaded.length).toBeGreaterThan(0);
  for (const url of preloaded) expect(sizes.get(url)! * 2, url).toBeGreaterThanOrEqual(indexBytes);
  expect(timing.chunks.map((chunk) => chunk.url)).toEqual(expect.arrayContaining(preloaded));
  // domInteractive is the end of parsing: the page script, a module, has not run yet. Preloaded chunks start before
  // it; any other starts after, once the search asks for it.
  for (const { url, started } of timing.chunks)
    if (preloaded.includes(url)) expect(started, url).toBeLessThan(timing.parsed);
    else expect(started, url).toBeGreaterThan(timing.parsed);
});

test('the first result goes on screen without waiting for the downloads of the results below it', async ({ page }) => {
  // Routing also turns off the HTTP cache, so the second visit downloads every fragment again.
  const requestOrder: string[] = [];
  let heldFrom = Infinity;
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/pagefind/fragment/**', async (route) => {
    const url = route.request().url();
    if (heldFrom === Infinity) requestOrder.push(url);
    else if (requestOrder.indexOf(url) >= heldFrom) await released;
    await route.continue();
  });
  await page.goto('/search/?q=forwarding+rules');
  await searchFinal(page);
  const links = page.locator('.search-result h2 a');
  const finalOrder = await links.evaluateAll((found) => found.map((link) => (link as HTMLAnchorElement).href));
  expect(finalOrder.length).toBeGreaterThan(2);
  // The first result is the main article's matching sections, a record (a fragment) each, and results ask for their
  // fragments in rank order: everything after the first result's is held back.
  heldFrom = await page.locator('.search-result').first().locator('[data-section]').count();
  expect(heldFrom).toBeGreaterThan(0);

  await page.goto('/search/?q=forwarding+rules');
  await expect(page.locator('[data-search-results]')).toHaveAttribute('data-search-state', 'shown');
  await expect(page.locator('[data-search-status]')).toContainText(
    `${finalOrder.length} results for “forwarding rules”`,
  );
  expect(await links.evaluateAll((found) => found.map((link) => (link as HTMLAnchorElement).href))).toEqual(
    finalOrder.slice(0, 1),
  );
  release();
  await searchFinal(page);
  expect(await links.evaluateAll((found) => found.map((link) => (link as HTMLAnchorElement).href))).toEqual(finalOrder);
});

test('results arriving one by one, a single result or none move nothing on screen, on a phone or a desktop', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const shifts: string[] = [];
    (globalThis as { layoutShifts?: string[] }).layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources: { node?: Node }[] })[])
        shifts.push(`${entry.value.toFixed(4)} ${entry.sources.map((source) => source.node?.nodeName).join(',')}`);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 720 },
  ]) {
    await page.setViewportSize(viewport);
    // "anniversaries" is on one page only; "xylophone" on none, so the longer message comes above all articles;
    // "pasword" is found nowhere, so "Did you mean" joins the status line with the count.
    for (const query of [
      'forwarding rules',
      'how do i warn my co-workers',
      'mailbox',
      'anniversaries',
      'xylophone',
      'pasword reset',
    ]) {
      await page.goto(`/search/?q=${encodeURIComponent(query)}`);
      await searchFinal(page);
      // One more frame after the last change, for a shift it caused to be reported.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const shifts = await page.evaluate(() => (globalThis as { layoutShifts?: string[] }).layoutShifts);
      expect(shifts, `layout shifts for “${query}” at ${viewport.width} px`).toEqual([]);
    }
  }
});

test('typing updates the results and the URL; the product filter narrows them', async ({ page }) => {
  await page.goto('/search/');
  await page.locator('#page-search').fill('mailbox');
  await expect(page).toHaveURL(/\?q=mailbox$/);
  await expect(page.locator('.search-result').first()).toBeVisible();
  await page.locator('[data-product-filter]').selectOption('Microsoft Exchange');
  await expect(page).toHaveURL(/product=Microsoft\+Exchange/);
  await expect(page.locator('.search-result')).toHaveCount(1);
  await expect(page.locator('.search-result__product')).toHaveText('Microsoft Exchange');
});

test('the search page loads the whole small index once, so a typed search waits for no index download', async ({
  page,
}) => {
  const indexRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/pagefind/index/')) indexRequests.push(request.url());
  });
  await page.goto('/search/');
  await searchFinal(page);
  const preloaded = await page
    .locator('head link[rel="preload"][href*="/pagefind/index/"]')
    .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
  await expect.poll(() => indexRequests.length).toBe(preloaded.length);
  await page.locator('#page-search').fill('forwarding');
  await expect(page).toHaveURL(/\?q=forwarding$/);
  await searchFinal(page);
  await expect(page.locator('.search-result').first()).toBeVisible();
  expect(indexRequests.sort()).toEqual(preloaded.sort());
});

test('arrow keys move from the search box through the results', async ({ page }) => {
  await page.goto('/search/?q=password');
  await expect(page.locator('.search-result').first()).toBeVisible();
  await page.locator('#page-search').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.search-result a').first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('#page-search')).toBeFocused();
});

test('no results suggests the home page and the compromised-mailbox article', async ({ page }) => {
  await page.goto('/search/?q=жжжж');
  const status = page.locator('[data-search-status]');
  await expect(status).toContainText('No results');
  await expect(status.getByRole('link', { name: 'home page' })).toHaveAttribute('href', '/');
  await expect(status.getByRole('link', { name: /Secure a compromised/ })).toHaveAttribute('href', MAIN_ARTICLE);
});

test('a hostile query is shown as text, never run', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await page.goto(`/search/?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}&product=${'x'.repeat(3000)}`);
  await expect(page.locator('[data-search-status]')).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.locator('main img')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('a link whose words are too long searches the first 200 characters and says so; a typed search does not', async ({
  page,
}) => {
  const pasted = `${'forwarding '.repeat(450)}end`;
  await page.goto(`/search/?q=${encodeURIComponent(pasted)}`);
  await searchFinal(page);
  const status = page.locator('[data-search-status]');
  await expect(status.locator('[data-query-shortened]')).toHaveText(/only the first 200 characters were searched/);
  await expect(page.locator('#page-search')).toHaveValue(pasted.slice(0, 200).trim());
  expect(await page.locator('.search-result').count()).toBeGreaterThan(0);

  await page.locator('#page-search').fill('malware');
  await page.locator('#page-search').press('Enter');
  await expect(status).toContainText('for “malware”');
  await expect(status.locator('[data-query-shortened]')).toHaveCount(0);
});

test('direction marks in a link’s words turn only those words, not the rest of the status line', async ({ page }) => {
  const words = 'pass\u202eword reset';
  await page.goto(`/search/?q=${encodeURIComponent(words)}`);
  await searchFinal(page);
  const status = page.locator('[data-search-status]');
  await expect(status.locator('bdi')).toHaveText(words);
  await expect(status).toContainText(/^\d+ results? for “/);
});

test('the header search box loads search code only once it is focused, and submits to the search page', async ({
  page,
}) => {
  const pagefindRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/pagefind/')) pagefindRequests.push(request.url());
  });
  await page.goto(MAIN_ARTICLE);
  await pageSettled(page);
  expect(pagefindRequests).toEqual([]);
  await page.locator('#site-search').focus();
  await expect.poll(() => pagefindRequests.length).toBeGreaterThan(0);
  await page.locator('#site-search').fill('blocklist');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=blocklist$/);
  await expect(page.locator('.search-result').first()).toBeVisible();
});

test('when no page has every word, pages with some of them are still shown', async ({ page }) => {
  // "greyed" is on the block-or-restore page only, "anniversaries" on the password page only: no page has
  // both, so only the any-word fallback finds anything. (A word on no page at all is simply ignored.)
  await page.goto('/search/?q=greyed+anniversaries');
  await expect(
    page.locator('.search-result h2 a[href^="/docs/block-or-restore-rackspace-email-access/"]'),
  ).toBeVisible();
  await expect(
    page.locator('.search-result h2 a[href^="/docs/password-management-and-best-practices/"]'),
  ).toBeVisible();
  await expect(page.locator('[data-search-status]')).not.toContainText('No results');
});

test('a reader’s word finds the article’s word, and the page says what it also searched for', async ({ page }) => {
  await page.goto('/search/?q=rackspace+suspended+my+email');
  const status = page.locator('[data-search-status]');
  await expect(status.locator('[data-also-searched]')).toHaveText(/Also searched for: .*disabled/, { timeout: 20_000 });
  const result = page.locator('.search-result', { has: page.locator(`h2 a[href^="${MAIN_ARTICLE}"]`) });
  await expect(result.locator('[data-section="symptom-mailbox-disabled"]')).toBeVisible();
  // The equivalent word is marked too, and carried to the article for highlighting.
  await expect(result.locator('mark', { hasText: /^disabled$/i }).first()).toBeVisible();
  expect(await result.locator('h2 a').getAttribute('href')).toContain('disabled');
});

test('a misspelt word gets "Did you mean …?" from the site’s own words, and following it searches again', async ({
  page,
}) => {
  const vocabulary: number[] = [];
  page.on('requestfinished', async (request) => {
    if (request.url().endsWith('/search-vocabulary.txt')) vocabulary.push((await request.sizes()).responseBodySize);
  });
  await page.goto('/search/?q=forwading+rules');
  const offer = page.locator('[data-search-status] [data-did-you-mean]');
  await expect(offer).toHaveText('Did you mean forwarding rules?', { timeout: 20_000 });
  // Loaded once, on demand, and small. The request's sizes are read after it finishes, which may come just after
  // the offer is shown: wait for that fact rather than assume it.
  await expect.poll(() => vocabulary.length).toBe(1);
  expect(vocabulary[0]).toBeLessThan(20_000);
  await offer.getByRole('link').click();
  await expect(page).toHaveURL(/\?q=forwarding\+rules$/);
  await expect(page.locator('#page-search')).toHaveValue('forwarding rules');
  await expect(page.locator('.search-result').first()).toBeVisible();
  await expect(offer).toHaveCount(0);
});

test('a correctly spelt search never fetches the vocabulary', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('/search/?q=password');
  await expect(page.locator('[data-search-status]')).toContainText('for “password”', { timeout: 20_000 });
  await searchFinal(page);
  expect(requests.filter((url) => url.includes('search-vocabulary'))).toEqual([]);
});

test('under each result, the section that matches the query best comes first', async ({ page }) => {
  await page.goto('/search/?q=forwarding+rule+I+did+not+create');
  const main = page.locator('.search-result', { has: page.locator(`h2 a[href^="${MAIN_ARTICLE}"]`) });
  await expect(main.locator('[data-section]').first()).toHaveAttribute('data-section', 'symptom-forwarding-rules', {
    timeout: 20_000,
  });

  await page.goto('/search/?q=virus+scan+on+iphone');
  await expect(main.locator('[data-section]').first()).toBeVisible({ timeout: 20_000 });
  const sections = await main
    .locator('[data-section]')
    .evaluateAll((links) => links.map((link) => (link as HTMLElement).dataset.section));
  expect(sections[0]).toBe('step-scan-devices');
  expect(sections).toContain('scan-a-phone');
});

test('the first three results list up to three sections each, the results below them their best one only', async ({
  page,
}) => {
  await page.goto('/search/?q=forwarding+rules');
  await searchFinal(page);
  const sectionsPerResult = await page
    .locator('.search-result')
    .evaluateAll((results) => results.map((result) => result.querySelectorAll('[data-section]').length));
  expect(sectionsPerResult.length).toBeGreaterThan(3);
  expect(Math.max(...sectionsPerResult.slice(0, 3))).toBeGreaterThan(1);
  for (const count of sectionsPerResult.slice(0, 3)) expect(count).toBeLessThanOrEqual(3);
  for (const count of sectionsPerResult.slice(3)) expect(count).toBeLessThanOrEqual(1);
});

test('under a result, no section repeats the text of one above it', async ({ page }) => {
  // The main article says step 1's first actions twice on purpose: in "Do this now" and in step 1 itself.
  for (const query of ['locked out of control panel', 'reset password', 'cannot sign in to change my password']) {
    await page.goto(`/search/?q=${encodeURIComponent(query)}`);
    await searchFinal(page);
    const excerptsPerResult = await page.locator('.search-result').evaluateAll((results) =>
      results.map((result) =>
        [...result.querySelectorAll('li > p')].map((excerpt) =>
          (excerpt.textContent ?? '')
            .replace(/[^\p{L}\p{N}]+/gu, ' ')
            .trim()
            .toLowerCase(),
        ),
      ),
    );
    expect(excerptsPerResult.length, query).toBeGreaterThan(0);
    for (const excerpts of excerptsPerResult) {
      const repeated = excerpts.filter((excerpt, index) => excerpt !== '' && excerpts.indexOf(excerpt) !== index);
      expect(repeated, query).toEqual([]);
    }
  }
});

test('a mark in an excerpt covers the matching word, not the punctuation after it', async ({ page }) => {
  await page.goto('/search/?q=locked+out+of+control+panel');
  await searchFinal(page);
  const marks = await page.locator('.search-result mark').allTextContents();
  expect(marks).toContain('administrators');
  expect(marks.filter((mark) => /[^\p{L}\p{N}]$/u.test(mark))).toEqual([]);
});

test('a question asking what something is puts the glossary first, and says it looked for one', async ({ page }) => {
  const GLOSSARY = '/docs/cloud-office-support-terminology/';
  const firstResult = page.locator('.search-result h2 a').first();
  // A plain topic search does not look for a glossary (its term for the topic may still win on its own text).
  await page.goto('/search/?q=control+panel');
  await expect(firstResult).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('[data-search-status]')).not.toContainText('terminology');

  await page.goto('/search/?q=what+is+the+control+panel');
  await expect(page.locator('[data-also-searched]')).toContainText('terminology', { timeout: 20_000 });
  await expect(firstResult).toHaveAttribute('href', new RegExp(`^${GLOSSARY}`));
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search page says search needs JavaScript, keeps the query, lists the articles and has no dead controls', async ({
    page,
  }) => {
    await page.goto('/search/?q=forwarding+rules');
    const notice = page.locator('[data-search-needs-script]');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('Search needs JavaScript');
    await expect(notice).toContainText('address bar');
    // The query stays where the reader can see it and come back to it.
    expect(new URL(page.url()).searchParams.get('q')).toBe('forwarding rules');
    await expect(page.locator('[data-all-articles] a[href^="/docs/"]').first()).toBeVisible();
    // No control that would only reload this page: no search box, button or product filter.
    for (const control of await page
      .locator('main input, main select, main button, header input, header button')
      .all()) {
      await expect(control).toBeHidden();
    }
  });
});
