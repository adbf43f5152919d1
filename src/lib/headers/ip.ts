/**
 * IP addresses as they appear in headers: parse, normalise, classify.
 *
 * An address is kept as its canonical text (IPv4 dotted quad, IPv6 in the
 * RFC 5952 short form) plus its bytes, so that ranges can be checked and the
 * same address written two ways compares equal. `::ffff:a.b.c.d` (an IPv4
 * client seen by a dual-stack server) is unwrapped to the IPv4 address.
 */

export interface Ip {
  version: 4 | 6;
  /** Canonical text, what a person copies into the blocklist. */
  text: string;
  /** 4 or 16 bytes. */
  bytes: number[];
}

function parseIpv4Bytes(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    // No leading zeros: "010" is octal to some parsers and a typo to others.
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes.push(value);
  }
  return bytes;
}

function parseIpv6Bytes(text: string): number[] | null {
  if (text.length > 45 || !/^[0-9a-f:.]+$/i.test(text)) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (half: string): number[] | null => {
    if (half === '') return [];
    const words: number[] = [];
    const parts = half.split(':');
    for (let index = 0; index < parts.length; index += 1) {
      const part = parts[index]!;
      if (index === parts.length - 1 && part.includes('.')) {
        const v4 = parseIpv4Bytes(part);
        if (!v4) return null;
        words.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-f]{1,4}$/i.test(part)) {
        words.push(parseInt(part, 16));
      } else {
        return null;
      }
    }
    return words;
  };
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (!head || !tail) return null;
  let words: number[];
  if (halves.length === 2) {
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return null;
    words = [...head, ...new Array<number>(missing).fill(0), ...tail];
  } else {
    if (head.length !== 8) return null;
    words = head;
  }
  return words.flatMap((word) => [word >> 8, word & 0xff]);
}

/** RFC 5952: lowercase, no leading zeros, the longest run (of two or more) of zero groups as "::". */
function formatIpv6(bytes: number[]): string {
  const words: number[] = [];
  for (let index = 0; index < 16; index += 2) words.push((bytes[index]! << 8) | bytes[index + 1]!);
  let bestStart = -1;
  let bestLength = 0;
  for (let start = 0; start < 8;) {
    if (words[start] !== 0) {
      start += 1;
      continue;
    }
    let end = start;
    while (end < 8 && words[end] === 0) end += 1;
    if (end - start > bestLength && end - start >= 2) {
      bestStart = start;
      bestLength = end - start;
    }
    start = end;
  }
  const hex = words.map((word) => word.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/**
 * Parses an address written as it is in headers: bare, in brackets,
 * `IPv6:`-tagged (RFC 5321 address literals), with a zone or a port after
 * the brackets. Returns null for anything else.
 */
export function parseIp(input: string): Ip | null {
  let text = input.trim();
  if (text.length > 60) return null;
  const bracketed = /^\[([^\]]*)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  // Inside the brackets some servers add the client's port ("[192.0.2.1:51234]") or an IPv6 zone.
  text = text
    .replace(/^ipv6:/i, '')
    .replace(/%[\w.-]+$/, '')
    .replace(/^((?:\d{1,3}\.){3}\d{1,3}):\d{1,5}$/, '$1');
  const v4 = parseIpv4Bytes(text);
  if (v4) return { version: 4, text: v4.join('.'), bytes: v4 };
  const v6 = parseIpv6Bytes(text);
  if (!v6) return null;
  // ::ffff:a.b.c.d, an IPv4 client written the IPv6 way.
  if (v6.slice(0, 10).every((byte) => byte === 0) && v6[10] === 0xff && v6[11] === 0xff) {
    const unwrapped = v6.slice(12);
    return { version: 4, text: unwrapped.join('.'), bytes: unwrapped };
  }
  return { version: 6, text: formatIpv6(v6), bytes: v6 };
}

/** A network in CIDR form, parsed once. */
export interface Cidr {
  base: Ip;
  prefix: number;
}

export function parseCidr(text: string): Cidr {
  const [address, prefix] = text.split('/');
  const base = parseIp(address ?? '');
  if (!base) throw new Error(`Not a network: ${text}`);
  return { base, prefix: Number(prefix ?? (base.version === 4 ? 32 : 128)) };
}

export function inCidr(ip: Ip, cidr: Cidr): boolean {
  if (ip.version !== cidr.base.version) return false;
  let bits = cidr.prefix;
  for (let index = 0; bits > 0; index += 1, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((ip.bytes[index]! & mask) !== (cidr.base.bytes[index]! & mask)) return false;
  }
  return true;
}

/**
 * Addresses that say nothing about where a message came from on the
 * internet: a server records them for its own network or a proxy. The
 * documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24,
 * 2001:db8::/32) are left out on purpose: they never occur in real headers,
 * and examples use them to stand for public addresses.
 */
const NOT_PUBLIC = [
  '0.0.0.0/8', // "this network"
  '10.0.0.0/8', // private (RFC 1918)
  '100.64.0.0/10', // carrier-grade NAT (RFC 6598)
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link-local
  '172.16.0.0/12', // private
  '192.0.0.0/24', // IETF protocol assignments
  '192.168.0.0/16', // private
  '198.18.0.0/15', // benchmarking
  '224.0.0.0/3', // multicast and reserved, up to 255.255.255.255
  '::/8', // reserved by the IETF: unspecified, loopback, IPv4-compatible (::a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d)
  '64:ff9b:1::/48', // local-use NAT64
  '100::/64', // discard-only
  'fc00::/7', // unique local (ULA)
  'fe80::/10', // link-local
  'fec0::/10', // deprecated site-local
  'ff00::/8', // multicast
].map(parseCidr);

/**
 * IPv6 forms that carry an IPv4 address inside (RFC 6052 NAT64, RFC 3056 6to4), with where it
 * sits: they are only as public as the address they carry, so "2002:a00:1::1" (10.0.0.1) is not.
 */
const EMBEDDING = [
  { cidr: parseCidr('64:ff9b::/96'), at: 12 },
  { cidr: parseCidr('2002::/16'), at: 2 },
];

export function isPublicIp(ip: Ip): boolean {
  // First: 64:ff9b::/96 lies inside the reserved ::/8 but is public when what it carries is.
  const embedding = EMBEDDING.find(({ cidr }) => inCidr(ip, cidr));
  if (embedding) {
    const bytes = ip.bytes.slice(embedding.at, embedding.at + 4);
    return isPublicIp({ version: 4, text: bytes.join('.'), bytes });
  }
  return !NOT_PUBLIC.some((cidr) => inCidr(ip, cidr));
}

/**
 * Addresses written as words of their own in a piece of text ("192.0.2.1",
 * "[2001:db8::1]", "IPv6:::1"), in order. A version number such as
 * "tags/4.4.1.0" is part of a longer word, so it is not taken for an address.
 */
export function ipWords(text: string): Ip[] {
  const found: Ip[] = [];
  for (const word of text.split(/[\s,;()]+/)) {
    // Most words are names and keywords: skip them before the full parse.
    if (!ADDRESS_LIKE.test(word)) continue;
    const ip = parseIp(word);
    if (ip) found.push(ip);
  }
  return found;
}

const ADDRESS_LIKE = /^\[?(?:ipv6:)?[\da-f]*[.:][\da-f.:]*(?:%[\w.-]+)?\]?(?::\d{1,5})?$/i;
