/**
 * Edges of the header analyzer's smaller readers (addresses, IP addresses, dates, encoded words,
 * unfolding, folding), found by mutation testing (README "Mutation testing"): shapes a sender or an
 * attacker can write that the broader tests did not reach. Inputs are built inside each test.
 */
import { describe, expect, it } from 'vitest';
import { addressInName, domainOf, parseAddressList } from '../../../src/lib/headers/addresses';
import { parseMailDate } from '../../../src/lib/headers/dates';
import { decodeEncodedWords } from '../../../src/lib/headers/encoded-words';
import { serializeFields } from '../../../src/lib/headers/fields';
import { isPublicIp, parseIp } from '../../../src/lib/headers/ip';
import { unfold } from '../../../src/lib/headers/unfold';

describe('address lists: where one mailbox ends', () => {
  it('never splits at a comma inside a quoted name with an escaped quote, a nested comment, or an escaped parenthesis', () => {
    expect(parseAddressList('"a\\"b, c" <x@y.example>')).toEqual([{ name: 'a"b, c', address: 'x@y.example' }]);
    expect(parseAddressList('x@y.example (Bob (work), Sales), z@w.example')).toEqual([
      { name: 'Bob (work), Sales', address: 'x@y.example' },
      { name: '', address: 'z@w.example' },
    ]);
    expect(parseAddressList('x@y.example (a \\) , b), z@w.example')).toEqual([
      { name: 'a ) , b', address: 'x@y.example' },
      { name: '', address: 'z@w.example' },
    ]);
  });

  it('never splits inside angle brackets, and reads a colon after an address as part of it, not a group', () => {
    expect(parseAddressList('Odd <weird,addr@example.com>')).toEqual([
      { name: 'Odd', address: 'weird,addr@example.com' },
    ]);
    expect(parseAddressList('a@example.com:x')).toEqual([{ name: '', address: 'a@example.com:x' }]);
  });
});

describe('address lists: names and addresses', () => {
  it('keeps parentheses inside a quoted name, and a comment inside a name stands for a space', () => {
    expect(parseAddressList('"Smith (CEO)" <a@example.com>')[0]!.name).toBe('Smith (CEO)');
    expect(parseAddressList('Ann(Sales)Lee <a@example.com>')[0]!.name).toBe('Ann Lee');
  });

  it('reads the old comment form with several or unclosed comments', () => {
    expect(parseAddressList('a@example.com (Bob) (Smith)')).toEqual([{ name: 'Bob Smith', address: 'a@example.com' }]);
    expect(parseAddressList('a@example.com (Bob')).toEqual([{ name: 'Bob', address: 'a@example.com' }]);
  });

  it('reads the address between brackets without spaces or a source route, and an unclosed bracket as written', () => {
    expect(parseAddressList('< a@example.com >')[0]!.address).toBe('a@example.com');
    expect(parseAddressList('<@relay.example:user@example.com>')[0]!.address).toBe('user@example.com');
    expect(parseAddressList('<a@example.com')[0]!.address).toBe('<a@example.com');
  });

  it('drops a part that holds neither an address nor a name', () => {
    expect(parseAddressList('()')).toEqual([]);
  });

  it('reads the domain of an address literal, and no domain without an @', () => {
    expect(domainOf('a@[192.0.2.1]')).toBe('192.0.2.1');
    expect(domainOf('no-at-sign')).toBe('');
  });
});

describe('an address disguised in a display name', () => {
  it('is found in capitals and with digits', () => {
    expect(addressInName('Security@PayPal-Support.COM via Alerts')).toBe('Security@PayPal-Support.COM');
    expect(addressInName('x@mail2.example0.com')).toBe('x@mail2.example0.com');
  });

  it('needs a local part and a domain of two labels or more', () => {
    expect(addressInName('@example.com')).toBeNull();
    expect(addressInName('a@localhost')).toBeNull();
    expect(addressInName('write to a@example. now')).toBeNull();
  });
});

describe('IP addresses', () => {
  it('accepts "::" standing for one group and trims the text around an address', () => {
    expect(parseIp('1:2:3:4::5:6:7')?.text).toBe('1:2:3:4:0:5:6:7');
    expect(parseIp(' 192.0.2.1 ')?.text).toBe('192.0.2.1');
    expect(parseIp('192.0.2.10:25')?.text).toBe('192.0.2.10');
  });

  it('rejects an IPv4 part before the end, a group of five digits, and text around brackets', () => {
    for (const input of ['::192.0.2.1:1', '1:2:3:4:5:6:7:12345', 'x[192.0.2.1]', '[192.0.2.1]x']) {
      expect(parseIp(input), input).toBeNull();
    }
  });

  it('writes IPv6 the RFC 5952 way: the longest run of two or more zero groups, the first of equal runs', () => {
    expect(parseIp('2001:db8:0:1:1:1:1:1')?.text).toBe('2001:db8:0:1:1:1:1:1');
    expect(parseIp('2001:0:0:1:0:0:0:1')?.text).toBe('2001:0:0:1::1');
    expect(parseIp('2001:db8:0:0:1:0:0:1')?.text).toBe('2001:db8::1:0:0:1');
    expect(parseIp('2001:db8:1:2:3:4:5:6')?.text).toBe('2001:db8:1:2:3:4:5:6');
  });

  it('unwraps only ::ffff:a.b.c.d, not an address that merely looks like it', () => {
    for (const input of ['1::ffff:203.0.113.9', '::ff:cb00:7109', '::ff00:cb00:7109']) {
      expect(parseIp(input)?.version, input).toBe(6);
    }
  });

  it('never checks an IPv4 address against an IPv6 network (32.2.x.x is not 6to4)', () => {
    expect(isPublicIp(parseIp('32.2.10.1')!)).toBe(true);
  });
});

describe('dates', () => {
  it('applies a positive offset, with or without a colon, and reads a date without a zone as UTC', () => {
    const tenUtc = Date.UTC(2024, 10, 5, 10, 0, 0);
    expect(parseMailDate('Tue, 5 Nov 2024 15:30:00 +0530')).toBe(tenUtc);
    expect(parseMailDate('Tue, 5 Nov 2024 15:30:00 +05:30')).toBe(tenUtc);
    expect(parseMailDate('Tue, 5 Nov 2024 10:00:00')).toBe(tenUtc);
  });

  it('reads two-digit years 49 and 50 on each side of the century, and refuses an unknown month', () => {
    expect(parseMailDate('5 Nov 49 10:00 +0000')).toBe(Date.UTC(2049, 10, 5, 10, 0, 0));
    expect(parseMailDate('5 Nov 50 10:00 +0000')).toBe(Date.UTC(1950, 10, 5, 10, 0, 0));
    expect(parseMailDate('Tue, 5 Foo 2024 10:00:00 +0000')).toBeNull();
  });
});

describe('encoded words', () => {
  it('decodes base64 with padding and a last full group, and leaves an impossible length as written', () => {
    expect(decodeEncodedWords('=?UTF-8?B?YQ==?=')).toBe('a');
    expect(decodeEncodedWords('=?UTF-8?B?YWJj?=')).toBe('abc');
    expect(decodeEncodedWords('=?UTF-8?B?YWJjZ?=')).toBe('=?UTF-8?B?YWJjZ?=');
  });
});

describe('unfolding and folding', () => {
  it('drops a byte-order mark, and a body follows only when a line after the blank one holds text', () => {
    expect(unfold('\uFEFFFrom: a@example.com').lines.map((line) => line.text)).toEqual(['From: a@example.com']);
    expect(unfold('From: a@example.com\n\n \n').bodyFollows).toBe(false);
    const spaced = unfold('From: a@example.com\n   \nTo: b@example.com');
    expect([spaced.lines.length, spaced.bodyFollows]).toEqual([1, true]);
  });

  it('folds a long value at spaces into lines of at most the width, never leaving the name alone', () => {
    const value = Array.from({ length: 30 }, (_, index) => `word${index}`).join(' ');
    const lines = serializeFields([{ name: 'Subject', value }], 40).split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((line) => line.length <= 40)).toBe(true);
    expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true);
    expect(serializeFields([{ name: 'X', value: 'a'.repeat(50) }], 20)).toBe(`X: ${'a'.repeat(50)}`);
  });
});
