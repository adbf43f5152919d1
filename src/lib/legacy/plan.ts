/**
 * Which legacy file becomes which page: read every `*.md` under the folder (in
 * path order), map its front matter, then settle URL clashes: a native article
 * keeps its slug, and of two legacy files with one permalink the first wins.
 * Used by the content loader and by astro.config.mjs (to keep noindex pages
 * out of the sitemap), so both agree on every URL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { mapFrontMatter, splitFrontMatter, type LegacyMeta, type MappedWarning } from './front-matter';

export interface PlannedFile {
  /** Path relative to the corpus folder, with `/`. */
  relPath: string;
  absPath: string;
  source: string;
  body: string;
  meta: LegacyMeta;
  warnings: MappedWarning[];
}

export interface LegacyPlan {
  /** Files that become pages, keyed by their final slug. */
  pages: PlannedFile[];
  /** Files left out (URL taken), with the reason already in their warnings. */
  skipped: PlannedFile[];
}

export function listMarkdownFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function planLegacyCorpus(dir: string, nativeSlugs: ReadonlySet<string>): LegacyPlan {
  const pages: PlannedFile[] = [];
  const skipped: PlannedFile[] = [];
  const owner = new Map<string, string>();
  for (const relPath of listMarkdownFiles(dir)) {
    const absPath = join(dir, relPath);
    const source = readFileSync(absPath, 'utf8');
    const split = splitFrontMatter(source);
    const { meta, warnings } = mapFrontMatter(relPath, split);
    const file: PlannedFile = { relPath, absPath, source, body: split.body, meta, warnings };
    if (nativeSlugs.has(meta.slug)) {
      warnings.push({ category: 'native-wins', message: `/docs/${meta.slug}/ is a native article: the native one is kept, this file is not built` });
      skipped.push(file);
    } else if (owner.has(meta.slug)) {
      warnings.push({ category: 'duplicate-permalink', message: `permalink /docs/${meta.slug}/ is already used by ${owner.get(meta.slug)}: the first one is kept, this file is not built` });
      skipped.push(file);
    } else {
      owner.set(meta.slug, relPath);
      pages.push(file);
    }
  }
  return { pages, skipped };
}

/** Slugs of the native articles: their file names, as the glob loader makes ids. */
export function nativeArticleSlugs(nativeDir: string): Set<string> {
  try {
    return new Set(
      readdirSync(nativeDir)
        .filter((name) => /\.mdx?$/.test(name))
        .map((name) => name.replace(/\.mdx?$/, '').toLowerCase()),
    );
  } catch {
    return new Set();
  }
}

/** `/docs/<slug>/` of every legacy page marked noindex (for the sitemap filter). */
export function legacyNoindexPaths(dir: string | undefined, nativeDir: string): Set<string> {
  if (!dir) return new Set();
  const { pages } = planLegacyCorpus(dir, nativeArticleSlugs(nativeDir));
  return new Set(pages.filter((page) => page.meta.noindex).map((page) => `/docs/${page.meta.slug}/`));
}
