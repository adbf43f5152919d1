import { describe, expect, it } from 'vitest';
import {
  PRIOR,
  PRODUCT_FAMILIES,
  RAISED_FACTOR,
  kindStrengths,
  meantProductFamily,
  mergeSections,
  parseRecordPlaces,
  priorFor,
  rankPages,
  sectionsOfKind,
  unmatchedConcepts,
  type ScoredHit,
} from '../../../src/lib/search/ranking';

const hit = (id: string, score: number): ScoredHit => ({ id, score });
const ids = (ranked: { hit: ScoredHit }[]) => ranked.map((page) => page.hit.id);

describe('ranking the searches of every concept', () => {
  it('scores a page by its matches times the share of the concepts it matches', () => {
    const ranked = rankPages([[[hit('a', 1), hit('b', 3)]], [[hit('a', 1)]]]);
    expect(ids(ranked)).toEqual(['a', 'b']);
    expect(ranked[0]).toMatchObject({ concepts: 2, score: 2, relevance: 2 });
    expect(ranked[1]).toMatchObject({ concepts: 1, score: 3, relevance: 1.5 });
  });

  it('lets a strong match of most concepts beat a weak one of all (a filler word one page happens to use)', () => {
    const perConcept = [
      [[hit('answer', 9), hit('filler', 1)]],
      [[hit('answer', 9), hit('filler', 1)]],
      [[hit('filler', 1)]],
    ];
    expect(ids(rankPages(perConcept))).toEqual(['answer', 'filler']);
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
    expect(prior.get('native')).toBe(PRIOR.maintained * PRIOR.meantProduct);
    expect(prior.get('imported')).toBe(PRIOR.meantProduct);
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

  it("prefers the site's email product when the query names none, and Microsoft's when it names one", () => {
    expect(PRODUCT_FAMILIES.site).toEqual(expect.arrayContaining(['Rackspace Email', 'Cloud Office']));
    expect(PRODUCT_FAMILIES.microsoft).toEqual(expect.arrayContaining(['Microsoft Exchange', 'Office 365']));
    for (const query of ['mailbox hacked', 'passphrase vs password', 'exchanged', ''])
      expect(meantProductFamily(query), query).toBe('site');
    for (const query of ['Exchange mailbox hacked', 'outlook rules', 'OWA password', 'office 365 login', 'o365'])
      expect(meantProductFamily(query), query).toBe('microsoft');
    // Two maintained twins saying the same thing: the one of the product meant comes first.
    const perConcept = [[[hit('exchange-article', 1.1), hit('rackspace-article', 1)]]];
    const withoutProduct = priorFor(['exchange-article', 'rackspace-article'], ['rackspace-article']);
    expect(ids(rankPages(perConcept, { prior: withoutProduct }))).toEqual(['rackspace-article', 'exchange-article']);
    const namingExchange = priorFor(['exchange-article', 'rackspace-article'], ['exchange-article']);
    expect(ids(rankPages(perConcept, { prior: namingExchange }))).toEqual(['exchange-article', 'rackspace-article']);
  });

  it('does not let a page of another product matching one distinctive word outrank an email page matching all', () => {
    // "passphrase vs password": a server page strong on "passphrase" alone, an email page on both.
    const perConcept = [[[hit('ssh-keys', 6), hit('email', 2)]], [[hit('email', 2)]]];
    expect(ids(rankPages(perConcept, { prior: priorFor([], ['email']) }))).toEqual(['email', 'ssh-keys']);
  });
});

describe('a maintained article ranked by its sections', () => {
  // Read inside each test, not once for the file: a mutation run switches mutants on per test (README).
  const placesOf = () =>
    parseRecordPlaces('p1=/docs/a/ s1=/docs/a/#step-one s2=/docs/a/#step-two t1=/docs/terms/#term-ndr');

  it('reads the record places the index writes into the search page', () => {
    const places = placesOf();
    expect(places.size).toBe(4);
    expect(places.get('p1')).toEqual({ page: '/docs/a/', section: '' });
    expect(places.get('s2')).toEqual({ page: '/docs/a/', section: 'step-two' });
    expect(parseRecordPlaces('')).toEqual(new Map());
    expect(parseRecordPlaces('no-equals =/x/ =')).toEqual(new Map());
  });

  it('makes one entry per page, ranked as its best record, its best sections first', () => {
    const ranked = rankPages([[[hit('s2', 9), hit('short', 5), hit('p1', 1), hit('s1', 2)]]]);
    const places = placesOf();
    const merged = mergeSections(ranked, places);
    expect(ids(merged)).toEqual(['p1', 'short']);
    expect(merged[0]!.relevance).toBe(9);
    expect(merged[0]!.sections.map((section) => section.id)).toEqual(['step-two', 'step-one']);
    // Without its own record in the results, the page is shown from its best section.
    expect(ids(mergeSections(rankPages([[[hit('s1', 1)]]]), places))).toEqual(['s1']);
  });

  it("raises a glossary's term sections for a definition question", () => {
    const places = placesOf();
    expect(Object.fromEntries(sectionsOfKind(places, ['term-']))).toEqual({ t1: 1 });
    expect(sectionsOfKind(places, [])).toEqual(new Map());
  });
});
