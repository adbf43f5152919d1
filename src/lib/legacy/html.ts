/**
 * The HTML of an imported article, after the Markdown processor: keep what is
 * safe (sanitize-html, an allowlist), turn images into labelled placeholders,
 * put headings under the page title, give every h2/h3 an id and a copy-link,
 * and derive a description from the first paragraph. Pure.
 */
import sanitizeHtml from 'sanitize-html';
import { parse, type HTMLElement } from 'node-html-parser';
import Slugger from 'github-slugger';
import { imageLabel } from './shortcodes';
import type { MappedWarning } from './front-matter';

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
const RESERVED_IDS = new Set(['main-content', 'announcer', 'anchor-aliases', 'toc', 'site-search', 'home-search', 'page-search']);

const ALLOWED_TAGS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'a', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'em', 'strong', 'b', 'i',
  'u', 's', 'del', 'ins', 'sup', 'sub', 'br', 'hr', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
  'dl', 'dt', 'dd', 'div', 'span', 'kbd', 'samp', 'var', 'abbr', 'details', 'summary', 'figure', 'figcaption', 'mark',
  'small', 'cite', 'q', 'input', 'section', 'center',
];

/** What the allowlist removes, counted on the rendered HTML before sanitising (code is escaped there, so never matches). */
export function unsafeHtmlReport(rendered: string): string[] {
  // Code blocks the site's own highlighter (Shiki) coloured with inline styles are not the author's raw HTML.
  const html = rendered.replace(/<pre class="astro-code[^"]*"[\s\S]*?<\/pre>/g, '');
  const found: string[] = [];
  const count = (re: RegExp) => html.match(re)?.length ?? 0;
  const checks: [string, RegExp][] = [
    ['script', /<script\b/gi],
    ['style element', /<style\b/gi],
    ['event handler', /<[a-z][^>]*\son[a-z]+\s*=/gi],
    ['style attribute', /<[a-z][^>]*\sstyle\s*=/gi],
    ['frame/object/embed', /<(?:iframe|frame|object|embed|applet)\b/gi],
    ['form control', /<(?:form|button|select|textarea)\b/gi],
    ['javascript: URL', /\s(?:href|src)\s*=\s*["']?\s*javascript:/gi],
  ];
  for (const [label, re] of checks) {
    const n = count(re);
    if (n) found.push(`${n} ${label}${n === 1 ? '' : 's'}`);
  }
  return found;
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
  const bare = /^(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/?#]|$)/i.test(trimmed) && !/^[^/]*\.(?:md|html?|png|jpe?g|gif|svg)$/i.test(trimmed);
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
  if (url.hostname === 'docs.rackspace.com' || url.hostname === 'www.rackspace.com' && url.pathname.startsWith('/support/how-to')) {
    const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
    const prefix = LEGACY_PREFIXES.find((p) => path.startsWith(p)) ?? (path === '/support/how-to/' ? '/support/how-to/' : undefined);
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

export function sanitizeLegacyHtml(html: string, options: SanitizeOptions = {}): string {
  const { pageSlug = '', knownSlugs = new Set<string>() } = options;
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
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
    },
    allowedClasses: { code: ['language-*'], span: ['legacy-image'] },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    // Everything else (style, script, iframe, form, …) goes, with its content for script-like tags.
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'template', 'select', 'button'],
    transformTags: {
      a: (_tag, attribs) => {
        if (attribs.href === undefined) return { tagName: 'a', attribs };
        const { href: original, ...rest } = attribs;
        const href = rewriteLegacyLink(original, pageSlug, knownSlugs);
        // No usable address: the text stays, as plain text.
        return href === undefined ? { tagName: 'span', attribs: {} } : { tagName: 'a', attribs: { ...rest, href } };
      },
      center: 'div',
      section: 'div',
      img: (_tag, attribs) => {
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
        return { tagName: 'span', attribs: { class: 'legacy-image', 'data-pagefind-ignore': '' }, text: `[Image not included: ${imageLabel({ alt, title: attribs.title, src })}]` };
      },
      input: (_tag, attribs) => (attribs.type === 'checkbox' ? { tagName: 'input', attribs: { type: 'checkbox', disabled: '', ...(attribs.checked !== undefined ? { checked: '' } : {}) } } : { tagName: 'span', attribs: {} }),
    },
    // A copy-link the site's own heading plugin may already have added: this pass adds its own.
    exclusiveFilter: (frame) => (frame.tag === 'input' && frame.attribs.type !== 'checkbox') || (frame.tag === 'a' && 'data-copy-link' in frame.attribs),
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
const sameText = (a: string, b: string) => squash(a).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '') === squash(b).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** A description of at most `max` characters, cut at a word. */
export function clampDescription(text: string, max = 160): string {
  const clean = squash(text);
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

function copyLink(id: string, text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<a class="copy-link" href="#${id}" data-copy-link data-pagefind-ignore><span aria-hidden="true">#</span><span class="visually-hidden">Copy link to: ${escaped}</span></a>`;
}

export function processLegacyHtml(rendered: string, title: string, options: SanitizeOptions = {}): ProcessedHtml {
  const warnings: MappedWarning[] = [];
  const unsafe = unsafeHtmlReport(rendered);
  if (unsafe.length) warnings.push({ category: 'unsafe-html-dropped', message: `raw HTML: dropped ${unsafe.join(', ')}` });
  const images = (rendered.match(/<img\b/gi) ?? []).length;
  if (images) warnings.push({ category: 'image-removed', message: `${images} image${images === 1 ? '' : 's'} replaced by a labelled placeholder (the files are not part of the import)` });

  const root = parse(sanitizeLegacyHtml(rendered, options), { comment: false });
  let headingEls = root.querySelectorAll('h1, h2, h3, h4, h5, h6');

  // The layout prints the title as the page's only H1: drop a copy of it at the top of the body.
  const first = headingEls[0];
  if (first && first.tagName === 'H1' && sameText(first.textContent, title)) {
    first.remove();
    headingEls = headingEls.slice(1);
    warnings.push({ category: 'own-h1-removed', message: `removed its own H1 "${squash(first.textContent)}" (the page title is the H1)` });
  }
  const levels = headingEls.map((el) => Number(el.tagName[1]));
  const next = normaliseLevels(levels);
  const changed = levels.some((level, i) => level !== next[i]);
  if (changed) warnings.push({ category: 'headings-normalised', message: `heading levels ${summariseLevels(levels)} → ${summariseLevels(next)}` });

  const slugger = new Slugger();
  const used = new Set<string>();
  const headings: LegacyHeading[] = [];
  headingEls.forEach((el: HTMLElement, i) => {
    const depth = next[i]!;
    el.tagName = `h${depth}`;
    const text = squash(el.textContent);
    let id = el.getAttribute('id') ?? '';
    if (!id || used.has(id) || RESERVED_IDS.has(id)) id = slugger.slug(text || `section-${i + 1}`);
    while (used.has(id) || RESERVED_IDS.has(id)) id = slugger.slug(id);
    used.add(id);
    el.setAttribute('id', id);
    headings.push({ depth, slug: id, text });
    if (depth <= 3) el.replaceWith(`<div class="heading-row">${el.toString()}${copyLink(id, text)}</div>`);
  });
  for (const el of root.querySelectorAll('[id]')) {
    if (RESERVED_IDS.has(el.getAttribute('id') ?? '') && !/^H[1-6]$/.test(el.tagName)) el.removeAttribute('id');
  }

  // Wide tables and code scroll in their own box (legacy-article.css): keyboard users must reach it.
  for (const el of root.querySelectorAll('table, pre')) el.setAttribute('tabindex', '0');

  // Accessible names: an empty header cell is a data cell; a link with no text is no link (its id, if any, stays).
  for (const th of root.querySelectorAll('th')) {
    if (!squash(th.textContent)) th.tagName = 'td';
  }
  for (const a of root.querySelectorAll('a[href]')) {
    if (squash(a.textContent)) continue;
    const id = a.getAttribute('id');
    a.replaceWith(id ? `<span id="${id}"></span>` : '');
  }

  // In-page links to a section that does not exist here (the old site made other ids) keep their text, not the link.
  const ids = new Set(root.querySelectorAll('[id]').map((el) => el.getAttribute('id')));
  let brokenFragments = 0;
  for (const a of root.querySelectorAll('a[href^="#"]')) {
    const target = decodeURIComponent(a.getAttribute('href')!.slice(1));
    if (target === '' || ids.has(target)) continue;
    brokenFragments += 1;
    a.replaceWith(`<span>${a.innerHTML}</span>`);
  }
  if (brokenFragments) warnings.push({ category: 'broken-fragment', message: `${brokenFragments} in-page link${brokenFragments === 1 ? '' : 's'} to a missing section: kept as text` });

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
    warnings.push({ category: 'description-fallback', message: 'no first paragraph to describe it: description from the title' });
  }
  return { html: root.toString(), headings, description, warnings };
}

function summariseLevels(levels: readonly number[]): string {
  const out: string[] = [];
  for (const level of levels) if (out.at(-1) !== `h${level}`) out.push(`h${level}`);
  return out.length > 8 ? `${out.slice(0, 8).join(',')},…` : out.join(',');
}
