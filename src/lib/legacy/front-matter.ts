/**
 * Legacy (Hugo/Jekyll) front matter: find it, read it, and map its fields
 * onto the legacy article model. Pure: no file system, no Astro.
 */
import { parse as parseYaml } from 'yaml';
import { repairDate } from './dates';
import { productFromName, type ProductRef } from '../products';
import type { WarningCategory } from './warnings';

export interface SplitSource {
  data: Record<string, unknown>;
  body: string;
  /** Where the front matter was: normal, inside an HTML comment, or nowhere. */
  location: 'front' | 'comment' | 'none';
  error?: string;
}

const FRONT = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
/** `<!--- \n---\n yaml \n---\n--->`: front matter someone commented out. */
const COMMENTED = /^\uFEFF?\s*<!--+[ \t]*\r?\n---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*\r?\n\s*-*-->[ \t]*(?:\r?\n|$)/;

export function splitFrontMatter(source: string): SplitSource {
  for (const [pattern, location] of [[FRONT, 'front'], [COMMENTED, 'comment']] as const) {
    const match = pattern.exec(source);
    if (!match) continue;
    const body = source.slice(match[0].length);
    try {
      const data = parseYaml(match[1]!) as unknown;
      return { data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}, body, location };
    } catch (error) {
      return { data: {}, body, location, error: (error as Error).message };
    }
  }
  return { data: {}, body: source, location: 'none' };
}

/** `/support/how-to/foo/` → `foo`; `/support/how-to/` → `how-to`. Lowercase URL segments only. */
export function normalisePermalink(value: string): string {
  const segments = value
    .trim()
    .split('/')
    .map((s) => s.trim())
    .filter(Boolean);
  if (segments[0] === 'support' && segments[1] === 'how-to') segments.splice(0, segments.length === 2 ? 1 : 2);
  return segments
    .map((s) =>
      s
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter(Boolean)
    .join('/');
}

/** `RETIRING-CONTENT` → `Retiring content`. */
export function humanise(name: string): string {
  const words = name.replace(/\.md$/i, '').replace(/[-_]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface MappedWarning {
  category: WarningCategory;
  message: string;
}

export interface LegacyMeta {
  title: string;
  /** The URL slug under /docs/ wanted by this file (before duplicate checks). */
  slug: string;
  product: ProductRef;
  created?: string;
  updated?: string;
  audited?: string;
  noindex: boolean;
  retired: boolean;
  /** A Hugo `_index.md` section page. */
  section: boolean;
  /** The folder the file describes, relative to the corpus root (`cloud-servers`, `cloud-servers/foo`). */
  folder: string;
}

/** First Markdown ATX heading or Setext H1 of a body, for a file without a title. */
function firstHeading(body: string): string | undefined {
  const m = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(body);
  return m?.[1]?.replace(/[*_`]/g, '').trim() || undefined;
}

/**
 * Map the front matter of `relPath` (e.g. `cloud-servers/foo/index.md`) to the
 * article model, with one warning per repair.
 */
export function mapFrontMatter(relPath: string, split: SplitSource): { meta: LegacyMeta; warnings: MappedWarning[] } {
  const warnings: MappedWarning[] = [];
  const data = split.data;
  const parts = relPath.split('/');
  const fileName = parts.at(-1)!;
  const section = fileName === '_index.md';
  const folderParts = fileName === 'index.md' || section ? parts.slice(0, -1) : [...parts.slice(0, -1), fileName.replace(/\.md$/i, '')];
  const folder = folderParts.join('/');

  if (split.location === 'comment') warnings.push({ category: 'front-matter-in-comment', message: 'front matter is inside an HTML comment: read it anyway' });
  if (split.error) warnings.push({ category: 'missing-title', message: `front matter is not valid YAML (${split.error.split('\n')[0]})` });

  let title = typeof data.title === 'string' || typeof data.title === 'number' ? String(data.title).trim() : '';
  if (!title) {
    const derived = firstHeading(split.body) ?? humanise(folderParts.at(-1) ?? fileName);
    warnings.push({ category: 'missing-title', message: `no title: using "${derived}"${split.location === 'none' ? ' (the file has no front matter)' : ''}` });
    title = derived;
  }

  const permalink = typeof data.permalink === 'string' ? normalisePermalink(data.permalink) : '';
  let slug = permalink;
  if (!slug) {
    slug = normalisePermalink(folderParts.at(-1) ?? folder) || normalisePermalink(folder);
    warnings.push({ category: 'missing-permalink', message: `no permalink: served at /docs/${slug}/` });
  }
  if (data.slug !== undefined) {
    warnings.push({ category: 'stray-slug', message: `ignored "slug: ${String(data.slug)}" (the URL comes from the permalink: /docs/${slug}/)` });
  }

  const productName = typeof data.product === 'string' && data.product.trim() ? data.product.trim() : '';
  let product: ProductRef;
  if (productName) product = productFromName(productName);
  else {
    product = productFromName(humanise(parts[0] === fileName ? 'general' : parts[0]!));
    if (!section || parts.length > 2) warnings.push({ category: 'missing-product', message: `no product: filed under "${product.name}"` });
  }

  const dates: Partial<Record<'created' | 'updated' | 'audited', string>> = {};
  const readDate = (target: 'created' | 'updated' | 'audited', key: string) => {
    if (!(key in data)) return false;
    const result = repairDate(data[key]);
    if (result.status === 'ok') dates[target] = result.date;
    else if (result.status === 'repaired') {
      dates[target] = result.date;
      warnings.push({ category: 'date-repaired', message: `${key} "${result.raw}" read as ${result.date}` });
    } else if (result.status === 'empty') warnings.push({ category: 'date-dropped', message: `${key} is empty: left out` });
    else warnings.push({ category: 'date-dropped', message: `${key} "${result.raw}" left out: ${result.reason}` });
    return true;
  };
  readDate('created', 'created_date');
  readDate('audited', 'audit_date');
  if (!readDate('updated', 'last_modified_date') && 'las_modified_date' in data) {
    warnings.push({ category: 'date-key-typo', message: 'read the misspelt key "las_modified_date" as last_modified_date' });
    readDate('updated', 'las_modified_date');
  } else if ('las_modified_date' in data) {
    warnings.push({ category: 'date-key-typo', message: 'ignored the misspelt key "las_modified_date": last_modified_date is set' });
  }

  const noindex = data.noindex === true || data.noindex === 'true';
  if (noindex) warnings.push({ category: 'noindex', message: 'noindex: built, but kept out of search and the sitemap' });

  const retired = data.retired === true || data.retired === 'true';
  return { meta: { title, slug, product, ...dates, noindex, retired, section, folder }, warnings };
}
