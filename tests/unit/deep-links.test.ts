import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fragmentId, itemUrl, parseAliases, resolveAnchor } from '../../src/lib/deep-links';

describe('fragmentId', () => {
  it('reads plain and percent-encoded fragments', () => {
    expect(fragmentId('#step-scan-devices')).toBe('step-scan-devices');
    expect(fragmentId('step-scan-devices')).toBe('step-scan-devices');
    expect(fragmentId('#%3Cimg%3E')).toBe('<img>');
  });

  it('returns null for empty, malformed and oversized fragments', () => {
    expect(fragmentId('')).toBeNull();
    expect(fragmentId('#')).toBeNull();
    expect(fragmentId('#%E0%A4%A')).toBeNull();
    expect(fragmentId(`#${'a'.repeat(201)}`)).toBeNull();
  });

  it('never throws, whatever is pasted', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2000 }), (hash) => void fragmentId(hash)));
  });
});

describe('resolveAnchor', () => {
  const onPage = new Set(['step-scan-devices', 'symptoms']);
  const has = (id: string) => onPage.has(id);

  it('keeps an id the page has', () => {
    expect(resolveAnchor('symptoms', has, {})).toBe('symptoms');
  });

  it('follows an alias, and a chain of aliases', () => {
    expect(resolveAnchor('step-scan-computers', has, { 'step-scan-computers': 'step-scan-devices' })).toBe('step-scan-devices');
    expect(resolveAnchor('a', has, { a: 'b', b: 'symptoms' })).toBe('symptoms');
  });

  it('gives up on unknown ids and alias loops', () => {
    expect(resolveAnchor('nope', has, {})).toBeNull();
    expect(resolveAnchor('a', has, { a: 'b', b: 'a' })).toBeNull();
    expect(resolveAnchor('toString', has, {})).toBeNull();
  });
});

describe('parseAliases', () => {
  it('keeps string pairs only and survives bad input', () => {
    expect(parseAliases('{"old":"new","bad":3}')).toEqual({ old: 'new' });
    expect(parseAliases('not json')).toEqual({});
    expect(parseAliases('[1,2]')).toEqual({});
    expect(parseAliases(null)).toEqual({});
  });
});

describe('itemUrl', () => {
  it('drops the query and sets the fragment', () => {
    expect(itemUrl('https://kb.example/docs/a/?symptoms=x&highlight=y#old', 'step-scan-devices')).toBe(
      'https://kb.example/docs/a/#step-scan-devices',
    );
  });
});
