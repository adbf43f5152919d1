import { describe, expect, it } from 'vitest';
import { KINDS, checkPolicy, type Kind } from '../../../src/lib/password/policy';
import { kindAdvice } from '../../../src/lib/password/messages';
import { policyVerdict } from '../../../src/lib/password/verdict';

const SAMPLE: Record<Kind, string> = { upper: 'K', lower: 'k', digit: '7', symbol: '#' };

/** `length` characters using exactly the given kinds, in turn. */
function made(kinds: Kind[], length: number): string {
  return Array.from({ length }, (_, index) => SAMPLE[kinds[index % kinds.length]!]).join('');
}

describe('length', () => {
  it('refuses 7 characters and accepts 8', () => {
    expect(checkPolicy('Abcdef1').lengthMet).toBe(false);
    expect(checkPolicy('Abcdef1').pass).toBe(false);
    expect(checkPolicy('Abcdef12').lengthMet).toBe(true);
    expect(checkPolicy('Abcdef12').pass).toBe(true);
  });

  it('counts an emoji as one character, as a person would', () => {
    const policy = checkPolicy('Ab1\u{1F600}\u{1F600}\u{1F600}\u{1F600}');
    expect(policy.length).toBe(7);
    expect(policy.lengthMet).toBe(false);
    expect(checkPolicy('Ab1\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}').lengthMet).toBe(true);
  });

  it('handles 200+ characters', () => {
    const policy = checkPolicy(`${'x'.repeat(250)}Y9`);
    expect(policy).toMatchObject({ length: 252, lengthMet: true, kindCount: 3, pass: true });
  });
});

describe('kinds: every combination of the four', () => {
  const combinations = Array.from({ length: 16 }, (_, mask) => KINDS.filter((_, bit) => mask & (1 << bit)));
  for (const kinds of combinations) {
    it(`${kinds.join(' + ') || 'none'}`, () => {
      const password = kinds.length ? made(kinds, 12) : '\u00e9'.repeat(12);
      const policy = checkPolicy(password);
      expect(policy.kindCount).toBe(kinds.length);
      expect(policy.kindsMet).toBe(kinds.length >= 3);
      expect(policy.pass).toBe(kinds.length >= 3);
      expect(policy.missingKinds).toEqual(KINDS.filter((kind) => !kinds.includes(kind)));
    });
  }
});

describe('characters outside the four kinds', () => {
  it('counts letters outside A to Z toward length but no kind', () => {
    const policy = checkPolicy('\u00c9t\u00e9 \u00e0 Z\u00fcrich');
    expect(policy.kinds).toEqual({ upper: true, lower: true, digit: false, symbol: true });
    expect(policy.hasOtherCharacters).toBe(true);
  });

  it('does not let Cyrillic capitals pass for uppercase', () => {
    expect(checkPolicy('\u0416\u0416\u0416\u0416abcd1').kinds.upper).toBe(false);
  });

  it('does not count emoji as symbols', () => {
    const policy = checkPolicy('abcdefgh\u{1F510}\u{1F510}');
    expect(policy.kinds.symbol).toBe(false);
    expect(policy.pass).toBe(false);
  });
});

describe('advice names exactly the kinds to add', () => {
  it('a long lower-case passphrase with spaces is told to add an uppercase letter or a digit', () => {
    const policy = checkPolicy('velvet tractor simmer lagoon');
    expect(policy.missingKinds).toEqual(['upper', 'digit']);
    expect(kindAdvice(policy.kindCount, policy.missingKinds)).toBe(
      'Add an uppercase letter (A to Z) or a digit (0 to 9).',
    );
    expect(policyVerdict(policy).criteria.find((criterion) => criterion.id === 'kinds')?.fix).toBe(
      'Add an uppercase letter (A to Z) or a digit (0 to 9).',
    );
  });

  it('a single kind needs two more, and says so', () => {
    const policy = checkPolicy('abcdefghijk');
    expect(kindAdvice(policy.kindCount, policy.missingKinds)).toBe(
      'Add characters of 2 more kinds: an uppercase letter (A to Z), a digit (0 to 9) or a symbol, such as ! or #.',
    );
  });

  it('says how many characters are missing', () => {
    expect(policyVerdict(checkPolicy('Ab1!')).criteria[0]).toMatchObject({ met: false, fix: 'Add 4 more.' });
  });
});
