/**
 * The two lookups behind the analyzer's judgements: which domains belong to
 * one organisation (the mismatch warnings, DMARC alignment, the receiving
 * side) and which large shared service a server belongs to (block the
 * return-path, not the address). Written to kill the mutants of domains.ts
 * and shared-providers.ts (README "Mutation testing").
 */
import { describe, expect, it } from 'vitest';
import { isHostName, normaliseDomain, orgDomain, sameOrganisation } from '../../../src/lib/headers/domains';
import { parseIp } from '../../../src/lib/headers/ip';
import { sharedProvider } from '../../../src/lib/headers/shared-providers';

describe('normaliseDomain', () => {
  it('trims, lowercases and drops one trailing dot, and nothing else', () => {
    expect(normaliseDomain(' Mail.Example.COM. ')).toBe('mail.example.com');
    expect(normaliseDomain('a.b.example')).toBe('a.b.example');
  });
});

describe('orgDomain', () => {
  it('keeps the last two labels, or three under a two-label public suffix', () => {
    expect(orgDomain('bounce.mail.example.com')).toBe('example.com');
    expect(orgDomain('mail.example.co.uk')).toBe('example.co.uk');
    expect(orgDomain('a.b.example.com.au')).toBe('example.com.au');
    expect(orgDomain('Example.COM.')).toBe('example.com');
    expect(orgDomain('co.uk')).toBe('co.uk');
    expect(orgDomain('localhost')).toBe('localhost');
  });

  it('ignores empty labels', () => {
    expect(orgDomain('mail.example..com')).toBe('example.com');
    expect(orgDomain('.example.com')).toBe('example.com');
  });
});

describe('sameOrganisation', () => {
  it('compares organisational domains, and never matches an empty one', () => {
    expect(sameOrganisation('mail.example.com', 'bounce.example.com')).toBe(true);
    expect(sameOrganisation('example.co.uk', 'other.co.uk')).toBe(false);
    expect(sameOrganisation('example.com', 'example.org')).toBe(false);
    expect(sameOrganisation('', '')).toBe(false);
    expect(sameOrganisation('', 'example.com')).toBe(false);
    expect(sameOrganisation('example.com', '')).toBe(false);
    // "." has no labels: its organisational domain is empty too, yet it is no match for a missing domain.
    expect(sameOrganisation('.', '')).toBe(false);
    expect(sameOrganisation('', '.')).toBe(false);
  });
});

describe('isHostName', () => {
  it('accepts names of two labels or more, in any case, with a trailing dot', () => {
    expect(isHostName('mail.example.com')).toBe(true);
    expect(isHostName('MX1.Example.COM.')).toBe(true);
    expect(isHostName('_dmarc.example.com')).toBe(true);
    expect(isHostName('mail.123.example')).toBe(true);
  });

  it('refuses one label, addresses, digits-only names and bad labels', () => {
    expect(isHostName('localhost')).toBe(false);
    expect(isHostName('192.0.2.1')).toBe(false);
    expect(isHostName('mail.example.123')).toBe(false);
    expect(isHostName('-mail.example.com')).toBe(false);
    expect(isHostName('mail.-example.com')).toBe(false);
    expect(isHostName('mail..example.com')).toBe(false);
    expect(isHostName('mail.example.com:25')).toBe(false);
    expect(isHostName('[192.0.2.1]')).toBe(false);
    expect(isHostName('')).toBe(false);
  });

  it('allows labels of up to 63 characters and names of up to 253', () => {
    expect(isHostName(`${'a'.repeat(63)}.example`)).toBe(true);
    expect(isHostName(`${'a'.repeat(64)}.example`)).toBe(false);
    // 4 labels of 63 and one dot each, minus two characters: 253 in all.
    const label = 'a'.repeat(63);
    const name253 = `${label}.${label}.${label}.${'b'.repeat(61)}`;
    expect(name253).toHaveLength(253);
    expect(isHostName(name253)).toBe(true);
    expect(isHostName(`${label}.${label}.${label}.${'b'.repeat(62)}`)).toBe(false);
  });
});

describe('sharedProvider', () => {
  it('recognises a provider by a server name, in any case, with or without a trailing dot', () => {
    expect(sharedProvider(null, ['mail-wr1-f41.google.com'])).toBe('Google (Gmail, Google Workspace)');
    expect(sharedProvider(null, ['MAIL-SOR-F41.GoogleMail.com.'])).toBe('Google (Gmail, Google Workspace)');
    expect(sharedProvider(null, ['google.com'])).toBe('Google (Gmail, Google Workspace)');
    expect(sharedProvider(null, ['o1.ptr1234.sendgrid.net'])).toBe('SendGrid');
  });

  it('does not take a name that only ends with a provider’s letters', () => {
    expect(sharedProvider(null, ['notgoogle.com'])).toBeNull();
    expect(sharedProvider(null, ['google.com.attacker.example'])).toBeNull();
  });

  it('reads every name given, skipping missing ones, before the address', () => {
    expect(sharedProvider(parseIp('209.85.220.41'), [null, 'mail.zoho.com'])).toBe('Zoho Mail');
    expect(sharedProvider(null, [null, 'smtp.web.de'])).toBe('GMX and WEB.DE');
  });

  it('recognises a provider by its published sending ranges, IPv4 and IPv6', () => {
    expect(sharedProvider(parseIp('209.85.220.41'), [])).toBe('Google (Gmail, Google Workspace)');
    expect(sharedProvider(parseIp('2a00:1450:4864:20::541'), ['unknown'])).toBe('Google (Gmail, Google Workspace)');
    expect(sharedProvider(parseIp('40.107.22.58'), [null])).toBe('Microsoft (Outlook.com, Microsoft 365)');
    expect(sharedProvider(parseIp('17.58.63.1'), [])).toBe('Apple iCloud Mail');
  });

  it('finds none for an address outside every range, or without address or name', () => {
    expect(sharedProvider(parseIp('198.51.100.7'), ['mail.example.org'])).toBeNull();
    expect(sharedProvider(null, [])).toBeNull();
    expect(sharedProvider(null, [null])).toBeNull();
  });
});
