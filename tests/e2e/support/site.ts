/**
 * What the built site contains, read from its HTML files (never from the
 * sitemap, which could lose pages and with them their tests).
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { htmlFiles, pagePathOf } from '../../support/link-check';

export const DIST = process.env.E2E_DIST ?? join(import.meta.dirname, '../../../dist');

/** A path no page has: the server answers with the 404 page. */
export const MISSING_PAGE = '/no-such-page/';

/** The URL path of every page built into dist/ (the 404 page aside), sorted, with its file. */
export function builtPages(): { path: string; file: string }[] {
  return htmlFiles(DIST)
    .map((file) => ({ path: pagePathOf(relative(DIST, file).split(sep).join('/')), file }))
    .filter((page) => page.path !== '/404')
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Whether a built page asks search engines to leave it out (`<meta name="robots" content="noindex">`). */
export function isNoindex(file: string): boolean {
  return /<meta name="robots" content="[^"]*\bnoindex\b/i.test(readFileSync(file, 'utf8'));
}

/** Every built page, plus a missing one for the 404 page. */
export function sitePaths(): string[] {
  return [...builtPages().map((page) => page.path), MISSING_PAGE];
}

/** The paths the sitemaps list (every sitemap named by sitemap-index.xml). */
export function sitemapPaths(): string[] {
  const index = readFileSync(join(DIST, 'sitemap-index.xml'), 'utf8');
  return [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].flatMap((sitemapMatch) => {
    const sitemap = readFileSync(join(DIST, new URL(sitemapMatch[1]!).pathname), 'utf8');
    return [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  });
}
