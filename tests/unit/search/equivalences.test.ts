import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addedWords,
  buildEquivalenceTable,
  expandQuery,
  MAX_ADDED_ALTERNATIVES,
  phraseKey,
  withinBudget,
} from '../../../src/lib/search/equivalences';
import { queryTokens } from '../../../src/lib/search/query';
import data from '../../../src/lib/search/equivalences.json';

const alternativesOf = (query: string) => expandQuery(query).map((concept) => concept.alternatives);

describe('query expansion with the equivalences', () => {
  it('searches for the domain word a reader did not use', () => {
    expect(alternativesOf('rackspace suspended my email')).toEqual([
      ['rackspace'],
      ['suspended', 'disabled', 'deactivated'],
      ['email'],
    ]);
    expect(alternativesOf('whitelist an address')[0]).toContain('safelist');
    expect(alternativesOf('turn on 2FA')).toContainEqual(expect.arrayContaining(['2fa', 'multi-factor']));
  });

  it('matches any form of a word: bouncing, bounced and bounce are one', () => {
    for (const form of ['bounce', 'bouncing', 'bounced', 'Bounces']) {
      expect(alternativesOf(form)[0]).toContain('undeliverable');
    }
  });

  it('treats a phrase of the data as one concept, stop words included', () => {
    const concepts = expandQuery('my mailbox was broken into');
    expect(concepts.map((concept) => concept.typed)).toEqual(['mailbox', 'broken into']);
    expect(concepts[1]!.alternatives).toContain('hacked');
    expect(expandQuery('I cannot log in to webmail').map((concept) => concept.typed)).toEqual(['log in', 'webmail']);
  });

  it('widens a narrower word one way only: keylogger finds malware, malware does not search keylogger', () => {
    expect(alternativesOf('keylogger')).toEqual([['keylogger', 'malware']]);
    expect(alternativesOf('malware')).toEqual([['malware']]);
  });

  it('reads a phrase that starts with a stop word as one concept: "IT guy" is an administrator, "it" alone is nothing', () => {
    expect(alternativesOf('my IT guy')).toEqual([['it guy', 'administrator']]);
    expect(alternativesOf('tell the it department')).toEqual([['tell'], ['it department', 'administrator']]);
    expect(alternativesOf('is it safe')).toEqual([['safe']]);
    expect(alternativesOf('administrator')).toEqual([['administrator']]);
  });

  it('says what it also searched for, once each', () => {
    expect(addedWords(expandQuery('hacked and compromised'))).toEqual(['compromised', 'broken into', 'hacked']);
    expect(addedWords(expandQuery('forwarding rules'))).toEqual([]);
  });

  it('searches a few equivalents per query, each concept its first one before any its second', () => {
    const concepts = [
      { typed: 'warn', alternatives: ['warn', 'alert', 'notify'] },
      { typed: 'coworkers', alternatives: ['coworkers', 'colleague', 'staff', 'employee'] },
      { typed: 'hacked', alternatives: ['hacked', 'compromised', 'broken into'] },
      { typed: 'account', alternatives: ['account'] },
    ];
    expect(withinBudget(concepts, 4).map((concept) => concept.alternatives)).toEqual([
      ['warn', 'alert', 'notify'],
      ['coworkers', 'colleague'],
      ['hacked', 'compromised'],
      ['account'],
    ]);
    expect(withinBudget(concepts, 0).map((concept) => concept.alternatives)).toEqual([
      ['warn'],
      ['coworkers'],
      ['hacked'],
      ['account'],
    ]);
    expect(withinBudget(concepts, 99)).toEqual(concepts);
    expect(withinBudget([], 3)).toEqual([]);
    // The whole pipeline keeps to the budget, and a lone concept may use all of it.
    expect(addedWords(expandQuery('warn coworkers about a hacked account'))).toHaveLength(MAX_ADDED_ALTERNATIVES);
    expect(alternativesOf('2fa')).toEqual([
      ['2fa', 'multi-factor', 'two-factor', 'mfa'].slice(0, MAX_ADDED_ALTERNATIVES + 1),
    ]);
  });

  it("lists the site's own word first in a group, so it is the equivalent searched first", () => {
    expect(alternativesOf('hijacked')[0]![1]).toBe('compromised');
    expect(alternativesOf('suspended')[0]![1]).toBe('disabled');
    expect(alternativesOf('whitelist')[0]![1]).toBe('safelist');
    expect(alternativesOf('blacklist')[0]![1]).toBe('blocklist');
    expect(alternativesOf('undeliverable')[0]![1]).toBe('bounce');
  });

  it('handles edge cases: empty, one letter, stop words only, 200 characters, markup, Unicode', () => {
    expect(expandQuery('')).toEqual([]);
    expect(expandQuery('   ')).toEqual([]);
    expect(alternativesOf('x')).toEqual([['x']]);
    expect(alternativesOf('what is it')).toEqual([['what'], ['is'], ['it']]);
    const long = expandQuery('hacked '.repeat(40));
    expect(long).toHaveLength(1);
    expect(expandQuery('a b c d e f g h i j k l m n o p').length).toBeLessThanOrEqual(8);
    expect(alternativesOf('<script>alert(1)</script>')).toEqual([['script'], ['alert', 'warn', 'notify'], ['1']]);
    expect(alternativesOf('Ｗｉ－Ｆｉ café')[0]).toContain('wireless');
    expect(alternativesOf('почта взломана')).toEqual([['почта'], ['взломана']]);
  });

  it('never throws and never yields an empty word, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (query) => {
        for (const concept of expandQuery(query)) {
          expect(concept.alternatives.length).toBeGreaterThan(0);
          for (const word of concept.alternatives) expect(word.trim()).not.toBe('');
        }
      }),
    );
  });
});

describe('the equivalence data', () => {
  it('has no word in two groups, so every group is one meaning', () => {
    const seen = new Map<string, number>();
    data.same.forEach((group, index) => {
      for (const word of group) {
        const key = phraseKey(word);
        expect(seen.get(key), `"${word}" is in two groups`).toBeUndefined();
        seen.set(key, index);
      }
    });
  });

  it('is symmetric within a group', () => {
    const table = buildEquivalenceTable({ same: [['a1', 'b1', 'c1']], broader: {} });
    expect(table.get(phraseKey('b1'))).toEqual(['a1', 'c1']);
  });

  it('writes every word as a reader would type it: lower case, tokens only', () => {
    for (const word of [...data.same.flat(), ...Object.keys(data.broader), ...Object.values(data.broader).flat()]) {
      expect(queryTokens(word).join(' ')).toBe(word.replace(/['’]/g, ''));
    }
  });
});
