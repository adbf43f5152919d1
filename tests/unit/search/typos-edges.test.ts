import { describe, expect, it } from 'vitest';
import { allowedEdits, closestWord, parseVocabulary } from '../../../src/lib/search/typos';

describe('"Did you mean …?" at its edges', () => {
  it('allows one edit up to 7 letters and two from 8', () => {
    expect(allowedEdits('phishin')).toBe(1);
    expect(allowedEdits('phishing')).toBe(2);
    expect(closestWord('phishnig', ['phishing'])).toBe('phishing');
    expect(closestWord('hedars', ['headers'])).toBeUndefined();
  });

  it('corrects a word of four letters, but not of three', () => {
    expect(closestWord('maik', ['mail'])).toBe('mail');
    expect(closestWord('mak', ['mail', 'max'])).toBeUndefined();
  });

  it('leaves alone a word with anything but letters in it, at either end', () => {
    expect(closestWord('1ail', ['mail'])).toBeUndefined();
    expect(closestWord('mai1', ['mail'])).toBeUndefined();
    expect(closestWord('mail', ['mail', 'main'])).toBeUndefined();
  });

  it('keeps looking for a closer word after one two edits away', () => {
    expect(closestWord('forwardng', ['forwarded', 'forwarding'])).toBe('forwarding');
  });

  it('reads only plain words from the vocabulary file, letters from end to end', () => {
    expect(parseVocabulary('mail\n1abc\nabc1\nab\nx\nforwarding\n')).toEqual(['mail', 'ab', 'forwarding']);
  });
});
