/**
 * Which legacy file becomes which page: read every `*.md` under the folder (in
 * path order), refuse what is not an article's text, map its front matter,
 * then settle URL clashes:
 * - a native article keeps its slug and its title: a legacy file claiming
 *   either is not built;
 * - of several legacy files with one permalink, the one whose own folder (or
 *   file name) is that permalink is kept, the first in path order among equals;
 *   every file of the clash gets a warning naming the others.
 * Used by the content loader, which also tells the sitemap which pages are
 * noindex (noindex.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  findFrontMatter,
  mapFrontMatter,
  normalisePermalink,
  splitFrontMatter,
  type LegacyMeta,
  type MappedWarning,
} from './front-matter';
import { MAX_SOURCE_BYTES, cleanLabel, decodeSource } from './text';

interface PlannedFile {
  /** Path relative to the corpus folder, with `/`. */
  relPath: string;
  absPath: string;
  meta: LegacyMeta;
  warnings: MappedWarning[];
}

/** A file as read: its text too. The plan keeps none of it (the loader reads one file at a time again). */
export interface ReadLegacyFile extends PlannedFile {
  /** The text after decoding and clean-up (what the cache digest covers). */
  source: string;
  body: string;
}

/** A file that is not built, with the reason in its warnings. */
export interface SkippedFile {
  relPath: string;
  warnings: MappedWarning[];
}

export interface LegacyPlan {
  /** Files that become pages, each with its own slug. */
  pages: PlannedFile[];
  /** Files left out (unreadable, URL or title taken). */
  skipped: SkippedFile[];
}

/** The native articles: their slugs, and their titles as compared with imported ones. */
export interface NativeArticles {
  slugs: ReadonlySet<string>;
  /** `titleKey(title)` → slug. */
  titles: ReadonlyMap<string, string>;
}

/** Two titles that read the same get one key: case, punctuation, spacing and invisible characters ignored. */
function titleKey(title: string): string {
  return cleanLabel(title)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function listMarkdownFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md'))
        out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Read and decode one file, within the size limit; a file that cannot be text comes back as skipped. */
function readDecoded(
  dir: string,
  relPath: string,
): { absPath: string; text: string; warnings: MappedWarning[] } | SkippedFile {
  const absPath = join(dir, relPath);
  try {
    const size = statSync(absPath).size;
    if (size > MAX_SOURCE_BYTES) {
      return {
        relPath,
        warnings: [
          {
            category: 'file-skipped',
            message: `${size} bytes, over the ${MAX_SOURCE_BYTES}-byte limit for one article: not built`,
          },
        ],
      };
    }
    const decoded = decodeSource(readFileSync(absPath));
    if (!decoded.ok) return { relPath, warnings: [decoded.warning] };
    return { absPath, text: decoded.text, warnings: decoded.warnings };
  } catch (error) {
    return {
      relPath,
      warnings: [
        {
          category: 'file-skipped',
          message: `could not be read (${String((error as Error).message).split('\n')[0]}): not built`,
        },
      ],
    };
  }
}

/** Read, decode and map one file; a file that cannot be an article comes back as skipped. */
export function readLegacyFile(dir: string, relPath: string): ReadLegacyFile | SkippedFile {
  const read = readDecoded(dir, relPath);
  if (!('text' in read)) return read;
  const split = splitFrontMatter(read.text);
  const { meta, warnings } = mapFrontMatter(relPath, split);
  return {
    relPath,
    absPath: read.absPath,
    source: read.text,
    body: split.body,
    meta,
    warnings: [...read.warnings, ...warnings],
  };
}

/**
 * The text of a planned file, read again when it is converted: its front matter was read by the plan, so its YAML is
 * not parsed twice (a third of the import's time went to YAML when it was).
 */
export function readLegacyText(dir: string, relPath: string): { source: string; body: string } | SkippedFile {
  const read = readDecoded(dir, relPath);
  if (!('text' in read)) return read;
  return { source: read.text, body: findFrontMatter(read.text).body };
}

const isPlanned = (file: PlannedFile | SkippedFile): file is PlannedFile => 'meta' in file;

/** The folder (or file) name a file lives under, as a slug: the URL it would have without a permalink. */
function homeSlug(file: PlannedFile): string {
  return normalisePermalink(file.meta.folder.split('/').at(-1) ?? '');
}

export function planLegacyCorpus(dir: string, native: NativeArticles): LegacyPlan {
  const skipped: SkippedFile[] = [];
  const bySlug = new Map<string, PlannedFile[]>();
  for (const relPath of listMarkdownFiles(dir)) {
    const read = readLegacyFile(dir, relPath);
    if (!isPlanned(read)) {
      skipped.push(read);
      continue;
    }
    // Only what decides URLs and titles is kept: the text of 1,583 files held for the whole
    // import would weigh on the build's peak memory for nothing.
    const file: PlannedFile = {
      relPath: read.relPath,
      absPath: read.absPath,
      meta: read.meta,
      warnings: read.warnings,
    };
    const { meta, warnings } = file;
    const nativeWithTitle = native.titles.get(titleKey(meta.title));
    if (native.slugs.has(meta.slug)) {
      warnings.push({
        category: 'native-wins',
        message: `/docs/${meta.slug}/ is a native article: the native one is kept, this file is not built`,
      });
      skipped.push(file);
    } else if (nativeWithTitle !== undefined) {
      warnings.push({
        category: 'native-title',
        message: `its title "${meta.title}" is the title of the native article /docs/${nativeWithTitle}/: not built`,
      });
      skipped.push(file);
    } else {
      bySlug.set(meta.slug, [...(bySlug.get(meta.slug) ?? []), file]);
    }
  }
  const pages: PlannedFile[] = [];
  for (const [slug, files] of bySlug) {
    // Files are in path order: the first living under its own permalink wins, else the first.
    const kept = files.find((file) => homeSlug(file) === slug) ?? files[0]!;
    pages.push(kept);
    if (files.length === 1) continue;
    const others = files.filter((file) => file !== kept);
    const why =
      homeSlug(kept) === slug
        ? 'its folder is named like the permalink'
        : 'no file lives under a folder of that name, it comes first in path order';
    kept.warnings.push({
      category: 'duplicate-permalink',
      message: `permalink /docs/${slug}/ is also claimed by ${others.map((f) => f.relPath).join(', ')}: this file is kept (${why})`,
    });
    for (const file of others) {
      file.warnings.push({
        category: 'duplicate-permalink',
        message: `permalink /docs/${slug}/ is also claimed by ${kept.relPath}, which is kept (${why}): this file is not built`,
      });
      skipped.push(file);
    }
  }
  pages.sort((a, b) => (a.relPath < b.relPath ? -1 : 1));
  return { pages, skipped };
}

/** The native articles of the site: their file names, as the glob loader makes ids, and their titles. */
export function nativeArticles(nativeDir: string): NativeArticles {
  const slugs = new Set<string>();
  const titles = new Map<string, string>();
  let names: string[] = [];
  try {
    names = readdirSync(nativeDir).filter((name) => /\.mdx?$/.test(name));
  } catch {
    return { slugs, titles };
  }
  for (const name of names) {
    const slug = name.replace(/\.mdx?$/, '').toLowerCase();
    slugs.add(slug);
    const title = splitFrontMatter(readFileSync(join(nativeDir, name), 'utf8')).data.title;
    if (typeof title === 'string') titles.set(titleKey(title), slug);
  }
  return { slugs, titles };
}
