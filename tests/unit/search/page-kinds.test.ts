import { describe, expect, it } from 'vitest';
import { pageKindWords } from '../../../src/lib/search/page-kinds';

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
    pageKindWords('what is spf').push('changed');
    expect(pageKindWords('what is spf')).toEqual(DEFINITION);
  });
});
