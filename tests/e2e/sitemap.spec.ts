/**
 * The sitemap lists exactly the built pages that may be indexed: every page
 * of the build except those marked noindex (the 404 page, noindex imports).
 */
import { test, expect } from '@playwright/test';
import { builtPages, isNoindex, sitemapPaths } from './support/site';

test('the sitemap equals the built pages minus the noindex ones', () => {
  const pages = builtPages();
  expect(pages.length).toBeGreaterThan(5);
  const indexable = pages.filter((page) => !isNoindex(page.file)).map((page) => page.path);
  expect(indexable.length).toBeGreaterThan(0);
  expect([...sitemapPaths()].sort()).toEqual(indexable.sort());
});
