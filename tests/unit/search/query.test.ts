/**
 * The query as read from a ticket link and as typed: examples that pin each rule of query.ts. The property tests
 * in tests/unit/search.test.ts prove bounds and round trips; a mutation run (README, "Mutation testing") showed
 * they let a dropped parameter or a missing trim through, since a query string without `q` round-trips too.
 */
import { describe, expect, it } from 'vitest';
import {
  highlightTerms,
  isStopWord,
  normaliseQuery,
  queryTokens,
  MAX_QUERY_LENGTH,
  readSearchState,
  searchQueryString,
} from '../../../src/lib/search/query';

const PRODUCTS = ['Rackspace Email'];

describe('readSearchState', () => {
  it('reads nothing from a link without a query or a product', () => {
    expect(readSearchState('', PRODUCTS)).toEqual({ query: '', product: '' });
    expect(readSearchState('?other=1', PRODUCTS)).toEqual({ query: '', product: '' });
  });

  it('reads only the first 10,000 characters of a hostile query string', () => {
    const late = `?pad=${'x'.repeat(10_000)}&q=late`;
    expect(readSearchState(late, PRODUCTS).query).toBe('');
    expect(readSearchState(`?q=early&pad=${'x'.repeat(10_000)}`, PRODUCTS).query).toBe('early');
  });

  it('says when a query was longer than a search takes, counting after white space is collapsed', () => {
    const long = readSearchState(`?q=${'word '.repeat(60)}`, PRODUCTS);
    expect(long.query).toHaveLength(MAX_QUERY_LENGTH);
    expect(long.shortened).toBe(true);
    const exact = `?q=${'x'.repeat(MAX_QUERY_LENGTH)}`;
    expect(readSearchState(exact, PRODUCTS)).toEqual({ query: 'x'.repeat(MAX_QUERY_LENGTH), product: '' });
    const spaced = readSearchState(`?q=${encodeURIComponent(`  forwarding${' '.repeat(500)}rules  `)}`, PRODUCTS);
    expect(spaced).toEqual({ query: 'forwarding rules', product: '' });
  });
});

describe('searchQueryString', () => {
  it('writes the query and the product, and leaves out what is empty', () => {
    expect(searchQueryString({ query: 'forwarding rules', product: '' })).toBe('?q=forwarding+rules');
    expect(searchQueryString({ query: '', product: 'Rackspace Email' })).toBe('?product=Rackspace+Email');
    expect(searchQueryString({ query: 'spam', product: 'Rackspace Email' })).toBe('?q=spam&product=Rackspace+Email');
    expect(searchQueryString({ query: '', product: '' })).toBe('');
  });
});

describe('normaliseQuery', () => {
  it('collapses runs of white space and trims the ends', () => {
    expect(normaliseQuery('  forwarding \t\n rules  ')).toBe('forwarding rules');
  });
});

describe('isStopWord', () => {
  it('reads a stop word typed with its apostrophe or in capitals', () => {
    expect(isStopWord("Don't")).toBe(true);
    expect(isStopWord('CAN’T')).toBe(true);
    expect(isStopWord('forwarding')).toBe(false);
  });

  it('drops words that stand for anything at all ("the first thing to do"), not words that name something', () => {
    expect(['thing', 'Things', 'stuff'].filter(isStopWord)).toEqual(['thing', 'Things', 'stuff']);
    expect(isStopWord('anything')).toBe(false);
  });
});

describe('queryTokens', () => {
  it('splits at any run of punctuation, and drops a possessive and quotes around a word', () => {
    expect(queryTokens("the attacker's IP,, 'blocked'")).toEqual(['the', 'attacker', 'ip', 'blocked']);
  });

  it('keeps hyphens and apostrophes inside a word, not at its ends', () => {
    expect(queryTokens("--wi-fi-- o'brien''")).toEqual(['wi-fi', "o'brien"]);
  });

  it("drops only a final 's", () => {
    expect(queryTokens("user's users'scan")).toEqual(['user', "users'scan"]);
  });
});

describe('highlightTerms', () => {
  it('marks words of 2 to 50 characters, split at any run of separators', () => {
    const fifty = 'a'.repeat(50);
    expect(highlightTerms(`x ok  ${fifty} ${fifty}b`)).toEqual(['ok', fifty]);
  });

  it('marks at most 10 distinct words', () => {
    const words = Array.from({ length: 12 }, (_, index) => `word${String.fromCharCode(97 + index)}`);
    expect(highlightTerms(words.join(' '))).toEqual(words.slice(0, 10));
  });
});
