/**
 * Legacy (Hugo/Jekyll) front matter: find it, read it, and map its fields
 * onto the legacy article model. Pure: no file system, no Astro.
 */
import { parse as parseYaml } from 'yaml';
import { repairDate } from './dates';
import { productFromName, type ProductRef } from '../products';
import type { WarningCategory } from './warnings';
import { firstAtxHeading } from './scan';
import { MAX_PRODUCT_CHARS, MAX_SLUG_CHARS, MAX_TITLE_CHARS, capLabel, cleanLabel } from './text';

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

/** Where the front matter is, without reading its YAML: its text, the body after it, and where it was found. */
export function findFrontMatter(source: string): { yaml?: string; body: string; location: SplitSource['location'] } {
  for (const [pattern, location] of [
    [FRONT, 'front'],
    [COMMENTED, 'comment'],
  ] as const) {
    const match = pattern.exec(source);
    if (match) return { yaml: match[1]!, body: source.slice(match[0].length), location };
  }
  return { body: source, location: 'none' };
}

export function splitFrontMatter(source: string): SplitSource {
  const { yaml, body, location } = findFrontMatter(source);
  if (yaml === undefined) return { data: {}, body, location };
  try {
    const data = parseYaml(yaml) as unknown;
    return {
      data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
      body,
      location,
    };
  } catch (error) {
    return { data: {}, body, location, error: (error as Error).message };
  }
}

/** `%2e%2e` → `..`; a malformed escape (`50%`) stays as written. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** One URL segment: lowercase letters, digits, `.`, `_` and `-`, never starting or ending with `.`, `_` or `-`. */
function slugSegment(segment: string): string {
  return segment
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|[._-]+$/g, '');
}

/** The site prefixes a legacy permalink may carry: `/support/how-to/foo/`, `/how-to/foo/`, `/docs/foo/`. */
const PREFIXES = [['support', 'how-to'], ['how-to'], ['docs']];

/**
 * A permalink as one URL segment under /docs/: `/support/how-to/foo/` → `foo`,
 * `/support/how-to/` → `how-to`. `.` and `..` are resolved and can never climb
 * out of /docs/ (`x/../new` → `new`, `../../etc/passwd` → `etc-passwd`); what
 * is left is joined with `-` and cut to MAX_SLUG_CHARS at a hyphen.
 */
export function normalisePermalink(value: string): string {
  const segments: string[] = [];
  for (const raw of value.split(/[/\\]/)) {
    const segment = cleanLabel(safeDecode(raw)).toLowerCase();
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  for (const prefix of PREFIXES) {
    if (prefix.every((part, i) => segments[i] === part)) {
      segments.splice(0, segments.length === prefix.length ? prefix.length - 1 : prefix.length);
      break;
    }
  }
  const slug = segments.map(slugSegment).filter(Boolean).join('-');
  if (slug.length <= MAX_SLUG_CHARS) return slug;
  const cut = slug.slice(0, MAX_SLUG_CHARS);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > MAX_SLUG_CHARS / 2 ? cut.slice(0, hyphen) : cut).replace(/[._-]+$/, '');
}

/** `RETIRING-CONTENT` → `Retiring content`. */
function humanise(name: string): string {
  const words = name.replace(/\.md$/i, '').replace(/[-_]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A front-matter language as a canonical BCP 47 tag (`pt_br` → `pt-BR`), or
 * undefined when it is none (`Spanish`, `xx-`, a number).
 */
export function declaredLanguage(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const tag = value.trim().replace(/_/g, '-');
  // Language subtag of 2–3 letters: no private-use or grandfathered oddities, no `english`.
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag)) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
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
  /** A valid BCP 47 tag from front matter `lang` (or `language`); without one the loader detects the language. */
  lang?: string;
}

/** First Markdown ATX heading of a body, for a file without a title. */
function firstHeading(body: string): string | undefined {
  return firstAtxHeading(body)?.replace(/[*_`]/g, '').trim() || undefined;
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
  const folderParts =
    fileName === 'index.md' || section ? parts.slice(0, -1) : [...parts.slice(0, -1), fileName.replace(/\.md$/i, '')];
  const folder = folderParts.join('/');

  if (split.location === 'comment')
    warnings.push({
      category: 'front-matter-in-comment',
      message: 'front matter is inside an HTML comment: read it anyway',
    });
  if (split.error)
    warnings.push({
      category: 'missing-title',
      message: `front matter is not valid YAML (${split.error.split('\n')[0]})`,
    });

  const rawTitle = typeof data.title === 'string' || typeof data.title === 'number' ? String(data.title) : '';
  let title = capped(rawTitle, MAX_TITLE_CHARS, 'title', warnings);
  if (!title) {
    const derived =
      capped(firstHeading(split.body) ?? '', MAX_TITLE_CHARS, 'first heading', warnings) ||
      humanise(cleanLabel(folderParts.at(-1) ?? fileName)) ||
      'Untitled';
    warnings.push({
      category: 'missing-title',
      message: `no title: using "${derived}"${split.location === 'none' ? ' (the file has no front matter)' : ''}`,
    });
    title = derived;
  }

  const rawPermalink =
    typeof data.permalink === 'string' || typeof data.permalink === 'number' ? String(data.permalink) : '';
  let slug = normalisePermalink(rawPermalink);
  if (slug && slug !== plainSlug(rawPermalink)) {
    warnings.push({
      category: 'permalink-repaired',
      message: `permalink "${truncateForLog(rawPermalink)}" served at /docs/${slug}/ (no ".", "..", nested folders or more than ${MAX_SLUG_CHARS} characters)`,
    });
  }
  if (!slug) {
    slug = normalisePermalink(folderParts.at(-1) ?? folder) || normalisePermalink(folder) || 'untitled';
    warnings.push({
      category: 'missing-permalink',
      message: `${rawPermalink.trim() ? `permalink "${truncateForLog(rawPermalink)}" is no URL` : 'no permalink'}: served at /docs/${slug}/`,
    });
  }
  if (data.slug !== undefined) {
    warnings.push({
      category: 'stray-slug',
      message: `ignored "slug: ${truncateForLog(String(data.slug))}" (the URL comes from the permalink: /docs/${slug}/)`,
    });
  }

  const productName =
    typeof data.product === 'string' ? capped(data.product, MAX_PRODUCT_CHARS, 'product name', warnings) : '';
  let product: ProductRef;
  if (productName) product = productFromName(productName);
  else {
    product = productFromName(
      capLabel(humanise(parts[0] === fileName ? 'general' : parts[0]!), MAX_PRODUCT_CHARS).text || 'General',
    );
    if (!section || parts.length > 2)
      warnings.push({ category: 'missing-product', message: `no product: filed under "${product.name}"` });
  }

  const dates: Partial<Record<'created' | 'updated' | 'audited', string>> = {};
  const readDate = (target: 'created' | 'updated' | 'audited', key: string) => {
    if (!(key in data)) return false;
    const result = repairDate(data[key]);
    if (result.status === 'ok') dates[target] = result.date;
    else if (result.status === 'repaired') {
      dates[target] = result.date;
      warnings.push({
        category: 'date-repaired',
        message: `${key} "${truncateForLog(result.raw)}" read as ${result.date}`,
      });
    } else if (result.status === 'empty')
      warnings.push({ category: 'date-dropped', message: `${key} is empty: left out` });
    else
      warnings.push({
        category: 'date-dropped',
        message: `${key} "${truncateForLog(result.raw)}" left out: ${result.reason}`,
      });
    return true;
  };
  readDate('created', 'created_date');
  readDate('audited', 'audit_date');
  if (!readDate('updated', 'last_modified_date') && 'las_modified_date' in data) {
    warnings.push({
      category: 'date-key-typo',
      message: 'read the misspelt key "las_modified_date" as last_modified_date',
    });
    readDate('updated', 'las_modified_date');
  } else if ('las_modified_date' in data) {
    warnings.push({
      category: 'date-key-typo',
      message: 'ignored the misspelt key "las_modified_date": last_modified_date is set',
    });
  }

  const noindex = data.noindex === true || data.noindex === 'true';
  if (noindex)
    warnings.push({ category: 'noindex', message: 'noindex: built, but kept out of search and the sitemap' });

  const retired = data.retired === true || data.retired === 'true';

  const langKey = 'lang' in data ? 'lang' : 'language' in data ? 'language' : undefined;
  const lang = langKey ? declaredLanguage(data[langKey]) : undefined;
  if (langKey && !lang)
    warnings.push({
      category: 'lang-ignored',
      message: `"${langKey}: ${truncateForLog(String(data[langKey]))}" is not a language tag: ignored, the language is detected from the text`,
    });
  return {
    meta: { title, slug, product, ...dates, noindex, retired, section, folder, ...(lang ? { lang } : {}) },
    warnings,
  };
}

/** A label cleaned of invisible characters and cut to `max`, with a warning for each change. */
function capped(raw: string, max: number, what: string, warnings: MappedWarning[]): string {
  const { text, cleaned, truncated } = capLabel(raw, max);
  if (cleaned)
    warnings.push({
      category: 'text-repaired',
      message: `${what}: control, zero-width or direction-override characters removed`,
    });
  if (truncated)
    warnings.push({ category: 'length-capped', message: `${what} of ${[...raw].length} characters cut to ${max}` });
  return text;
}

/** What a well-formed permalink becomes without any repair: `/support/how-to/foo/` → `foo`. */
function plainSlug(value: string): string {
  const segments = value.trim().split('/').filter(Boolean);
  if (segments[0] === 'support' && segments[1] === 'how-to') segments.splice(0, segments.length === 2 ? 1 : 2);
  return segments.length === 1 && /^[a-z0-9][a-z0-9._-]*$/.test(segments[0]!) && !/[._-]$/.test(segments[0]!)
    ? segments[0]!
    : '';
}

/** A value quoted in a warning: at most 80 characters. */
function truncateForLog(value: string): string {
  const clean = cleanLabel(value);
  return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean;
}
