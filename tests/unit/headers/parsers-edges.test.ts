/**
 * Edges of the three hand-written parsers of pasted text (Authentication-Results, Received-SPF,
 * Received), found by mutation testing (README "Mutation testing"): each case is a shape a server or
 * an attacker can write that the broader tests did not reach. Inputs are built inside each test.
 */
import { describe, expect, it } from 'vitest';
import { parseAuthenticationResults, parseReceivedSpf } from '../../../src/lib/headers/auth-results';
import { parseReceived } from '../../../src/lib/headers/received';

const DATE = 'Tue, 5 Nov 2024 10:00:00 +0000';
const methodsOf = (value: string) => parseAuthenticationResults(value).results.map((result) => result.method);

describe('Authentication-Results: a stray version', () => {
  it('sets aside "/ 1" with no method before it and reads the next key whole', () => {
    const field = parseAuthenticationResults('mx.example.com; dkim=pass /1 header.d=a.example');
    expect(field.results[0]!.props).toEqual({ 'header.d': 'a.example' });
    expect(methodsOf('mx.example.com 1; / 2 dkim=pass header.d=a.example')).toEqual(['dkim']);
  });
});

describe('Authentication-Results: the authserv-id', () => {
  it('is read when the field holds nothing else', () => {
    expect(parseAuthenticationResults('mx.example.com')).toEqual({ authservId: 'mx.example.com', results: [] });
  });

  it('is null when the field starts with a semicolon or with a comment before a result', () => {
    expect(parseAuthenticationResults('; spf=pass').authservId).toBeNull();
    const field = parseAuthenticationResults('(no id here) spf=pass smtp.mailfrom=a.example');
    expect(field.authservId).toBeNull();
    expect(field.results.map((result) => `${result.method}=${result.result}`)).toEqual(['spf=pass']);
  });

  it('keeps a comment after the authserv-id, or after a stray word, off the next result', () => {
    expect(parseAuthenticationResults('mx.example.com (server note) spf=pass').results[0]!.comments).toEqual([]);
    expect(parseAuthenticationResults('mx.example.com; stray (note); spf=pass').results[0]!.comments).toEqual([]);
  });
});

describe('Authentication-Results: what starts a result', () => {
  it('starts a result of an unlisted method after a semicolon, never as a property of the one before', () => {
    expect(methodsOf('mx.example.com; spf=pass; x-vendor-check=pass')).toEqual(['spf', 'x-vendor-check']);
  });

  it('never takes a property or a reason for a method, even first', () => {
    expect(methodsOf('mx.example.com; header.d=a.example dkim=pass')).toEqual(['dkim']);
    expect(methodsOf('mx.example.com; reason="looked fine"; spf=fail')).toEqual(['spf']);
  });

  it('drops a result without a method', () => {
    expect(methodsOf('mx.example.com; =pass; spf=fail')).toEqual(['spf']);
  });

  it('reads line breaks between tokens as white space', () => {
    const field = parseAuthenticationResults('mx.example.com;\nspf=pass\rsmtp.mailfrom=a.example');
    expect(field.results).toEqual([
      { method: 'spf', result: 'pass', standard: true, props: { 'smtp.mailfrom': 'a.example' }, comments: [] },
    ]);
  });
});

describe('Authentication-Results: quoted strings and comments', () => {
  it('reads a quoted value with an escaped quote and a semicolon as one value', () => {
    const [dkim] = parseAuthenticationResults(
      'mx.example.com; dkim=pass header.b="ab\\"c;d" header.d=a.example',
    ).results;
    expect(dkim!.props).toEqual({ 'header.b': 'ab"c;d', 'header.d': 'a.example' });
  });

  it('reads an unclosed quoted value to the end', () => {
    expect(parseAuthenticationResults('mx.example.com; dkim=pass header.b="abc').results[0]!.props).toEqual({
      'header.b': 'abc',
    });
  });

  it('keeps an escaped parenthesis inside a comment, trimmed, and reads an unclosed comment to the end', () => {
    expect(parseAuthenticationResults('mx.example.com; spf=pass ( a \\) b )').results[0]!.comments).toEqual(['a ) b']);
    expect(parseAuthenticationResults('mx.example.com; spf=pass (unclosed note ').results[0]!.comments).toEqual([
      'unclosed note',
    ]);
  });
});

describe('Received-SPF', () => {
  it('reads the client address from the comment in each wording servers use', () => {
    expect(
      parseReceivedSpf('pass (mx.example.net: domain of a@b.example designates 192.0.2.1 as permitted sender)'),
    ).toEqual({ result: 'pass', clientIp: '192.0.2.1', mailFrom: 'a@b.example', receiver: 'mx.example.net' });
    expect(
      parseReceivedSpf('pass (mx.example.net: domain of  a@b.example designates   192.0.2.2 as a permitted sender)')
        .clientIp,
    ).toBe('192.0.2.2');
    expect(parseReceivedSpf('pass (sender IP is 192.0.2.3)')).toEqual({
      result: 'pass',
      clientIp: '192.0.2.3',
      mailFrom: null,
      receiver: null,
    });
  });

  it('reads nothing from a comment that names no address, domain or server', () => {
    expect(parseReceivedSpf('Pass (mailfrom) identity=mailfrom')).toEqual({
      result: 'pass',
      clientIp: null,
      mailFrom: null,
      receiver: null,
    });
    expect(parseReceivedSpf('pass (mx.example.net: sender IP is 192.0.2.4)').mailFrom).toBeNull();
    expect(parseReceivedSpf('pass (: sender IP is 192.0.2.4)').receiver).toBeNull();
  });

  it('reads key=value pairs with white space or a comment around them, and a result right before a semicolon', () => {
    expect(
      parseReceivedSpf(' (checked) pass client-ip = 192.0.2.5 ; smtp.mailfrom= a.example; receiver=MX.example.net'),
    ).toEqual({ result: 'pass', clientIp: '192.0.2.5', mailFrom: 'a.example', receiver: 'mx.example.net' });
    expect(parseReceivedSpf('Pass;client-ip=192.0.2.6').result).toBe('pass');
  });

  it('reads a pair right after a stray word', () => {
    expect(parseReceivedSpf('pass stray client-ip=192.0.2.7').clientIp).toBe('192.0.2.7');
  });

  it('takes no client IP from a comment that leaves the address out ("designates  as permitted sender")', () => {
    const spf = parseReceivedSpf('pass (mx.example.com: domain of a@b.example designates  as permitted sender)');
    expect(spf.clientIp).toBeNull();
    expect(spf.mailFrom).toBe('a@b.example');
    expect(
      parseReceivedSpf('pass (mx.example.com: domain of a@b.example designates 2001:db8::7 as permitted sender)')
        .clientIp,
    ).toBe('2001:db8::7');
  });
});

describe('Received', () => {
  it('reads a line without a date, and keeps a semicolon inside a trailing comment in the date', () => {
    const undated = parseReceived('from a.example by mx.example.com');
    expect([undated.by?.host, undated.date, undated.time]).toEqual(['mx.example.com', null, null]);
    const dated = parseReceived(`from a.example by mx.example.com; ${DATE} (note; more)`);
    expect(dated.date).toBe(`${DATE} (note; more)`);
    expect(dated.time).toBe(Date.UTC(2024, 10, 5, 10, 0, 0));
  });

  it('reads every white space a paste can hold between words, non-breaking space included', () => {
    for (const space of ['\n', '\r', '\f', '\v', '\u00a0']) {
      const line = parseReceived(`from${space}helo.example${space}by${space}mx.example.com; ${DATE}`);
      expect([line.from?.helo, line.by?.host], JSON.stringify(space)).toEqual(['helo.example', 'mx.example.com']);
    }
  });

  it('reads a comment written without a space before it', () => {
    const line = parseReceived(`from helo.example(mail.example.org [198.51.100.20]) by mx.example.com; ${DATE}`);
    expect([line.from?.helo, line.from?.ip?.text]).toEqual(['helo.example', '198.51.100.20']);
  });

  it('never takes a clause keyword inside a nested comment for a clause', () => {
    const line = parseReceived(
      `from helo.example (mail.example.org [198.51.100.20] (relayed by evil.example)) by mx.example.com; ${DATE}`,
    );
    expect(line.by?.host).toBe('mx.example.com');
  });

  it('reads the HELO claim in each spelling, and a HELO left without a name', () => {
    const claim = (comment: string) => parseReceived(`from [192.0.2.8] (${comment}) by mx.example.com; ${DATE}`);
    expect(claim('ehlo=laptop').from?.helo).toBe('laptop');
    expect(claim('EHLO laptop').from?.helo).toBe('laptop');
    const bare = parseReceived(`from unknown (HELO) (192.0.2.9) by mx.example.com; ${DATE}`);
    expect([bare.from?.helo, bare.from?.ip?.text]).toEqual(['unknown', '192.0.2.9']);
  });

  it('takes the name right before a bracketed address, and the name beside a bare one', () => {
    const bracketed = parseReceived(
      `from helo.example (client mail.example.org [198.51.100.20]) by mx.example.com; ${DATE}`,
    );
    expect([bracketed.from?.host, bracketed.from?.ip?.text]).toEqual(['mail.example.org', '198.51.100.20']);
    const bare = parseReceived(`from helo.example (mail.example.org 198.51.100.21) by mx.example.com; ${DATE}`);
    expect([bare.from?.host, bare.from?.ip?.text]).toEqual(['mail.example.org', '198.51.100.21']);
  });

  it('keeps the first address the server saw over one in a later comment', () => {
    const line = parseReceived(
      `from helo.example (mail.example.org [198.51.100.20]) (authenticated as [203.0.113.5]) by mx.example.com; ${DATE}`,
    );
    expect(line.from?.ip?.text).toBe('198.51.100.20');
  });

  it('reads the receiving server’s address from the first comment that holds one', () => {
    const line = parseReceived(`from a.example by mx.example.com (198.51.100.9) (Postfix) with ESMTPS; ${DATE}`);
    expect([line.by?.host, line.by?.ip?.text, line.with]).toEqual(['mx.example.com', '198.51.100.9', 'ESMTPS']);
  });

  it('reads a with clause of no words as none', () => {
    expect(parseReceived(`from a.example by mx.example.com with (ESMTP); ${DATE}`).with).toBeNull();
  });
});
