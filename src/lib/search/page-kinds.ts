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
  /** Cues that ask for this kind only with a closing after the subject. */
  closingRequired: readonly string[];
  /** Words that open a subject which is a situation, not a term. */
  notATerm: readonly string[];
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
 * What a cue asks about, and the words after its closing: the words after the cue, less a closing at the end
 * ("what is spf short for" keeps its words). A cue that needs a closing asks about the words up to the first one,
 * wherever it comes ("what does NDR mean in an email" asks about "ndr"), and without one asks for no definition
 * ("what does blocking do").
 */
function subjectAfter(cue: string, words: string, kind: PageKind): { subject: string; after: string } | undefined {
  const subject = words.slice(cue.length + 1);
  if (kind.closingRequired.includes(cue)) {
    const ends = kind.closing.flatMap((closing) => {
      const at = ` ${subject} `.indexOf(` ${closing} `, 1);
      return at > 0 ? [{ at: at - 1, after: subject.slice(at + closing.length).trim() }] : [];
    });
    if (ends.length === 0) return undefined;
    const first = ends.reduce((a, b) => (b.at < a.at ? b : a));
    return { subject: subject.slice(0, first.at), after: first.after };
  }
  const closing = kind.closing.find((candidate) => subject.endsWith(` ${candidate}`));
  return { subject: closing ? subject.slice(0, -closing.length - 1) : subject, after: '' };
}

/**
 * The kind of page the query asks for, or none. The cue must open the query
 * and be followed by what is asked about: "what is" alone asks for nothing.
 * A subject that is a situation rather than a term asks for no definition: "what does it mean if my password stopped
 * working" searches what follows ("if my password stopped working"), "what is this message" the whole query.
 * "what's" reads as "what is".
 */
export function askedKind(query: string, kinds: readonly PageKind[] = KINDS): AskedKind | undefined {
  const words = queryTokens(query.replace(/\bwhat['’]?s\b/giu, 'what is')).join(' ');
  for (const kind of kinds) {
    const cue = kind.asked.find((candidate) => words.startsWith(`${candidate} `));
    if (cue === undefined) continue;
    const asked = subjectAfter(cue, words, kind);
    if (asked === undefined || asked.subject === '') return undefined;
    if (kind.notATerm.includes(asked.subject.split(' ')[0]!))
      return asked.after === '' ? undefined : { subject: asked.after, pages: [], sections: [] };
    return { subject: asked.subject, pages: [...kind.pages], sections: [...kind.sections] };
  }
  return undefined;
}
