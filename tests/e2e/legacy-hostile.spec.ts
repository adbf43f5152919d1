/**
 * The site built with hostile legacy files beside a slice of the real corpus
 * (tests/fixtures/hostile-legacy/build-site.mjs → dist-hostile/):
 *   node tests/fixtures/hostile-legacy/build-site.mjs
 *   E2E_HOSTILE=1 E2E_DIST=dist-hostile E2E_PORT=4396 npx playwright test legacy-hostile
 * npm test runs it only in that stage; against any other build every test here fails.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { test, expect } from './support/fixtures';

const ROOT = join(import.meta.dirname, '../..');
const DIST = process.env.E2E_DIST ?? join(ROOT, 'dist');
// Beside the build, not in test-results/ (Playwright empties that folder when it starts).
const LOG = join(ROOT, 'dist-hostile-build.log');
const EXPECTED: Record<string, string> = JSON.parse(
  readFileSync(join(ROOT, 'tests/fixtures/hostile-legacy/expected-warnings.json'), 'utf8'),
);
const MARKER = '/docs/hostile-id-injection/';
const HOSTILE_BUILD = existsSync(join(DIST, MARKER, 'index.html'));

/** Native articles may carry the password meter's field; imported content never may. */
const NATIVE = new Set(
  readdirSync(join(ROOT, 'src/content/articles')).map((name) => `/docs/${name.replace(/\.mdx?$/, '')}/`),
);

/** Every page of the build (not only the sitemap: noindex pages too), plus a search for the hostile pages. */
function builtPages(): string[] {
  if (!HOSTILE_BUILD) return [];
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'pagefind' || entry.name === '_astro') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'index.html')
        pages.push(`/${relative(DIST, dir).split(sep).join('/')}${dir === DIST ? '' : '/'}`);
    }
  };
  walk(DIST);
  return [...pages.sort(), '/search/?q=payload', '/search/?q=secure+compromised+mailbox'];
}

test.beforeEach(() => {
  expect(
    HOSTILE_BUILD,
    `${MARKER} is missing: the served dist was not built by tests/fixtures/hostile-legacy/build-site.mjs`,
  ).toBe(true);
});

test('the build names every bad file in a warning of the right kind', () => {
  const log = readFileSync(LOG, 'utf8');
  const missing = Object.entries(EXPECTED)
    .filter(([file]) => !file.startsWith('$'))
    .filter(([file, category]) => !log.includes(`[legacy:${category}] ${file}:`))
    .map(([file, category]) => `${category} ${file}`);
  expect(missing).toEqual([]);
  // The summary at the end counts the repairs, and the build did not stop on any file.
  expect(log).toMatch(/legacy import: \d+ repairs in \d+ files/);
  expect(log).not.toMatch(/URI malformed|NoMatchingStaticPathFound|ENAMETOOLONG/);
});

test('a skipped file builds no page and a native article keeps its URL and title', async ({ request }) => {
  for (const path of [
    '/docs/hostile-utf16/',
    '/docs/hostile-nul-bytes/',
    '/docs/hostile-over-cap/',
    '/docs/hostile-twenty-megabytes/',
    '/docs/hostile-same-title/',
  ]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  const main = await (await request.get('/docs/secure-a-compromised-rackspace-email-mailbox/')).text();
  expect(main).not.toContain('hostile import fixture');
  const genuine = await (await request.get('/docs/genuine-imported-page/')).text();
  expect(genuine).toContain('genuine owner of its URL');
  const sitemap = await (await request.get('/sitemap-0.xml')).text();
  expect(sitemap.match(/secure-a-compromised-rackspace-email-mailbox/g)).toHaveLength(1);
});

const pages = builtPages();
const CHUNK = 8;
for (let i = 0; i < Math.max(pages.length, 1); i += CHUNK) {
  const chunk = pages.slice(i, i + CHUNK);
  test(`no page requests another origin, navigates away, opens a dialog or shows a password field (${chunk[0] ?? 'none'} …)`, async ({
    page,
    baseURL,
  }) => {
    const origin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    const dialogs: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:')
        foreign.push(`${page.url()} → ${request.url()}`);
    });
    page.on('dialog', async (dialog) => {
      dialogs.push(`${page.url()}: ${dialog.type()} ${dialog.message()}`);
      await dialog.dismiss();
    });
    for (const path of chunk) {
      await page.goto(path);
      // Long enough for an injected `<meta http-equiv="refresh" content="1">` or an autofocus handler to act: the
      // test checks that nothing happens, and no fact marks that nothing will.
      await page.waitForTimeout(1_200);
      expect(new URL(page.url()).pathname + new URL(page.url()).search, `${path} navigated away`).toBe(path);
      await expect(page.locator('dialog[open], meta[http-equiv="refresh" i], base[href]'), path).toHaveCount(0);
      if (!NATIVE.has(path)) await expect(page.locator('input[type="password" i]'), path).toHaveCount(0);
      const body = page.locator('.legacy-body');
      if ((await body.count()) === 0) continue;
      const problems = await body.evaluate((root) => {
        const bad: string[] = [];
        for (const el of root.querySelectorAll('*')) {
          if (
            /^(script|style|iframe|frame|object|embed|form|button|select|textarea|dialog|meta|link|base|svg|math|template|video|audio|img)$/i.test(
              el.tagName,
            )
          )
            bad.push(el.tagName);
          if (el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'checkbox') bad.push('input');
          for (const attribute of el.getAttributeNames())
            if (/^on|^style$|^autofocus$|^formaction$|^srcdoc$/i.test(attribute))
              bad.push(`${el.tagName}[${attribute}]`);
          if (el.id && !/^[A-Za-z0-9_-]+$/.test(el.id)) bad.push(`id=${el.id}`);
        }
        return bad;
      });
      expect(problems, path).toEqual([]);
    }
    expect(foreign).toEqual([]);
    expect(dialogs).toEqual([]);
  });
}
