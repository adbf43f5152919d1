/**
 * Authentication-Results (RFC 8601) and Received-SPF (RFC 7208 section 9.1).
 *
 *   Authentication-Results: mx.example.net; spf=pass (comment) smtp.mailfrom=a.example;
 *     dkim=pass header.d=a.example header.s=s1; dmarc=pass header.from=a.example
 *
 * Exchange Online leaves out the authserv-id and starts with the first
 * result; some servers separate results with spaces instead of semicolons.
 * Both are read: a new result starts at any "method=result" of a known method.
 */
import { splitComments } from './addresses';
import { commentTokens } from './comment-tokens';

export interface AuthResult {
  /** Lowercase method: spf, dkim, dmarc, arc, compauth, iprev, ... */
  method: string;
  /** Lowercase result word: pass, fail, softfail, neutral, none, temperror, permerror, policy, ... */
  result: string;
  /** Properties such as smtp.mailfrom, header.d, header.from (keys lowercase, values as written). */
  props: Record<string, string>;
  /** The comments written with this result, e.g. "sender IP is 192.0.2.1". */
  comments: string[];
}

export interface AuthResultsField {
  /** The server that wrote it; null in the Exchange Online form. */
  authservId: string | null;
  results: AuthResult[];
}

const METHODS = new Set([
  'auth',
  'dkim',
  'dkim-adsp',
  'dkim-atps',
  'domainkeys',
  'sender-id',
  'spf',
  'iprev',
  'dmarc',
  'arc',
  'bimi',
  'compauth',
  'rrvs',
  'smime',
  'vbr',
  'dnswl',
  'x-google-dkim',
]);
const RESULT_TOKEN = /^([a-z][a-z0-9-]*)(?:\/\d+)?=([a-z]+)$/i;

/** Words of a piece of text outside comments, with each comment attached to the word before it. */
function words(text: string): { word: string; comments: string[] }[] {
  const out: { word: string; comments: string[] }[] = [];
  for (const token of commentTokens(text, { quotes: true })) {
    if (token.kind === 'word') out.push({ word: token.text, comments: [] });
    else if (!token.closed) continue;
    else if (out.length > 0) out.at(-1)!.comments.push(token.text.trim());
    else out.push({ word: '', comments: [token.text.trim()] });
  }
  return out;
}

function splitSemicolons(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index];
    if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (char === ';' && depth === 0) {
      parts.push(value.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

export function parseAuthenticationResults(value: string): AuthResultsField {
  const segments = splitSemicolons(value);
  let authservId: string | null = null;
  const firstWords = words(segments[0] ?? '').filter((entry) => entry.word !== '');
  const firstIsResult = firstWords.some(
    (entry) => RESULT_TOKEN.test(entry.word) && METHODS.has(RESULT_TOKEN.exec(entry.word)![1]!.toLowerCase()),
  );
  if (!firstIsResult) {
    authservId = firstWords[0]?.word.toLowerCase() ?? null;
    segments.shift();
  }
  const results: AuthResult[] = [];
  let current: AuthResult | null = null;
  for (const segment of segments) {
    current = null;
    for (const { word, comments } of words(segment)) {
      const result = RESULT_TOKEN.exec(word);
      const method = result?.[1]!.toLowerCase();
      if (result && method && (METHODS.has(method) || current === null) && method !== 'reason') {
        current = { method, result: result[2]!.toLowerCase(), props: {}, comments: [...comments] };
        results.push(current);
        continue;
      }
      if (!current) continue;
      current.comments.push(...comments);
      const equals = word.indexOf('=');
      if (equals > 0) current.props[word.slice(0, equals).toLowerCase()] = word.slice(equals + 1);
    }
  }
  // "none" alone means the server checked nothing; it is not a method.
  return { authservId, results: results.filter((entry) => entry.method !== 'none') };
}

export interface ReceivedSpf {
  result: string;
  /** client-ip= or the address in the comment ("designates 192.0.2.1 as permitted sender"). */
  clientIp: string | null;
  /** envelope-from= / smtp.mailfrom, or the domain named in the comment. */
  mailFrom: string | null;
}

export function parseReceivedSpf(value: string): ReceivedSpf {
  const result = /^\s*([a-z]+)/i.exec(value)?.[1]?.toLowerCase() ?? 'none';
  const { rest, comments } = splitComments(value);
  const pairs = new Map<string, string>();
  for (const match of rest.matchAll(/([a-z][a-z0-9.-]*)\s*=\s*("(?:[^"\\]|\\.)*"|[^\s;]+)/gi)) {
    pairs.set(match[1]!.toLowerCase(), match[2]!.replace(/^"|"$/g, ''));
  }
  const comment = comments.join(' ');
  const designated =
    /designates\s+(\S+)\s+as\s+permitted/i.exec(comment)?.[1] ?? /sender IP is\s+(\S+)/i.exec(comment)?.[1] ?? null;
  const domainOf = /domain of\s+(?:transitioning\s+)?(\S+?)(?:\s|$)/i.exec(comment)?.[1] ?? null;
  const mailFrom = pairs.get('envelope-from') ?? pairs.get('smtp.mailfrom') ?? domainOf;
  return { result, clientIp: pairs.get('client-ip') ?? designated, mailFrom: mailFrom?.replace(/^<|>$/g, '') || null };
}
