import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fragmentId, insertAliasMarkers, itemUrl } from '../../src/lib/deep-links';

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

  it('reads up to 600 characters as pasted, and no more, even when they would decode to a short id', () => {
    // 600 escaped characters decode to the longest id read, 200 characters.
    expect(fragmentId(`#${'%41'.repeat(200)}`)).toBe('A'.repeat(200));
    // An emoji is 12 escaped characters and 2 decoded ones: 612 characters would decode to 102, but a
    // fragment that long is never decoded at all.
    expect(fragmentId(`#${'%F0%9F%98%80'.repeat(50)}`)).toBe('😀'.repeat(50));
    expect(fragmentId(`#${'%F0%9F%98%80'.repeat(51)}`)).toBeNull();
  });
});

describe('insertAliasMarkers', () => {
  const html =
    '<ol class="steps"><li id="step-scan-devices" class="step"><h3 id="step-scan-devices-title">Scan</h3></li></ol>';

  it('puts an empty element with the retired id first inside its replacement', () => {
    expect(insertAliasMarkers(html, { 'step-scan-computers': 'step-scan-devices' })).toBe(
      '<ol class="steps"><li id="step-scan-devices" class="step"><span id="step-scan-computers" data-anchor-alias></span><h3 id="step-scan-devices-title">Scan</h3></li></ol>',
    );
  });

  it('matches the whole id, whatever the other attributes hold', () => {
    const tricky =
      '<p data-note="id=&quot;x&quot; > y">id="symptoms"</p><h2 title="a > b" id="symptoms" class="c">Signs</h2>';
    expect(insertAliasMarkers(tricky, { 'old-signs': 'symptoms' })).toBe(
      '<p data-note="id=&quot;x&quot; > y">id="symptoms"</p><h2 title="a > b" id="symptoms" class="c"><span id="old-signs" data-anchor-alias></span>Signs</h2>',
    );
    // "step-scan" is only the start of an id here: not a match.
    expect(() => insertAliasMarkers(html, { old: 'step-scan' })).toThrow(/step-scan/);
  });

  it('reads a replacement id literally, never as a pattern', () => {
    expect(insertAliasMarkers('<h2 id="a.b">T</h2>', { old: 'a.b' })).toBe(
      '<h2 id="a.b"><span id="old" data-anchor-alias></span>T</h2>',
    );
    expect(() => insertAliasMarkers('<h2 id="axb">T</h2>', { old: 'a.b' })).toThrow(/a\.b/);
  });

  it('leaves a page without aliases alone and fails loudly on a replacement the page lacks', () => {
    expect(insertAliasMarkers(html, {})).toBe(html);
    expect(() => insertAliasMarkers(html, { old: 'step-missing' })).toThrow(/step-missing/);
  });
});

describe('itemUrl', () => {
  it('drops the query and sets the fragment', () => {
    expect(itemUrl('https://kb.example/docs/a/?symptoms=x&highlight=y#old', 'step-scan-devices')).toBe(
      'https://kb.example/docs/a/#step-scan-devices',
    );
  });
});
