import { describe, expect, it } from 'vitest';
import { fragmentTarget } from '../../../src/lib/kit/fragment';

const page = new Map([
  ['step-scan-devices', 'the scan step'],
  ['symptom-checker', 'the checker'],
  ['ünïcode-id', 'an id with accents'],
]);
const byId = (id: string) => page.get(id) ?? null;

describe('fragmentTarget', () => {
  it('finds the element an id points at, with or without the #, and decodes it', () => {
    expect(fragmentTarget('#step-scan-devices', byId)).toBe('the scan step');
    expect(fragmentTarget('symptom-checker', byId)).toBe('the checker');
    expect(fragmentTarget(`#${encodeURIComponent('ünïcode-id')}`, byId)).toBe('an id with accents');
  });

  it('is null for an empty fragment, an id the page does not have, or a malformed escape', () => {
    for (const hash of ['', '#', '#no-such-id', '#%E0%A4%A', '#%']) expect(fragmentTarget(hash, byId), hash).toBeNull();
  });

  it('never looks up an absurdly long fragment (the same limit as the deep-link script)', () => {
    const looked: string[] = [];
    const spy = (id: string) => {
      looked.push(id);
      return null;
    };
    expect(fragmentTarget(`#${'a'.repeat(201)}`, spy)).toBeNull();
    expect(fragmentTarget(`#${'%41'.repeat(700)}`, spy)).toBeNull();
    expect(looked).toEqual([]);
    expect(fragmentTarget(`#${'a'.repeat(200)}`, spy)).toBeNull();
    expect(looked).toEqual(['a'.repeat(200)]);
  });
});
