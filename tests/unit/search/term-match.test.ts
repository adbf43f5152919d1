import { describe, expect, it } from 'vitest';
import { conceptLocations, conceptMatcher } from '../../../src/lib/search/term-match';

describe('conceptMatcher', () => {
  it('matches a word to the concept whose words it shares a stem with, whatever its case', () => {
    const matcher = conceptMatcher([['forwarding'], ['policies']]);
    expect(matcher('forwarded')).toBe(0);
    expect(matcher('Forwarding')).toBe(0);
    expect(matcher('policy')).toBe(1);
    expect(matcher('mailbox')).toBe(-1);
  });

  it('reads a word without the punctuation around it, but keeps what is inside it', () => {
    const matcher = conceptMatcher([['password'], ['2fa'], ['email']]);
    expect(matcher('"(password),')).toBe(0);
    expect(matcher('2FA.')).toBe(1);
    expect(matcher('e-mail')).toBe(-1);
  });

  it('matches the words a query word starts, as Pagefind does, from three letters on and only at the start', () => {
    const matcher = conceptMatcher([['config'], ['pop'], ['ip'], ['mail']]);
    expect(matcher('configuration')).toBe(0);
    expect(matcher('POP3')).toBe(1);
    expect(matcher('ipad')).toBe(-1);
    expect(matcher('email')).toBe(-1);
  });

  it('ignores the stop words of a concept, unless it has nothing else', () => {
    const matcher = conceptMatcher([['reset the password'], ['who']]);
    expect(matcher('the')).toBe(-1);
    expect(matcher('reset')).toBe(0);
    expect(matcher('who')).toBe(1);
  });

  it('finds every location of every concept in a text', () => {
    const matcher = conceptMatcher([['forwarding'], ['rules']]);
    expect(conceptLocations(['Check', 'forwarding', 'and', 'rules', 'then', 'forward'], matcher)).toEqual([
      { location: 1, concept: 0 },
      { location: 3, concept: 1 },
      { location: 5, concept: 0 },
    ]);
  });
});
