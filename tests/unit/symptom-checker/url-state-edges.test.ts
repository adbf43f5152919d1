/**
 * The limits and edges of reading the checker's answers back from a URL
 * anyone can craft, and of writing them into a link: each test here kills a
 * mutant that survived the other tests (README "Mutation testing").
 */
import { describe, expect, it } from 'vitest';
import { emptyState, hasAnswers } from '../../../src/lib/symptom-checker/state';
import { decodeCheckerQuery, encodeCheckerQuery, stripCheckerQuery } from '../../../src/lib/symptom-checker/url-state';

describe('decodeCheckerQuery limits', () => {
  it('reads at most eight values of one key', () => {
    const junk = (count: number) => Array.from({ length: count }, () => 'symptoms=nope').join('&');
    expect(decodeCheckerQuery(`?${junk(7)}&symptoms=bounce-messages`).symptoms).toEqual(['symptom-bounce-messages']);
    expect(decodeCheckerQuery(`?${junk(8)}&symptoms=bounce-messages`).symptoms).toEqual([]);
  });

  it('reads a value of 512 characters and drops one of 513', () => {
    const value = (length: number) => `bounce-messages,${'a'.repeat(length - 'bounce-messages,'.length)}`;
    expect(value(512)).toHaveLength(512);
    expect(decodeCheckerQuery(`?symptoms=${value(512)}`).symptoms).toEqual(['symptom-bounce-messages']);
    expect(decodeCheckerQuery(`?symptoms=${value(513)}`).symptoms).toEqual([]);
  });

  it('reads at most 32 comma-separated ids of one value', () => {
    const after = (count: number) => `?risks=${'nope,'.repeat(count)}public-wifi`;
    expect(decodeCheckerQuery(after(31)).risks).toEqual(['risk-public-wifi']);
    expect(decodeCheckerQuery(after(32)).risks).toEqual([]);
  });

  it('reads a role with spaces around it', () => {
    expect(decodeCheckerQuery('?role=%20admin%20').role).toBe('admin');
    expect(decodeCheckerQuery('?role=+Administrator+').role).toBe('admin');
  });
});

describe('encodeCheckerQuery and stripCheckerQuery on crafted keys', () => {
  it('removes exactly the keys the checker reads: an escaped one, not one with a trailing "+"', () => {
    // URLSearchParams reads "role+" as "role " (not the checker's) and "symp%74oms" as "symptoms".
    expect(decodeCheckerQuery('?role+=admin').role).toBe('user');
    expect(decodeCheckerQuery('?symp%74oms=bounce-messages').symptoms).toEqual(['symptom-bounce-messages']);
    expect(stripCheckerQuery('?role+=admin&symp%74oms=bounce-messages')).toBe('?role+=admin');
  });

  it('accepts the current query with or without its leading "?", and keeps a "?" inside a value', () => {
    expect(encodeCheckerQuery(emptyState(), 'q=why?')).toBe('?q=why?');
    expect(encodeCheckerQuery({ ...emptyState(), role: 'admin' }, '?q=why?')).toBe('?q=why?&role=admin');
  });
});

describe('emptyState', () => {
  it('is nothing ticked, as a user', () => {
    expect(emptyState()).toStrictEqual({ symptoms: [], risks: [], role: 'user' });
  });
});

describe('hasAnswers', () => {
  it('is true when a symptom or a risk is ticked, whatever the role', () => {
    expect(hasAnswers(emptyState())).toBe(false);
    expect(hasAnswers({ ...emptyState(), role: 'admin' })).toBe(false);
    expect(hasAnswers({ ...emptyState(), symptoms: ['symptom-bounce-messages'] })).toBe(true);
    expect(hasAnswers({ ...emptyState(), risks: ['risk-public-wifi'] })).toBe(true);
    expect(hasAnswers({ symptoms: ['symptom-bounce-messages'], risks: ['risk-public-wifi'], role: 'user' })).toBe(true);
  });
});
