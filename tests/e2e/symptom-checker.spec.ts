/**
 * The symptom checker island on the main article, in the built site. It works
 * on the article's own lists of signs and risk factors (#symptom-checker wraps
 * them): a box on each item, the verdict after them.
 */
import { test as plainTest, type Page } from '@playwright/test';
import { axeViolations as pageViolations } from './support/axe';
import { test, expect, MAIN_ARTICLE } from './support/fixtures';
import { expectHydrated } from './support/islands';
import { nextFrames } from '../../bench/lib/network.mjs';
import { expectNothingLeaves, expectNothingStored, watchRequests } from './support/privacy';

function checker(page: Page) {
  return page.locator('#symptom-checker');
}

/** Opens the article and waits until the island has added its boxes and its verdict. */
async function openChecker(page: Page, query = '') {
  await page.goto(MAIN_ARTICLE + query);
  const block = checker(page);
  // client:visible: the island loads when the block's top nears the viewport
  // (on a phone the block is taller than the screen, so scroll to its first heading).
  await block.getByRole('heading', { level: 2 }).first().scrollIntoViewIfNeeded();
  await expectHydrated(block.locator(':scope > astro-island'));
  await expect(block.getByRole('group', { name: 'Who are you?' })).toBeVisible();
  return block;
}

/** The full verdict, below the boxes. */
function verdictStatus(page: Page) {
  return checker(page).locator('#symptom-checker-verdict');
}

/** The short live summary that sticks beside the boxes. */
function brief(page: Page) {
  return checker(page).locator('.symptom-checker__brief');
}

/** The checker must never put answers in the address (or the history) by itself. */
async function expectNoAnswersInAddress(page: Page) {
  expect(await page.evaluate(() => location.search)).not.toMatch(/symptoms|risks|role/);
}

function actionHrefs(page: Page) {
  return checker(page)
    .locator('.symptom-checker__actions > li > a')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
}

const axeViolations = (page: Page) => pageViolations(page, '#symptom-checker');

test('a box on each of the article\u2019s own items, named and described by it, and a neutral prompt', async ({
  page,
}) => {
  const block = await openChecker(page);
  await expect(block.getByRole('checkbox')).toHaveCount(7 + 6);
  // No second copy of the lists: each box sits in its item's heading row.
  await expect(block.locator('li.item')).toHaveCount(7 + 6);
  await expect(block.locator('li.item > .heading-row input[type="checkbox"]')).toHaveCount(7 + 6);
  await expect(page.locator('#symptom-forwarding-rules input[type="checkbox"]')).toHaveAccessibleName(
    'Forwarding rules you did not create',
  );
  await expect(block.getByRole('radio')).toHaveCount(2);
  await expect(block.getByRole('radio', { name: 'I’m a user' })).toBeChecked();
  await expect(
    block.getByRole('checkbox', { name: 'Forwarding rules you did not create' }),
  ).toHaveAccessibleDescription(/forwards your mail to an address you do not know/);
  await expect(verdictStatus(page)).toContainText('Tick anything you have noticed');
  await expect(block.getByRole('button')).toHaveCount(0);
  expect(new URL(page.url()).search).toBe('');
});

test('ticking updates the verdict and leaves the address alone', async ({ page }) => {
  const block = await openChecker(page);

  await block.getByRole('checkbox', { name: 'Forwarding rules you did not create' }).check();
  await expect(verdictStatus(page)).toContainText('Compromised: Treat the mailbox as compromised and act now');
  await expect(brief(page)).toHaveText('Compromised: 9 things to do, see them below');
  await expect(brief(page)).toHaveRole('status');
  // A user who can sign in: change the password, then tell the administrator (the order table's first two).
  expect(await actionHrefs(page)).toEqual([
    '#step-change-password',
    '#step-alert-others',
    '/docs/remove-an-intruders-mailbox-changes/#check-security',
    '/docs/remove-an-intruders-mailbox-changes/#check-forwarding',
    '#step-scan-devices',
    '#step-alert-others',
    '#step-blocklist-sender',
    '#step-educate-users',
    '#after-the-steps',
  ]);

  await block.getByRole('checkbox', { name: 'Your reply-to address was changed' }).check();
  await block.getByRole('checkbox', { name: 'Signing in over public Wi-Fi' }).check();
  await block.getByRole('radio', { name: 'I’m an administrator' }).check();
  await expect(verdictStatus(page).getByRole('link', { name: 'Alert your users and colleagues' })).toHaveAttribute(
    'href',
    '#step-alert-others',
  );
  await expect(verdictStatus(page).getByRole('link', { name: 'Put your own reply-to address back' })).toHaveAttribute(
    'href',
    '/docs/remove-an-intruders-mailbox-changes/#check-identities',
  );
  // A ticked risk reads as the thing to do, not as the habit.
  await expect(verdictStatus(page).getByRole('link', { name: 'Stop signing in over public Wi-Fi' })).toHaveAttribute(
    'href',
    '#risk-public-wifi',
  );
  await expectNoAnswersInAddress(page);

  // Risks only: at risk, not compromised.
  await block.getByRole('checkbox', { name: 'Forwarding rules you did not create' }).uncheck();
  await block.getByRole('checkbox', { name: 'Your reply-to address was changed' }).uncheck();
  await expect(verdictStatus(page)).toContainText('At risk: Not necessarily compromised, but at risk');
  await expect(brief(page)).toHaveText('At risk: 3 things to do, see them below');
  expect(await actionHrefs(page)).toEqual([
    '#risk-public-wifi',
    '/docs/password-management-and-best-practices/#password-best-practices',
    '#step-educate-users',
  ]);

  // Nothing ticked: back to the prompt; the address keeps only the role.
  await block.getByRole('checkbox', { name: 'Signing in over public Wi-Fi' }).uncheck();
  await expect(verdictStatus(page)).toContainText('Tick anything you have noticed');
  await expect(block.locator('.symptom-checker__actions')).toHaveCount(0);
  await expect(brief(page)).toBeEmpty();
  await block.getByRole('radio', { name: 'I’m a user' }).check();
  expect(new URL(page.url()).search).toBe('');
});

test('works by keyboard alone', async ({ page }) => {
  const block = await openChecker(page);
  const first = block.getByRole('checkbox', { name: 'Bounce messages for mail you never sent' });
  await first.focus();
  await page.keyboard.press('Space');
  await expect(first).toBeChecked();
  // Tab passes the item's own copy-link control, then reaches the next item's box.
  await page.keyboard.press('Tab');
  await expect(page.locator('#symptom-bounce-messages a[data-copy-link]')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(block.getByRole('checkbox', { name: 'Messages you do not recognise' })).toBeFocused();

  const user = block.getByRole('radio', { name: 'I’m a user' });
  await user.focus();
  await page.keyboard.press('ArrowDown');
  await expect(block.getByRole('radio', { name: 'I’m an administrator' })).toBeChecked();
  await expectNoAnswersInAddress(page);

  // The focus ring is visible on the inputs.
  const outline = await block
    .getByRole('radio', { name: 'I’m an administrator' })
    .evaluate((input) => getComputedStyle(input).outlineStyle);
  expect(outline).not.toBe('none');

  // Next: the brief's link, which leads on to the full verdict. The verdict's code loads on the first answer: on a
  // busy machine the link can come after the radio's change, and a Tab pressed before it would pass it by.
  const briefLink = brief(page).getByRole('link', { name: 'see them below' });
  await expect(briefLink).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(briefLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(verdictStatus(page)).toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(block.getByRole('link', { name: 'Change the mailbox password now' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/#step-change-password$/);
});

test('a pasted URL restores the answers and shows the verdict at once', async ({ page }) => {
  const block = await openChecker(
    page,
    '?highlight=password&symptoms=password-changed,mailbox-disabled&risks=public-wifi&role=admin',
  );
  await expect(block.getByRole('checkbox', { name: 'Your password was changed, and not by you' })).toBeChecked();
  await expect(block.getByRole('checkbox', { name: 'Rackspace told you the mailbox has been disabled' })).toBeChecked();
  await expect(block.getByRole('checkbox', { name: 'Signing in over public Wi-Fi' })).toBeChecked();
  await expect(block.getByRole('checkbox', { checked: true })).toHaveCount(3);
  await expect(block.getByRole('radio', { name: 'I’m an administrator' })).toBeChecked();
  await expect(verdictStatus(page)).toContainText('Compromised');

  const firstAction = block.locator('.symptom-checker__actions > li').first();
  await expect(firstAction.getByRole('link')).toHaveText('Reset the password in the Cloud Office Control Panel');
  await expect(firstAction.getByRole('link')).toHaveAttribute(
    'href',
    '/docs/change-rackspace-email-mailbox-password/#change-password-as-administrator',
  );
  const restore = block.locator('li[data-action="step-restore-access"]');
  await expect(restore).toContainText(
    'Warning: Restore access only after the password has been changed and every device has been scanned.',
  );

  // Once an answer changes, the shared answers leave the address; the unrelated parameter stays as it was.
  const entries = await page.evaluate(() => history.length);
  await block.getByRole('checkbox', { name: 'Rackspace told you the mailbox has been disabled' }).uncheck();
  await expect(restore).toHaveCount(0);
  await expect(page).toHaveURL(/\?highlight=password$/);
  expect(await page.evaluate(() => history.length)).toBe(entries);
  await expect(block.getByRole('checkbox', { name: 'Your password was changed, and not by you' })).toBeChecked();
});

test('every link in the fullest verdict lands on an element that exists', async ({ page, request }) => {
  await openChecker(
    page,
    '?symptoms=bounce-messages,unfamiliar-email,password-changed,messages-you-did-not-send,forwarding-rules,reply-to-changed,mailbox-disabled&risks=weak-password,delayed-updates,unverified-links,unchecked-links,public-computer,public-wifi',
  );
  // Ask for the reset, scan, restore, the way back, two fixes, warn colleagues, blocklist, educate, after the
  // steps; then six risks. The verdict's rules arrive in their own chunk after the form shows: wait for the list.
  await expect(checker(page).locator('.symptom-checker__actions > li > a')).toHaveCount(10 + 6);
  const hrefs = (await actionHrefs(page)) as string[];
  for (const href of hrefs) {
    const [path, id] = href.split('#') as [string, string];
    if (path === '') {
      await expect(page.locator(`[id="${id}"]`), href).toHaveCount(1);
    } else {
      const response = await request.get(path);
      expect(response.status(), href).toBe(200);
      expect(await response.text(), href).toContain(`id="${id}"`);
    }
  }
});

test('the checker sends and stores nothing the reader ticks, even a minute later', async ({ page }) => {
  const outgoing = watchRequests(page);
  await page.clock.install();
  const block = await openChecker(page);
  await block.getByRole('checkbox', { name: 'Your password was changed, and not by you' }).check();
  await block.getByRole('checkbox', { name: 'Signing in on a public computer' }).check();
  await block.getByRole('radio', { name: 'I’m an administrator' }).check();
  await expect(verdictStatus(page)).toContainText('Reset the password in the Cloud Office Control Panel');
  const answers = ['password-changed', 'public-computer', 'symptoms=', 'risks=', 'role='];
  await expectNothingLeaves(page, outgoing, answers);
  await expectNothingStored(page, answers);

  // Links from the verdict to other pages do not carry the answers in a Referer header.
  const leaving = block.locator('.symptom-checker__actions a:not([href^="#"])');
  await expect(leaving).not.toHaveCount(0);
  for (const rel of await leaving.evaluateAll((links) => links.map((link) => link.getAttribute('rel'))))
    expect(rel).toBe('noreferrer');
  const [request] = await Promise.all([
    page.waitForRequest((candidate) => candidate.url().includes('/docs/change-rackspace-email-mailbox-password/')),
    leaving.first().click(),
  ]);
  expect(await request.headerValue('referer')).toBeNull();
});

// The site's Referrer-Policy (strict-origin-when-cross-origin) sends the full
// address to its own server; ticking never puts answers in the address, so no
// Referer can carry them.
test('no later request carries the answers in its Referer header', async ({ page }) => {
  const block = await openChecker(page);
  // Collect the header reads and await them all before asserting, so none
  // outlives the test.
  const refererReads: Promise<string | null>[] = [];
  page.on('request', (request) => refererReads.push(request.headerValue('referer').catch(() => null)));
  await block.getByRole('checkbox', { name: 'Your password was changed, and not by you' }).check();
  // The answer has been taken in: its verdict (whose rules load on the first answer) is shown.
  await expect(verdictStatus(page)).toContainText('Compromised');
  await page.getByRole('link', { name: 'Password management and best practices' }).first().click();
  await page.waitForLoadState('load');
  const referers = await Promise.all(refererReads);
  expect(referers.filter((referer) => referer?.includes('symptoms='))).toEqual([]);
});

test.describe('copy link', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copies the absolute URL of these answers and says so', async ({ page }) => {
    const block = await openChecker(page, '?highlight=mailbox#symptoms');
    await block.getByRole('checkbox', { name: 'People received messages you did not send' }).check();
    await block.getByRole('button', { name: 'Copy link to these answers' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(copied).toBe(
      new URL(`${MAIN_ARTICLE}?highlight=mailbox&symptoms=messages-you-did-not-send#symptom-checker`, page.url()).href,
    );
    // Shown beside the button, and spoken once through the page's announcer.
    await expect(block.locator('.symptom-checker__share .copy-status')).toHaveText('Link copied');
    await expect(page.locator('#announcer')).toHaveText('Link copied');

    // The copied link, opened in a fresh page, shows the same answers.
    const other = await page.context().newPage();
    // It lands on the checker, so the island loads without any scrolling.
    await other.goto(copied);
    await expect(checker(other).locator('.symptom-checker__intro')).toBeInViewport();
    await expect(
      checker(other).getByRole('checkbox', { name: 'People received messages you did not send' }),
    ).toBeChecked();
    await expect(checker(other).locator('#symptom-checker-verdict')).toContainText('Compromised');
    await other.close();
  });
});

test('ticking writes nothing to the history or the address; a shared link still opens with its answers', async ({
  page,
}) => {
  const block = await openChecker(page);
  const before = await page.evaluate(() => ({ entries: history.length, href: location.href }));
  for (const name of [
    'Forwarding rules you did not create',
    'Rackspace told you the mailbox has been disabled',
    'Signing in over public Wi-Fi',
  ]) {
    await block.getByRole('checkbox', { name }).check();
  }
  await block.getByRole('radio', { name: 'I’m an administrator' }).check();
  await block.getByRole('checkbox', { name: 'Signing in over public Wi-Fi' }).uncheck();
  await expect(verdictStatus(page)).toContainText('Restore access to the mailbox in the Control Panel');
  const after = await page.evaluate(() => ({ entries: history.length, href: location.href, search: location.search }));
  expect(after.entries).toBe(before.entries);
  expect(after.href).toBe(before.href);
  expect(after.search).toBe('');

  // A link with answers, as pasted into a ticket, opens with them.
  await openChecker(page, '?symptoms=forwarding-rules,mailbox-disabled&risks=public-wifi&role=admin');
  await expect(block.getByRole('checkbox', { checked: true })).toHaveCount(3);
  await expect(block.getByRole('checkbox', { name: 'Forwarding rules you did not create' })).toBeChecked();
  await expect(block.getByRole('checkbox', { name: 'Rackspace told you the mailbox has been disabled' })).toBeChecked();
  await expect(block.getByRole('checkbox', { name: 'Signing in over public Wi-Fi' })).toBeChecked();
  await expect(block.getByRole('radio', { name: 'I’m an administrator' })).toBeChecked();
  await expect(verdictStatus(page)).toContainText('Restore access to the mailbox in the Control Panel');
  await expect(brief(page)).toHaveText('Compromised: 10 things to do, see them below');
});

test('a user whose mailbox was disabled is told to ask the administrator for a reset first', async ({ page }) => {
  const block = await openChecker(page);
  await block.getByRole('checkbox', { name: 'Rackspace told you the mailbox has been disabled' }).check();
  await block.getByRole('checkbox', { name: 'Forwarding rules you did not create' }).check();
  const actions = block.locator('.symptom-checker__actions > li');
  await expect(actions.first()).toContainText('Ask your administrator to reset the password now');
  await expect(actions.first()).toContainText('Ask whoever runs your company’s email or IT');
  await expect(actions.locator('> a')).toHaveText([
    'Ask your administrator to reset the password now',
    'Scan every device you use for mail',
    'Ask your administrator to restore access to the mailbox',
    'Check the recovery method, trusted devices and multi-factor method',
    'Remove the forwarding and filters you did not set up',
    'Warn your colleagues',
    'Blocklist the attacker’s return-path address and IP address',
    'Learn the risk factors and the warning signs',
    'Check what the intruder read or sent, and who else to warn',
  ]);
  await expect(actions.first().locator('> a')).toHaveAttribute(
    'href',
    '/docs/change-rackspace-email-mailbox-password/#cannot-sign-in',
  );
  await expect(block.getByRole('link', { name: 'Change the mailbox password now' })).toHaveCount(0);
});

test.describe('on a phone (390 × 844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const name of [
    'Bounce messages for mail you never sent',
    'Rackspace told you the mailbox has been disabled',
    'Signing in over public Wi-Fi',
  ]) {
    test(`the first tick ("${name}") shows a short live verdict beside the boxes`, async ({ page }) => {
      const block = await openChecker(page);
      const box = block.getByRole('checkbox', { name });
      await box.scrollIntoViewIfNeeded();
      const scrolled = await page.evaluate(() => scrollY);
      await box.check();
      await expect(brief(page)).toHaveText(/^(Compromised|At risk): \d+ things to do, see them below$/);
      await expect(brief(page)).toBeInViewport({ ratio: 1 });
      // The page did not jump: the reader is still at the box, and the brief does not cover it.
      expect(await page.evaluate(() => scrollY)).toBe(scrolled);
      await expect(box).toBeInViewport({ ratio: 1 });
      const [boxArea, briefArea] = await Promise.all([box.boundingBox(), brief(page).boundingBox()]);
      expect(boxArea!.y + boxArea!.height <= briefArea!.y || boxArea!.y >= briefArea!.y + briefArea!.height).toBe(true);
      if (name.startsWith('Bounce')) {
        // The full verdict is far below: the reason the brief exists.
        await expect(verdictStatus(page)).not.toBeInViewport();
      }
      await brief(page).getByRole('link', { name: 'see them below' }).click();
      await expect(verdictStatus(page).locator('.symptom-checker__headline')).toBeInViewport();
      await expectNoAnswersInAddress(page);
    });
  }

  test('keyboard focus never hides behind the brief', async ({ page }) => {
    const block = await openChecker(page);
    const first = block.getByRole('checkbox', { name: 'Bounce messages for mail you never sent' });
    await first.check();
    await expect(brief(page)).not.toBeEmpty();
    let visited = 0;
    // Through the items' boxes and links to the role group; then the brief's own link.
    for (;;) {
      await page.keyboard.press('Tab');
      const focused = page.locator(':focus');
      if (await focused.evaluate((element) => element.closest('.symptom-checker__brief') !== null)) break;
      const [focusArea, briefArea] = await Promise.all([focused.boundingBox(), brief(page).boundingBox()]);
      const label = await focused.evaluate((input) => input.id);
      expect(
        focusArea!.y + focusArea!.height <= briefArea!.y || focusArea!.y >= briefArea!.y + briefArea!.height,
        label,
      ).toBe(true);
      await expect(focused, label).toBeInViewport({ ratio: 1 });
      if (await focused.evaluate((element) => element.tagName === 'INPUT')) visited += 1;
    }
    // Twelve more boxes and the role group.
    expect(visited).toBe(12 + 1);
    await expect(brief(page).getByRole('link')).toBeFocused();
  });
});

test('when the clipboard refuses, the link the reader asked for goes to the address bar', async ({ page }) => {
  const block = await openChecker(page);
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  await block.getByRole('checkbox', { name: 'People received messages you did not send' }).check();
  const entries = await page.evaluate(() => history.length);
  await block.getByRole('button', { name: 'Copy link to these answers' }).click();
  await expect(block.locator('.symptom-checker__share .copy-status')).toHaveText(
    'Could not copy. The link is now in the address bar: copy it from there.',
  );
  await expect(page).toHaveURL(/\/\?symptoms=messages-you-did-not-send#symptom-checker$/);
  expect(await page.evaluate(() => history.length)).toBe(entries);
});

test('a hostile query renders nothing of itself and raises no dialog', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const hostile =
    '?symptoms=<img src=x onerror=alert(1)>&risks=<script>alert(2)</script>,public-wifi"><svg onload=alert(3)>&role=<b>admin</b>&symptoms=' +
    'bounce-messages,'.repeat(200);
  const block = await openChecker(page, hostile);
  await expect(block.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await expect(block.getByRole('radio', { name: 'I’m a user' })).toBeChecked();
  await expect(verdictStatus(page)).toContainText('Tick anything you have noticed');
  const html = await block.innerHTML();
  for (const fragment of ['<img', 'onerror', '<script>alert', '<svg', 'alert(']) expect(html).not.toContain(fragment);
  await expect(page.locator('img[src="x"], svg[onload]')).toHaveCount(0);
  // No fact marks "no dialog will open": a handler injected anyway would run once its image failed to load, a
  // round trip to this machine's server, so the test gives it that long many times over.
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);

  // Ticking afterwards leaves a clean address: the hostile answers are dropped, none are written.
  await block.getByRole('checkbox', { name: 'Messages you do not recognise' }).check();
  await expect(verdictStatus(page)).toContainText('Compromised');
  expect(new URL(page.url()).search).toBe('');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the block is the plain article: both lists, once, with no controls', async ({ page }) => {
    await page.goto(`${MAIN_ARTICLE}?symptoms=bounce-messages`);
    const block = checker(page);
    await expect(
      block.getByRole('heading', { level: 2, name: 'Signs that a mailbox has been compromised' }),
    ).toBeVisible();
    await expect(block.getByRole('heading', { level: 2, name: 'What puts a mailbox at risk' })).toBeVisible();
    await expect(block.locator('li.item')).toHaveCount(7 + 6);
    await expect(block.locator('input, button, select, textarea, [role="button"], [tabindex]')).toHaveCount(0);
    await expect(page.locator('#symptom-bounce-messages')).toBeVisible();
  });
});

test.describe('before hydration', () => {
  // On a phone the block starts well below the fold, so the island has not
  // loaded yet and the plain lists are what axe sees (axe needs JavaScript).
  test.use({ viewport: { width: 375, height: 640 } });

  test('axe finds nothing in the plain lists', async ({ page }) => {
    await page.goto(MAIN_ARTICLE);
    const island = checker(page).locator('astro-island[ssr]');
    await expect(island).toHaveCount(1);
    expect(await axeViolations(page)).toEqual([]);
    await expect(island).toHaveCount(1);
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [state, query] of [
    ['nothing ticked', ''],
    [
      'compromised, with the restore warning',
      '?symptoms=password-changed,forwarding-rules,mailbox-disabled&risks=public-wifi',
    ],
    ['at risk, administrator', '?risks=weak-password,public-computer&role=admin'],
  ] as const) {
    test(`axe finds nothing in the checker: ${state} (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      const block = await openChecker(page, query);
      if (query !== '') await block.getByRole('button', { name: 'Copy link to these answers' }).focus();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}

/**
 * Not a pass/fail check: logs how long the checker takes to become usable, and
 * how much the swap from fallback to form shifts what is on screen. Opt-in:
 *   CHECKER_TIMING=1 CHECKER_TIMING_RUNS=7 npx playwright test tests/e2e/symptom-checker.spec.ts -g timing --workers=1
 */
test.describe('timing (logged, not asserted)', () => {
  test.describe.configure({ mode: 'serial' });
  test.skip(!process.env.CHECKER_TIMING, 'set CHECKER_TIMING=1 (and CHECKER_TIMING_RUNS=n) to measure');

  async function measure(page: Page, options: { scroll: boolean; cpuSlowdown: number; suffix?: string }) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuSlowdown });
    await page.addInitScript(() => {
      const marks = { interactive: 0, scrolled: 0, shift: 0, load: 0 };
      addEventListener('load', () => (marks.load = performance.now()));
      (window as unknown as { checkerMarks: typeof marks }).checkerMarks = marks;
      new MutationObserver((_, observer) => {
        if (document.querySelector('.symptom-checker input')) {
          marks.interactive = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) marks.shift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(MAIN_ARTICLE + (options.suffix ?? ''), { waitUntil: 'load' });
    if (options.scroll) {
      // A reader scrolls once the page has settled: its main thread idle after the load.
      await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
      await page.evaluate(() => {
        (window as unknown as { checkerMarks: { scrolled: number } }).checkerMarks.scrolled = performance.now();
        document.querySelector('.symptom-checker')!.scrollIntoView({ behavior: 'instant' });
      });
    }
    await page.locator('.symptom-checker input').first().waitFor();
    // The layout shifts of the frame that showed the form are reported after that frame is drawn.
    await nextFrames(page);
    const marks = await page.evaluate(
      () =>
        (window as unknown as { checkerMarks: { interactive: number; scrolled: number; shift: number; load: number } })
          .checkerMarks,
    );
    await cdp.detach();
    return { ms: marks.interactive - marks.scrolled, afterLoad: marks.interactive - marks.load, shift: marks.shift };
  }

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

  for (const scenario of [
    {
      name: 'desktop 1280x720, near the fold: from navigation start',
      viewport: { width: 1280, height: 720 },
      scroll: false,
      cpuSlowdown: 1,
    },
    {
      name: 'desktop 1280x1200, in view at load: from navigation start',
      viewport: { width: 1280, height: 1200 },
      scroll: false,
      cpuSlowdown: 1,
    },
    {
      name: 'phone 375x740, CPU 4x slower: from scrolling to it',
      viewport: { width: 375, height: 740 },
      scroll: true,
      cpuSlowdown: 4,
    },
    {
      name: 'phone 375x740, CPU 4x slower: a shared link landing on the checker, from navigation start',
      viewport: { width: 375, height: 740 },
      scroll: false,
      cpuSlowdown: 4,
      suffix: '?symptoms=forwarding-rules&role=admin#symptom-checker',
    },
  ]) {
    test(scenario.name, async ({ browser }) => {
      test.setTimeout(180_000);
      const runs: { ms: number; afterLoad: number; shift: number }[] = [];
      for (let run = 0; run < Number(process.env.CHECKER_TIMING_RUNS ?? 3); run += 1) {
        const context = await browser.newContext({
          viewport: scenario.viewport,
          baseURL: test.info().project.use.baseURL!,
        });
        const page = await context.newPage();
        runs.push(await measure(page, scenario));
        await context.close();
      }
      const summary = `${scenario.name}: median ${median(runs.map((r) => r.ms)).toFixed(0)} ms to an interactive checker (runs: ${runs
        .map((r) => r.ms.toFixed(0))
        .join(
          ', ',
        )}; median ${median(runs.map((r) => r.afterLoad)).toFixed(0)} ms after the load event); layout shift (CLS) median ${median(runs.map((r) => r.shift)).toFixed(4)}`;
      console.log(summary);
      test.info().annotations.push({ type: 'timing', description: summary });
    });
  }
});

// Not the shared fixture: the aborted script is meant to log a console error.
plainTest('if the verdict cannot load, the brief says so and points to the six steps', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  await page.route(/\/_astro\/verdict\.[\w-]+\.js$/, (route) => route.abort());
  const block = await openChecker(page);
  await block.getByRole('checkbox', { name: 'Bounce messages for mail you never sent' }).check();
  await expect(brief(page)).toHaveText('The verdict could not load. Follow the six steps instead.');
  await expect(brief(page).getByRole('link', { name: 'Follow the six steps' })).toHaveAttribute(
    'href',
    '#secure-your-mailbox',
  );
  expect(errors.filter((error) => !/Failed to load resource|verdict\./.test(error))).toEqual([]);
});
