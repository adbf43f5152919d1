/**
 * Forged headers cannot choose what the reader blocks (issue #24, findings 3 to 5):
 * each fixture is a header an attacker can produce, read as a whole.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeHeaders, type Analysis } from '../../../src/lib/headers/analyze';
import { visibleText } from '../../../src/lib/headers/visible-text';

const DIR = join(import.meta.dirname, '../../fixtures/headers');

function analyse(text: string): Analysis {
  const outcome = analyzeHeaders(text);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.analysis;
}

const fixture = (name: string) => analyse(readFileSync(join(DIR, name), 'utf8'));

describe('the trust boundary cannot be moved by text below it', () => {
  it('a forged Received-SPF below the boundary cannot name the receiving side’s own relay', () => {
    const analysis = fixture('forged-spf-relay.txt');
    expect(analysis.origin?.ip).toBe('198.51.100.66');
    expect(analysis.origin?.explanation).not.toMatch(/SPF check/);
    // The forged check fields are not the receiving side's: no SPF result is shown from them.
    expect(analysis.auth.source).toBe('none');
    expect(analysis.auth.spf).toBeNull();
  });

  it('a forged lower Received line cannot pass for the receiving side by a HELO name', () => {
    const analysis = fixture('forged-lower-hop.txt');
    expect(analysis.origin?.ip).toBe('198.51.100.66');
    expect(analysis.hops.find((hop) => hop.line.from?.ip?.text === '203.0.113.25')?.side).toBe('sender');
  });

  it('a hop counts as the receiving side’s own by its reverse-DNS name, not by its HELO name', () => {
    const hop = (from: string) =>
      analyse(
        [
          `Received: from ${from} by store.corp-example.com; Tue, 5 Nov 2024 10:00:05 +0000`,
          'Received: from out.sender.example (out.sender.example [192.0.2.10]) by relay.corp-example.com; Tue, 5 Nov 2024 10:00:04 +0000',
        ].join('\n'),
      ).origin?.ip;
    expect(hop('relay.corp-example.com (relay.corp-example.com [203.0.113.10])')).toBe('192.0.2.10');
    expect(hop('relay.corp-example.com (unknown [203.0.113.10])')).toBe('203.0.113.10');
    expect(hop('unknown ([203.0.113.10] helo=relay.corp-example.com)')).toBe('203.0.113.10');
  });

  it('a check field above the boundary counts only when it names the receiving side', () => {
    const analysis = analyse(
      [
        'Authentication-Results: mx.other-provider.example; spf=pass smtp.mailfrom=bank.example',
        'Authentication-Results: mx.corp-example.com; spf=fail smtp.mailfrom=bank-notice.example',
        'Received: from unknown (unknown [192.0.2.66]) by mx.corp-example.com; Tue, 5 Nov 2024 10:00:05 +0000',
      ].join('\n'),
    );
    expect(analysis.auth.spf).toMatchObject({ result: 'fail', domain: 'bank-notice.example' });
    expect(analysis.auth.authservId).toBe('mx.corp-example.com');
  });

  it('an SPF check the receiving side wrote above the boundary still moves it up to the hop it checked', () => {
    const analysis = analyse(
      [
        'Received-SPF: pass (relay.corp-example.com: domain of a@list.example designates 203.0.113.10 as permitted sender) client-ip=203.0.113.10',
        'Received: from relay.corp-example.com (relay.corp-example.com [203.0.113.10]) by store.corp-example.com; Tue, 5 Nov 2024 10:00:06 +0000',
        'Received: from out.list.example (out.list.example [198.51.100.66]) by relay.corp-example.com; Tue, 5 Nov 2024 10:00:05 +0000',
      ].join('\n'),
    );
    expect(analysis.origin?.ip).toBe('203.0.113.10');
    expect(analysis.origin?.explanation).toMatch(/SPF check ran against/);
  });
});

describe('reserved and embedded-private IPv6 addresses are never originating', () => {
  it('finds no originating IP when every sender is one of them', () => {
    const analysis = fixture('ipv6-embedded-private.txt');
    expect(analysis.hops.map((hop) => hop.line.from?.ip?.text)).toEqual([
      '::2',
      '2002:a00:1::1',
      '64:ff9b::a00:1',
      '::ffff:0:a00:1',
      '::a00:1',
      '10.0.0.8',
    ]);
    expect(analysis.origin).toBeNull();
    expect(analysis.originMissing).toMatch(/No Received line records a public address/);
  });
});

describe('no trustworthy return-path', () => {
  it('a forged envelope-from below the boundary is not offered as the address to block', () => {
    const analysis = fixture('missing-return-path.txt');
    expect(analysis.summary.returnPath).toBeNull();
    expect(analysis.auth.spf).toBeNull();
    expect(analysis.origin?.ip).toBe('192.0.2.66');
  });

  it('without a Received line there is no boundary, so no envelope-from is offered', () => {
    const analysis = analyse(
      'Received-SPF: pass client-ip=192.0.2.1; envelope-from=<service@paypal.com>\nFrom: a@example.com',
    );
    expect(analysis.summary.returnPath).toBeNull();
  });
});

describe('control and bidi characters are shown escaped (finding 6)', () => {
  it('a right-to-left override cannot disguise an address', () => {
    const analysis = fixture('bidi-return-path.txt');
    expect(analysis.summary.returnPath?.address).toBe('\u202Emoc.lapyap@gnillib');
    expect(visibleText(analysis.summary.returnPath!.address)).toBe('[U+202E]moc.lapyap@gnillib');
  });

  it('escapes controls, format characters and separators, and nothing else', () => {
    expect(visibleText('a\u0000b\tc\u200Bd\u2066e\u2028f\u00ADg')).toBe(
      'a[U+0000]b[U+0009]c[U+200B]d[U+2066]e[U+2028]f[U+00AD]g',
    );
    expect(visibleText('Jürgen Müller <j@bücher.example> 日本')).toBe('Jürgen Müller <j@bücher.example> 日本');
  });
});
