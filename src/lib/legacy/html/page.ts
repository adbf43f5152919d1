/**
 * What the plugins of one imported page share, kept on the page's VFile:
 * its options in, its warnings, headings and description out, and the ids
 * the plugins hand on to each other.
 */
import type { VFile } from 'vfile';
import type { MappedWarning } from '../front-matter';

export interface LegacyHeading {
  depth: number;
  slug: string;
  text: string;
}

/** What the author's HTML lost to the allowlist, counted before it goes (the warnings name only that). */
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

export interface LegacyPage {
  title: string;
  pageSlug: string;
  knownSlugs: ReadonlySet<string>;
  warnings: MappedWarning[];
  report: SanitizeReport;
  /** Every id on the page, the layout's own included: a new id must not take one of them. */
  usedIds: Set<string>;
  /** Ids as the author wrote them (decoded) → as the page has them, so in-page links follow a repaired id. */
  renamedIds: Map<string, string>;
  headings: LegacyHeading[];
  description: string;
}

declare module 'vfile' {
  interface DataMap {
    legacyPage: LegacyPage;
  }
}

export function legacyPage(file: VFile): LegacyPage {
  const page = file.data.legacyPage;
  if (!page) throw new Error('legacy HTML plugins need file.data.legacyPage');
  return page;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** Text with its runs of white space as one space, trimmed. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
