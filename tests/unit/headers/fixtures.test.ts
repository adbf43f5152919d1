/**
 * Each header block in tests/fixtures/headers/ against what a person reading
 * it by hand finds: the return-path, the originating IP (and how it was
 * found), the authentication results and the warnings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeHeaders, type Analysis } from '../../../src/lib/headers/analyze';

const DIR = join(import.meta.dirname, '../../fixtures/headers');

interface Expected {
  returnPath: string;
  bounce?: boolean;
  originatingIp: string | null;
  how: string;
  sharedProvider: string | null;
  claimedIp: string | null;
  spf: string | null;
  dkim: { domain: string | null; result: string }[];
  dmarc: string | null;
  warnings: string[];
}

const EXPECTED = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, Expected>;

function analyse(file: string): Analysis {
  const outcome = analyzeHeaders(readFileSync(join(DIR, file), 'utf8'));
  if (!outcome.ok) throw new Error(`${file}: ${outcome.error}`);
  return outcome.analysis;
}

describe.each(Object.entries(EXPECTED))('%s', (file, expected) => {
  // Analysed in each test, not once per file: Stryker switches a mutant on per test (README "Mutation testing").
  it('finds the return-path', () => {
    const analysis = analyse(file);
    expect(analysis.summary.returnPath?.address).toBe(expected.returnPath);
    expect(analysis.summary.returnPath?.bounce).toBe(expected.bounce ?? false);
  });

  it('finds the originating IP at the trust boundary', () => {
    const analysis = analyse(file);
    expect(analysis.origin?.ip ?? null).toBe(expected.originatingIp);
    expect(analysis.origin?.explanation).toMatch(/^This is the .+\.$/);
    expect(analysis.origin?.sharedProvider ?? null).toBe(expected.sharedProvider);
    expect(analysis.claimedIp).toBe(expected.claimedIp);
    const boundary = analysis.hops.find((hop) => hop.side === 'boundary');
    expect(boundary?.line.from?.ip?.text).toBe(expected.originatingIp);
    expect(boundary?.number).toBe(analysis.origin?.hopNumber);
  });

  it('reads the authentication results', () => {
    const analysis = analyse(file);
    expect(analysis.auth.spf?.result ?? null).toBe(expected.spf);
    expect(analysis.auth.dkim.map(({ domain, result }) => ({ domain, result }))).toEqual(expected.dkim);
    expect(analysis.auth.dmarc?.result ?? null).toBe(expected.dmarc);
  });

  it('raises exactly the expected warnings', () => {
    const analysis = analyse(file);
    expect(analysis.warnings.map((warning) => warning.kind)).toEqual(expected.warnings);
  });

  it('lists every Received line, oldest first, none dropped', () => {
    const analysis = analyse(file);
    const raw = readFileSync(join(DIR, file), 'utf8').split(/\r?\n\r?\n/)[0]!;
    expect(analysis.hops).toHaveLength(raw.match(/^Received:/gm)?.length ?? 0);
    expect(analysis.hops.map((hop) => hop.number)).toEqual(analysis.hops.map((_hop, index) => index + 1));
  });
});

it('finds the same origin whether or not the SPF check recorded the address', () => {
  for (const file of Object.keys(EXPECTED)) {
    const text = readFileSync(join(DIR, file), 'utf8')
      .replace(/^Received-SPF:.*(\r?\n[ \t].*)*\r?\n/gm, '')
      .replace(/(sender IP is|smtp\.remote-ip=)\s*[0-9a-f.:]+/gi, '');
    const outcome = analyzeHeaders(text);
    expect(outcome.ok && outcome.analysis.origin?.ip, file).toBe(EXPECTED[file]!.originatingIp);
  }
});
