/**
 * What the analyzer makes of header shapes the fixtures do not have: the
 * 1 MB cap counted in UTF-8 bytes, check fields that may move the trust
 * boundary, the domains each check was about, the warnings, the hop list and
 * the sentences that explain the origin. Each test builds its headers inside
 * the test and kills mutants that survived the other header tests (README
 * "Mutation testing").
 */
import { describe, expect, it } from 'vitest';
import { analyzeHeaders, MAX_INPUT_BYTES, type Analysis } from '../../../src/lib/headers/analyze';

function analyse(...lines: string[]): Analysis {
  const outcome = analyzeHeaders(lines.join('\n'));
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.analysis;
}

const DATE = 'Tue, 5 Nov 2024 10:00:06 +0000';
/** The receiving side's relay on a public address, known by its reverse-DNS name: skipped by the walk. */
const RELAY = `Received: from relay.corp-example.com (relay.corp-example.com [203.0.113.10]) by store.corp-example.com; ${DATE}`;
/** The first outside hop: where the walk alone puts the boundary. */
const OUTSIDE = `Received: from out.list.example (out.list.example [198.51.100.66]) by relay.corp-example.com; ${DATE}`;

describe('the 1 MB cap counts UTF-8 bytes', () => {
  /** `unit` repeated, padded with ASCII to exactly `bytes` bytes; no field, so an accepted text is "no-headers". */
  function ofBytes(unit: string, unitBytes: number, bytes: number): string {
    const count = Math.floor((bytes - 1) / unitBytes);
    return `x${unit.repeat(count)}${'y'.repeat(bytes - 1 - count * unitBytes)}`;
  }
  const errorOf = (text: string) => {
    const outcome = analyzeHeaders(text);
    return outcome.ok ? 'ok' : outcome.error;
  };

  it.each([
    ['U+007F', '\u007f', 1],
    ['U+0080', '\u0080', 2],
    ['U+07FF', '\u07ff', 2],
    ['U+0800', '\u0800', 3],
    ['U+FFFF', '\uffff', 3],
    ['a lone low surrogate', '\udc00', 3],
    ['U+10000 (D800 DC00)', '\ud800\udc00', 4],
    ['U+10FFFF (DBFF DFFF)', '\udbff\udfff', 4],
  ])('%s counts %i bytes: exactly 1 MB is read, one byte more is refused', (_name, unit, unitBytes) => {
    expect(errorOf(ofBytes(unit, unitBytes, MAX_INPUT_BYTES))).toBe('no-headers');
    expect(errorOf(`${ofBytes(unit, unitBytes, MAX_INPUT_BYTES)}z`)).toBe('too-large');
  });

  it('counts a lone high surrogate at the very end as 3 bytes', () => {
    const text = `${'y'.repeat(MAX_INPUT_BYTES - 3)}\ud800`;
    expect(errorOf(text)).toBe('no-headers');
    expect(errorOf(`z${text}`)).toBe('too-large');
  });
});

describe('the summary', () => {
  it('reads From, Reply-To, To, Cc, Date and Message-ID', () => {
    const { summary } = analyse(
      'From: Alice <alice@example.com>',
      'Reply-To: desk@example.com',
      'To: bob@corp-example.com',
      'Cc: carol@corp-example.com',
      'Date: Tue, 5 Nov 2024 10:00:00 +0000',
      'Message-ID: <1@example.com>',
    );
    expect(summary).toMatchObject({
      from: [{ name: 'Alice', address: 'alice@example.com' }],
      replyTo: [{ address: 'desk@example.com' }],
      to: [{ address: 'bob@corp-example.com' }],
      cc: [{ address: 'carol@corp-example.com' }],
      date: 'Tue, 5 Nov 2024 10:00:00 +0000',
      messageId: '<1@example.com>',
    });
    expect(analyse('Subject: only').summary).toMatchObject({ date: null, messageId: null, from: [], to: [] });
  });
});

describe('which check fields count', () => {
  it('counts a field above the boundary whose authserv-id is no host name', () => {
    const analysis = analyse(
      'Authentication-Results: mx; spf=fail smtp.mailfrom=bank-notice.example',
      `Received: from unknown (unknown [192.0.2.66]) by mx.corp-example.com; ${DATE}`,
    );
    expect(analysis.auth).toMatchObject({ source: 'authentication-results', authservId: 'mx' });
    expect(analysis.auth.spf).toMatchObject({ result: 'fail', domain: 'bank-notice.example' });
  });

  it('counts a field naming any host when no Received line names the receiving side', () => {
    const analysis = analyse(
      'Authentication-Results: mx.example.net; dkim=pass header.d=example.com',
      'From: a@example.com',
    );
    expect(analysis.auth).toMatchObject({ source: 'authentication-results', authservId: 'mx.example.net' });
    expect(analysis.auth.dkim).toEqual([{ result: 'pass', standard: true, domain: 'example.com', aligned: true }]);
  });

  it('ignores a Received-SPF above the boundary that another organisation wrote', () => {
    const analysis = analyse(
      'Received-SPF: pass (mx.other-provider.example: domain of a@bank.example designates 192.0.2.66 as permitted sender) client-ip=192.0.2.66',
      `Received: from unknown (unknown [192.0.2.66]) by mx.corp-example.com; ${DATE}`,
    );
    expect(analysis.auth).toEqual({ source: 'none', authservId: null, spf: null, dkim: [], dmarc: null });
  });

  it('shows the SPF result of a Received-SPF field alone, with the envelope sender’s domain', () => {
    const analysis = analyse(
      'Received-SPF: fail (mx.corp-example.com: domain of a@bank-notice.example does not designate 192.0.2.66 as permitted sender) client-ip=192.0.2.66; envelope-from=<a@bank-notice.example>',
      `Received: from unknown (unknown [192.0.2.66]) by mx.corp-example.com; ${DATE}`,
      'From: a@bank.example',
    );
    expect(analysis.auth).toEqual({
      source: 'received-spf',
      authservId: null,
      spf: { result: 'fail', standard: true, domain: 'bank-notice.example', aligned: null },
      dkim: [],
      dmarc: null,
    });
    const bare = analyse(
      'Received-SPF: neutral (mx.corp-example.com: 192.0.2.66 is neither permitted nor denied) client-ip=192.0.2.66',
      `Received: from unknown (unknown [192.0.2.66]) by mx.corp-example.com; ${DATE}`,
    );
    expect(bare.auth.spf).toEqual({ result: 'neutral', standard: true, domain: null, aligned: null });
  });

  it('shows no authserv-id when the fields name none (Exchange Online)', () => {
    const analysis = analyse(
      'Authentication-Results: spf=pass (sender IP is 192.0.2.66) smtp.mailfrom=example.com; dkim=none (message not signed) header.d=none;dmarc=none action=none header.from=example.com;',
      `Received: from out.example.com (192.0.2.66) by in.mail.protection.outlook.com (10.0.0.9); ${DATE}`,
    );
    expect(analysis.auth.source).toBe('authentication-results');
    expect(analysis.auth.authservId).toBeNull();
    // "header.d=none" names no domain.
    expect(analysis.auth.dkim).toEqual([{ result: 'none', standard: true, domain: null, aligned: null }]);
  });

  it('shows one DKIM signature reported twice once, and signatures differing in d=, i=, s= or b= each', () => {
    const dkimOf = (...results: string[]) =>
      analyse(
        ...results.map((result) => `Authentication-Results: mx.corp-example.com; ${result}`),
        `Received: from unknown (unknown [192.0.2.66]) by mx.corp-example.com; ${DATE}`,
      ).auth.dkim.length;
    expect(dkimOf('dkim=pass header.d=a.example header.s=s1', 'dkim=pass header.d=a.example header.s=s1')).toBe(1);
    expect(dkimOf('dkim=pass header.d=a.example', 'dkim=pass header.d=b.example')).toBe(2);
    expect(dkimOf('dkim=pass header.i=@a.example', 'dkim=pass header.i=@b.example')).toBe(2);
    expect(dkimOf('dkim=pass header.d=a.example header.s=s1', 'dkim=pass header.d=a.example header.s=s2')).toBe(2);
    expect(dkimOf('dkim=pass header.d=a.example header.b=AAAA', 'dkim=pass header.d=a.example header.b=BBBB')).toBe(2);
    // The parts are kept apart: "x.example" + "ab" is not "x.examplea" + "b".
    expect(dkimOf('dkim=pass header.d=x.example header.s=ab', 'dkim=pass header.d=x.examplea header.s=b')).toBe(2);
  });
});

describe('the receiving side’s check may move the boundary up, never down', () => {
  it('by the address in smtp.remote-ip, from a field that is not the first of the header', () => {
    const analysis = analyse(
      'Delivered-To: a@corp-example.com',
      'Authentication-Results: relay.corp-example.com; spf=pass smtp.mailfrom=a@list.example smtp.remote-ip=203.0.113.10',
      RELAY,
      OUTSIDE,
    );
    expect(analysis.origin).toMatchObject({ ip: '203.0.113.10', hopNumber: 2 });
    expect(analysis.origin?.explanation).toMatch(/SPF check ran against/);
  });

  it('by the address in the SPF result’s comment, read apart from the next comment', () => {
    const analysis = analyse(
      'Delivered-To: a@corp-example.com',
      'Authentication-Results: relay.corp-example.com; spf=pass (sender IP is 203.0.113.10)(1 of 2) smtp.mailfrom=a@list.example',
      RELAY,
      OUTSIDE,
    );
    expect(analysis.origin?.ip).toBe('203.0.113.10');
  });

  it('by the address iprev checked', () => {
    const analysis = analyse(
      'Delivered-To: a@corp-example.com',
      'Authentication-Results: relay.corp-example.com; spf=pass smtp.mailfrom=a@list.example; iprev=pass policy.iprev=203.0.113.10',
      RELAY,
      OUTSIDE,
    );
    expect(analysis.origin?.ip).toBe('203.0.113.10');
    const byRemoteIp = analyse(
      'Delivered-To: a@corp-example.com',
      'Authentication-Results: relay.corp-example.com; spf=pass smtp.mailfrom=a@list.example; iprev=pass smtp.remote-ip=203.0.113.10',
      RELAY,
      OUTSIDE,
    );
    expect(byRemoteIp.origin?.ip).toBe('203.0.113.10');
  });

  it('from the higher field when the Authentication-Results is above the Received-SPF', () => {
    const analysis = analyse(
      'Authentication-Results: relay.corp-example.com; spf=pass smtp.mailfrom=a@list.example smtp.remote-ip=203.0.113.10',
      'Received-SPF: pass (relay.corp-example.com: domain of a@list.example designates 198.51.100.66 as permitted sender) client-ip=198.51.100.66',
      RELAY,
      OUTSIDE,
    );
    expect(analysis.origin?.ip).toBe('203.0.113.10');
  });

  it('not to a hop below the first outside one, even when the field naming it is the receiving side’s', () => {
    const analysis = analyse(
      'Authentication-Results: mx.corp-example.com; spf=pass smtp.mailfrom=a@bank.example smtp.remote-ip=198.51.100.99',
      `Received: from attacker.example (attacker.example [192.0.2.66]) by mx.corp-example.com; ${DATE}`,
      `Received: from mail.bank.example (mail.bank.example [198.51.100.99]) by relay.bank.example; ${DATE}`,
    );
    expect(analysis.origin).toMatchObject({ ip: '192.0.2.66', hopNumber: 2 });
  });

  it('not by a field written below the hop it names', () => {
    const analysis = analyse(
      RELAY,
      'Authentication-Results: relay.corp-example.com; spf=pass smtp.mailfrom=a@list.example smtp.remote-ip=203.0.113.10',
      OUTSIDE,
    );
    expect(analysis.origin?.ip).toBe('198.51.100.66');
  });

  it('to the checked hop when no hop is outside the receiving side (mail inside one organisation)', () => {
    const analysis = analyse(
      'Authentication-Results: store.corp-example.com; spf=pass smtp.mailfrom=b@corp-example.com smtp.remote-ip=203.0.113.10',
      RELAY,
      `Received: from laptop ([10.0.0.7]) by relay.corp-example.com; ${DATE}`,
    );
    expect(analysis.origin).toMatchObject({ ip: '203.0.113.10', hopNumber: 2 });
  });

  it('and then reads only the check fields above the new boundary', () => {
    const analysis = analyse(
      'Authentication-Results: relay.corp-example.com; spf=pass smtp.mailfrom=a@list.example smtp.remote-ip=203.0.113.10',
      RELAY,
      'Authentication-Results: relay.corp-example.com; dkim=fail header.d=list.example',
      OUTSIDE,
    );
    expect(analysis.origin?.ip).toBe('203.0.113.10');
    expect(analysis.auth.dkim).toEqual([]);
  });
});

describe('the domain each check was about', () => {
  const authOf = (results: string, from = 'From: a@example.com') =>
    analyse(
      `Authentication-Results: mx.corp-example.com; ${results}`,
      `Received: from unknown (unknown [192.0.2.66]) by mx.corp-example.com; ${DATE}`,
      from,
    ).auth;

  it('reads SPF’s from smtp.mailfrom, else smtp.helo, without a trailing dot', () => {
    expect(authOf('spf=pass smtp.mailfrom=bounce@mail.example.com').spf).toMatchObject({
      domain: 'mail.example.com',
      aligned: true,
    });
    expect(authOf('spf=pass smtp.helo=Out.Example.ORG.').spf).toMatchObject({
      domain: 'out.example.org',
      aligned: false,
    });
    expect(authOf('spf=fail smtp.mailfrom=bounce@mail.example.com').spf).toMatchObject({ aligned: null });
    expect(authOf('spf=none smtp.mailfrom=NONE').spf).toMatchObject({ domain: null, aligned: null });
    expect(authOf('spf=pass smtp.mailfrom=bounce@').spf).toMatchObject({ domain: null, aligned: null });
    expect(authOf('spf=pass smtp.mailfrom=bounce@example.com', 'Subject: no From').spf).toMatchObject({
      domain: 'example.com',
      aligned: null,
    });
  });

  it('reads DKIM’s from header.d, else header.i', () => {
    expect(authOf('dkim=pass header.i=@news.example.com').dkim).toEqual([
      { result: 'pass', standard: true, domain: 'news.example.com', aligned: true },
    ]);
  });

  it('reads DMARC’s from header.from, else From’s', () => {
    expect(authOf('dmarc=pass header.from=other.example').dmarc).toMatchObject({ domain: 'other.example' });
    expect(authOf('dmarc=pass').dmarc).toMatchObject({ domain: 'example.com', aligned: null });
    expect(authOf('dmarc=pass', 'Subject: no From').dmarc).toMatchObject({ domain: null });
  });
});

describe('warnings', () => {
  const kindsOf = (...lines: string[]) => analyse(...lines).warnings.map((warning) => warning.kind);

  it('names the addresses it warns about', () => {
    const [replyTo, returnPath, displayName] = analyse(
      'From: "billing@bank.example" <alerts@bank-notice.example>',
      'Reply-To: desk@elsewhere.example',
      'Return-Path: <bounce@mailer.example>',
    ).warnings;
    expect(replyTo).toMatchObject({ kind: 'reply-to-mismatch' });
    expect(replyTo!.text).toContain('desk@elsewhere.example');
    expect(replyTo!.text).toContain('bank-notice.example');
    expect(returnPath).toMatchObject({ kind: 'return-path-mismatch' });
    expect(returnPath!.text).toContain('bounce@mailer.example');
    expect(displayName).toMatchObject({ kind: 'display-name-address' });
    expect(displayName!.text).toContain('billing@bank.example');
    expect(displayName!.text).toContain('alerts@bank-notice.example');
  });

  it('raises none for replies and bounces within the sender’s organisation, or without a From', () => {
    expect(
      kindsOf('From: a@example.com', 'Reply-To: b@mail.example.com', 'Return-Path: <c@bounce.example.com>'),
    ).toEqual([]);
    expect(kindsOf('From: a@example.com', 'Return-Path: <>')).toEqual([]);
    expect(kindsOf('Reply-To: b@elsewhere.example', 'Return-Path: <c@mailer.example>')).toEqual([]);
  });

  it('does not take a display name showing the sender’s own address, in other capitals, for a disguise', () => {
    expect(kindsOf('From: "Alice@Example.com" <alice@example.com>')).toEqual([]);
    expect(kindsOf('From: "alice@example.com" <Alice@Example.com>')).toEqual([]);
    expect(kindsOf('From: Alice <alice@example.com>')).toEqual([]);
  });

  it('lists each failed check once in one warning', () => {
    const failure = (results: string) =>
      analyse(
        `Authentication-Results: mx.corp-example.com; ${results}`,
        `Received: from unknown (unknown [192.0.2.66]) by mx.corp-example.com; ${DATE}`,
        'From: a@example.com',
      ).warnings.find((warning) => warning.kind === 'auth-failure')?.text ?? null;
    expect(failure('spf=pass smtp.mailfrom=example.com; dkim=pass header.d=example.com; dmarc=pass')).toBeNull();
    expect(failure('spf=softfail smtp.mailfrom=example.com')).toBe(
      'Authentication failed (SPF softfail): the message may not come from the server it claims.',
    );
    expect(failure('dkim=fail header.d=example.com; dkim=permerror')).toContain(
      '(DKIM fail for example.com, DKIM permerror)',
    );
    // A failed extra signature does not matter when another one passed.
    expect(failure('dkim=fail header.d=old.example; dkim=pass header.d=example.com')).toBeNull();
    expect(failure('dkim=neutral header.d=example.com')).toBeNull();
    expect(failure('dmarc=quarantine')).toContain('(DMARC quarantine)');
    expect(failure('dmarc=reject')).toContain('(DMARC reject)');
    expect(failure('dmarc=fail')).toContain('(DMARC fail)');
    expect(failure('dmarc=none')).toBeNull();
    expect(failure('spf=fail smtp.mailfrom=example.com; dmarc=fail')).toContain('(SPF fail, DMARC fail)');
  });
});

describe('the hops and the origin', () => {
  it('marks each hop’s side and the delay since the hop before it', () => {
    const analysis = analyse(
      'Received: from relay.corp-example.com ([10.0.0.1]) by store.corp-example.com; Tue, 5 Nov 2024 10:00:09 +0000',
      'Received: from out.list.example (out.list.example [198.51.100.66]) by relay.corp-example.com; Tue, 5 Nov 2024 10:00:05 +0000',
      'Received: from laptop ([10.1.1.1]) by out.list.example; no date',
      'Received: from laptop2 ([10.1.1.2]) by laptop; Tue, 5 Nov 2024 09:59:59 +0000',
    );
    expect(analysis.hops.map(({ number, side, delaySeconds }) => ({ number, side, delaySeconds }))).toEqual([
      { number: 1, side: 'sender', delaySeconds: null },
      { number: 2, side: 'sender', delaySeconds: null },
      { number: 3, side: 'boundary', delaySeconds: null },
      { number: 4, side: 'receiving', delaySeconds: 4 },
    ]);
  });

  it('marks every hop unknown, and says why, when there is no boundary', () => {
    const analysis = analyse(
      'Received: from a ([10.0.0.1]) by b.corp-example.com; Tue, 5 Nov 2024 10:00:09 +0000',
      'Received: from c ([10.0.0.2]) by a.corp-example.com; Tue, 5 Nov 2024 10:00:03 +0000',
    );
    expect(analysis.origin).toBeNull();
    expect(analysis.hops.map((hop) => hop.side)).toEqual(['unknown', 'unknown']);
    expect(analysis.hops.map((hop) => hop.delaySeconds)).toEqual([null, 6]);
    expect(analysis.originMissing).toMatch(/^No Received line records a public address/);
    expect(analyse('Subject: sent copy').originMissing).toMatch(/^There are no Received lines/);
  });

  it('explains how the origin was chosen, with how many lines were skipped', () => {
    const explanation = (...received: string[]) => analyse(...received).origin?.explanation;
    expect(explanation(`Received: from out.list.example (out.list.example [198.51.100.66]) with SMTP; ${DATE}`)).toBe(
      'This is the first address, reading the Received lines from the newest, that the receiving side (the receiving server, hop 1) recorded for a server outside its own network; private, loopback and shared addresses were skipped, and the lines below it were written by the sender\u2019s side.'.replace(
        '\u2019',
        "'",
      ),
    );
    expect(explanation(RELAY, OUTSIDE)).toContain(
      '(relay.corp-example.com, hop 1) recorded for a server outside its own network, below 1 Received line written inside the receiving side;',
    );
    expect(explanation(`Received: from a ([10.0.0.1]) by store.corp-example.com; ${DATE}`, RELAY, OUTSIDE)).toContain(
      ', below 2 Received lines written inside the receiving side;',
    );
  });

  it('names a shared provider by the reverse-DNS name the receiving server looked up', () => {
    const analysis = analyse(
      `Received: from mail.zoho.com (sender4-op-o11.zoho.com [136.143.188.11]) by mx.corp-example.com; ${DATE}`,
    );
    expect(analysis.origin).toMatchObject({ ip: '136.143.188.11', sharedProvider: 'Zoho Mail' });
  });
});

describe('the return-path and the claimed address', () => {
  it('offers the envelope sender of the receiving side’s SPF check only when it is an address', () => {
    const returnPathOf = (mailFrom: string) =>
      analyse(
        `Authentication-Results: mx.corp-example.com; spf=pass smtp.mailfrom=${mailFrom}`,
        `Received: from out.list.example (out.list.example [198.51.100.66]) by mx.corp-example.com; ${DATE}`,
      ).summary.returnPath;
    expect(returnPathOf('bounce@list.example')).toEqual({ address: 'bounce@list.example', bounce: false });
    expect(returnPathOf('list.example')).toBeNull();
  });

  it('reads X-Originating-IP with or without brackets, and shows an unreadable one as written', () => {
    expect(analyse('X-Originating-IP: [198.51.100.7]').claimedIp).toBe('198.51.100.7');
    expect(analyse('X-Originating-IP: 2001:db8::1').claimedIp).toBe('2001:db8::1');
    expect(analyse('X-Originating-IP: somewhere').claimedIp).toBe('somewhere');
    expect(analyse('Subject: none').claimedIp).toBeNull();
  });
});
