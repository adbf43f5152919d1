/**
 * Repairs made while importing legacy articles. Every repair is one line
 * naming the file; the totals per category are printed at the end of the build.
 */
import { buildSlot } from './build-slot';
import { printable } from './text';

export type WarningCategory =
  | 'missing-title'
  | 'front-matter-in-comment'
  | 'duplicate-permalink'
  | 'missing-permalink'
  | 'stray-slug'
  | 'native-wins'
  | 'image-shortcode'
  | 'shortcode-stripped'
  | 'liquid-stripped'
  | 'date-repaired'
  | 'date-dropped'
  | 'date-key-typo'
  | 'noindex'
  | 'own-h1-removed'
  | 'headings-normalised'
  | 'description-fallback'
  | 'missing-product'
  | 'unsafe-html-dropped'
  | 'image-removed'
  | 'broken-fragment'
  | 'file-skipped'
  | 'text-repaired'
  | 'length-capped'
  | 'permalink-repaired'
  | 'native-title'
  | 'id-repaired'
  | 'html-unwrapped'
  | 'lang-ignored';

const CATEGORY_LABELS: Record<WarningCategory, string> = {
  'missing-title': 'title missing: derived one',
  'front-matter-in-comment': 'front matter inside an HTML comment: read it',
  'duplicate-permalink': 'duplicate permalink: one file kept (see README), both named',
  'missing-permalink': 'no permalink: URL from the folder name',
  'stray-slug': 'stray slug: key ignored (permalink wins)',
  'native-wins': 'same slug as a native article: native kept',
  'image-shortcode': 'image shortcodes: labelled placeholder',
  'shortcode-stripped': 'other Hugo shortcodes stripped',
  'liquid-stripped': 'Liquid tags stripped',
  'date-repaired': 'malformed date repaired',
  'date-dropped': 'date empty or ambiguous: left out',
  'date-key-typo': 'misspelt date key read',
  noindex: 'noindex: built, kept out of search and sitemap',
  'own-h1-removed': 'own H1 removed (the page title is the H1)',
  'headings-normalised': 'heading levels normalised',
  'description-fallback': 'no first paragraph: description from the title',
  'missing-product': 'no product: filed under its folder',
  'unsafe-html-dropped': 'unsafe raw HTML dropped (scripts, handlers, styles, frames)',
  'image-removed': 'Markdown/HTML images: labelled placeholder',
  'broken-fragment': 'in-page links to a missing section: kept as text',
  'file-skipped': 'file not built (too big, binary, not UTF-8, or unreadable)',
  'text-repaired': 'control, invisible or invalid characters removed',
  'length-capped': 'title or product name cut to length',
  'permalink-repaired': 'permalink normalised to one safe URL segment',
  'native-title': 'title of a native article claimed: not built',
  'id-repaired': 'ids outside [A-Za-z0-9_-] rewritten or removed',
  'html-unwrapped': 'HTML elements outside the allowlist unwrapped (text kept)',
  'lang-ignored': 'front matter lang is no language tag: language detected instead',
};

export interface LegacyWarning {
  file: string;
  category: WarningCategory;
  message: string;
}

export class WarningLog {
  readonly warnings: LegacyWarning[] = [];
  add(file: string, category: WarningCategory, message: string): void {
    this.warnings.push({ file, category, message });
  }
  counts(): Partial<Record<WarningCategory, number>> {
    const counts: Partial<Record<WarningCategory, number>> = {};
    for (const { category } of this.warnings) counts[category] = (counts[category] ?? 0) + 1;
    return counts;
  }
  /** `legacy: 1,234 repairs in 567 files` then one line per category. */
  summary(): string[] {
    const files = new Set(this.warnings.map((w) => w.file)).size;
    const lines = [`legacy import: ${this.warnings.length} repairs in ${files} files`];
    const counts = this.counts();
    for (const category of Object.keys(CATEGORY_LABELS) as WarningCategory[]) {
      if (counts[category])
        lines.push(`  ${String(counts[category]).padStart(5)}  ${category}: ${CATEGORY_LABELS[category]}`);
    }
    return lines;
  }
}

/** One log line: a file name or message cannot forge another line or reorder what is shown. */
export function formatWarning(w: LegacyWarning): string {
  return `[legacy:${w.category}] ${printable(w.file)}: ${printable(w.message)}`;
}

/** The log of the current build, shared between the loader and the end-of-build summary in astro.config.mjs. */
const buildLog = buildSlot<WarningLog>('warnings');
export function buildWarningLog(): WarningLog {
  return buildLog.get() ?? buildLog.set(new WarningLog());
}
export function resetBuildWarningLog(): WarningLog {
  return buildLog.set(new WarningLog());
}
