import { describe, expect, it } from 'vitest';
import { sectionHits, pageText } from '../../../src/lib/search/sections';
import { conceptMatcher } from '../../../src/lib/search/term-match';
import { expandQuery } from '../../../src/lib/search/equivalences';
import type { PagefindResultData } from '../../../src/lib/search/pagefind-types';

// A page in the shape of the main article's scan step: the step, then its two "how to" parts.
const content = [
  'Scan every device for viruses and malware', // step heading, words 0-6
  'Run a full virus and malware scan on every computer phone and tablet', // 7-19
  'On a computer', // 20-22
  'Open your security software and choose a full scan virus and threat protection', // 23-35
  'On a phone or tablet', // 36-40
  'Install updates and run a scan with your security app', // 41-50
].join(' ');

const data: PagefindResultData = {
  url: '/docs/a/',
  content,
  excerpt: '',
  meta: { title: 'A' },
  filters: {},
  anchors: [
    { element: 'li', id: 'step-scan-devices', text: '', location: 0 },
    { element: 'h3', id: 'step-scan-devices-title', text: 'Scan every device for viruses and malware', location: 0 },
    { element: 'h4', id: 'scan-a-computer', text: 'On a computer', location: 20 },
    { element: 'h4', id: 'scan-a-phone', text: 'On a phone or tablet', location: 36 },
  ],
  locations: [],
  weighted_locations: [],
  sub_results: [],
  word_count: 51,
};

const sectionsFor = (query: string) =>
  sectionHits(data, {
    text: pageText(data, conceptMatcher(expandQuery(query).map((concept) => concept.alternatives))),
  }).map((hit) => hit.id);

describe('section order: the best-matching section first', () => {
  it('puts the section with most of the concepts first, a heading match breaking the tie', () => {
    expect(sectionsFor('virus scan on iphone')).toEqual(['step-scan-devices', 'scan-a-phone', 'scan-a-computer']);
    expect(sectionsFor('scan a phone')[0]).toBe('step-scan-devices');
    expect(sectionsFor('tablet updates')[0]).toBe('scan-a-phone');
    expect(sectionsFor('threat protection software')[0]).toBe('scan-a-computer');
  });

  it('finds sections through equivalent words, and marks them in the excerpt', () => {
    const hits = sectionHits(data, {
      text: pageText(data, conceptMatcher(expandQuery('antivirus').map((concept) => concept.alternatives))),
    });
    // A phrase's words count one by one: "security app" in the phone part matches too, but less.
    expect(hits.map((hit) => hit.id)).toEqual(['scan-a-computer', 'scan-a-phone']);
    expect(hits[0]!.excerpt.filter((segment) => segment.marked).map((segment) => segment.text)).toEqual([
      'security',
      'software',
    ]);
  });

  it('handles edge cases: empty, one letter, 200 characters, markup, Unicode', () => {
    expect(sectionsFor('')).toEqual([]);
    expect(sectionsFor('x')).toEqual([]);
    expect(sectionsFor('phone '.repeat(33))[0]).toBe('scan-a-phone');
    expect(sectionsFor('<b>tablet</b>')[0]).toBe('scan-a-phone');
    expect(sectionsFor('планшет')).toEqual([]);
  });
});
