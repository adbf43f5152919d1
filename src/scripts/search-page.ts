/**
 * The search page: reads `?q=` and `?product=` from the URL, searches with
 * Pagefind, and lists pages with their best matching sections. Results are
 * built with DOM calls and textContent only, never from HTML strings.
 */
import { loadPagefind } from './search-loader';
import { pageText, recordExcerpt, sectionHits, withoutRepeatedExcerpts, type SectionHit } from '../lib/search/sections';
import { headingWordCount, type ExcerptSegment } from '../lib/search/excerpt';
import {
  MAX_QUERY_LENGTH,
  readSearchState,
  searchQueryString,
  normaliseQuery,
  queryTokens,
  type SearchState,
} from '../lib/search/query';
import { addedWords, expandQuery, type Concept } from '../lib/search/equivalences';
import { askedKind, type AskedKind } from '../lib/search/page-kinds';
import {
  PRODUCT_FAMILIES,
  kindStrengths,
  meantProductFamily,
  mergeSections,
  parseRecordPlaces,
  priorFor,
  rankPages,
  sectionsOfKind,
  unmatchedConcepts,
  type ProductFamily,
} from '../lib/search/ranking';
import { conceptMatcher } from '../lib/search/term-match';
// The spelling suggester is small (0.6 KB compressed) and ships with the page: a lazy import cost a request of its
// own, plus one for Vite's preload helper on every search. The site's words it reads stay lazy (loadVocabulary).
import { parseVocabulary, suggestQuery } from '../lib/search/typos';
import type { Pagefind, PagefindResult, PagefindResultData, PagefindSearchOptions } from '../lib/search/pagefind-types';

const MAX_RESULTS = 10;
/**
 * Section links under a result: up to three under the first few, only the best one below them. Lower results are
 * where a reader looks when the first did not answer: one section each says what the page offers, keeps the list
 * short to scan on a phone, and spares a download per section not shown (a maintained article's sections are
 * records of their own).
 */
const RESULTS_WITH_MORE_SECTIONS = 3;
const MAX_SECTIONS = 3;
const sectionsShownAt = (rank: number) => (rank < RESULTS_WITH_MORE_SECTIONS ? MAX_SECTIONS : 1);
const form = document.querySelector<HTMLFormElement>('.search-page form')!;
const input = document.querySelector<HTMLInputElement>('#page-search')!;
const productFilter = document.querySelector<HTMLSelectElement>('[data-product-filter]')!;
const status = document.querySelector<HTMLElement>('[data-search-status]')!;
const resultList = document.querySelector<HTMLOListElement>('[data-search-results]')!;
const allArticles = document.querySelector<HTMLElement>('[data-all-articles]')!;
const productNames = [...productFilter.options].map((option) => option.value).filter(Boolean);
/** The maintained articles' records: each page and each of its sections, a record of its own (scripts/index-search.mjs). */
const recordPlaces = parseRecordPlaces(resultList.dataset.sectionRecords ?? '');
/** The index's version: Pagefind then fetches the files this page preloads (scripts/search-preloads.mjs). */
const openPagefind = () => loadPagefind(resultList.dataset.indexVersion);

let latestSearch = 0;

/** A result ready to show: what names it, its excerpts, and which of the query's concepts they show. */
interface ShownPage {
  /** The page's record, or for a maintained article whose sections matched, its best section's (which carries the
   * article's title and product). */
  data: PagefindResultData;
  /** The page's own excerpt; none for a maintained article whose sections are listed, each with its own. */
  excerpt?: ExcerptSegment[];
  sections: SectionHit[];
  /** Concepts (by index) whose words are in the result's text, its readers' words included. */
  concepts: number[];
}

function excerptNodes(segments: ExcerptSegment[]): Node[] {
  return segments.map((segment) => {
    if (!segment.marked) return document.createTextNode(segment.text);
    const mark = document.createElement('mark');
    mark.textContent = segment.text;
    return mark;
  });
}

/** Result links carry the query so the article can highlight the words. */
function withHighlight(url: string, query: string): string {
  const [path, fragment] = url.split('#');
  return `${path}?${new URLSearchParams({ highlight: query })}${fragment ? `#${fragment}` : ''}`;
}

function renderResult({ data, excerpt, sections }: ShownPage, query: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  const pageUrl = data.url.split('#')[0]!;
  link.href = withHighlight(pageUrl, query);
  link.textContent = data.meta.article ?? data.meta.title ?? pageUrl;
  heading.append(link);
  item.append(heading);
  if (data.meta.product) {
    const product = document.createElement('p');
    product.className = 'search-result__product';
    product.textContent = data.meta.product;
    item.append(product);
  }
  if (excerpt) {
    const paragraph = document.createElement('p');
    paragraph.append(...excerptNodes(excerpt));
    item.append(paragraph);
  }

  if (sections.length > 0) {
    const list = document.createElement('ul');
    list.setAttribute('aria-label', `Matching sections in ${link.textContent}`);
    for (const section of sections) {
      const entry = document.createElement('li');
      const sectionLink = document.createElement('a');
      sectionLink.href = withHighlight(section.url, query);
      sectionLink.textContent = section.title;
      sectionLink.dataset.section = section.id;
      const sectionExcerpt = document.createElement('p');
      sectionExcerpt.append(...excerptNodes(section.excerpt));
      entry.append(sectionLink, sectionExcerpt);
      list.append(entry);
    }
    item.append(list);
  }
  return item;
}

/**
 * The reader's words in quotes, isolated in a <bdi>: direction marks in a link's words (a right-to-left override,
 * say) then turn only those words around, never the rest of the status line.
 */
function quoted(query: string): (string | Node)[] {
  return ['“', Object.assign(document.createElement('bdi'), { textContent: query }), '”'];
}

function renderNoResults(query: string): void {
  status.textContent = '';
  status.append(
    'No results for ',
    ...quoted(query),
    '. Try fewer or different words, browse the ',
    Object.assign(document.createElement('a'), { href: '/', textContent: 'home page' }),
    ', or if you think your mailbox was hacked, read ',
    Object.assign(document.createElement('a'), {
      href: '/docs/secure-a-compromised-rackspace-email-mailbox/',
      textContent: 'Secure a compromised Rackspace Email mailbox',
    }),
    '.',
  );
}

const searchOptions = (state: SearchState): PagefindSearchOptions =>
  state.product ? { filters: { product: state.product } } : {};

type FamilyPages = Record<ProductFamily, string[]>;
let familyPages: Promise<FamilyPages> | undefined;
/** The pages of each family of email products: filter lookups, made once. */
function loadFamilyPages(pagefind: Pagefind): Promise<FamilyPages> {
  const ids = async (names: readonly string[]) =>
    ((await pagefind.search(null, { filters: { product: { any: [...names] } } }))?.results ?? []).map(
      (result) => result.id,
    );
  familyPages ??= Promise.all([ids(PRODUCT_FAMILIES.site), ids(PRODUCT_FAMILIES.microsoft)])
    .then(([site, microsoft]) => ({ site, microsoft }))
    .catch(() => ({ site: [], microsoft: [] }));
  return familyPages;
}

/** The pages the ranking prefers: the maintained articles' records (listed in the page) and the product meant. */
async function loadPrior(pagefind: Pagefind, query: string): Promise<Map<string, number>> {
  const pages = await loadFamilyPages(pagefind);
  return priorFor(recordPlaces.keys(), pages[meantProductFamily(query)]);
}

/**
 * Every concept's words and equivalents searched on their own, then ranked
 * together; the words of the kind of page asked for raise the pages that have them.
 */
async function findPages(
  pagefind: Pagefind,
  concepts: readonly Concept[],
  kind: AskedKind | undefined,
  state: SearchState,
) {
  const options = searchOptions(state);
  const hitsOf = async (words: string) => (await pagefind.search(words, options))?.results ?? [];
  const [perConcept, ofKind, prior] = await Promise.all([
    Promise.all(concepts.map((concept) => Promise.all(concept.alternatives.map(hitsOf)))),
    Promise.all((kind?.pages ?? []).map(hitsOf)),
    loadPrior(pagefind, state.query),
  ]);
  // Pages of the kind asked for, and its sections (a glossary's terms), are raised.
  const raised = new Map<string, number>([
    ...kindStrengths(ofKind),
    ...sectionsOfKind(recordPlaces, kind?.sections ?? []),
  ]);
  return {
    ranked: mergeSections(rankPages<PagefindResult>(perConcept, { prior, raised }), recordPlaces),
    unmatched: unmatchedConcepts(perConcept),
  };
}

/**
 * Concepts whose words appear in none of the results: Pagefind found them
 * nowhere, or only through a part of the word (Pagefind finds "forwading"
 * on the pages with "for"), which is worth saying.
 */
function conceptsNotShown(
  concepts: readonly Concept[],
  shown: readonly ShownPage[],
  unmatched: readonly number[],
): number[] {
  const found = new Set(shown.flatMap((page) => page.concepts));
  return concepts.flatMap((_, index) => (found.has(index) && !unmatched.includes(index) ? [] : [index]));
}

/** Result links carry the reader's words and their equivalents, for the article to mark. */
const highlightQuery = (concepts: readonly Concept[]) => concepts.flatMap((concept) => concept.alternatives).join(' ');

function alsoSearchedNote(concepts: readonly Concept[], kindWords: readonly string[]): HTMLElement | undefined {
  const added = [...new Set([...addedWords(concepts), ...kindWords])];
  if (added.length === 0) return undefined;
  const note = document.createElement('span');
  note.dataset.alsoSearched = '';
  note.textContent = ` Also searched for: ${added.join(', ')}.`;
  return note;
}

/** A link's words longer than a search takes are cut, and the reader is told (the address bar keeps them all). */
function shortenedNote(): HTMLElement {
  const note = document.createElement('span');
  note.dataset.queryShortened = '';
  note.textContent = ` The link's words were too long: only the first ${MAX_QUERY_LENGTH} characters were searched.`;
  return note;
}

let vocabulary: Promise<string[]> | undefined;
/** The site's words for "Did you mean …?": fetched the first time a word is found nowhere. */
function loadVocabulary(): Promise<string[]> {
  vocabulary ??= fetch('/search-vocabulary.txt').then(async (response) => {
    if (!response.ok) throw new Error(`vocabulary: HTTP ${response.status}`);
    return parseVocabulary(await response.text());
  });
  vocabulary.catch(() => {
    vocabulary = undefined;
  });
  return vocabulary;
}

/** A corrected query for the concepts (by index) found nowhere, from the site's words; none on any failure. */
async function correctionFor(
  state: SearchState,
  concepts: readonly Concept[],
  notFound: readonly number[],
): Promise<string | undefined> {
  if (notFound.length === 0) return undefined;
  const suspects = new Set(notFound.flatMap((index) => queryTokens(concepts[index]!.typed)));
  try {
    return suggestQuery(state.query, await loadVocabulary(), suspects);
  } catch {
    // No suggestion is better than a broken page: the results stand as they are.
    return undefined;
  }
}

/** "Did you mean …?", for the end of the status line: its link searches the suggestion in place. */
function correctionOffer(state: SearchState, suggestion: string): HTMLElement {
  const offer = document.createElement('span');
  offer.dataset.didYouMean = '';
  const link = document.createElement('a');
  link.href = `/search/${searchQueryString({ ...state, query: suggestion })}`;
  link.textContent = suggestion;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    input.value = suggestion;
    update();
  });
  offer.append(' Did you mean ', link, '?');
  return offer;
}

/**
 * The results list's `data-search-state` says where a search stands, for tests and measures to wait on instead of
 * guessing: `searching`, `shown` (the first results are on screen; more may follow below them) and `final` (nothing
 * will change any more: every result listed in its final order, the count announced, any "Did you mean" offered).
 */
type SearchProgress = 'searching' | 'shown' | 'final';
function reportProgress(searchId: number, progress: SearchProgress): void {
  if (searchId === latestSearch) resultList.dataset.searchState = progress;
}

/** The count is said with the first result: the line above the results never grows under the reader's eyes (only a
 * "Did you mean" may join it later). */
function announceCount(query: string, count: number): void {
  if (count === 0) renderNoResults(query);
  else
    status.replaceChildren(
      `${count === MAX_RESULTS ? `Top ${MAX_RESULTS}` : count} result${count === 1 ? '' : 's'} for `,
      ...quoted(query),
      '.',
    );
}

/**
 * The first result goes on screen as soon as it is ready: its downloads are asked for alone, so nothing competes
 * with them. Then the rest are asked for at once, in rank order (so the first are served first), and each goes on
 * screen below those above it as soon as it and they are ready: nothing already shown moves or reorders. What must
 * be said with the first result (`awaitedWithFirst`) is awaited alongside its downloads. Returns what was shown, or
 * nothing when a newer search took over.
 */
async function showResults<Hit>(
  searchId: number,
  hits: readonly Hit[],
  show: (hit: Hit) => Promise<ShownPage>,
  highlight: string,
  announce: () => void,
  awaitedWithFirst: Promise<unknown>,
): Promise<ShownPage[] | undefined> {
  const [first] = await Promise.all([hits.length > 0 ? show(hits[0]!) : undefined, awaitedWithFirst]);
  const shown = first ? [first] : [];
  if (searchId !== latestSearch) return undefined;
  resultList.replaceChildren(...shown.map((page) => renderResult(page, highlight)));
  showBelowStatus(shown.length > 0 ? 'results' : 'articles');
  announce();
  reportProgress(searchId, 'shown');
  const loading = hits.slice(1).map(show);
  // A failure is reported when its result's turn comes (runSearch's catch), not as an unhandled rejection before.
  for (const result of loading) result.catch(() => {});
  for (const result of loading) {
    const page = await result;
    if (searchId !== latestSearch) return undefined;
    shown.push(page);
    resultList.append(renderResult(page, highlight));
  }
  return shown;
}

/**
 * Below the status line: the results, or the list of all articles when there are none to show. Both sit in an area
 * that holds at least a screen's height (the page's style), so whatever a search ends with (a short list, or no
 * results and a longer message above the articles), nothing on screen is pushed or pulled. While a search runs, the
 * articles step aside and the last search's results, if any, stay until the new ones replace them.
 */
function showBelowStatus(shown: 'results' | 'articles' | 'searching'): void {
  allArticles.hidden = shown !== 'articles';
  if (shown !== 'searching') resultList.hidden = shown !== 'results';
}

async function runSearch(state: SearchState): Promise<void> {
  const searchId = ++latestSearch;
  reportProgress(searchId, 'searching');
  await searchAndShow(searchId, state);
  reportProgress(searchId, 'final');
}

async function searchAndShow(searchId: number, state: SearchState): Promise<void> {
  if (state.query === '') {
    showBelowStatus('articles');
    resultList.replaceChildren();
    status.textContent = '';
    return;
  }
  status.textContent = 'Searching…';
  showBelowStatus('searching');
  try {
    // A definition question searches what it asks about: "what does NDR mean" searches "ndr".
    const kind = askedKind(state.query);
    const kindWords = kind?.pages ?? [];
    const concepts = expandQuery(kind?.subject || state.query);
    const matcher = conceptMatcher(concepts.map((concept) => concept.alternatives));
    const highlight = highlightQuery(concepts);
    const pagefind = await openPagefind();
    const { ranked, unmatched } = await findPages(pagefind, concepts, kind, state);
    const hits = ranked.slice(0, MAX_RESULTS).map((page, rank) => ({ ...page, sectionLimit: sectionsShownAt(rank) }));
    // Loading a result costs a fragment download and an excerpt each (see `showResults`). A maintained article's
    // sections are records of their own: when some matched, they are the result, each with its excerpt, and no page
    // excerpt repeats the best one (the page's best record is often that same section).
    const show = async ({ hit, sections, sectionLimit }: (typeof hits)[number]): Promise<ShownPage> => {
      if (recordPlaces.has(hit.id) && sections.length > 0) {
        const shown = withoutRepeatedExcerpts(
          await Promise.all(sections.slice(0, sectionLimit).map(showSection)),
          (shownSection) => shownSection.section.excerpt,
        );
        return {
          data: shown[0]!.data,
          sections: shown.map((shownSection) => shownSection.section),
          concepts: shown.flatMap((shownSection) => shownSection.concepts),
        };
      }
      const data = await hit.data();
      const text = pageText(data, matcher);
      return {
        data,
        ...recordExcerpt(text),
        sections: recordPlaces.has(hit.id)
          ? []
          : withoutRepeatedExcerpts(sectionHits(data, { text, limit: sectionLimit }), (hit) => hit.excerpt),
      };
    };
    const showSection = async ({ id, hit }: { id: string; hit: PagefindResult }) => {
      const data = await hit.data();
      const text = pageText(data, matcher);
      // The section's link shows its heading: the excerpt starts after it.
      const { excerpt, concepts } = recordExcerpt(
        text,
        headingWordCount(text.words.slice(0, text.shownWordCount), data.meta.title ?? ''),
      );
      const section: SectionHit = { id, title: data.meta.title ?? id, url: data.url, score: hit.score, excerpt };
      return { data, section, concepts };
    };
    // A word found nowhere is known before any result shows: its "Did you mean" is looked up while the first result
    // loads and joins the status line with the count, so the line does not grow under the reader's eyes later.
    let correction: string | undefined;
    const correctionBeforeFirst = correctionFor(state, concepts, unmatched).then((found) => (correction = found));
    const shown = await showResults(
      searchId,
      hits,
      show,
      highlight,
      () => {
        announceCount(state.query, hits.length);
        const note = alsoSearchedNote(concepts, kindWords);
        if (note) status.append(note);
        if (state.shortened) status.append(shortenedNote());
        if (correction) status.append(correctionOffer(state, correction));
      },
      correctionBeforeFirst,
    );
    if (shown === undefined || correction) return;
    // A word Pagefind matched only through a part of it ("forwading" through "for") shows in no result: its offer
    // comes once all are listed.
    const late = await correctionFor(state, concepts, conceptsNotShown(concepts, shown, unmatched));
    if (late && searchId === latestSearch) status.append(correctionOffer(state, late));
  } catch {
    if (searchId !== latestSearch) return;
    status.textContent = 'Search could not load. Check your connection, or browse all articles below.';
    showBelowStatus('articles');
  }
}

function currentState(): SearchState {
  return { query: normaliseQuery(input.value), product: productFilter.value };
}

function update(): void {
  const state = currentState();
  history.replaceState(history.state, '', `${location.pathname}${searchQueryString(state)}`);
  void runSearch(state);
}

/** While the reader types, fetch the index chunks the search will need. */
function preloadIndex(state: SearchState): void {
  const words = highlightQuery(expandQuery(state.query));
  if (words === '') return;
  openPagefind()
    .then((pagefind) => pagefind.preload(words, searchOptions(state)))
    .catch(() => {}); // The search itself reports a failed load.
}

let typingTimer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(update, 250);
  preloadIndex(currentState());
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  update();
});
productFilter.addEventListener('change', update);

// Arrow keys move between the search box and the result links.
document.addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...resultList.querySelectorAll<HTMLAnchorElement>('a')];
  const stops: HTMLElement[] = [input, ...links];
  const position = stops.indexOf(document.activeElement as HTMLElement);
  if (position === -1 || links.length === 0) return;
  event.preventDefault();
  const next = event.key === 'ArrowDown' ? Math.min(position + 1, stops.length - 1) : Math.max(position - 1, 0);
  stops[next]!.focus();
});

const initial = readSearchState(location.search, productNames);
input.value = initial.query;
productFilter.value = initial.product;
// This page exists to search: load Pagefind and the ranking's page lists now, so the first query meets them ready.
openPagefind()
  .then(loadFamilyPages)
  .catch(() => {}); // runSearch reports a failed load, and retries it.
void runSearch(initial);
