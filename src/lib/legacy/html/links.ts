/**
 * Links in an imported page: links to other imported articles go to their
 * page here, other links to the old site go to the old site, addresses that
 * cannot be a URL become text, and schemes outside the allowlist lose their
 * address (counted for the warning).
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { ALLOWED_SCHEMES } from './allowlist';
import { legacyPage } from './page';
import { elements } from './tree';

/** Where the corpus was published: relative and site-absolute links in it resolve against this. */
const LEGACY_ORIGIN = 'https://docs.rackspace.com';
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
    const prefix = LEGACY_PREFIXES.find((p) => path.startsWith(p));
    if (prefix) {
      const rest = path.slice(prefix.length).replace(/\/+$/, '');
      const slug = rest === '' ? 'how-to' : rest.split('/').filter(Boolean).pop()!.toLowerCase();
      if (knownSlugs.has(slug)) return `/docs/${slug}/${url.hash}`;
    }
    url.protocol = 'https:';
  }
  return url.href;
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

/** Rewrite every link's address (`rewriteLegacyLink`); a link with no usable address keeps its text as a `<span>`. */
export function legacyLinks() {
  return (tree: Root, file: VFile) => {
    const page = legacyPage(file);
    for (const a of elements(tree, 'a')) {
      const original = a.properties.href;
      if (typeof original !== 'string') continue;
      const href = rewriteLegacyLink(original, page.pageSlug, page.knownSlugs);
      delete a.properties.href;
      if (href === undefined) {
        toPlainSpan(a);
      } else if (allowedHref(href)) {
        a.properties.href = href;
      } else {
        page.report.unsafeLinks += 1;
      }
    }
  };
}

/** The element becomes a bare `<span>`: its text stays, nothing else of it. */
function toPlainSpan(node: Element): void {
  node.tagName = 'span';
  node.properties = {};
}
