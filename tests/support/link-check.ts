/**
 * Link integrity over a built site: every internal link must reach a page, and
 * every #fragment an element on it (a retired id is an empty marker element).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'node-html-parser';

export interface BuiltPage {
  /** URL path, e.g. `/docs/a/`. */
  path: string;
  file: string;
  ids: Set<string>;
  aliases: Set<string>;
  links: string[];
}

/** Every HTML file of a built site (Pagefind's and Astro's asset folders aside). */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'pagefind' || entry.name === '_astro' ? [] : htmlFiles(full);
    return entry.name.endsWith('.html') ? [full] : [];
  });
}

/** The URL path a built file answers at: `docs/a/index.html` -> `/docs/a/`, `404.html` -> `/404`. */
export function pagePathOf(relativePath: string): string {
  return relativePath === 'index.html' ? '/' : `/${relativePath.replace(/index\.html$/, '').replace(/\.html$/, '')}`;
}

export function readBuiltPages(dist: string): Map<string, BuiltPage> {
  const pages = new Map<string, BuiltPage>();
  for (const file of htmlFiles(dist)) {
    const relativePath = relative(dist, file).split(sep).join('/');
    const path = pagePathOf(relativePath);
    const root = parse(readFileSync(file, 'utf8'));
    pages.set(path, {
      path,
      file: relativePath,
      ids: new Set(root.querySelectorAll('[id]').map((element) => element.id)),
      aliases: new Set(root.querySelectorAll('[data-anchor-alias]').map((element) => element.id)),
      links: root.querySelectorAll('a[href]').map((element) => element.getAttribute('href')!),
    });
  }
  return pages;
}

/** Each broken link as `file: href (reason)`. External links are not followed. */
export function findBrokenLinks(pages: Map<string, BuiltPage>, siteOrigin = 'http://site.invalid'): string[] {
  const broken: string[] = [];
  for (const page of pages.values()) {
    for (const href of page.links) {
      const url = new URL(href, `${siteOrigin}${page.path}`);
      if (url.origin !== siteOrigin) continue;
      const target = pages.get(url.pathname) ?? pages.get(`${url.pathname}/`);
      if (!target) {
        if (!/\.(xml|txt|svg)$/.test(url.pathname)) broken.push(`${page.file}: ${href} (no such page)`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && !target.ids.has(fragment) && !target.aliases.has(fragment)) {
        broken.push(`${page.file}: ${href} (no element with id "${fragment}")`);
      }
    }
  }
  return broken;
}
