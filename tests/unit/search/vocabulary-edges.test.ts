import { describe, expect, it } from 'vitest';
import { buildVocabulary } from '../../../src/lib/search/vocabulary';

describe('the vocabulary at its edges', () => {
  it('keeps words of 4 to 24 letters', () => {
    const long = 'a'.repeat(24);
    expect(buildVocabulary([`abc abcd ${long} ${long}a`])).toEqual([long, 'abcd']);
  });

  it('lists the most frequent first, and equally frequent words alphabetically', () => {
    expect(buildVocabulary(['spam mail spam junk mail spam zone able'])).toEqual([
      'spam',
      'mail',
      'able',
      'junk',
      'zone',
    ]);
  });
});
