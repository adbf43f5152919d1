/**
 * Organisational domains, for "same sender?" comparisons: mail.example.co.uk
 * and bounce.example.co.uk both belong to example.co.uk.
 *
 * This is the relaxed alignment of DMARC (RFC 7489 section 3.1) with a small
 * built-in list of two-label public suffixes instead of the full Public
 * Suffix List (about 200 KB): enough for the suffixes mail commonly comes
 * from, and wrong only in the safe direction (two senders under an unlisted
 * suffix look the same, so a mismatch warning may be missed, never invented).
 */

const TWO_LABEL_SUFFIXES = new Set([
  'ac.uk',
  'co.uk',
  'gov.uk',
  'ltd.uk',
  'me.uk',
  'net.uk',
  'org.uk',
  'plc.uk',
  'nhs.uk',
  'com.au',
  'net.au',
  'org.au',
  'edu.au',
  'gov.au',
  'asn.au',
  'id.au',
  'co.nz',
  'net.nz',
  'org.nz',
  'govt.nz',
  'ac.nz',
  'co.jp',
  'ne.jp',
  'or.jp',
  'ac.jp',
  'go.jp',
  'co.kr',
  'or.kr',
  'co.in',
  'net.in',
  'org.in',
  'firm.in',
  'gen.in',
  'ind.in',
  'co.za',
  'org.za',
  'web.za',
  'co.il',
  'org.il',
  'ac.il',
  'co.id',
  'or.id',
  'com.ar',
  'com.br',
  'net.br',
  'org.br',
  'com.mx',
  'org.mx',
  'com.co',
  'com.pe',
  'com.ve',
  'com.uy',
  'com.ec',
  'com.cn',
  'net.cn',
  'org.cn',
  'com.hk',
  'org.hk',
  'com.tw',
  'org.tw',
  'com.sg',
  'com.my',
  'com.ph',
  'com.vn',
  'com.pk',
  'com.tr',
  'org.tr',
  'com.sa',
  'com.eg',
  'com.ng',
  'co.ke',
  'com.ua',
  'co.th',
  'in.th',
]);

/** Lowercase, no trailing dot. */
export function normaliseDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.$/, '');
}

export function orgDomain(domain: string): string {
  const labels = normaliseDomain(domain)
    .split('.')
    .filter((label) => label !== '');
  if (labels.length <= 2) return labels.join('.');
  const lastTwo = labels.slice(-2).join('.');
  return labels.slice(TWO_LABEL_SUFFIXES.has(lastTwo) ? -3 : -2).join('.');
}

export function sameOrganisation(a: string, b: string): boolean {
  return a !== '' && b !== '' && orgDomain(a) === orgDomain(b);
}

/** A DNS host name with at least two labels (not "localhost", not an address). */
export function isHostName(text: string): boolean {
  const name = normaliseDomain(text);
  return (
    name.length <= 253 &&
    /^(?=.*[a-z])[a-z0-9_](?:[a-z0-9_-]{0,62})(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}))+$/.test(name) &&
    !/\.\d+$/.test(name)
  );
}
