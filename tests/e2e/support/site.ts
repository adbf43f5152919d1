/** What the built site contains, read from dist/ so tests cover every page. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIST = process.env.E2E_DIST ?? join(import.meta.dirname, '../../../dist');

/** A path no page has: the server answers with the 404 page. */
export const MISSING_PAGE = '/no-such-page/';

/** Every page path listed in the sitemap, plus a missing one for the 404 page. */
export function sitePaths(): string[] {
  const sitemap = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  return [...paths, MISSING_PAGE];
}
