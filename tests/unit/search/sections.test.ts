import { describe, expect, it } from 'vitest';
import {
  recordExcerpt,
  sectionHits,
  sectionsFromAnchors,
  pageText,
  withoutRepeatedExcerpts,
} from '../../../src/lib/search/sections';
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

describe('sections from Pagefind anchors', () => {
  it('orders anchors by where they start, the outer element first among anchors at one word', () => {
    const sections = sectionsFromAnchors([
      { element: 'h4', id: 'later', text: 'Later part', location: 30 },
      { element: 'li', id: 'item', text: '  ', location: 10 },
      { element: 'h3', id: 'item-title', text: '  Item heading  ', location: 10 },
      { element: 'h3', id: 'second-title', text: 'Not the title', location: 10 },
      { element: 'div', id: 'untitled', text: '', location: 20 },
    ]);
    // The item's id, its first heading's trimmed text; a part with no text is no section.
    expect(sections).toEqual([
      { id: 'item', title: 'Item heading', start: 10 },
      { id: 'later', title: 'Later part', start: 30 },
    ]);
  });
});

describe('which section a match belongs to', () => {
  const matcherFor = (query: string) => conceptMatcher(expandQuery(query).map((concept) => concept.alternatives));
  /** A page of two sections, each opening with its heading; `second` is the word where the second starts. */
  const twoSections = (content: string, [first, second]: [string, string], secondStart: number) => {
    const page: PagefindResultData = {
      ...data,
      content,
      anchors: [
        { element: 'h3', id: first, text: first, location: 0 },
        { element: 'h3', id: second, text: second, location: secondStart },
      ],
      word_count: content.split(' ').length,
    };
    return (query: string) => sectionHits(page, { text: pageText(page, matcherFor(query)) });
  };

  it('gives a word at the first word of a section to that section, not the one before', () => {
    const hitsFor = twoSections('Forwarding rules explained Filters and rules', ['Forwarding', 'Filters'], 3);
    expect(hitsFor('filters').map((hit) => hit.id)).toEqual(['Filters']);
  });

  it("ranks a section matching more of the query's concepts above one matching one concept more often", () => {
    const hitsFor = twoSections('About rules rules rules rules rules More filters and rules', ['About', 'More'], 6);
    const hits = hitsFor('filters rules');
    expect(hits.map((hit) => hit.id)).toEqual(['More', 'About']);
    expect(hits[1]!.score).toBeGreaterThan(hits[0]!.score);
  });

  it("starts each section's excerpt in that section, though the word also appears before it", () => {
    const computer = sectionHits(data, { text: pageText(data, matcherFor('scan')) }).find(
      (hit) => hit.id === 'scan-a-computer',
    );
    const words = computer!.excerpt.map((segment) => segment.text).join('');
    expect(words).toContain('full scan');
    expect(words).not.toContain('device');
  });
});

describe("a section record's readers' words", () => {
  it('are matched but not counted among the words shown', () => {
    const record = { ...data, content: 'Messages you did not send. contacts got spam from me', meta: { title: 'A' } };
    const matcher = conceptMatcher(expandQuery('spam').map((concept) => concept.alternatives));
    expect(pageText(record, matcher).shownWordCount).toBe(10);
    const withReaderWords = { ...record, meta: { title: 'A', readerwords: 'contacts got spam from me' } };
    const text = pageText(withReaderWords, matcher);
    expect(text.shownWordCount).toBe(5);
    expect(text.matches.map((match) => match.location)).toEqual([7]);
  });
});

describe("a section record's excerpt", () => {
  const segmentsText = (segments: { text: string }[]) => segments.map((segment) => segment.text).join('');
  const record = {
    ...data,
    content: 'Messages you did not send. A colleague asks about spam in your name. contacts got spam from me',
    meta: { title: 'Messages you did not send', readerwords: 'contacts got spam from me' },
  };
  const matcher = conceptMatcher(expandQuery('messages contacts').map((concept) => concept.alternatives));

  it('starts after the heading with no "…", leaves out the readers\' words and marks only words it shows', () => {
    const { excerpt, concepts } = recordExcerpt(pageText(record, matcher), 5);
    expect(segmentsText(excerpt)).toBe('A colleague asks about spam in your name.');
    expect(excerpt.filter((segment) => segment.marked)).toEqual([]);
    // Both concepts were found (the heading's "Messages", the readers' "contacts"), though neither is shown.
    expect(new Set(concepts)).toEqual(new Set([0, 1]));
  });
});

describe('sections whose excerpts repeat an earlier one', () => {
  const section = (id: string, ...texts: string[]) => ({
    id,
    excerpt: texts.map((text, index) => ({ text, marked: index % 2 === 1 })),
  });
  type Item = ReturnType<typeof section>;
  const kept = (items: Item[]) => withoutRepeatedExcerpts(items, (item) => item.excerpt).map(({ id }) => id);
  const summary = section(
    'do-this-now',
    '… with your current one, then tell your administrator at once. You cannot sign in: ask your ',
    'administrator',
    ' to reset the password now, …',
  );

  it('leave out the later of two with the same words, marks and punctuation aside', () => {
    const step = section(
      'step-change-password',
      '… With your current one; then tell your ',
      'Administrator',
      ' at once! You cannot sign in: ask your administrator to reset the password now …',
    );
    expect(kept([summary, step])).toEqual(['do-this-now']);
    expect(kept([step, summary])).toEqual(['step-change-password']);
  });

  it('leave out one whose window starts elsewhere but mostly repeats', () => {
    const shifted = section(
      'step-change-password',
      '… then tell your administrator at once. You cannot sign in: ask your administrator to reset the password now, or call support …',
    );
    expect(kept([summary, shifted])).toEqual(['do-this-now']);
  });

  it('keep sections that share a phrase but say something else', () => {
    const other = section(
      'step-alert-others',
      '… tell your administrator at once, and warn the colleagues who wrote to you this week about the messages they got …',
    );
    expect(kept([summary, other])).toEqual(['do-this-now', 'step-alert-others']);
  });

  it('keep sections with no excerpt (too short to compare), in their order', () => {
    const empty = section('term-mailbox');
    const short = section('term-mx', 'MX record');
    expect(kept([empty, summary, short, empty])).toEqual(['term-mailbox', 'do-this-now', 'term-mx', 'term-mailbox']);
  });
});
