/**
 * The HTML of an imported article, after the Markdown processor: keep what is
 * safe (sanitize-html, an allowlist), turn images into labelled placeholders,
 * put headings under the page title, give every h2/h3 an id and a copy-link,
 * and derive a description from the first paragraph. Pure.
 *
 * After sanitising, the page is only changed as a tree (node-html-parser):
 * no HTML is ever built by pasting strings, ids are kept to [A-Za-z0-9_-],
 * and a last pass through the same allowlist guarantees that nothing outside
 * it reaches the page, whatever a change above did.
 */
import sanitizeHtml from 'sanitize-html';
import { HTMLElement, TextNode, parse } from 'node-html-parser';
import { imageLabel } from './shortcodes';
import { safeDecode, type MappedWarning } from './front-matter';
import { truncateAtWord } from './text';

export interface LegacyHeading {
  depth: number;
  slug: string;
  text: string;
}

export interface ProcessedHtml {
  html: string;
  headings: LegacyHeading[];
  description: string;
  warnings: MappedWarning[];
}

/** Ids the layout itself uses: content must not clobber them. */
const RESERVED_IDS = new Set([
  'main-content',
  'announcer',
  'anchor-aliases',
  'toc',
  'site-search',
  'home-search',
  'page-search',
]);

const ALLOWED_TAGS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'a',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'del',
  'ins',
  'sup',
  'sub',
  'br',
  'hr',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'dl',
  'dt',
  'dd',
  'div',
  'span',
  'kbd',
  'samp',
  'var',
  'abbr',
  'details',
  'summary',
  'figure',
  'figcaption',
  'mark',
  'small',
  'cite',
  'q',
  'input',
  'section',
  'center',
];

/** Elements whose removal is a security repair (the rest of what the allowlist drops is only unwrapped). */
const UNSAFE_TAGS = new Set([
  'script',
  'style',
  'link',
  'meta',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'form',
  'button',
  'select',
  'option',
  'textarea',
  'input',
  'dialog',
  'template',
  'noscript',
  'svg',
  'math',
  'audio',
  'video',
  'source',
  'track',
  'picture',
  'canvas',
  'html',
  'head',
  'body',
  'title',
  'slot',
]);
/** Tags the sanitiser turns into other, allowed tags. */
const TRANSFORMED_TAGS = new Set(['img', 'center', 'section']);
const ALLOWED_SCHEMES = ['http', 'https', 'mailto', 'tel'];

/** What the sanitiser really removed from one page, as its own parser saw the page. */
export interface SanitizeReport {
  /** Unsafe elements removed, by tag name (`input` counts every non-checkbox input). */
  unsafeTags: Map<string, number>;
  /** Other elements outside the allowlist: the tag goes, its text stays. */
  unwrappedTags: Map<string, number>;
  eventHandlers: number;
  styleAttributes: number;
  /** Links whose address had a scheme other than http, https, mailto or tel (`javascript:`, `data:`). */
  unsafeLinks: number;
  /** Images turned into labelled placeholders. */
  images: number;
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const listCounts = (map: ReadonlyMap<string, number>) =>
  [...map]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([tag, n]) => `${n} <${tag}>`)
    .join(', ');

/** The warnings a sanitiser report stands for: each names only what was really removed. */
export function reportWarnings(report: SanitizeReport): MappedWarning[] {
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
  return warnings;
}

/** Whether a link address may stay: an in-page fragment, a relative path, or one of the allowed schemes. */
function allowedHref(href: string): boolean {
  if (href.startsWith('#')) return true;
  try {
    // The WHATWG parser is the browser's: it also sees `java\tscript:` as `javascript:`.
    return ALLOWED_SCHEMES.includes(new URL(href, 'https://relative.invalid/').protocol.slice(0, -1));
  } catch {
    return false;
  }
}

/** Where the corpus was published: relative and site-absolute links in it resolve against this. */
export const LEGACY_ORIGIN = 'https://docs.rackspace.com';
const LEGACY_PREFIXES = ['/support/how-to/', '/how-to/'];

/**
 * A link in an imported page: a link to another imported article goes to its
 * page here (`/docs/<slug>/`), any other link to the old site goes to the old
 * site (never a broken link here), a bare `cp.rackspace.com` gets its https://.
 */
export function rewriteLegacyLink(href: string, pageSlug: string, knownSlugs: ReadonlySet<string>): string | undefined {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#') || /^(mailto|tel):/i.test(trimmed)) return trimmed;
  const bare =
    /^(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/?#]|$)/i.test(trimmed) &&
    !/^[^/]*\.(?:md|html?|png|jpe?g|gif|svg)$/i.test(trimmed);
  let url: URL;
  try {
    url = new URL(bare ? `https://${trimmed}` : trimmed, `${LEGACY_ORIGIN}/support/how-to/${pageSlug}/`);
  } catch {
    // `https://%3Cendpoint%3E/…`, `https://master\_node:50030/`: an example address, not a link.
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return trimmed;
  // A placeholder host (`https://<endpoint>/…`) is an example, not a link: a browser cannot parse it back.
  if (!URL.canParse(url.href)) return undefined;
  if (
    url.hostname === 'docs.rackspace.com' ||
    (url.hostname === 'www.rackspace.com' && url.pathname.startsWith('/support/how-to'))
  ) {
    const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
    const prefix =
      LEGACY_PREFIXES.find((p) => path.startsWith(p)) ?? (path === '/support/how-to/' ? '/support/how-to/' : undefined);
    if (prefix) {
      const rest = path.slice(prefix.length).replace(/\/+$/, '');
      const slug = rest === '' ? 'how-to' : rest.split('/').filter(Boolean).pop()!.toLowerCase();
      if (knownSlugs.has(slug)) return `/docs/${slug}/${url.hash}`;
    }
    url.protocol = 'https:';
  }
  return url.href;
}

export interface SanitizeOptions {
  pageSlug?: string;
  knownSlugs?: ReadonlySet<string>;
}

const BASE_ATTRIBUTES: Record<string, string[]> = {
  '*': ['id', 'title', 'lang', 'dir'],
  a: ['href', 'name', 'id', 'title'],
  ol: ['start', 'reversed', 'type'],
  td: ['colspan', 'rowspan', 'align'],
  th: ['colspan', 'rowspan', 'align', 'scope'],
  code: ['class'],
  pre: ['tabindex', 'data-language'],
  span: ['class', 'data-pagefind-ignore'],
  input: ['type', 'checked', 'disabled'],
  abbr: ['title'],
};

/** Options shared by both passes: the allowlist itself. */
const ALLOWLIST = {
  allowedTags: ALLOWED_TAGS,
  allowedSchemes: ALLOWED_SCHEMES,
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Everything else (style, script, iframe, form, …) goes, with its content for script-like tags.
  disallowedTagsMode: 'discard',
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'iframe',
    'object',
    'template',
    'select',
    'button',
    'title',
  ],
} satisfies sanitizeHtml.IOptions;

/** Sanitise rendered legacy HTML and report what was removed. */
export function sanitizeWithReport(
  html: string,
  options: SanitizeOptions = {},
): { html: string; report: SanitizeReport } {
  const { pageSlug = '', knownSlugs = new Set<string>() } = options;
  const report: SanitizeReport = {
    unsafeTags: new Map(),
    unwrappedTags: new Map(),
    eventHandlers: 0,
    styleAttributes: 0,
    unsafeLinks: 0,
    images: 0,
  };
  // Code blocks the site's own highlighter (Shiki) coloured with inline styles are not the author's raw HTML.
  let inHighlightedCode = false;
  const out = sanitizeHtml(html, {
    ...ALLOWLIST,
    allowedAttributes: BASE_ATTRIBUTES,
    allowedClasses: { code: ['language-*'], span: ['legacy-image'] },
    onOpenTag: (name, attribs) => {
      if (name === 'pre' && /(?:^|\s)astro-code(?:\s|$)/.test(attribs.class ?? '')) inHighlightedCode = true;
      if (inHighlightedCode) return;
      for (const attribute of Object.keys(attribs)) {
        if (attribute.startsWith('on')) report.eventHandlers += 1;
        else if (attribute === 'style') report.styleAttributes += 1;
      }
      if (name === 'input') {
        if (attribs.type !== 'checkbox') bump(report.unsafeTags, 'input');
      } else if (UNSAFE_TAGS.has(name)) bump(report.unsafeTags, name);
      else if (!ALLOWED_TAGS.includes(name) && !TRANSFORMED_TAGS.has(name)) bump(report.unwrappedTags, name);
    },
    onCloseTag: (name) => {
      if (name === 'pre') inHighlightedCode = false;
    },
    transformTags: {
      a: (_tag, attribs) => {
        if (attribs.href === undefined) return { tagName: 'a', attribs };
        const { href: original, ...rest } = attribs;
        const href = rewriteLegacyLink(original, pageSlug, knownSlugs);
        // No usable address: the text stays, as plain text.
        if (href === undefined) return { tagName: 'span', attribs: {} };
        if (!allowedHref(href)) {
          report.unsafeLinks += 1;
          return { tagName: 'a', attribs: rest };
        }
        return { tagName: 'a', attribs: { ...rest, href } };
      },
      center: 'div',
      section: 'div',
      img: (_tag, attribs) => {
        report.images += 1;
        let alt = attribs.alt;
        let src = attribs.src;
        const marker = attribs.__astro_image_ ?? attribs.__ASTRO_IMAGE_;
        if (marker) {
          try {
            const parsed = JSON.parse(marker) as { alt?: string; src?: string };
            alt ??= parsed.alt;
            src ??= parsed.src;
          } catch {
            // keep what we have
          }
        }
        return {
          tagName: 'span',
          attribs: { class: 'legacy-image', 'data-pagefind-ignore': '' },
          text: `[Image not included: ${imageLabel({ alt, title: attribs.title, src })}]`,
        };
      },
      input: (_tag, attribs) =>
        attribs.type === 'checkbox'
          ? {
              tagName: 'input',
              attribs: { type: 'checkbox', disabled: '', ...(attribs.checked !== undefined ? { checked: '' } : {}) },
            }
          : { tagName: 'span', attribs: {} },
    },
    // A copy-link the site's own heading plugin may already have added: this pass adds its own.
    exclusiveFilter: (frame) =>
      (frame.tag === 'input' && frame.attribs.type !== 'checkbox') ||
      (frame.tag === 'a' && 'data-copy-link' in frame.attribs),
  });
  return { html: out, report };
}

export function sanitizeLegacyHtml(html: string, options: SanitizeOptions = {}): string {
  return sanitizeWithReport(html, options).html;
}

/**
 * The last pass: the same allowlist plus exactly what this module adds (the
 * heading row, its copy-link, focusable scroll boxes), no transforms. Whatever
 * the tree changes did, nothing outside the allowlist can reach the page.
 */
export function enforceAllowlist(html: string): string {
  return sanitizeHtml(html, {
    ...ALLOWLIST,
    allowedAttributes: {
      ...BASE_ATTRIBUTES,
      a: [...BASE_ATTRIBUTES.a!, 'class', 'data-copy-link', 'data-pagefind-ignore'],
      div: ['class'],
      span: [...BASE_ATTRIBUTES.span!, 'aria-hidden'],
      table: ['tabindex'],
    },
    allowedClasses: {
      code: ['language-*'],
      span: ['legacy-image', 'visually-hidden'],
      div: ['heading-row'],
      a: ['copy-link'],
    },
    exclusiveFilter: (frame) => frame.tag === 'input' && frame.attribs.type !== 'checkbox',
  });
}

/**
 * New heading levels: the first heading becomes h2 and no level is skipped,
 * keeping the nesting the author meant (`###, ####, ###` → `2, 3, 2`).
 */
export function normaliseLevels(levels: readonly number[]): number[] {
  const stack: { from: number; to: number }[] = [];
  return levels.map((level) => {
    while (stack.length && stack.at(-1)!.from >= level) stack.pop();
    const to = Math.min(6, stack.length ? stack.at(-1)!.to + 1 : 2);
    stack.push({ from: level, to });
    return to;
  });
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const sameText = (a: string, b: string) =>
  squash(a)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '') ===
  squash(b)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** A description of at most `max` characters, cut at a word. */
export function clampDescription(text: string, max = 160): string {
  const clean = squash(text);
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** Ids this site accepts in imported content. */
export const SAFE_ID = /^[A-Za-z0-9_-]+$/;
const MAX_ID_CHARS = 64;
/** Longest heading text kept for the table of contents and the copy-link's label. */
const MAX_HEADING_LABEL_CHARS = 150;

/** An id kept to [A-Za-z0-9_-] (`save-50%` → `save-50`); empty when nothing is left. */
export function safeId(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .slice(0, MAX_ID_CHARS)
    .replace(/^-+|-+$/g, '');
}

/** A heading id from its text: lowercase words joined by hyphens, ASCII only. */
function headingSlug(text: string): string {
  return safeId(text.toLowerCase().replace(/['’]/g, ''));
}

/** A new element with fixed attributes: no content or attribute of the page ever goes into the string. */
function element(tag: string, fixedAttributes = '', ...children: (HTMLElement | TextNode)[]): HTMLElement {
  const el = new HTMLElement(tag, {}, fixedAttributes, null, [-1, -1]);
  el.append(...children);
  return el;
}

/** A text node: the text escaped, so it is never read as markup. */
function textNode(value: string): TextNode {
  return new TextNode(value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'), null, [-1, -1]);
}

/** The heading row, without its heading yet: a link to the heading that the copy-link script copies. */
function headingRow(id: string, label: string): HTMLElement {
  const link = element(
    'a',
    'class="copy-link" href="#" data-copy-link data-pagefind-ignore',
    element('span', 'aria-hidden="true"', textNode('#')),
    element('span', 'class="visually-hidden"', textNode(`Copy link to: ${label}`)),
  );
  link.setAttribute('href', `#${id}`);
  return element('div', 'class="heading-row"', link);
}

type ChildNode = HTMLElement['childNodes'][number];

/**
 * Put each node of `replacements` in the place of its key (null: remove it).
 * One pass over each parent's children: node-html-parser's own replaceWith
 * copies all siblings each time, which makes a page of many headings quadratic.
 */
function replaceAll(replacements: ReadonlyMap<ChildNode, ChildNode | null>): void {
  const parents = new Set<HTMLElement>();
  for (const node of replacements.keys()) if (node.parentNode) parents.add(node.parentNode);
  for (const parent of parents) {
    const children: ChildNode[] = [];
    for (const child of parent.childNodes) {
      const replacement = replacements.has(child) ? replacements.get(child)! : child;
      if (replacement === null) continue;
      replacement.parentNode = parent;
      children.push(replacement);
    }
    parent.childNodes = children;
  }
}

export function processLegacyHtml(rendered: string, title: string, options: SanitizeOptions = {}): ProcessedHtml {
  const sanitised = sanitizeWithReport(rendered, options);
  const warnings: MappedWarning[] = reportWarnings(sanitised.report);
  const { images } = sanitised.report;
  if (images)
    warnings.push({
      category: 'image-removed',
      message: `${plural(images, 'image')} replaced by a labelled placeholder (the files are not part of the import)`,
    });

  const root = parse(sanitised.html, { comment: false });

  // Ids and link targets: only [A-Za-z0-9_-], unique, never one the layout uses. `renamed` maps what the
  // author wrote (as decoded) to what the page has, so in-page links follow a repaired id.
  const renamed = new Map<string, string>();
  const used = new Set<string>(RESERVED_IDS);
  let repairedIds = 0;
  for (const el of root.querySelectorAll('[id], a[name]')) {
    for (const attribute of ['id', 'name'] as const) {
      const raw = el.getAttribute(attribute);
      if (raw === undefined) continue;
      // An id written with markup characters is an attack, not a typo: it goes rather than being repaired.
      const id = /[<>"'`=]/.test(raw) ? '' : safeId(raw);
      if (id === raw && !used.has(id)) {
        used.add(id);
        renamed.set(raw, id);
        continue;
      }
      repairedIds += 1;
      el.removeAttribute(attribute);
      if (!id || used.has(id)) continue;
      el.setAttribute(attribute, id);
      used.add(id);
      renamed.set(raw, id);
    }
  }
  if (repairedIds)
    warnings.push({
      category: 'id-repaired',
      message: `${plural(repairedIds, 'id')} outside [A-Za-z0-9_-], duplicated or reserved: rewritten or removed`,
    });

  let headingEls = root.querySelectorAll('h1, h2, h3, h4, h5, h6');
  // The layout prints the title as the page's only H1: drop a copy of it at the top of the body.
  const first = headingEls[0];
  if (first && first.tagName === 'H1' && sameText(first.textContent, title)) {
    first.remove();
    headingEls = headingEls.slice(1);
    warnings.push({
      category: 'own-h1-removed',
      message: `removed its own H1 "${truncateAtWord(squash(first.textContent), 80)}" (the page title is the H1)`,
    });
  }
  const levels = headingEls.map((el) => Number(el.tagName[1]));
  const next = normaliseLevels(levels);
  const changed = levels.some((level, i) => level !== next[i]);
  if (changed)
    warnings.push({
      category: 'headings-normalised',
      message: `heading levels ${summariseLevels(levels)} → ${summariseLevels(next)}`,
    });

  const headings: LegacyHeading[] = [];
  const rows = new Map<ChildNode, ChildNode | null>();
  headingEls.forEach((el: HTMLElement, i) => {
    const depth = next[i]!;
    el.tagName = `h${depth}`;
    const text = truncateAtWord(squash(el.textContent), MAX_HEADING_LABEL_CHARS);
    let id = el.getAttribute('id') ?? '';
    if (!id) {
      const base = headingSlug(text) || `section-${i + 1}`;
      id = base;
      for (let n = 1; used.has(id); n += 1) id = `${base}-${n}`;
      used.add(id);
      el.setAttribute('id', id);
    }
    headings.push({ depth, slug: id, text });
    if (depth <= 3) rows.set(el, headingRow(id, text));
  });
  // Each row takes its heading's place, then the heading moves in, before its link.
  replaceAll(rows);
  for (const [heading, row] of rows) (row as HTMLElement).prepend(heading);

  // Wide tables and code scroll in their own box (legacy-article.css): keyboard users must reach it.
  for (const el of root.querySelectorAll('table, pre')) el.setAttribute('tabindex', '0');

  // Accessible names: an empty header cell is a data cell; a link with no text is no link (its id, if any, stays).
  for (const th of root.querySelectorAll('th')) {
    if (!squash(th.textContent)) th.tagName = 'td';
  }
  const emptyLinks = new Map<ChildNode, ChildNode | null>();
  for (const a of root.querySelectorAll('a[href]')) {
    if (squash(a.textContent)) continue;
    const id = a.getAttribute('id');
    const span = id ? element('span') : null;
    span?.setAttribute('id', id!);
    emptyLinks.set(a, span);
  }
  replaceAll(emptyLinks);

  // In-page links to a section that does not exist here (the old site made other ids) keep their text, not the link.
  const ids = new Set(root.querySelectorAll('[id]').map((el) => el.getAttribute('id')));
  let brokenFragments = 0;
  for (const a of root.querySelectorAll('a[href^="#"]')) {
    const written = safeDecode(a.getAttribute('href')!.slice(1));
    if (written === '') continue;
    const target = renamed.get(written) ?? written;
    if (ids.has(target)) {
      a.setAttribute('href', `#${target}`);
      continue;
    }
    brokenFragments += 1;
    a.tagName = 'span';
    for (const attribute of ['href', 'name']) a.removeAttribute(attribute);
  }
  if (brokenFragments)
    warnings.push({
      category: 'broken-fragment',
      message: `${plural(brokenFragments, 'in-page link')} to a missing section: kept as text`,
    });

  let description = '';
  for (const p of root.querySelectorAll('p')) {
    if (p.querySelector('.legacy-image')) continue;
    const text = squash(p.textContent);
    if (text.length >= 40) {
      description = clampDescription(text);
      break;
    }
  }
  if (!description) {
    description = clampDescription(`${title}: an imported article.`);
    warnings.push({
      category: 'description-fallback',
      message: 'no first paragraph to describe it: description from the title',
    });
  }
  return { html: enforceAllowlist(root.toString()), headings, description, warnings };
}

function summariseLevels(levels: readonly number[]): string {
  const out: string[] = [];
  for (const level of levels) if (out.at(-1) !== `h${level}`) out.push(`h${level}`);
  return out.length > 8 ? `${out.slice(0, 8).join(',')},…` : out.join(',');
}
