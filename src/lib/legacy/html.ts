/**
 * The HTML of an imported article, after the Markdown processor: one parse
 * into a hast tree, small plugins over that tree, one serialisation. Pure.
 *
 * In order: count what the allowlist will remove (for the warnings), rewrite
 * links, turn the author's images and form controls into what the page shows,
 * sanitise by allowlist, make ids safe, put headings under the page title with
 * their copy-links, give boxes and links accessible names, settle in-page
 * links, derive the description, and pass the whole page through the allowlist
 * once more, so that nothing outside it reaches the page whatever a plugin did.
 * Nothing is built from strings of HTML.
 */
import type { Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { parseFragment } from 'parse5';
import rehypeStringify from 'rehype-stringify';
import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import { HTML_OPTIONS } from '../markdown/copy-link';
import type { MappedWarning } from './front-matter';
import { legacyAccessibility } from './html/accessibility';
import { AUTHOR_SCHEMA, PAGE_SCHEMA } from './html/allowlist';
import { authorMarkup } from './html/author-markup';
import { legacyDescription } from './html/description';
import { legacyFragments } from './html/fragments';
import { legacyHeadings } from './html/headings';
import { legacyIds, RESERVED_IDS } from './html/ids';
import { legacyLinks } from './html/links';
import type { LegacyHeading } from './html/page';
import { countRemovals, emptyReport, enforceAllowlist, sanitiseAuthorHtml } from './html/sanitise';

export { clampDescription } from './html/description';
export { normaliseLevels } from './html/headings';
export { rewriteLegacyLink } from './html/links';

export interface ProcessedHtml {
  html: string;
  headings: LegacyHeading[];
  description: string;
  warnings: MappedWarning[];
}

export interface SanitizeOptions {
  pageSlug?: string;
  knownSlugs?: ReadonlySet<string>;
}

/**
 * The one parse: parse5 (the HTML standard's algorithm, so the tree is what a browser builds) into hast.
 * Without source positions (rehype-parse keeps them; nothing here reads them, and they cost time and memory).
 * Scripting off, as in rehype-parse: a `<noscript>`'s content is markup, seen and counted like the rest.
 */
const parseHtml: Plugin<[], string, Root> = function () {
  this.parser = (document) => fromParse5(parseFragment(document, { scriptingEnabled: false })) as Root;
};

const authorHtml = unified()
  .use(parseHtml)
  .use(countRemovals)
  .use(legacyLinks)
  .use(authorMarkup)
  .use(sanitiseAuthorHtml, AUTHOR_SCHEMA);

const legacyPageHtml = authorHtml()
  .use(legacyIds)
  .use(legacyHeadings)
  .use(legacyAccessibility)
  .use(legacyFragments)
  .use(legacyDescription)
  .use(enforceAllowlist, PAGE_SCHEMA)
  .use(rehypeStringify, HTML_OPTIONS)
  .freeze();

const sanitisedHtml = authorHtml().use(rehypeStringify, HTML_OPTIONS).freeze();

function pageFile(html: string, title: string, options: SanitizeOptions): VFile {
  return new VFile({
    value: html,
    data: {
      legacyPage: {
        title,
        pageSlug: options.pageSlug ?? '',
        knownSlugs: options.knownSlugs ?? new Set<string>(),
        warnings: [],
        report: emptyReport(),
        usedIds: new Set(RESERVED_IDS),
        renamedIds: new Map(),
        headings: [],
        description: '',
      },
    },
  });
}

export function processLegacyHtml(rendered: string, title: string, options: SanitizeOptions = {}): ProcessedHtml {
  const file = legacyPageHtml.processSync(pageFile(rendered, title, options));
  const { headings, description, warnings } = file.data.legacyPage!;
  return { html: String(file), headings, description, warnings };
}

/** Only the author's HTML through the allowlist, links rewritten (no ids, headings or description). */
export function sanitizeLegacyHtml(html: string, options: SanitizeOptions = {}): string {
  return String(sanitisedHtml.processSync(pageFile(html, '', options)));
}
