import { describe, expect, it } from 'vitest';
import { buildExcerpt, contentWords, headingWordCount, type ExcerptSegment } from '../../../src/lib/search/excerpt';

/** `count` words named by their place: w0 w1 w2 … */
const numberedWords = (count: number) => Array.from({ length: count }, (_, index) => `w${index}`);
const text = (segments: ExcerptSegment[]) => segments.map((segment) => segment.text).join('');
const marked = (segments: ExcerptSegment[]) => segments.filter((segment) => segment.marked).map((s) => s.text);

describe('contentWords', () => {
  it('splits on any run of whitespace and keeps no empty word, at either end or inside', () => {
    expect(contentWords('  reset\n the\t\tpassword  ')).toEqual(['reset', 'the', 'password']);
    expect(contentWords(' \n ')).toEqual([]);
  });
});

describe('buildExcerpt', () => {
  it('starts a third of its length before the first hit, marks the hit, and says that text was cut on both sides', () => {
    const excerpt = buildExcerpt(numberedWords(50), [30], { length: 24 });
    expect(text(excerpt)).toBe(`… ${numberedWords(46).slice(22).join(' ')} …`);
    expect(marked(excerpt)).toEqual(['w30']);
  });

  it('merges neighbouring unmarked words into one segment, and keeps the space between two hits unmarked', () => {
    expect(buildExcerpt(['reset', 'the', 'mailbox', 'password', 'now'], [2, 3])).toEqual([
      { text: 'reset the ', marked: false },
      { text: 'mailbox', marked: true },
      { text: ' ', marked: false },
      { text: 'password', marked: true },
      { text: ' now', marked: false },
    ]);
  });

  it('closes up the space the records leave around punctuation next to a link, and marks the word alone', () => {
    const words = contentWords('Choose Settings . Open Spam Settings , then ( Blocklist ) … done');
    const segments = buildExcerpt(words, [1]);
    expect(text(segments)).toBe('Choose Settings. Open Spam Settings, then (Blocklist)… done');
    expect(segments.filter((segment) => segment.marked).map((segment) => segment.text)).toEqual(['Settings']);
  });

  it('has no ellipsis when the excerpt is the whole text', () => {
    expect(text(buildExcerpt(numberedWords(10), [0]))).toBe(numberedWords(10).join(' '));
    expect(text(buildExcerpt(numberedWords(24), [5], { length: 24 }))).toBe(numberedWords(24).join(' '));
  });

  it('says text was cut after it, and not before it, when it starts at the first word', () => {
    expect(text(buildExcerpt(numberedWords(30), [0], { length: 24 }))).toBe(`${numberedWords(24).join(' ')} …`);
  });

  it('in a section (from … to), starts at its first hit inside it, not at an earlier or a later one', () => {
    const words = numberedWords(60);
    // A hit before the section and one at its end (`to` is not in it) are ignored: the excerpt starts at `from`.
    expect(text(buildExcerpt(words, [5, 40], { from: 20, to: 40, length: 10 }))).toBe(
      `… ${words.slice(20, 30).join(' ')} …`,
    );
    // A hit after the section only: the excerpt starts at the section, not around that hit.
    expect(text(buildExcerpt(words, [45], { from: 20, to: 40, length: 10 }))).toBe(
      `… ${words.slice(20, 30).join(' ')} …`,
    );
    // Hits in any order: the first in the section counts, even when it is the section's first word.
    expect(text(buildExcerpt(words, [35, 20], { from: 20, to: 40, length: 10 }))).toBe(
      `… ${words.slice(20, 30).join(' ')} …`,
    );
    expect(text(buildExcerpt(words, [38, 26], { from: 20, to: 40, length: 9 }))).toBe(
      `… ${words.slice(23, 32).join(' ')} …`,
    );
  });

  it('in a section that starts the text, has no ellipsis before it', () => {
    expect(text(buildExcerpt(numberedWords(30), [1], { from: 0, to: 10, length: 6 }))).toBe('w0 w1 w2 w3 w4 w5 …');
  });
});

describe('headingWordCount', () => {
  it('counts the words a section’s text repeats of its heading, whatever their case and closing punctuation', () => {
    const words = contentWords('Step 4: Alert your colleagues and administrator. Tell your colleagues what happened.');
    expect(headingWordCount(words, 'Step 4: Alert your colleagues and administrator')).toBe(7);
    expect(
      headingWordCount(
        contentWords('People received messages you did not send. A colleague asks'),
        'People received messages you did not Send',
      ),
    ).toBe(7);
  });

  it('is 0 when the text does not start with the heading, or the heading is all there is', () => {
    expect(headingWordCount(contentWords('Tell your colleagues what happened.'), 'Step 4: Alert your colleagues')).toBe(
      0,
    );
    expect(headingWordCount(contentWords('Step 4: Alert'), 'Step 4: Alert your colleagues')).toBe(0);
    expect(headingWordCount(contentWords('Step 4: Alert'), 'Step 4: Alert')).toBe(0);
    expect(headingWordCount(contentWords('Step 4: Alert them'), '')).toBe(0);
  });
});

describe('marks in an excerpt', () => {
  it('cover a matching word without the punctuation around it', () => {
    const words = ['Users', 'and', 'administrators;', '(forwarding)', '“undeliverable”', 'e-mail.', '—'];
    const segments = buildExcerpt(words, [2, 3, 4, 5, 6]);
    expect(segments.filter((segment) => segment.marked).map((segment) => segment.text)).toEqual([
      'administrators',
      'forwarding',
      'undeliverable',
      'e-mail',
      '—',
    ]);
    expect(segments.map((segment) => segment.text).join('')).toBe(
      'Users and administrators; (forwarding) “undeliverable” e-mail. —',
    );
  });
});
