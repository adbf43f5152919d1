/**
 * The header analyzer reads hostile pastes in linear time (issue #24, finding 2):
 * every field the analyzer reads, grown at n, 2n and 4n by the shared harness,
 * with the issue's own inputs among the cases. Then the absolute promise: the
 * issue's inputs, and hostile pastes near the 1 MB cap, finish in under a second.
 */
import { describe, expect, it } from 'vitest';
import { analyzeHeaders, MAX_INPUT_BYTES } from '../../../src/lib/headers/analyze';
import { bestOf, doublingRatio, LINEAR_LIMIT } from '../support/linearity';

const DATE = 'Tue, 5 Nov 2024 10:00:00 +0000';
const analyse = (text: string) => analyzeHeaders(text);

/** Hostile shapes, each a function of a repeat count. */
const SHAPES: [string, (n: number) => string][] = [
  ['a long display name before the address (issue input)', (n) => `From: ${'a'.repeat(n)} <a@sender.example>`],
  ['Received-SPF with a long word after the result (issue input)', (n) => `Received-SPF: pass ${'a'.repeat(n)}`],
  [
    '`helo [` repeated in a Received comment (issue input)',
    (n) => `Received: from x (${'helo ['.repeat(n)}) by y; ${DATE}`,
  ],
  ['`[` repeated in a Received comment', (n) => `Received: from x (${'[ '.repeat(n)}) by mx.example.com; ${DATE}`],
  ['nested comments never closed in Received', (n) => `Received: from x ${'('.repeat(n)}`],
  ['Received-SPF made of `a=` pairs', (n) => `Received-SPF: pass ${'a= '.repeat(n)}`],
  ['Received-SPF with an unclosed comment and quote', (n) => `Received-SPF: pass ("${'designates '.repeat(n)}`],
  [
    'Authentication-Results of `dkim=` without results',
    (n) => `Authentication-Results: mx.example.com; ${'dkim='.repeat(n)}`,
  ],
  [
    'Authentication-Results of comments between tokens',
    (n) => `Authentication-Results: mx.example.com; ${'dkim (c) / 1 (c) = (c) pass; '.repeat(n)}`,
  ],
  [
    'Authentication-Results with an unclosed quoted value',
    (n) => `Authentication-Results: mx.example.com; dkim=pass header.b="${'a;'.repeat(n)}`,
  ],
  ['Authentication-Results of dots around keys', (n) => `Authentication-Results: x; spf=pass ${'header . '.repeat(n)}`],
  ['a display name of `a@` repeated', (n) => `From: ${'a@'.repeat(n)} <a@sender.example>`],
  ['a display name of `x@a.` repeated', (n) => `From: "${'x@a.'.repeat(n)}" <a@sender.example>`],
  ['a group list of colons after an address', (n) => `To: a@b.example${':'.repeat(n)}`],
  ['encoded words never closed', (n) => `Subject: ${'=?x?B?'.repeat(n)}`],
  ['Return-Path of angle brackets', (n) => `Return-Path: ${'<'.repeat(n)}`],
  ['many Received lines', (n) => `Received: from a (a [198.51.100.1]) by b.example; ${DATE}\n`.repeat(n)],
  ['a field folded over many lines', (n) => `X-Long: a\n`.padEnd(12, ' ') + ' b\n'.repeat(n)],
];

// A measurement, not a count: on a busy machine one sample in many can land past the limit; a real quadratic fails every time.
describe('hostile header pastes are read in linear time', { retry: 2 }, () => {
  it.each(SHAPES)(
    '%s',
    (_name, make) => {
      expect(doublingRatio(make, analyse, 500)).toBeLessThan(LINEAR_LIMIT);
    },
    120_000,
  );
});

/** The largest repeat count whose text stays within the cap. */
function nearCap(make: (n: number) => string): string {
  let n = 1;
  while (make(n * 2).length < MAX_INPUT_BYTES - 64) n *= 2;
  let step = n / 2;
  while (step >= 1) {
    if (make(n + step).length < MAX_INPUT_BYTES - 64) n += step;
    step /= 2;
  }
  return make(n);
}

describe('any paste up to the 1 MB cap is read in under a second', () => {
  const issueInputs: [string, string][] = [
    ['`From: ` + 100,000 × `a` + ` <a@sender.example>`', `From: ${'a'.repeat(100_000)} <a@sender.example>`],
    ['`Received-SPF: pass ` + 100,000 × `a`', `Received-SPF: pass ${'a'.repeat(100_000)}`],
    ['`helo [` × 16k', `Received: from x (${'helo ['.repeat(16_000)}) by y; ${DATE}`],
  ];
  const atCap: [string, string][] = SHAPES.map(([name, make]) => [`${name}, near 1 MB`, nearCap(make)]);
  it.each([...issueInputs, ...atCap])(
    '%s',
    (_name, input) => {
      const outcome = analyse(input);
      expect(outcome.ok || outcome.error).not.toBe('too-large');
      expect(bestOf(1, () => analyse(input))).toBeLessThan(1_000);
    },
    60_000,
  );
});
