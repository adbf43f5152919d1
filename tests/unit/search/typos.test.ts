import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closestWord, parseVocabulary, suggestQuery } from '../../../src/lib/search/typos';
import { buildVocabulary } from '../../../src/lib/search/vocabulary';

// Most frequent first, as the build writes it.
const VOCABULARY = [
  'mailbox',
  'password',
  'forwarding',
  'compromised',
  'forwarded',
  'passwords',
  'blocklist',
  'phishing',
  'header',
  'headers',
];

describe('"Did you mean …?"', () => {
  it('corrects the misspellings stressed people make', () => {
    expect(suggestQuery('pasword', VOCABULARY)).toBe('password');
    expect(suggestQuery('mailbox compromized', VOCABULARY)).toBe('mailbox compromised');
    expect(suggestQuery('forwading rules', VOCABULARY)).toBe('forwarding rules');
  });

  it('prefers the more frequent of equally close words', () => {
    expect(closestWord('headr', VOCABULARY)).toBe('header');
  });

  it('leaves known words, short words, numbers and far-off words alone', () => {
    expect(suggestQuery('password', VOCABULARY)).toBeUndefined();
    expect(closestWord('mx', VOCABULARY)).toBeUndefined();
    expect(closestWord('2fa', VOCABULARY)).toBeUndefined();
    expect(closestWord('zzzzzzz', VOCABULARY)).toBeUndefined();
    // Seven letters allow one edit only: "pssword" is one, "psswrod" three.
    expect(closestWord('psswrod', VOCABULARY)).toBeUndefined();
  });

  it('corrects only the words the search found nowhere', () => {
    expect(suggestQuery('pasword heder', VOCABULARY, new Set(['heder']))).toBe('pasword header');
    expect(suggestQuery('pasword', VOCABULARY, new Set())).toBeUndefined();
  });

  it('handles edge cases: empty, one letter, 200 characters, markup, Unicode', () => {
    expect(suggestQuery('', VOCABULARY)).toBeUndefined();
    expect(suggestQuery('p', VOCABULARY)).toBeUndefined();
    expect(suggestQuery('pasword '.repeat(25), VOCABULARY)).toBe(Array(25).fill('password').join(' '));
    // Past 200 characters the query is cut, as the search box cuts it.
    expect(suggestQuery('pasword '.repeat(40), VOCABULARY)!.split(' ')).toHaveLength(25);
    expect(suggestQuery('<b>pasword</b>', VOCABULARY)).toBe('b password b');
    expect(suggestQuery('contraseña', VOCABULARY)).toBeUndefined();
    expect(suggestQuery('ＰＡＳＷＯＲＤ', VOCABULARY)).toBe('password');
    expect(suggestQuery('pasword', [])).toBeUndefined();
  });

  it('never throws, whatever is typed', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (query) => void suggestQuery(query, VOCABULARY)));
  });
});

describe('the build-time vocabulary', () => {
  it('lists words of 4 letters or more, most frequent first', () => {
    expect(buildVocabulary(['Change the password', 'Password rules: a password', 'Rules'])).toEqual([
      'password',
      'rules',
      'change',
    ]);
  });

  it('keeps its size bounded', () => {
    expect(buildVocabulary(['alpha beta gamma delta'], { maxWords: 2 })).toHaveLength(2);
  });

  it('reads back only plain words from the file', () => {
    expect(parseVocabulary('password\n<script>\n\nmailbox\nx\n')).toEqual(['password', 'mailbox']);
  });
});
