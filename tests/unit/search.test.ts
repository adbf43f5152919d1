import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildExcerpt, contentWords } from '../../src/lib/search/excerpt';
import { sectionHits, sectionsFromAnchors } from '../../src/lib/search/sections';
import {
  highlightTerms,
  readSearchState,
  searchableQuery,
  searchQueryString,
  MAX_QUERY_LENGTH,
} from '../../src/lib/search/query';
import { matchRanges } from '../../src/lib/search/highlight';
import type { PagefindResultData } from '../../src/lib/search/pagefind-types';

const PRODUCTS = ['Rackspace Email', 'Microsoft Exchange'];

describe('search state in the URL', () => {
  it('reads the query and a known product', () => {
    expect(readSearchState('?q=forwarding+rules&product=Rackspace+Email', PRODUCTS)).toEqual({
      query: 'forwarding rules',
      product: 'Rackspace Email',
    });
  });

  it('ignores unknown products and trims oversized queries', () => {
    const state = readSearchState(`?q=${'x'.repeat(5000)}&product=<script>`, PRODUCTS);
    expect(state.product).toBe('');
    expect(state.query).toHaveLength(MAX_QUERY_LENGTH);
  });

  it('round-trips through the query string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('', ...PRODUCTS), (query, product) => {
        const state = readSearchState(
          searchQueryString(readSearchState(`?${new URLSearchParams({ q: query, product })}`, PRODUCTS)),
          PRODUCTS,
        );
        expect(readSearchState(searchQueryString(state), PRODUCTS)).toEqual(state);
      }),
    );
  });

  it('reads any query string into a bounded query and a known product', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20_000 }), (search) => {
        const state = readSearchState(search, PRODUCTS);
        expect(state.query.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
        expect(['', ...PRODUCTS]).toContain(state.product);
      }),
    );
  });
});

describe('highlighting', () => {
  it('extracts distinct words worth marking', () => {
    expect(highlightTerms('  Forwarding rules rules <b> a ')).toEqual(['forwarding', 'rules']);
  });

  it('marks whole words that start with a term, case-insensitively', () => {
    const text = 'Forwarding rules forward mail; unforwarded stays.';
    expect(matchRanges(text, ['forward']).map(([s, e]) => text.slice(s, e))).toEqual(['Forwarding', 'forward']);
  });

  it('treats regex characters in terms literally', () => {
    expect(matchRanges('a+b (c)', ['a+b', '(c'])).toEqual([
      [0, 3],
      [4, 6],
    ]);
  });
});

describe('excerpts', () => {
  const words = contentWords('one two three four five six seven eight nine ten');

  it('centres on the first hit and marks hit words', () => {
    const segments = buildExcerpt(words, [5], { length: 4 });
    expect(segments.map((s) => (s.marked ? `[${s.text}]` : s.text)).join('')).toBe('… five [six] seven eight …');
  });
});

function resultData(partial: Partial<PagefindResultData>): PagefindResultData {
  return {
    url: '/docs/a/',
    content: '',
    excerpt: '',
    meta: { title: 'A' },
    filters: {},
    anchors: [],
    locations: [],
    weighted_locations: [],
    sub_results: [],
    word_count: 0,
    ...partial,
  };
}

describe('section hits', () => {
  const anchors = [
    { element: 'h2', id: 'symptoms', text: 'Signs', location: 2 },
    { element: 'li', id: 'symptom-forwarding-rules', text: '', location: 4 },
    { element: 'h3', id: 'symptom-forwarding-rules-title', text: 'Forwarding rules you did not create', location: 4 },
    { element: 'section', id: 'empty', text: '', location: 9 },
  ];

  it('names an item after its heading but links to the item', () => {
    expect(sectionsFromAnchors(anchors)).toEqual([
      { id: 'symptoms', title: 'Signs', start: 2 },
      { id: 'symptom-forwarding-rules', title: 'Forwarding rules you did not create', start: 4 },
    ]);
  });

  it('ranks sections by the weight of their hits', () => {
    const data = resultData({
      content: 'intro words Signs list Forwarding rules you did not create end',
      anchors,
      weighted_locations: [
        { weight: 1, balanced_score: 5, location: 2 },
        { weight: 5, balanced_score: 50, location: 4 },
        { weight: 5, balanced_score: 50, location: 5 },
      ],
    });
    const hits = sectionHits(data);
    expect(hits.map((hit) => hit.url)).toEqual(['/docs/a/#symptom-forwarding-rules', '/docs/a/#symptoms']);
    expect(hits[0]!.excerpt.some((segment) => segment.marked && segment.text.includes('Forwarding'))).toBe(true);
  });
});

describe('query words for the index', () => {
  it('drops words that mean nothing to a keyword index', () => {
    expect(searchableQuery('forwarding rule I did not create')).toBe('forwarding rule create');
    expect(searchableQuery('what is the cloud office control panel')).toBe('cloud office control panel');
  });

  it('keeps the query when every word is a stop word', () => {
    expect(searchableQuery('what is it')).toBe('what is it');
  });
});
