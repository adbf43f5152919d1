/**
 * Section-level hits inside one search result. Pagefind's own sub-results only
 * split pages at headings that carry ids; our published ids sit on the element
 * that holds an item (a symptom's <li>, a step's container), so we split at
 * every anchor Pagefind records and name each part after the heading it opens
 * with.
 */
import { buildExcerpt, contentWords, type ExcerptSegment } from './excerpt';
import type { PagefindAnchor, PagefindResultData } from './pagefind-types';

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

/** The sections of a result that contain query matches, best first. */
export function sectionHits(data: PagefindResultData, { limit = 3, excerptLength = 24 } = {}): SectionHit[] {
  const sections = sectionsFromAnchors(data.anchors);
  const words = contentWords(data.content);
  const pageUrl = data.url.split('#')[0]!;
  const hits: SectionHit[] = [];
  sections.forEach((section, index) => {
    const end = sections[index + 1]?.start ?? Number.POSITIVE_INFINITY;
    const inSection = data.weighted_locations.filter((hit) => hit.location >= section.start && hit.location < end);
    if (inSection.length === 0) return;
    hits.push({
      id: section.id,
      title: section.title,
      url: `${pageUrl}#${section.id}`,
      score: inSection.reduce((total, hit) => total + hit.balanced_score, 0),
      excerpt: buildExcerpt(
        words,
        inSection.map((hit) => hit.location),
        { from: section.start, to: Math.min(end, words.length), length: excerptLength },
      ),
    });
  });
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}
