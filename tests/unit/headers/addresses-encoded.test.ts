import { describe, expect, it } from 'vitest';
import { addressInName, domainOf, parseAddressList, parseReturnPath } from '../../../src/lib/headers/addresses';
import { decodeEncodedWords } from '../../../src/lib/headers/encoded-words';

describe('decodeEncodedWords', () => {
  it('decodes B and Q words in any charset the browser knows, joining adjacent words', () => {
    expect(decodeEncodedWords('=?UTF-8?B?UGF0IE3DtnJnYW4=?=')).toBe('Pat Mörgan');
    expect(decodeEncodedWords('=?ISO-8859-1?Q?Kundenservice_M=FCller?=')).toBe('Kundenservice Müller');
    expect(decodeEncodedWords('=?utf-8?q?a?= =?utf-8?q?b?= c')).toBe('ab c');
    expect(decodeEncodedWords('=?UTF-8*en?Q?Hi?=')).toBe('Hi');
  });

  it('leaves unknown charsets and broken words as written', () => {
    expect(decodeEncodedWords('=?x-unknown?Q?abc?=')).toBe('=?x-unknown?Q?abc?=');
    expect(decodeEncodedWords('=?UTF-8?B?***?=')).toBe('=?UTF-8?B?***?=');
    expect(decodeEncodedWords('plain text')).toBe('plain text');
  });
});

describe('parseAddressList', () => {
  it('reads names, quoted commas, comments, groups and the old comment form', () => {
    expect(
      parseAddressList('"Lopez, Ana" <ana@example.com>, bob@example.com (Bob B), Team: c@example.com, d@example.com;'),
    ).toEqual([
      { name: 'Lopez, Ana', address: 'ana@example.com' },
      { name: 'Bob B', address: 'bob@example.com' },
      { name: '', address: 'c@example.com' },
      { name: '', address: 'd@example.com' },
    ]);
    expect(parseAddressList('=?UTF-8?Q?M=C3=BCller?= <info@example.de>')).toEqual([
      { name: 'Müller', address: 'info@example.de' },
    ]);
    expect(parseAddressList('Undisclosed recipients:;')).toEqual([]);
  });

  it('never decodes the address itself', () => {
    expect(parseAddressList('X <=?UTF-8?Q?a?=@example.com>')[0]!.address).toBe('=?UTF-8?Q?a?=@example.com');
  });

  it('survives deeply nested comments in linear time', () => {
    const deep = `${'('.repeat(50_000)}x${')'.repeat(50_000)} a@example.com`;
    expect(parseAddressList(deep)[0]!.address).toBe('a@example.com');
  });
});

describe('return-path and domains', () => {
  it('reads <>, bracketed and bare forms', () => {
    expect(parseReturnPath('<>')).toEqual({ address: '', bounce: true });
    expect(parseReturnPath('<a@example.com>')).toEqual({ address: 'a@example.com', bounce: false });
    expect(parseReturnPath('billing@example.net')).toEqual({ address: 'billing@example.net', bounce: false });
  });

  it('finds the domain and an address hidden in a display name', () => {
    expect(domainOf('Someone@Mail.Example.COM.')).toBe('mail.example.com');
    expect(addressInName('security@example-bank.com via Alerts')).toBe('security@example-bank.com');
    expect(addressInName('Pat Morgan')).toBeNull();
  });
});
