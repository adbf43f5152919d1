import { describe, expect, it } from 'vitest';
import { askedKind } from '../../../src/lib/search/page-kinds';

const pageKindWords = (query: string) => askedKind(query)?.pages ?? [];

const DEFINITION = ['terminology', 'glossary', 'overview'];

describe('the kind of page a question asks for', () => {
  it('hears a request for a definition at the start of the query, however it is asked', () => {
    for (const query of [
      'what is the cloud office control panel',
      "What's a safelist?",
      'whats DKIM',
      'what are aliases',
      'Define SPF',
      'meaning of NDR',
      'what does DMARC mean',
      'who is a domain administrator',
      'what counts as a compromised mailbox',
    ]) {
      expect(pageKindWords(query), query).toEqual(DEFINITION);
    }
  });

  it('asks nothing of a topic query, a cue in the middle, or a cue with nothing after it', () => {
    for (const query of [
      'mailbox is full',
      'reset a password',
      'I want to know what is wrong',
      'what is',
      'whatever is new',
      'defined rules',
      'what',
      'who changed settings in the control panel',
      // A situation, or what something does, rather than a term.
      'what is this message in my inbox',
      'what does blocking a sender do',
      'what does mean',
    ]) {
      expect(pageKindWords(query), query).toEqual([]);
    }
  });

  it('handles edge cases: empty, one letter, 200 characters, markup, Unicode', () => {
    expect(pageKindWords('')).toEqual([]);
    expect(pageKindWords('w')).toEqual([]);
    expect(pageKindWords(`what is ${'x'.repeat(192)}`)).toEqual(DEFINITION);
    expect(pageKindWords('what is <i>spf</i>')).toEqual(DEFINITION);
    expect(pageKindWords('<b>what is</b> spf')).toEqual([]);
    expect(pageKindWords('ＷＨＡＴ ＩＳ ｓｐｆ')).toEqual(DEFINITION);
    expect(pageKindWords('qué es spf')).toEqual([]);
  });

  it('returns a copy: a caller cannot change the data', () => {
    askedKind('what is spf')!.pages.push('changed');
    askedKind('what is spf')!.sections.push('changed');
    expect(askedKind('what is spf')).toEqual({ subject: 'spf', pages: DEFINITION, sections: ['term-'] });
  });

  it('searches what is asked about, without the cue, and raises the terms of a glossary', () => {
    expect(askedKind('what does bounce message mean')?.subject).toBe('bounce message');
    expect(askedKind('meaning of originating IP')?.subject).toBe('originating ip');
    expect(askedKind('Who is the primary contact?')?.subject).toBe('the primary contact');
    expect(askedKind('what counts as spam')?.subject).toBe('spam');
    expect(askedKind('what does ndr stand for')?.subject).toBe('ndr');
    expect(askedKind('what does NDR mean in an email')?.subject).toBe('ndr');
    // A situation: what follows is searched, and no glossary raised.
    expect(askedKind('what does it mean if my password stopped working')).toEqual({
      subject: 'if my password stopped working',
      pages: [],
      sections: [],
    });
    expect(askedKind('what is spf short for')?.subject).toBe('spf short for');
    expect(askedKind('what is the meaning of life')?.sections).toEqual(['term-']);
  });
});
