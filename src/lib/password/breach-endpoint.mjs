/**
 * Where the opt-in breach check sends its 5-character prefix: a build setting,
 * PUBLIC_BREACH_CHECK_URL (tests point it at a server on 127.0.0.1). The
 * page's Content-Security-Policy allows connections to this origin and no
 * other (astro.config.mjs).
 */
const DEFAULT_BREACH_CHECK_URL = 'https://api.pwnedpasswords.com/range/';

/** The configured endpoint, checked: an absolute http(s) URL ending in "/", so the prefix is appended. */
export function breachCheckUrl(configured = '') {
  const value = configured.trim() || DEFAULT_BREACH_CHECK_URL;
  const url = new URL(value);
  if (!['https:', 'http:'].includes(url.protocol) || !value.endsWith('/')) {
    throw new Error(`PUBLIC_BREACH_CHECK_URL must be an http(s) URL ending in "/", got ${JSON.stringify(value)}`);
  }
  return value;
}
