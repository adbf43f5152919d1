/**
 * Section-level hits inside one search result. Pagefind's own sub-results only
 * split pages at headings that carry ids; our published ids sit on the element
 * that holds an item (a symptom's <li>, a step's container), so we split at
 * every anchor Pagefind records and name each part after the heading it opens
 * with.
 */
import { buildExcerpt, contentWords, type ExcerptSegment } from './excerpt';
import type { PagefindAnchor, PagefindResultData } from './pagefind-types';
import { conceptLocations, type ConceptLocation, type ConceptMatcher } from './term-match';

export interface SectionHit {
  /** The fragment id to link to. */
  id: string;
  title: string;
  url: string;
  score: number;
  excerpt: ExcerptSegment[];
}

interface Section {
  id: string;
  title: string;
  start: number;
}

/**
 * Anchors that start at the same word belong to one section: the first (the
 * outermost element, e.g. the <li>) gives the id, the first with text (its
 * heading) gives the title.
 */
export function sectionsFromAnchors(anchors: readonly PagefindAnchor[]): Section[] {
  const sections: Section[] = [];
  const ordered = anchors
    .map((anchor, order) => ({ anchor, order }))
    .sort((a, b) => a.anchor.location - b.anchor.location || a.order - b.order);
  for (const { anchor } of ordered) {
    const text = anchor.text?.trim() ?? '';
    const current = sections.at(-1);
    if (current && current.start === anchor.location) {
      if (current.title === '' && text !== '') current.title = text;
    } else {
      sections.push({ id: anchor.id, title: text, start: anchor.location });
    }
  }
  return sections.filter((section) => section.title !== '');
}

/** A page's words and the query's matches among them, read once per result for its excerpt and its sections. */
export interface PageText {
  words: string[];
  /** In word order. */
  matches: ConceptLocation[];
  /** How many of the words, from the start, are the page's visible text: a section record ends with its readers'
   * words (`readerwords` metadata, section-records.ts), which find it but are never shown. */
  shownWordCount: number;
}

export function pageText(data: PagefindResultData, matcher: ConceptMatcher): PageText {
  const words = contentWords(data.content);
  const readerWords = contentWords(data.meta.readerwords ?? '').length;
  return { words, matches: conceptLocations(words, matcher), shownWordCount: Math.max(0, words.length - readerWords) };
}

/**
 * A record's excerpt around the query's matches, and the concepts (by index) they are of. The excerpt shows the
 * visible words after the `skip` words of the heading that the result's link already shows, with no "…" for that
 * heading. The concepts count every word, the heading's and the readers' words included.
 */
export function recordExcerpt(text: PageText, skip = 0): { excerpt: ExcerptSegment[]; concepts: number[] } {
  const shownWords = text.words.slice(skip, text.shownWordCount);
  const hits = text.matches
    .map((match) => match.location - skip)
    .filter((location) => location >= 0 && location < shownWords.length);
  return { excerpt: buildExcerpt(shownWords, hits), concepts: text.matches.map((match) => match.concept) };
}

/** The matches (sorted by location) from `start` up to, not including, `end`. */
function matchesBetween(matches: readonly ConceptLocation[], start: number, end: number): ConceptLocation[] {
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (matches[middle]!.location < start) low = middle + 1;
    else high = middle;
  }
  const found: ConceptLocation[] = [];
  for (let index = low; index < matches.length && matches[index]!.location < end; index += 1)
    found.push(matches[index]!);
  return found;
}

/** A word of a section's own heading counts this much more than one in its text. */
const TITLE_WEIGHT = 4;

/**
 * The sections of a result that contain query matches, best first: the
 * section matching the most of the query's concepts, then the one whose
 * matches weigh most (a match in its heading weighs more). Without the page text matched to the query,
 * Pagefind's own word locations and weights are used.
 */
export function sectionHits(
  data: PagefindResultData,
  { limit = 3, excerptLength = 24, text }: { limit?: number; excerptLength?: number; text?: PageText } = {},
): SectionHit[] {
  const sections = sectionsFromAnchors(data.anchors);
  const words = text?.words ?? contentWords(data.content);
  const pageUrl = data.url.split('#')[0]!;
  // Pagefind's weights cover the words of the search that returned this page; our own matches
  // (equivalent words included) count 1, or more in a heading.
  const pagefindWeight = new Map(
    data.weighted_locations.map((hit) => [hit.location, text ? hit.weight : hit.balanced_score]),
  );
  const matches = text
    ? text.matches
    : data.weighted_locations
        .map((hit) => ({ location: hit.location, concept: 0 }))
        .sort((a, b) => a.location - b.location);
  const ranked: { hit: SectionHit; concepts: number }[] = [];
  sections.forEach((section, index) => {
    const end = sections[index + 1]?.start ?? Number.POSITIVE_INFINITY;
    const inSection = matchesBetween(matches, section.start, end);
    if (inSection.length === 0) return;
    const titleEnd = section.start + contentWords(section.title).length;
    const weightOf = (location: number) =>
      (pagefindWeight.get(location) ?? 1) * (text && location < titleEnd ? TITLE_WEIGHT : 1);
    ranked.push({
      concepts: new Set(inSection.map((match) => match.concept)).size,
      hit: {
        id: section.id,
        title: section.title,
        url: `${pageUrl}#${section.id}`,
        score: inSection.reduce((total, match) => total + weightOf(match.location), 0),
        excerpt: buildExcerpt(
          words,
          inSection.map((match) => match.location),
          { from: section.start, to: Math.min(end, words.length), length: excerptLength },
        ),
      },
    });
  });
  return ranked
    .sort((a, b) => b.concepts - a.concepts || b.hit.score - a.hit.score)
    .slice(0, limit)
    .map((entry) => entry.hit);
}

/** Runs of three words: two excerpts that share most of them say the same thing, wherever their windows start. */
function wordTriples(excerpt: readonly ExcerptSegment[]): string[] {
  const words = contentWords(excerpt.map((segment) => segment.text).join(''))
    .map((word) => word.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase())
    .filter((word) => word.length > 0);
  return words.slice(2).map((word, index) => `${words[index]} ${words[index + 1]} ${word}`);
}

/** The share of an excerpt's word triples already shown above it, from which the excerpt is left out. */
const REPEAT_SHARE = 0.6;

/**
 * The items in their order, leaving out any whose excerpt mostly repeats what the excerpts kept above it showed. An
 * article can say the same thing twice on purpose (the main article's "Do this now" summary and its step 1): under one
 * result the reader should read it once, under the section ranked first.
 */
export function withoutRepeatedExcerpts<T>(
  items: readonly T[],
  excerptOf: (item: T) => readonly ExcerptSegment[],
): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const triples = wordTriples(excerptOf(item));
    const repeated = triples.filter((triple) => seen.has(triple)).length;
    if (triples.length > 0 && repeated / triples.length >= REPEAT_SHARE) return false;
    for (const triple of triples) seen.add(triple);
    return true;
  });
}
