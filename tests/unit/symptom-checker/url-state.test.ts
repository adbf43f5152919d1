import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RISK_FACTORS, SYMPTOMS } from '../../../src/lib/compromise/items';
import { normalizeState, toggle, type CheckerState } from '../../../src/lib/symptom-checker/state';
import { decodeCheckerQuery, encodeCheckerQuery, stripCheckerQuery } from '../../../src/lib/symptom-checker/url-state';

const SYMPTOM_IDS = SYMPTOMS.map((symptom) => symptom.id);
const RISK_IDS = RISK_FACTORS.map((risk) => risk.id);
const EMPTY: CheckerState = { symptoms: [], risks: [], role: 'user' };

/** Any valid state: known ids, once each, in the article's order. */
const validState = fc.record({
  symptoms: fc.subarray(SYMPTOM_IDS),
  risks: fc.subarray(RISK_IDS),
  role: fc.constantFrom('user' as const, 'admin' as const),
});

/** Query parameters that are not the checker's, as raw `key=value` text. */
const otherParam = fc
  .tuple(
    fc.string({ minLength: 1, maxLength: 8 }).filter((key) => !['symptoms', 'risks', 'role'].includes(key)),
    fc.string({ maxLength: 12 }),
  )
  .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);

describe('decodeCheckerQuery', () => {
  it('reads the documented example', () => {
    expect(decodeCheckerQuery('?symptoms=forwarding-rules,reply-to-changed&risks=public-wifi&role=admin')).toEqual({
      symptoms: ['symptom-forwarding-rules', 'symptom-reply-to-changed'],
      risks: ['risk-public-wifi'],
      role: 'admin',
    });
  });

  it('returns the empty state for an empty or unrelated query', () => {
    expect(decodeCheckerQuery('')).toEqual(EMPTY);
    expect(decodeCheckerQuery('?')).toEqual(EMPTY);
    expect(decodeCheckerQuery('?highlight=password')).toEqual(EMPTY);
  });

  it('puts ids in the article order and drops repeats', () => {
    expect(
      decodeCheckerQuery('?symptoms=mailbox-disabled,bounce-messages,mailbox-disabled&symptoms=bounce-messages')
        .symptoms,
    ).toEqual(['symptom-bounce-messages', 'symptom-mailbox-disabled']);
  });

  it('accepts full ids, stray spaces and capitals', () => {
    expect(
      decodeCheckerQuery('?symptoms=symptom-bounce-messages,%20Unfamiliar-Email%20&risks=risk-public-wifi'),
    ).toEqual({
      symptoms: ['symptom-bounce-messages', 'symptom-unfamiliar-email'],
      risks: ['risk-public-wifi'],
      role: 'user',
    });
    expect(decodeCheckerQuery('?role=Administrator').role).toBe('admin');
  });

  it('ignores unknown, misplaced, oversized and hostile values', () => {
    expect(decodeCheckerQuery('?symptoms=<img src=x onerror=alert(1)>')).toEqual(EMPTY);
    expect(decodeCheckerQuery('?symptoms=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E,bounce-messages').symptoms).toEqual([
      'symptom-bounce-messages',
    ]);
    expect(decodeCheckerQuery('?symptoms=public-wifi&risks=bounce-messages')).toEqual(EMPTY);
    expect(decodeCheckerQuery('?symptoms=nope,__proto__,constructor&role=root')).toEqual(EMPTY);
    expect(decodeCheckerQuery(`?symptoms=bounce-messages,${'x'.repeat(600)}`)).toEqual(EMPTY);
    expect(decodeCheckerQuery(`?symptoms=${'bounce-messages,'.repeat(100)}`).symptoms).toEqual([]);
    expect(decodeCheckerQuery('?symptoms=%E0%A4%A&risks=%')).toEqual(EMPTY);
  });

  it('never throws, and only yields known ids (property)', { timeout: 30_000 }, () => {
    const anyQuery = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc
        .array(
          fc.tuple(
            fc.constantFrom('symptoms', 'risks', 'role', 'highlight', ''),
            fc.string({ unit: 'grapheme', maxLength: 40 }),
          ),
          {
            maxLength: 6,
          },
        )
        .map((pairs) => `?${pairs.map(([key, value]) => `${key}=${value}`).join('&')}`),
    );
    fc.assert(
      fc.property(anyQuery, (query) => {
        const decoded = decodeCheckerQuery(query);
        return (
          decoded.symptoms.every((id) => SYMPTOM_IDS.includes(id)) &&
          decoded.risks.every((id) => RISK_IDS.includes(id)) &&
          (decoded.role === 'user' || decoded.role === 'admin') &&
          JSON.stringify(decoded) === JSON.stringify(normalizeState(decoded))
        );
      }),
      { numRuns: 1000 },
    );
  });
});

describe('encodeCheckerQuery', () => {
  it('writes the documented format, with short ids and readable commas', () => {
    const state: CheckerState = {
      symptoms: ['symptom-forwarding-rules', 'symptom-reply-to-changed'],
      risks: ['risk-public-wifi'],
      role: 'admin',
    };
    expect(encodeCheckerQuery(state)).toBe('?symptoms=forwarding-rules,reply-to-changed&risks=public-wifi&role=admin');
  });

  it('writes nothing for the empty state, and leaves out the default role', () => {
    expect(encodeCheckerQuery(EMPTY)).toBe('');
    expect(encodeCheckerQuery({ ...EMPTY, risks: ['risk-public-wifi'] })).toBe('?risks=public-wifi');
  });

  it('keeps unrelated parameters exactly, and replaces its own', () => {
    expect(
      encodeCheckerQuery(
        { ...EMPTY, symptoms: ['symptom-bounce-messages'] },
        '?highlight=reply%20to&symptoms=old&role=admin&x=1+2',
      ),
    ).toBe('?highlight=reply%20to&x=1+2&symptoms=bounce-messages');
    expect(encodeCheckerQuery(EMPTY, '?highlight=mailbox&symptoms=bounce-messages')).toBe('?highlight=mailbox');
    expect(encodeCheckerQuery(EMPTY, '?%E0%A4%A=1')).toBe('?%E0%A4%A=1');
  });

  it('round-trips: decode(encode(x)) equals x for any valid state (property)', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(validState, fc.array(otherParam, { maxLength: 4 }), (state, others) => {
        const current = others.length > 0 ? `?${others.join('&')}` : '';
        const encoded = encodeCheckerQuery(state, current);
        expect(decodeCheckerQuery(encoded)).toEqual(state);
        expect(decodeCheckerQuery(encodeCheckerQuery(state))).toEqual(state);
        // Other parameters survive, in order and byte for byte.
        if (others.length > 0) expect(encoded.startsWith(current)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('encoding is stable: encode(decode(encode(x))) equals encode(x) (property)', () => {
    fc.assert(
      fc.property(validState, (state) => {
        const once = encodeCheckerQuery(state);
        expect(encodeCheckerQuery(decodeCheckerQuery(once))).toBe(once);
      }),
    );
  });
});

describe('stripCheckerQuery', () => {
  it('drops every answer and keeps the other parameters exactly', () => {
    expect(
      stripCheckerQuery('?highlight=reply%20to&symptoms=forwarding-rules&risks=public-wifi&role=admin&x=1+2'),
    ).toBe('?highlight=reply%20to&x=1+2');
    expect(stripCheckerQuery('?symptoms=forwarding-rules&role=admin')).toBe('');
    expect(stripCheckerQuery('')).toBe('');
  });

  it('leaves nothing the checker would read as an answer (property)', () => {
    fc.assert(
      fc.property(validState, fc.array(otherParam, { maxLength: 4 }), (state, others) => {
        const stripped = stripCheckerQuery(encodeCheckerQuery(state, others.length > 0 ? `?${others.join('&')}` : ''));
        expect(decodeCheckerQuery(stripped)).toEqual(EMPTY);
      }),
    );
  });
});

describe('toggle', () => {
  it('ticks and unticks while keeping the article order', () => {
    let state = toggle(EMPTY, 'symptom-mailbox-disabled', true);
    state = toggle(state, 'symptom-bounce-messages', true);
    state = toggle(state, 'risk-public-wifi', true);
    expect(state).toEqual({
      symptoms: ['symptom-bounce-messages', 'symptom-mailbox-disabled'],
      risks: ['risk-public-wifi'],
      role: 'user',
    });
    state = toggle(state, 'symptom-mailbox-disabled', false);
    expect(state.symptoms).toEqual(['symptom-bounce-messages']);
    expect(toggle(state, 'symptom-bounce-messages', true)).toEqual(state);
  });
});
