/**
 * Edges of the password verdict and the breach check where mutation testing (npm run test:mutation)
 * showed that a changed bound or a dropped setting would pass the other tests: the "strong enough"
 * gate at exactly the required length and score, the headline for each pair of results, the range
 * answer as the service sends it, and what the request leaves out (privacy).
 */
import { describe, expect, it } from 'vitest';
import { STRONG_LENGTH_SINGLE_FACTOR } from '../../../src/lib/password/messages';
import { breachCriterion, headline, strengthVerdict } from '../../../src/lib/password/verdict';
import { PREFIX_LENGTH, checkBreach, countInRange, sha1Hex } from '../../../src/lib/password/breach';

const input = { score: 4, usesContext: false, mfa: false, warning: null };

describe('strengthVerdict at its bounds', () => {
  it('meets the length at exactly the required length, not one less, with or without multi-factor', () => {
    for (const mfa of [false, true]) {
      const needed = STRONG_LENGTH_SINGLE_FACTOR;
      const at = strengthVerdict({ ...input, mfa, length: needed });
      expect(at.criteria[0]).toMatchObject({ id: 'length', met: true, fix: undefined });
      expect(at.pass).toBe(true);
      const short = strengthVerdict({ ...input, mfa, length: needed - 1 });
      expect(short.criteria[0]).toMatchObject({ id: 'length', met: false });
      expect(short.criteria[0]!.fix).toMatch(/^Add 1 more;/);
      expect(short.pass).toBe(false);
    }
  });

  it('is unguessable at score 4 only, with no advice then', () => {
    const length = STRONG_LENGTH_SINGLE_FACTOR;
    expect(strengthVerdict({ ...input, length }).criteria[1]).toMatchObject({ met: true, fix: undefined });
    const weak = strengthVerdict({ ...input, length, score: 3 });
    expect(weak.criteria[1]).toMatchObject({
      met: false,
      fix: 'Attackers would guess it early. Add more unexpected words.',
    });
    expect(strengthVerdict({ ...input, length, score: 3, warning: 'A common word.' }).criteria[1]!.fix).toBe(
      'A common word.',
    );
  });
});

describe('headline', () => {
  it('says one distinct sentence for each pair of results', () => {
    expect(headline(true, true)).toBe('Good: Rackspace Email will accept it, and it is strong enough now.');
    expect(headline(true, false)).toMatch(/^Rackspace Email would accept it, but it is not strong enough/);
    expect(headline(false, true)).toMatch(/^Strong, but Rackspace Email will refuse it/);
    expect(headline(false, false)).toBe('Not yet: see what to change below.');
  });
});

describe('breach result', () => {
  it('adds an unmet criterion with the count in words', () => {
    expect(breachCriterion(1234)).toMatchObject({
      id: 'not-breached',
      met: false,
      fix: 'It appears 1,234 times; choose another.',
    });
  });

  it('reads the range answer as sent (CRLF, padding of count 0), and never a count below 1', () => {
    const body = '0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n  ABCDEF:12\r\nFEDCBA:0\r\nBADBAD:-5\r\nNOCOUNT\r\n';
    expect(countInRange(body, 'ABCDEF')).toBe(12);
    expect(countInRange(body, 'FEDCBA')).toBe(0);
    expect(countInRange(body, 'BADBAD')).toBe(0);
    expect(countInRange(body, 'NOCOUNT')).toBe(0);
    expect(countInRange(body, 'ABSENT')).toBe(0);
  });

  it('sends only the prefix, with padding, no referrer, no credentials and no cache', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response('');
    }) as unknown as typeof fetch;
    await checkBreach('correct horse battery staple', 'https://range.example/', fetchImpl);
    const hash = await sha1Hex('correct horse battery staple');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(`https://range.example/${hash.slice(0, PREFIX_LENGTH)}`);
    expect(calls[0]!.init).toMatchObject({
      headers: { 'Add-Padding': 'true' },
      referrerPolicy: 'no-referrer',
      credentials: 'omit',
      cache: 'no-store',
    });
  });
});
