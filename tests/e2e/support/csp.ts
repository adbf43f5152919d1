/**
 * Content Security Policy and `_headers` parsing for the security tests: the
 * policy as directives to compare exactly, and the header rules matched the
 * way static hosts match them, written apart from scripts/serve.mjs so that a
 * bug there cannot hide behind the same bug here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { breachCheckUrl } from '../../../src/lib/password/breach-endpoint.mjs';

/** Directive name -> its sources, in order. Throws on a directive given twice (browsers ignore the second). */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (!name) continue;
    if (directives.has(name.toLowerCase())) throw new Error(`directive ${name} appears twice in: ${policy}`);
    directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * The one origin beside 'self' that a page may connect to: the password meter's
 * opt-in breach check, from the same setting the build reads (PUBLIC_BREACH_CHECK_URL,
 * with the same default).
 */
function breachCheckOrigins(): string[] {
  return [new URL(breachCheckUrl(process.env.PUBLIC_BREACH_CHECK_URL)).origin];
}

const HASH = /^'sha(256|384|512)-[A-Za-z0-9+/]+={0,2}'$/;

/** Every way the page policy differs from the one promised in README and SECURITY.md; empty when exact. */
export function pagePolicyProblems(policy: string): string[] {
  const directives = parsePolicy(policy);
  const problems: string[] = [];
  const exact: Record<string, string[]> = {
    'default-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'worker-src': ["'self'"],
    'connect-src': ["'self'", ...breachCheckOrigins()],
    'upgrade-insecure-requests': [],
  };
  for (const [name, sources] of Object.entries(exact)) {
    const actual = directives.get(name);
    if (actual === undefined) problems.push(`${name} is missing`);
    else if (JSON.stringify([...actual].sort()) !== JSON.stringify([...sources].sort()))
      problems.push(`${name} is "${actual.join(' ')}", expected "${sources.join(' ')}"`);
  }
  // Scripts: only this origin, WebAssembly compilation (Pagefind) and the hashes of Astro's inline scripts.
  const hashed: Record<string, string[]> = { 'script-src': ["'self'", "'wasm-unsafe-eval'"], 'style-src': ["'self'"] };
  for (const [name, keywords] of Object.entries(hashed)) {
    const actual = directives.get(name);
    if (actual === undefined) {
      problems.push(`${name} is missing`);
      continue;
    }
    if (!actual.includes("'self'")) problems.push(`${name} lacks 'self'`);
    for (const source of actual)
      if (!keywords.includes(source) && !HASH.test(source)) problems.push(`${name} allows ${source}`);
  }
  const known = new Set([...Object.keys(exact), ...Object.keys(hashed)]);
  for (const name of directives.keys()) if (!known.has(name)) problems.push(`unexpected directive ${name}`);
  return problems;
}

/** One rule of `_headers`: a path pattern (`*` matches any run of characters) and the headers it sets. */
export interface HeaderRule {
  pattern: string;
  headers: [name: string, value: string][];
}

export function readHeaderRules(file = join(import.meta.dirname, '../../../public/_headers')): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const [name, ...value] = line.trim().split(':');
      rules.at(-1)!.headers.push([name!.trim().toLowerCase(), value.join(':').trim()]);
    }
  }
  return rules;
}

export function ruleMatches(pattern: string, pathname: string): boolean {
  const [first, ...rest] = pattern.split('*');
  if (rest.length === 0) return pathname === first;
  if (!pathname.startsWith(first!)) return false;
  let at = first!.length;
  for (const [index, literal] of rest.entries()) {
    if (index === rest.length - 1) return pathname.length - literal.length >= at && pathname.endsWith(literal);
    const found = pathname.indexOf(literal, at);
    if (found === -1) return false;
    at = found + literal.length;
  }
  return true;
}
