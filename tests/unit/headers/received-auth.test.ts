import { describe, expect, it } from 'vitest';
import { parseAuthenticationResults, parseReceivedSpf } from '../../../src/lib/headers/auth-results';
import { parseMailDate } from '../../../src/lib/headers/dates';
import { parseReceived } from '../../../src/lib/headers/received';

describe('parseReceived', () => {
  const shapes: [
    string,
    string,
    { ip: string | null; host: string | null; helo: string | null; by: string | null; with: string | null },
  ][] = [
    [
      'Postfix',
      'from helo.example (mail.example.org [198.51.100.20]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)) by mx.example.com (Postfix) with ESMTPS id 4X; Fri, 8 Nov 2024 16:41:25 +0100 (CET)',
      { ip: '198.51.100.20', host: 'mail.example.org', helo: 'helo.example', by: 'mx.example.com', with: 'ESMTPS' },
    ],
    [
      'Gmail',
      'from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41]) by mx.google.com with SMTPS id x5sor; Tue, 05 Nov 2024 10:00:02 -0800 (PST)',
      {
        ip: '209.85.220.41',
        host: 'mail-sor-f41.google.com',
        helo: 'mail-sor-f41.google.com',
        by: 'mx.google.com',
        with: 'SMTPS',
      },
    ],
    [
      'Exim with reverse DNS',
      'from host.example.net ([192.0.2.7]:4321 helo=laptop) by mx.example.com with esmtps (TLS1.3) id 1t9Q; Fri, 08 Nov 2024 10:41:23 -0500',
      { ip: '192.0.2.7', host: 'host.example.net', helo: 'laptop', by: 'mx.example.com', with: 'esmtps' },
    ],
    [
      'Exim without reverse DNS',
      'from [192.0.2.8] (helo=[10.0.0.2]) by mx.example.com with esmtpa (Exim 4.97) id 1t; Fri, 08 Nov 2024 10:41:23 -0500',
      { ip: '192.0.2.8', host: null, helo: '10.0.0.2', by: 'mx.example.com', with: 'esmtpa' },
    ],
    [
      'qmail',
      'from unknown (HELO laptop) (192.0.2.9) by mail.example.com with SMTP; 5 Nov 2024 10:00:00 -0000',
      { ip: '192.0.2.9', host: null, helo: 'laptop', by: 'mail.example.com', with: 'SMTP' },
    ],
    [
      'Exchange, bracket-less',
      'from mail.contoso-example.net (198.51.100.25) by BN2PEPF000044A8.mail.protection.outlook.com (10.167.243.159) with Microsoft SMTP Server (version=TLS1_3, cipher=TLS_AES_256_GCM_SHA384) id 15.20.8137.17 via Frontend Transport; Wed, 6 Nov 2024 14:22:08 +0000',
      {
        ip: '198.51.100.25',
        host: null,
        helo: 'mail.contoso-example.net',
        by: 'bn2pepf000044a8.mail.protection.outlook.com',
        with: 'Microsoft SMTP Server',
      },
    ],
    [
      'Exchange, IPv6',
      'from BN9PR03CA0456.namprd03.prod.outlook.com (2603:10b6:408:139::11) by SJ0PR12MB5678.namprd12.prod.outlook.com (2603:10b6:a03:42c::19) with Microsoft SMTP Server id 15.20.8137.18; Wed, 6 Nov 2024 14:22:09 +0000',
      {
        ip: '2603:10b6:408:139::11',
        host: null,
        helo: 'BN9PR03CA0456.namprd03.prod.outlook.com',
        by: 'sj0pr12mb5678.namprd12.prod.outlook.com',
        with: 'Microsoft SMTP Server',
      },
    ],
    [
      'webmail over HTTP',
      'from 203.0.113.50 (SquirrelMail authenticated user dana@example.org) by webmail.example.net with HTTP; Fri, 8 Nov 2024 10:41:22 -0500',
      { ip: '203.0.113.50', host: null, helo: null, by: 'webmail.example.net', with: 'HTTP' },
    ],
    [
      'internal note',
      'by 2002:a05:6a10:1234::1 with SMTP id x; Tue, 05 Nov 2024 10:00:02 -0800 (PST)',
      { ip: null, host: null, helo: null, by: null, with: 'SMTP' },
    ],
  ];

  it.each(shapes)('%s', (_shape, value, expected) => {
    const line = parseReceived(value);
    expect(line.parsed).toBe(true);
    expect({
      ip: line.from?.ip?.text ?? null,
      host: line.from?.host ?? null,
      helo: line.from?.helo ?? null,
      by: line.by?.host ?? null,
      with: line.with,
    }).toEqual(expected);
    expect(line.time).not.toBeNull();
  });

  it('marks a line without from or by as not understood, keeping it raw', () => {
    const line = parseReceived('(qmail 1234 invoked by uid 89); 5 Nov 2024 10:00:00 -0000');
    expect(line.parsed).toBe(false);
    expect(line.raw).toContain('qmail 1234');
    expect(line.time).toBe(Date.UTC(2024, 10, 5, 10, 0, 0));
  });
});

describe('parseMailDate', () => {
  it('reads zones, obsolete zone names and two-digit years', () => {
    expect(parseMailDate('Tue, 5 Nov 2024 10:00:03 -0800 (PST)')).toBe(Date.UTC(2024, 10, 5, 18, 0, 3));
    expect(parseMailDate('5 Nov 24 10:00 EST')).toBe(Date.UTC(2024, 10, 5, 15, 0, 0));
    expect(parseMailDate('Wed, 6 Nov 2024 14:22:08.9876 +0000')).toBe(Date.UTC(2024, 10, 6, 14, 22, 8));
    expect(parseMailDate('not a date')).toBeNull();
  });
});

describe('parseAuthenticationResults', () => {
  it('reads the standard form, with comments and properties', () => {
    const field = parseAuthenticationResults(
      'mx.google.com; dkim=pass header.i=@gmail.com header.s=20230601 header.b=Kx3f; spf=pass (google.com: domain of a@gmail.com designates 209.85.220.41 as permitted sender) smtp.mailfrom=a@gmail.com; dmarc=pass (p=NONE sp=QUARANTINE dis=NONE) header.from=gmail.com',
    );
    expect(field.authservId).toBe('mx.google.com');
    expect(field.results.map((result) => [result.method, result.result])).toEqual([
      ['dkim', 'pass'],
      ['spf', 'pass'],
      ['dmarc', 'pass'],
    ]);
    expect(field.results[1]!.props['smtp.mailfrom']).toBe('a@gmail.com');
    expect(field.results[1]!.comments[0]).toContain('designates 209.85.220.41');
  });

  it('reads the Exchange Online form without an authserv-id', () => {
    const field = parseAuthenticationResults(
      'spf=pass (sender IP is 198.51.100.25) smtp.mailfrom=contoso-example.net; dkim=none (message not signed) header.d=none;dmarc=fail action=quarantine header.from=contoso-example.net;compauth=fail reason=000',
    );
    expect(field.authservId).toBeNull();
    expect(field.results.map((result) => `${result.method}=${result.result}`)).toEqual([
      'spf=pass',
      'dkim=none',
      'dmarc=fail',
      'compauth=fail',
    ]);
    expect(field.results[2]!.props['action']).toBe('quarantine');
  });

  it('reads results separated by spaces only, and "none"', () => {
    expect(
      parseAuthenticationResults(
        'mx.example.com; spf=pass smtp.mailfrom=a.example dkim=fail header.d=a.example',
      ).results.map((result) => result.method),
    ).toEqual(['spf', 'dkim']);
    expect(parseAuthenticationResults('mx.example.com 1; none').results).toEqual([]);
  });
});

describe('parseReceivedSpf', () => {
  it('reads the result, the client address and the envelope sender', () => {
    expect(
      parseReceivedSpf(
        'Pass (mailfrom) identity=mailfrom; client-ip=198.51.100.20; helo=server.example; envelope-from=dana@example.org; receiver=<UNKNOWN>',
      ),
    ).toEqual({
      result: 'pass',
      clientIp: '198.51.100.20',
      mailFrom: 'dana@example.org',
      receiver: null,
    });
    expect(
      parseReceivedSpf(
        'softfail (google.com: domain of transitioning x@bad.example does not designate 192.0.2.66 as permitted sender) client-ip=192.0.2.66;',
      ),
    ).toEqual({
      result: 'softfail',
      clientIp: '192.0.2.66',
      mailFrom: 'x@bad.example',
      receiver: 'google.com',
    });
  });
});
