/**
 * Sanitising by allowlist (`allowlist.ts`, `hast-util-sanitize`), in three
 * plugins: count what the author's HTML will lose (so each warning names only
 * what was really removed), sanitise the author's HTML, and, last, sanitise
 * the whole page again, so that nothing a plugin in between did can put
 * anything outside the allowlist on the page.
 */
import type { Root } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import type { VFile } from 'vfile';
import { find, html } from 'property-information';
import { ALLOWED_TAGS, BOOLEAN_ATTRIBUTES, UNSAFE_TAGS } from './allowlist';
import { legacyPage, plural, type SanitizeReport } from './page';
import { hasClass, walkElements } from './tree';
import type { MappedWarning } from '../front-matter';

/** Tags other plugins turn into allowed ones before the allowlist applies (images, `<center>`, `<section>`). */
const TRANSFORMED_TAGS = new Set(['img', 'center', 'section']);

export const emptyReport = (): SanitizeReport => ({
  unsafeTags: new Map(),
  unwrappedTags: new Map(),
  eventHandlers: 0,
  styleAttributes: 0,
  unsafeLinks: 0,
  images: 0,
});

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** Count, on the tree as the author wrote it, the elements and attributes the allowlist will remove. */
export function countRemovals() {
  return (tree: Root, file: VFile) => {
    const { report } = legacyPage(file);
    walkElements(tree, (node) => {
      // Code blocks the site's own highlighter (Shiki) coloured with inline styles are not the author's raw HTML.
      if (node.tagName === 'pre' && hasClass(node, 'astro-code')) return false;
      for (const property of Object.keys(node.properties)) {
        const attribute = find(html, property).attribute;
        if (attribute.startsWith('on')) report.eventHandlers += 1;
        else if (attribute === 'style') report.styleAttributes += 1;
      }
      const name = node.tagName;
      if (name === 'input') {
        if (node.properties.type !== 'checkbox') bump(report.unsafeTags, 'input');
      } else if (UNSAFE_TAGS.has(name)) bump(report.unsafeTags, name);
      else if (!ALLOWED_TAGS.includes(name) && !TRANSFORMED_TAGS.has(name)) bump(report.unwrappedTags, name);
      return true;
    });
  };
}

const listCounts = (map: ReadonlyMap<string, number>) =>
  [...map]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([tag, n]) => `${n} <${tag}>`)
    .join(', ');

/** The warnings a sanitiser report stands for: each names only what was really removed. */
function reportWarnings(report: SanitizeReport): MappedWarning[] {
  const unsafe: string[] = [];
  if (report.unsafeTags.size) unsafe.push(`elements ${listCounts(report.unsafeTags)}`);
  if (report.eventHandlers) unsafe.push(plural(report.eventHandlers, 'event handler attribute'));
  if (report.styleAttributes) unsafe.push(plural(report.styleAttributes, 'style attribute'));
  if (report.unsafeLinks)
    unsafe.push(`${plural(report.unsafeLinks, 'link')} to a scheme other than http, https, mailto or tel`);
  const warnings: MappedWarning[] = [];
  if (unsafe.length)
    warnings.push({ category: 'unsafe-html-dropped', message: `raw HTML: removed ${unsafe.join('; ')}` });
  if (report.unwrappedTags.size)
    warnings.push({
      category: 'html-unwrapped',
      message: `raw HTML outside the allowlist unwrapped, text kept: ${listCounts(report.unwrappedTags)}`,
    });
  if (report.images)
    warnings.push({
      category: 'image-removed',
      message: `${plural(report.images, 'image')} replaced by a labelled placeholder (the files are not part of the import)`,
    });
  return warnings;
}

/** The tree through `schema`, then without attributes left empty that mean nothing empty (`id=""`, `class=""`). */
function sanitiseTree(tree: Root, schema: Schema): Root {
  const clean = sanitize(tree, schema) as Root;
  walkElements(clean, (node) => {
    for (const [key, value] of Object.entries(node.properties)) {
      const empty = value === '' || (Array.isArray(value) && value.length === 0);
      if (empty && !BOOLEAN_ATTRIBUTES.has(key)) delete node.properties[key];
    }
  });
  return clean;
}

/** The author's HTML through the author's allowlist; the warnings of everything counted as removed. */
export function sanitiseAuthorHtml(schema: Schema) {
  return (tree: Root, file: VFile) => {
    const page = legacyPage(file);
    page.warnings.push(...reportWarnings(page.report));
    return sanitiseTree(tree, schema);
  };
}

/** The last plugin: the page through its allowlist, whatever the plugins before it did. */
export function enforceAllowlist(schema: Schema) {
  return (tree: Root) => sanitiseTree(tree, schema);
}
