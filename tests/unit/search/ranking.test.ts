import { describe, expect, it } from 'vitest';
import {
  EMAIL_PRODUCT_NAMES,
  PRIOR,
  RAISED_FACTOR,
  kindStrengths,
  priorFor,
  rankPages,
  unmatchedConcepts,
  type ScoredHit,
} from '../../../src/lib/search/ranking';

const hit = (id: string, score: number): ScoredHit => ({ id, score });
const ids = (ranked: { hit: ScoredHit }[]) => ranked.map((page) => page.hit.id);

describe('ranking the searches of every concept', () => {
  it('puts pages matching more concepts first, then the higher score', () => {
    const ranked = rankPages([[[hit('a', 1), hit('b', 9)]], [[hit('a', 1)]]]);
    expect(ids(ranked)).toEqual(['a', 'b']);
    expect(ranked[0]).toMatchObject({ concepts: 2, score: 2 });
  });

  it("scores a concept by its best alternative; an equivalent counts a little less than the reader's word", () => {
    const ranked = rankPages([[[hit('literal', 1)], [hit('equivalent', 1), hit('literal', 0.5)]]]);
    expect(ids(ranked)).toEqual(['literal', 'equivalent']);
    expect(ranked[1]!.score).toBeCloseTo(0.85);
  });

  it('lets a maintained or email page outrank a comparable page of another product', () => {
    const perConcept = [[[hit('fortigate', 1.2), hit('rackspace-email', 1)]]];
    expect(ids(rankPages(perConcept))).toEqual(['fortigate', 'rackspace-email']);
    expect(ids(rankPages(perConcept, { prior: priorFor([], ['rackspace-email']) }))).toEqual([
      'rackspace-email',
      'fortigate',
    ]);
  });

  it('does not let the prior beat a clearly better match, nor a page matching more concepts', () => {
    expect(ids(rankPages([[[hit('other', 5), hit('email', 1)]]], { prior: priorFor(['email'], ['email']) }))).toEqual([
      'other',
      'email',
    ]);
    const moreConcepts = rankPages([[[hit('other', 1), hit('email', 1)]], [[hit('other', 1)]]], {
      prior: priorFor(['email'], []),
    });
    expect(ids(moreConcepts)).toEqual(['other', 'email']);
  });

  it('raises a maintained article above an imported page of the same product', () => {
    const prior = priorFor(['native'], ['native', 'imported']);
    expect(prior.get('native')).toBe(PRIOR.maintained);
    expect(prior.get('imported')).toBe(PRIOR.emailProduct);
    expect(ids(rankPages([[[hit('imported', 1.2), hit('native', 1)]]], { prior }))).toEqual(['native', 'imported']);
  });

  it('raises pages of the kind asked for among comparable matches, never above a page matching more concepts', () => {
    const perConcept = [
      [[hit('manage', 1.2), hit('glossary', 1)]],
      [[hit('manage', 1), hit('glossary', 1), hit('third', 1)]],
    ];
    expect(ids(rankPages(perConcept))).toEqual(['manage', 'glossary', 'third']);
    const raised = rankPages(perConcept, { raised: new Map([['glossary', 1]]) });
    expect(ids(raised)).toEqual(['glossary', 'manage', 'third']);
    expect(raised[0]!.score).toBeCloseTo(2 * RAISED_FACTOR);
    expect(
      ids(
        rankPages([[[hit('other', 1), hit('glossary', 1)]], [[hit('other', 1)]]], {
          raised: new Map([['glossary', 1]]),
        }),
      ),
    ).toEqual(['other', 'glossary']);
  });

  it('raises a page by how strongly it is of the kind: a glossary fully, a page that only mentions one a little', () => {
    const strengths = kindStrengths([
      [hit('glossary', 20), hit('mentions', 4)],
      [hit('overview', 10), hit('mentions', 1)],
      [],
      [hit('nothing', 0)],
    ]);
    expect(Object.fromEntries(strengths)).toEqual({ glossary: 1, mentions: 0.2, overview: 1 });
    expect(kindStrengths([])).toEqual(new Map());
    const ranked = rankPages([[[hit('mentions', 1.2), hit('glossary', 1)]]], { raised: strengths });
    expect(ids(ranked)).toEqual(['glossary', 'mentions']);
    expect(ranked[1]!.score).toBeCloseTo(1.2 * (1 + (RAISED_FACTOR - 1) * 0.2));
  });

  it('handles edge cases: no concepts, no hits, one hit, many concepts', () => {
    expect(rankPages([])).toEqual([]);
    expect(rankPages([[[]]])).toEqual([]);
    expect(ids(rankPages([[[hit('only', 0)]]]))).toEqual(['only']);
    const many = rankPages(Array.from({ length: 8 }, (_, index) => [[hit('all', 1)], [hit(`p${index}`, 3)]]));
    expect(ids(many)[0]).toBe('all');
  });

  it('names the concepts no page matched', () => {
    expect(unmatchedConcepts([[[hit('a', 1)]], [[], []], [[], [hit('b', 1)]]])).toEqual([1]);
    expect(unmatchedConcepts([])).toEqual([]);
  });

  it('prefers the three products of the site and the email products of the corpus', () => {
    expect(EMAIL_PRODUCT_NAMES).toEqual(
      expect.arrayContaining(['Rackspace Email', 'Microsoft Exchange', 'Cloud Office', 'Office 365']),
    );
    expect(EMAIL_PRODUCT_NAMES).not.toContain('Cloud Servers');
  });
});
