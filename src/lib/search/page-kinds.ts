/**
 * Query understanding, part three: a question that asks for a kind of page.
 * "what is the cloud office control panel" asks for a definition, so among
 * the pages that match it equally well, a glossary or an overview should come
 * first. The kind's words raise a page (ranking's `raised`); unlike a
 * concept, a page need not carry them. Cues and words: `kinds` in the
 * reviewed `equivalences.json`.
 */
import data from './equivalences.json';
import { queryTokens } from './query';

interface PageKind {
  asked: readonly string[];
  closing: readonly string[];
  pages: readonly string[];
  sections: readonly string[];
}

const KINDS: readonly PageKind[] = [data.kinds.definition];

/** A question asking for a kind of page: what it is asked about, and what raises the pages of that kind. */
export interface AskedKind {
  /** The query without the cue ("what does … mean"): the words to search for. */
  subject: string;
  /** Words of such pages. */
  pages: string[];
  /** Prefixes of the ids of such sections. */
  sections: string[];
}

/**
 * The kind of page the query asks for, or none. The cue must open the query
 * and be followed by what is asked about: "what is" alone asks for nothing.
 * "what's" reads as "what is".
 */
export function askedKind(query: string, kinds: readonly PageKind[] = KINDS): AskedKind | undefined {
  const words = queryTokens(query.replace(/\bwhat['’]?s\b/giu, 'what is')).join(' ');
  for (const kind of kinds) {
    const cue = kind.asked.find((candidate) => words.startsWith(`${candidate} `));
    if (cue === undefined) continue;
    let subject = words.slice(cue.length + 1);
    const closing = kind.closing.find((candidate) => subject.endsWith(` ${candidate}`));
    if (closing) subject = subject.slice(0, -closing.length - 1);
    return { subject, pages: [...kind.pages], sections: [...kind.sections] };
  }
  return undefined;
}
