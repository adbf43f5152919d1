/**
 * Authentication-Results as real providers write them (issue #26): one
 * tokeniser for comments, folding and quoted strings anywhere in a resinfo;
 * every result of the receiving side, over every field it wrote; result
 * words outside the registry shown, never counted as a pass. The cases are
 * our own, written from RFC 8601's grammar.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeHeaders, type Analysis } from '../../../src/lib/headers/analyze';
import { parseAuthenticationResults } from '../../../src/lib/headers/auth-results';
import { parseFields } from '../../../src/lib/headers/fields';

const DIR = join(import.meta.dirname, '../../fixtures/headers');

function analyse(text: string): Analysis {
  const outcome = analyzeHeaders(text);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.analysis;
}

const dkimOf = (analysis: Analysis) => analysis.auth.dkim.map(({ domain, result }) => `${domain}=${result}`);

describe('class 1: one server’s results split over several fields', () => {
  it('shows every DKIM signature, each with its domain', () => {
    const analysis = analyse(readFileSync(join(DIR, 'split-dkim.txt'), 'utf8'));
    expect(dkimOf(analysis)).toEqual(['shop-example.net=pass', 'esp-example.com=pass']);
    expect(analysis.auth.spf?.result).toBe('pass');
    expect(analysis.auth.dmarc?.result).toBe('pass');
  });

  it('shows a signature reported twice by the receiving side once', () => {
    const analysis = analyse(
      [
        'Authentication-Results: mx.corp-example.com; dkim=pass header.d=a.example header.s=s1',
        'Authentication-Results: mx.corp-example.com; dkim=pass header.d=a.example header.s=s1; spf=pass smtp.mailfrom=a.example',
        'Received: from out.a.example (out.a.example [192.0.2.5]) by mx.corp-example.com; Tue, 5 Nov 2024 10:00:00 +0000',
      ].join('\n'),
    );
    expect(dkimOf(analysis)).toEqual(['a.example=pass']);
  });
});

describe('class 2: checks written by several hosts of one provider', () => {
  it('reads them all when they are the receiving side’s and above the boundary, and nothing below it', () => {
    const analysis = analyse(readFileSync(join(DIR, 'several-hosts.txt'), 'utf8'));
    expect(analysis.origin?.ip).toBe('198.51.100.58');
    expect(analysis.auth.spf).toMatchObject({ result: 'pass', domain: 'example-family.org' });
    expect(dkimOf(analysis)).toEqual(['example-family.org=pass', 'relay-example.net=pass']);
    expect(analysis.auth.dmarc?.result).toBe('pass');
    expect(analysis.auth.authservId).toBe('dmarc-checker.icloud.com, spf-checker.me.com, dkim-verifier.icloud.com');
  });

  it('leaves out another organisation’s field, even above the boundary', () => {
    const analysis = analyse(
      [
        'Authentication-Results: mx.corp-example.com; dmarc=pass header.from=a.example',
        'Authentication-Results: filter.other-example.net; dkim=pass header.d=a.example',
        'Received: from out.a.example (out.a.example [192.0.2.5]) by mx.corp-example.com; Tue, 5 Nov 2024 10:00:00 +0000',
      ].join('\n'),
    );
    expect(analysis.auth.dkim).toEqual([]);
    expect(analysis.auth.dmarc?.result).toBe('pass');
  });
});

describe('class 3: comments and white space between method, version, "=" and result', () => {
  it.each([
    ['spaces around "="', 'mx.example.net; dkim = pass header.d = a.example'],
    ['a comment at every gap', 'mx.example.net; dkim (c1) / 1 (c2) = (c3) pass (c4) header.d=a.example'],
    [
      'a nested comment with a quoted pair',
      'mx.example.net; dkim (outer (inner \\) still) done)=pass header.d=a.example',
    ],
    ['spaces around the property dot', 'mx.example.net; dkim=pass header . d = a.example'],
    ['a comment before the authserv-id', '(written by the gateway) mx.example.net 1; dkim=pass header.d=a.example'],
  ])('%s', (_name, value) => {
    const [result] = parseAuthenticationResults(value).results;
    expect(result).toMatchObject({ method: 'dkim', result: 'pass', standard: true });
    expect(result!.props['header.d']).toBe('a.example');
  });

  it('keeps the comments with the result they were written in', () => {
    const [result] = parseAuthenticationResults('mx.example.net; spf (a) = (b) pass (sender IP is 192.0.2.1)').results;
    expect(result!.comments).toEqual(['a', 'b', 'sender IP is 192.0.2.1']);
  });
});

describe('class 4: a result word outside the registry', () => {
  it('is kept as written, with its domain, and marked non-standard', () => {
    const [result] = parseAuthenticationResults('mx.example.net; dkim=dkim_pass header.d=a.example').results;
    expect(result).toMatchObject({ method: 'dkim', result: 'dkim_pass', standard: false });
    expect(result!.props['header.d']).toBe('a.example');
  });

  it('is never counted as a pass', () => {
    const analysis = analyse(
      [
        'Authentication-Results: mx.corp-example.com; dkim=dkim_pass header.d=a.example; spf=hardfail smtp.mailfrom=a.example',
        'Received: from out.a.example (out.a.example [192.0.2.5]) by mx.corp-example.com; Tue, 5 Nov 2024 10:00:00 +0000',
        'From: a@a.example',
      ].join('\n'),
    );
    expect(analysis.auth.dkim).toEqual([{ result: 'dkim_pass', standard: false, domain: 'a.example', aligned: null }]);
    // "hardfail" has one registered meaning: fail.
    expect(analysis.auth.spf).toMatchObject({ result: 'fail', standard: true });
    expect(analysis.warnings.map((warning) => warning.kind)).toContain('auth-failure');
  });
});

describe('class 5: specials inside a quoted value', () => {
  it('a semicolon inside quotes does not end the result', () => {
    const [result] = parseAuthenticationResults(
      'mx.example.net; dkim=pass header.b="ab;cd" header.d=a.example',
    ).results;
    expect(result!.props).toEqual({ 'header.b': 'ab;cd', 'header.d': 'a.example' });
  });

  it('a quoted authserv-id and a quoted local part', () => {
    const field = parseAuthenticationResults('"mx.example.net"; spf=pass smtp.mailfrom="first last"@a.example');
    expect(field.authservId).toBe('mx.example.net');
    expect(field.results[0]!.props['smtp.mailfrom']).toBe('first last@a.example');
  });
});

describe('a result survives any comment, folding or spacing between its tokens', () => {
  const commentText = fc.stringMatching(/^[a-z0-9 .:;=/"@-]{0,12}$/);
  const comment = fc.oneof(
    commentText.map((text) => `(${text})`),
    fc.tuple(commentText, commentText).map(([a, b]) => `(${a}(${b})\\))`),
  );
  const gap = fc
    .array(fc.oneof(fc.constantFrom(' ', '\t', '\r\n ', '\r\n\t'), comment), { maxLength: 4 })
    .map((parts) => parts.join(''))
    // A folded line of white space only is a blank line, the end of the header block (RFC 5322 section 3.2.2).
    .filter((text) => !/\r\n[ \t]+\r\n/.test(text));
  const result = fc.record({
    method: fc.constantFrom('spf', 'dkim', 'dmarc', 'arc', 'iprev'),
    version: fc.option(fc.constantFrom('1', '2'), { nil: undefined }),
    word: fc.constantFrom('pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror', 'policy'),
    domain: fc.stringMatching(/^[a-z]{1,8}\.example$/),
  });

  it('reads the same method, result and domain', () => {
    fc.assert(
      fc.property(result, fc.array(gap, { minLength: 11, maxLength: 11 }), (r, g) => {
        const method = r.version ? `${r.method}${g[0]}/${g[1]}${r.version}` : r.method;
        // Between a method and "=" any gap; between a result and a property at least one space.
        const value = `${g[2]}mx.example.net${g[3]};${g[4]}${method}${g[5]}=${g[6]}${r.word} ${g[7]}header${g[8]}.${g[9]}d=${g[10]}${r.domain}`;
        const header = `Authentication-Results:${value}\r\nSubject: x\r\n`;
        const field = parseFields(header).fields[0]!;
        const parsed = parseAuthenticationResults(field.value);
        expect(parsed.authservId).toBe('mx.example.net');
        expect(parsed.results).toHaveLength(1);
        expect(parsed.results[0]).toMatchObject({ method: r.method, result: r.word, standard: true });
        expect(parsed.results[0]!.props['header.d']).toBe(r.domain);
      }),
      { numRuns: 300 },
    );
  });
});
