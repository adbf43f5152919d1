/**
 * The Content Security Policy and the headers of public/_headers, asserted
 * exactly: every directive, on every built page, where the policy sits in
 * the document, and every header on each kind of URL the site serves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, MAIN_ARTICLE } from './support/fixtures';
import { DIST, MISSING_PAGE, sitePaths } from './support/site';
import { htmlFiles } from '../support/link-check';
import { pagePolicyProblems, parsePolicy, readHeaderRules, ruleMatches } from './support/csp';
import { pageSettled } from './support/islands';

declare global {
  interface Window {
    cspViolations: string[];
  }
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI}`),
    );
  });
});

test('every built page carries exactly the promised policy, as the first thing after <meta charset>', () => {
  const files = htmlFiles(DIST);
  expect(files.length).toBeGreaterThan(5);
  const problems = files.flatMap((file) => {
    const html = readFileSync(file, 'utf8');
    const name = file.slice(DIST.length);
    const metas = [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)">/gi)];
    if (metas.length !== 1) return [`${name}: ${metas.length} CSP <meta> elements`];
    // A <meta> policy governs only what follows it: nothing may come between charset and the policy.
    const found: string[] = [];
    if (
      !/^<!DOCTYPE html>\s*<html[^>]*>\s*<head>\s*<meta charset="utf-8">\s*<meta http-equiv="content-security-policy"/i.test(
        html,
      )
    ) {
      found.push(`${name}: the policy is not the first element after <meta charset>`);
    }
    return [...found, ...pagePolicyProblems(metas[0]![1]!).map((problem) => `${name}: ${problem}`)];
  });
  expect(problems).toEqual([]);
});

test('the policy checker rejects what a careless change would allow', () => {
  const good = readFileSync(join(DIST, 'index.html'), 'utf8').match(/content-security-policy" content="([^"]*)"/)![1]!;
  expect(pagePolicyProblems(good)).toEqual([]);
  for (const [change, bad] of [
    ['script-src https:', good.replace("script-src 'self'", "script-src 'self' https:")],
    ['connect-src *', good.replace("connect-src 'self'", 'connect-src *')],
    ['no base-uri', good.replace("base-uri 'self';", '')],
    ["'unsafe-inline' styles", good.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")],
    ['a second default-src', `${good}; default-src *`],
  ]) {
    expect(() => expect(pagePolicyProblems(bad!)).toEqual([]), change).toThrow();
  }
});

for (const path of sitePaths()) {
  test(`${path} runs under its Content Security Policy with no violation`, async ({ page }) => {
    await page.goto(path);
    // Exercise the scripts: scroll islands into view and start the search code.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.locator('#site-search').focus();
    await pageSettled(page);
    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
  });
}

test('search works under the policy (Pagefind compiles WebAssembly)', async ({ page }) => {
  await page.goto('/search/?q=blocklist');
  await expect(page.locator('.search-result').first()).toBeVisible();
  expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
});

/** A file under a dist/ folder whose name matches, as a URL path. */
function firstFile(folder: string, name: RegExp): string {
  const match = readdirSync(join(DIST, folder)).find((file) => name.test(file));
  if (!match) throw new Error(`no file matching ${name} in dist/${folder}`);
  return `/${folder}/${match}`;
}

// The headers a static host must send with everything, written out here so
// that losing one from public/_headers (or applying it to / only) fails.
const SECURITY_HEADERS: Record<string, RegExp> = {
  'x-content-type-options': /^nosniff$/,
  'referrer-policy': /^no-referrer$/,
  'x-frame-options': /^DENY$/,
  'cross-origin-opener-policy': /^same-origin$/,
  'strict-transport-security': /^max-age=(6307200\d|[7-9]\d{7}|\d{9,}); includeSubDomains$/,
  'permissions-policy':
    /^camera=\(\), microphone=\(\), geolocation=\(\), payment=\(\), usb=\(\), interest-cohort=\(\)$/,
};
const REVALIDATE = 'public, max-age=0, must-revalidate';
const FOREVER = 'public, max-age=31536000, immutable';

const URLS = [
  { kind: 'a page', path: '/', status: 200, cache: REVALIDATE },
  { kind: 'an article', path: MAIN_ARTICLE, status: 200, cache: REVALIDATE },
  { kind: 'search', path: '/search/?q=password', status: 200, cache: REVALIDATE },
  { kind: 'a 404', path: MISSING_PAGE, status: 404, cache: REVALIDATE },
  { kind: 'a hashed asset', path: firstFile('_astro', /\.[\w-]{8}\.js$/), status: 200, cache: FOREVER },
  {
    kind: 'a Pagefind index chunk',
    path: firstFile('pagefind/index', /\.pf_index$/),
    status: 200,
    cache: FOREVER,
    gzip: true,
  },
  {
    kind: 'a Pagefind fragment',
    path: firstFile('pagefind/fragment', /\.pf_fragment$/),
    status: 200,
    cache: FOREVER,
    gzip: true,
  },
  { kind: "Pagefind's script", path: '/pagefind/pagefind.js', status: 200, cache: REVALIDATE },
];

for (const url of URLS) {
  test(`${url.kind} (${url.path}) gets every header of public/_headers`, async ({ request }) => {
    const response = await request.get(url.path, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status()).toBe(url.status);
    const headers = response.headers();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name], name).toMatch(value);
    const policy = parsePolicy(headers['content-security-policy'] ?? '');
    expect(policy.get('frame-ancestors'), 'frame-ancestors').toEqual(["'none'"]);
    expect(policy.get('object-src'), 'object-src').toEqual(["'none'"]);
    expect(policy.get('base-uri'), 'base-uri').toEqual(["'self'"]);
    expect(headers['cache-control'], 'cache-control').toBe(url.cache);
    if (url.gzip) expect(headers['content-encoding'], 'content-encoding').toBe('gzip');
    // And every rule of the file that matches this path, with its value as written.
    const pathname = new URL(url.path, 'http://x').pathname;
    for (const rule of readHeaderRules().filter((candidate) => ruleMatches(candidate.pattern, pathname))) {
      for (const [name, value] of rule.headers) expect(headers[name], `${rule.pattern}: ${name}`).toBe(value);
    }
  });
}

test('the _headers file itself is not served', async ({ request }) => {
  const response = await request.get('/_headers');
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain('X-Frame-Options');
});
