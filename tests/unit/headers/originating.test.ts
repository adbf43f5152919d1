/**
 * The trust boundary on shapes beyond the fixtures: the receiving side's own
 * hops, forged lines below the boundary, one provider on both ends.
 */
import { describe, expect, it } from 'vitest';
import { analyzeHeaders } from '../../../src/lib/headers/analyze';
import { parseIp } from '../../../src/lib/headers/ip';
import { findOrigin } from '../../../src/lib/headers/originating';
import { parseReceived } from '../../../src/lib/headers/received';

function originOf(...received: string[]): string | null {
  return findOrigin(received.map(parseReceived), null)?.ip.text ?? null;
}

describe('findOrigin', () => {
  it('skips private, loopback, link-local, CGNAT and ULA senders inside the receiving side', () => {
    expect(
      originOf(
        'from a.corp.example ([10.0.0.5]) by store.corp.example; Tue, 5 Nov 2024 10:00:05 +0000',
        'from b.corp.example ([100.64.3.2]) by a.corp.example; Tue, 5 Nov 2024 10:00:04 +0000',
        'from c.corp.example ([fd00::25]) by b.corp.example; Tue, 5 Nov 2024 10:00:03 +0000',
        'from d.corp.example ([fe80::1]) by c.corp.example; Tue, 5 Nov 2024 10:00:03 +0000',
        'from sender.example.org (sender.example.org [198.51.100.7]) by mx.corp.example; Tue, 5 Nov 2024 10:00:02 +0000',
        'from forged.example ([192.0.2.250]) by sender.example.org; Tue, 5 Nov 2024 10:00:01 +0000',
      ),
    ).toBe('198.51.100.7');
  });

  it('skips the receiving provider’s own hops on public addresses (Microsoft 365)', () => {
    expect(
      originOf(
        'from SJ0PR12MB5678.namprd12.prod.outlook.com (2603:10b6:a03:42c::19) by MN2PR12MB4321.namprd12.prod.outlook.com with HTTPS; Wed, 6 Nov 2024 14:22:10 +0000',
        'from BN2PEPF000044A8.namprd04.prod.outlook.com (2603:10b6:408:139:cafe::5a) by BN9PR03CA0456.outlook.office365.com (2603:10b6:408:139::11) with Microsoft SMTP Server; Wed, 6 Nov 2024 14:22:09 +0000',
        'from mail-wr1-f41.google.com (209.85.221.41) by BN2PEPF000044A8.mail.protection.outlook.com (10.167.243.159) with Microsoft SMTP Server; Wed, 6 Nov 2024 14:22:08 +0000',
      ),
    ).toBe('209.85.221.41');
  });

  it('stops at the inbound exchanger when both ends use one provider', () => {
    expect(
      originOf(
        'by 2002:a05:7022:4a1::1 with SMTP id x; Tue, 5 Nov 2024 10:00:03 -0800 (PST)',
        'from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41]) by mx.google.com with SMTPS id y; Tue, 5 Nov 2024 10:00:02 -0800 (PST)',
        'by mail-sor-f41.google.com with SMTP id z; Tue, 5 Nov 2024 10:00:01 -0800 (PST)',
      ),
    ).toBe('209.85.220.41');
  });

  it('is not fooled by a sender naming itself after the receiving side', () => {
    expect(
      originOf(
        'from mx1.corp.example ([10.1.1.1]) by store.corp.example; Tue, 5 Nov 2024 10:00:05 +0000',
        'from mx1.corp.example ([192.0.2.44] helo=store.corp.example) by mx1.corp.example; Tue, 5 Nov 2024 10:00:04 +0000',
        'from trusted.corp.example ([10.9.9.9]) by mx1.corp.example; Tue, 5 Nov 2024 10:00:01 +0000',
      ),
    ).toBe('192.0.2.44');
  });

  it('prefers the address the receiving side’s SPF check recorded', () => {
    // A filtering service in front of the mailbox, under a domain of its own: reading down alone stops at it.
    const lines = [
      'from scan3.filtering-service.example (scan3.filtering-service.example [198.51.100.77]) by store.corp.example; Tue, 5 Nov 2024 10:00:05 +0000',
      'from out.sender.example (out.sender.example [192.0.2.10]) by scan3.filtering-service.example; Tue, 5 Nov 2024 10:00:04 +0000',
    ].map(parseReceived);
    expect(findOrigin(lines, null)?.ip.text).toBe('198.51.100.77');
    expect(findOrigin(lines, parseIp('192.0.2.10'))).toMatchObject({ hop: 1, how: 'spf-check' });
  });

  it('finds nothing when no hop records a public address', () => {
    expect(originOf('from localhost ([127.0.0.1]) by mail.example.com; Tue, 5 Nov 2024 10:00:05 +0000')).toBeNull();
    expect(originOf()).toBeNull();
  });
});

describe('analyzeHeaders', () => {
  it('ignores an Authentication-Results line forged below the boundary', () => {
    const outcome = analyzeHeaders(
      [
        'Authentication-Results: mx.corp.example; spf=fail smtp.mailfrom=bank.example',
        'Received: from evil.example (evil.example [192.0.2.66]) by mx.corp.example; Tue, 5 Nov 2024 10:00:04 +0000',
        'Received: from relay.bank.example ([10.0.0.1]) by evil.example; Tue, 5 Nov 2024 10:00:03 +0000',
        'Authentication-Results: mx.corp.example; spf=pass smtp.mailfrom=bank.example; dkim=pass header.d=bank.example; dmarc=pass',
        'From: Bank <alerts@bank.example>',
      ].join('\n'),
    );
    expect(outcome.ok && outcome.analysis.auth.spf?.result).toBe('fail');
    expect(outcome.ok && outcome.analysis.auth.dkim).toEqual([]);
    expect(outcome.ok && outcome.analysis.auth.dmarc).toBeNull();
  });

  it('refuses more than 1 MB, counting bytes not characters', () => {
    expect(analyzeHeaders(`Subject: ${'é'.repeat(530_000)}`)).toEqual({ ok: false, error: 'too-large' });
    expect(analyzeHeaders(`Subject: ${'e'.repeat(1_000_000)}`).ok).toBe(true);
    expect(analyzeHeaders('   ')).toEqual({ ok: false, error: 'empty' });
    expect(analyzeHeaders('just some text\nwithout fields')).toEqual({ ok: false, error: 'no-headers' });
  });

  it('falls back to the envelope sender that the receiving side’s SPF check recorded above the boundary', () => {
    const outcome = analyzeHeaders(
      [
        'Received-SPF: pass (mx.corp.example: domain of bounce@list.example designates 192.0.2.1 as permitted sender) client-ip=192.0.2.1; envelope-from=<bounce@list.example>',
        'Received: from out.list.example (out.list.example [192.0.2.1]) by mx.corp.example; Tue, 5 Nov 2024 10:00:04 +0000',
        'From: a@example.com',
      ].join('\n'),
    );
    expect(outcome.ok && outcome.analysis.summary.returnPath).toEqual({
      address: 'bounce@list.example',
      bounce: false,
    });
    expect(outcome.ok && outcome.analysis.auth.source).toBe('received-spf');
  });
});

describe('a forged SPF record', () => {
  it('cannot move the boundary below the first outside hop', () => {
    const outcome = analyzeHeaders(
      [
        'Received: from store.corp.example ([10.0.0.2]) by box.corp.example; Tue, 5 Nov 2024 10:00:05 +0000',
        'Received: from attacker.example (attacker.example [192.0.2.66]) by mx.corp.example; Tue, 5 Nov 2024 10:00:04 +0000',
        'Received-SPF: pass (mx.corp.example: domain of a@bank.example designates 198.51.100.99 as permitted sender) client-ip=198.51.100.99;',
        'Received: from mail.bank.example (mail.bank.example [198.51.100.99]) by relay.bank.example; Tue, 5 Nov 2024 10:00:03 +0000',
        'From: a@bank.example',
      ].join('\n'),
    );
    expect(outcome.ok && outcome.analysis.origin?.ip).toBe('192.0.2.66');
  });
});

describe('two SPF records', () => {
  it('takes the checked address from the one written nearer the reader', () => {
    const outcome = analyzeHeaders(
      [
        'Authentication-Results: spf=pass (sender IP is 198.51.100.5) smtp.mailfrom=list.example; dkim=pass header.d=list.example',
        'Received: from out.list.example (198.51.100.5) by in.mail.protection.outlook.com (10.0.0.9); Tue, 5 Nov 2024 10:00:04 +0000',
        'Received-SPF: pass (out.list.example: domain of a@author.example designates 192.0.2.33 as permitted sender) client-ip=192.0.2.33;',
        'Received: from mail.author.example (mail.author.example [192.0.2.33]) by out.list.example; Tue, 5 Nov 2024 10:00:03 +0000',
        'From: a@author.example',
      ].join('\n'),
    );
    expect(outcome.ok && outcome.analysis.origin).toMatchObject({ ip: '198.51.100.5' });
    expect(outcome.ok && outcome.analysis.origin?.explanation).toContain('SPF check');
  });
});
