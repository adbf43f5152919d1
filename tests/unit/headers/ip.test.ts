import { describe, expect, it } from 'vitest';
import { ipWords, isPublicIp, parseIp } from '../../../src/lib/headers/ip';

describe('parseIp', () => {
  it.each([
    ['192.0.2.1', '192.0.2.1'],
    ['[192.0.2.1]', '192.0.2.1'],
    ['[192.0.2.1]:25', '192.0.2.1'],
    ['[192.0.2.1:51234]', '192.0.2.1'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['[IPv6:2a00:1450:4864:20::62f]', '2a00:1450:4864:20::62f'],
    ['IPv6:::1', '::1'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['[::ffff:10.1.2.3]', '10.1.2.3'],
    ['fe80::1%eth0', 'fe80::1'],
    ['2001:db8:0:1:0:0:0:0', '2001:db8:0:1::'],
  ])('%s is %s', (input, text) => {
    expect(parseIp(input)?.text).toBe(text);
  });

  it.each(['256.1.1.1', '1.2.3', '01.2.3.4', '10:00:00', '1::2::3', 'gmail.com', '', '4.4.1.0^0', '1:2:3:4:5:6:7:8:9'])(
    'rejects %s',
    (input) => {
      expect(parseIp(input)).toBeNull();
    },
  );
});

describe('isPublicIp', () => {
  it.each([
    '10.0.0.1',
    '172.16.5.4',
    '172.31.255.255',
    '192.168.1.1',
    '127.0.0.1',
    '169.254.10.1',
    '100.64.0.1',
    '100.127.255.255',
    '::1',
    'fd12:3456::1',
    'fc00::1',
    'fe80::1',
    '::ffff:192.168.0.1',
    '0.0.0.0',
    // IPv6 forms that are reserved or carry a private IPv4 address (issue #24, finding 4).
    '::10.0.0.1',
    '::ffff:0:10.0.0.1',
    '64:ff9b::10.0.0.1',
    '2002:a00:1::1',
    '::2',
    '::8.8.8.8',
  ])('%s is not public', (input) => {
    expect(isPublicIp(parseIp(input)!)).toBe(false);
  });

  it.each([
    '209.85.220.41',
    '100.63.255.255',
    '100.128.0.1',
    '172.32.0.1',
    '2603:10b6:408:139::11',
    '2a00:1450:4864:20::62f',
    '::ffff:74.6.129.219',
    '64:ff9b::74.6.129.219',
    '2002:4a06:81db::1',
  ])('%s is public', (input) => {
    expect(isPublicIp(parseIp(input)!)).toBe(true);
  });
});

describe('ipWords', () => {
  it('finds addresses that are words of their own, not version numbers', () => {
    expect(ipWords('ecelerity 4.4.1.20033 r(msys-ecelerity:tags/4.4.1.0^0)')).toEqual([]);
    expect(ipWords('host.example 192.0.2.1, [2001:db8::5]').map((ip) => ip.text)).toEqual(['192.0.2.1', '2001:db8::5']);
  });
});
