/**
 * Each section of a maintained article as a search record of its own, so that
 * a question about one step is ranked on that step's few sentences rather than
 * on the whole long page (issue 23). Read from the built page: a section is
 * every element of the indexed body that carries an id, but for the heading
 * that titles its own item (a step's <h3>) and anchor aliases, up to the next
 * such element. Run at build time by scripts/index-search.mjs;
 * imports carry their extension so that Node runs this file as it is.
 */
import { NodeType, parse, type HTMLElement, type Node } from 'node-html-parser';

export interface SectionRecord {
  /** The fragment id: the record links to `${pageUrl}#${id}`. */
  id: string;
  url: string;
  title: string;
  /** A small HTML document for Pagefind: the section, with the page's filters and metadata. */
  html: string;
}

const HEADING = /^H([1-6])$/;
const isHeading = (element: HTMLElement) => HEADING.test(element.tagName);
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');
const visibleText = (element: HTMLElement) => element.textContent.replace(/\s+/g, ' ').trim();

/**
 * A block around whole sections of the page (the symptom checker's `#symptom-checker` holds the lists of signs and
 * risk factors, each under its own <h2> with its own id): not a section itself, since every word in it belongs to
 * the sections inside, which are records of their own. A section labelled by its <h2> (`aria-labelledby`, as
 * "Before you start" is) is a section with a title, not a block around others; an item's title is an <h3> or lower.
 */
export function isWrapper(element: HTMLElement): boolean {
  if (isHeading(element)) return false;
  const firstHeading = element.querySelector('h1, h2, h3, h4, h5, h6');
  if (firstHeading?.tagName !== 'H2' || firstHeading.id === '') return false;
  const labelledBy = element.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
  return !labelledBy.includes(firstHeading.id);
}

/**
 * A record holds its section's words as one paragraph, so in an excerpt list items read as one run-on sentence
 * ("birthdays and anniversaries the names of pets"). A block that ends without punctuation gets some: items a
 * semicolon, a term a colon, a heading or summary a full stop. Pagefind does not index punctuation.
 */
const BLOCK_END: Record<string, string> = { LI: ';', DD: ';', TD: ';', TH: ';', DT: ':', SUMMARY: '.' };
const ENDS_WITH_PUNCTUATION = /[.!?:;,…]$/;

function endBlock(text: string[], separator: string): void {
  for (let index = text.length - 1; index >= 0; index -= 1) {
    const piece = text[index]!.trimEnd();
    if (piece === '') continue;
    if (!ENDS_WITH_PUNCTUATION.test(piece)) text[index] = piece + separator;
    return;
  }
}

/**
 * Marks the words readers search with for an item (AlsoSearchedAs.astro): indexed, never shown. A section's record
 * holds them after its text and names them in `readerwords` metadata, so the search page leaves them out of excerpts.
 */
export const READER_WORDS_ATTRIBUTE = 'data-reader-words';

/** A run of the page's text: its visible words, and the hidden words readers search it with. */
interface TextRun {
  text: string[];
  readerWords: string[];
}

interface OpenSection extends TextRun {
  id: string;
  title: string;
}

/**
 * The page split at every element with an id, in document order, as the
 * search page splits a result (sections.ts): a section's text runs to the
 * next id, so a heading over a list of items holds its introduction and each
 * item its own words. An item's first heading is its title, not a section.
 */
function splitAtIds(body: HTMLElement): { intro: TextRun; sections: OpenSection[] } {
  const intro: TextRun = { text: [], readerWords: [] };
  const sections: OpenSection[] = [];
  const titles = new Set<HTMLElement>();
  /** Where text goes now: the last section opened, or the intro before the first. */
  const openRun = (): TextRun => sections.at(-1) ?? intro;
  const visit = (node: Node | HTMLElement) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      openRun().text.push(node.text);
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const element = node as HTMLElement;
    if (titles.has(element)) return;
    if (element.hasAttribute(READER_WORDS_ATTRIBUTE)) {
      openRun().readerWords.push(visibleText(element));
      return;
    }
    if (element.id && !element.hasAttribute('data-anchor-alias') && !isWrapper(element)) {
      const heading = isHeading(element) ? element : element.querySelector('h1, h2, h3, h4, h5, h6');
      if (heading && heading !== element) titles.add(heading);
      const title = visibleText(heading ?? element);
      if (title !== '') {
        sections.push({ id: element.id, title, text: [], readerWords: [] });
        if (heading === element) return;
      }
    }
    const run = openRun();
    const before = run.text.length;
    for (const child of element.childNodes) visit(child);
    const separator = BLOCK_END[element.tagName] ?? (isHeading(element) ? '.' : undefined);
    // Only a block that added words of its own to this run ends with punctuation: an empty one leaves the last alone.
    if (separator && openRun() === run && run.text.slice(before).some((piece) => piece.trim() !== ''))
      endBlock(run.text, separator);
  };
  visit(body);
  return { intro, sections };
}

/** A page's title weighs as much as on the page (its <h1>), a section's as an item's heading. */
const TITLE_WEIGHT = { page: 10, section: 8 } as const;

const recordHtml = (meta: string, title: string, weight: number, text: string, readerWords = '') =>
  [
    `<!doctype html><html lang="en"><head>${meta}`,
    readerWords && `<meta data-pagefind-meta="readerwords[content]" content="${escapeAttribute(readerWords)}">`,
    `</head><body><div data-pagefind-body>`,
    `<h2 data-pagefind-weight="${weight}">${escapeText(title)}</h2>`,
    // A list that closes the section ends it with a full stop, not an item's semicolon.
    `<p>${escapeText(text.replace(/\s+/g, ' ').trim().replace(/;$/, '.'))}</p>`,
    readerWords && `<p>${escapeText(readerWords)}</p>`,
    `</div></body></html>`,
  ].join('');

/**
 * The records of one maintained page, or none when it has no indexed body:
 * first the page itself (its title, description and what comes before the
 * first section, with all its metadata), then each section (with the page's
 * filters and product). Together they hold the page's text once, so the index
 * grows by little. `pageUrl` is the page's path ("/docs/slug/").
 */
export function pageRecords(pageHtml: string, pageUrl: string): SectionRecord[] {
  const root = parse(pageHtml);
  const body = root.querySelector('[data-pagefind-body]');
  if (!body) return [];
  const titleElement = body.querySelector('[data-pagefind-meta="title"]');
  const articleTitle = visibleText(titleElement ?? body);
  // The title heads the page's own record: not again in its text.
  titleElement?.remove();
  const metas = root.querySelectorAll('meta[data-pagefind-filter], meta[data-pagefind-meta]');
  const outer = (list: HTMLElement[]) => list.map((meta) => meta.outerHTML).join('');
  // Every section keeps the page's filters (product, role) and product; the rest (say, the words it is
  // also searched as) belongs to the page's own record.
  const sectionMeta = outer(
    metas.filter(
      (meta) =>
        meta.hasAttribute('data-pagefind-filter') || meta.getAttribute('data-pagefind-meta') === 'product[content]',
    ),
  );
  const titleMeta = (title: string) => `<meta data-pagefind-meta="title[content]" content="${escapeAttribute(title)}">`;
  const articleMeta = `<meta data-pagefind-meta="article[content]" content="${escapeAttribute(articleTitle)}">`;
  // Left out: the parts marked ignored, and what a reader never sees as text (an island's inline script and style,
  // inert template markup), which the parser would otherwise read as words.
  for (const ignored of body.querySelectorAll('[data-pagefind-ignore], script, style, template')) ignored.remove();
  const { intro, sections } = splitAtIds(body);
  return [
    {
      id: '',
      url: pageUrl,
      title: articleTitle,
      html: recordHtml(
        outer(metas) + titleMeta(articleTitle) + articleMeta,
        articleTitle,
        TITLE_WEIGHT.page,
        intro.text.join(' '),
        intro.readerWords.join('; '),
      ),
    },
    ...sections.map(({ id, title, text, readerWords }) => ({
      id,
      url: `${pageUrl}#${id}`,
      title,
      html: recordHtml(
        sectionMeta + titleMeta(title) + articleMeta,
        title,
        TITLE_WEIGHT.section,
        text.join(' '),
        readerWords.join('; '),
      ),
    })),
  ];
}
