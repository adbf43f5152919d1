/**
 * Authentication-Results (RFC 8601) and Received-SPF (RFC 7208 section 9.1),
 * both read by one pass of the structured-field scanner.
 *
 *   Authentication-Results: mx.example.net; spf=pass (comment) smtp.mailfrom=a.example;
 *     dkim=pass header.d=a.example header.s=s1; dmarc=pass header.from=a.example
 *
 * Comments and folding may sit between any two tokens ("dkim (c) / 1 (c) =
 * (c) fail", RFC 8601 appendix B.7); a quoted value may hold a semicolon.
 * Exchange Online leaves out the authserv-id and starts with the first
 * result; some servers separate results with spaces instead of semicolons.
 * Both are read: a new result starts at any "method=result" of a known
 * method.
 */
import { parseIp } from './ip';
import { StructuredScanner } from './structured-scanner';

export interface AuthResult {
  /** Lowercase method: spf, dkim, dmarc, arc, compauth, iprev, ... */
  method: string;
  /** Lowercase result word as written (hardfail read as fail): pass, fail, softfail, neutral, none, ... */
  result: string;
  /** False for a word outside the IANA registry ("dkim_pass"): shown as written, never taken for a pass. */
  standard: boolean;
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

/** Result words of the IANA Email Authentication Result Names registry (RFC 8601 section 2.7). */
const STANDARD_RESULTS = new Set([
  'pass',
  'fail',
  'softfail',
  'neutral',
  'none',
  'temperror',
  'permerror',
  'policy',
  'discard',
  'nxdomain',
  'signed',
  'unknown',
]);
/** Older words with one registered meaning. */
const SYNONYMS: Record<string, string> = { hardfail: 'fail' };

function resultWord(written: string): { result: string; standard: boolean } {
  const word = written.toLowerCase();
  const result = SYNONYMS[word] ?? word;
  return { result, standard: STANDARD_RESULTS.has(result) };
}

/** "header . d" and "header.d" alike: the dot may have CFWS around it. */
function readKey(scanner: StructuredScanner): string {
  let key = scanner.value(';=/.');
  scanner.skipCfws();
  while (scanner.peek() === '.') {
    scanner.advance();
    scanner.skipCfws();
    key += `.${scanner.value(';=/.')}`;
    scanner.skipCfws();
  }
  return key.toLowerCase();
}

/** The authserv-id and its optional version, unless the field starts with a result (Exchange Online). */
function readAuthservId(scanner: StructuredScanner, value: string): string | null {
  scanner.skipCfws();
  const probe = new StructuredScanner(value);
  probe.skipCfws();
  readKey(probe);
  if ('=/'.includes(probe.peek()) && probe.peek() !== '') return null;
  const id = scanner.value(';').toLowerCase();
  scanner.skipCfws();
  scanner.takeComments();
  return id === '' ? null : id;
}

export function parseAuthenticationResults(value: string): AuthResultsField {
  const scanner = new StructuredScanner(value);
  const authservId = readAuthservId(scanner, value);
  const results: AuthResult[] = [];
  let current: AuthResult | null = null;
  while (true) {
    scanner.skipCfws();
    if (current) current.comments.push(...scanner.takeComments());
    if (scanner.done) break;
    if (scanner.peek() === ';') {
      scanner.advance();
      current = null;
      scanner.takeComments();
      continue;
    }
    const key = readKey(scanner);
    if (scanner.peek() === '/') {
      // A method version ("dkim/1"): read and set aside. A stray one ("/ 1" with no method before it) is all there
      // is to read: the next word is a key of its own, read whole on the next turn.
      scanner.advance();
      scanner.skipCfws();
      scanner.value(';=');
      scanner.skipCfws();
      if (key === '') continue;
    }
    if (scanner.peek() !== '=') {
      // A stray word (a version number after the authserv-id, "none"): nothing to keep.
      if (key === '' && !scanner.done) scanner.advance();
      continue;
    }
    scanner.advance();
    scanner.skipCfws();
    const written = scanner.value(';');
    if (key === '') continue;
    const startsResult = !key.includes('.') && key !== 'reason' && (METHODS.has(key) || current === null);
    if (startsResult) {
      current = { method: key, ...resultWord(written), props: {}, comments: scanner.takeComments() };
      results.push(current);
    } else if (current) {
      current.props[key] = written;
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
  /** The host that wrote it: receiver=, or the name before the colon opening the comment ("mx.example.net: domain of ..."). */
  receiver: string | null;
}

/** The word after `label` in `text` (case-insensitive), or null: indexOf and a scan, no backtracking. */
function wordAfter(text: string, label: string): string | null {
  const at = text.toLowerCase().indexOf(label);
  if (at === -1) return null;
  let start = at + label.length;
  while (start < text.length && /\s/.test(text[start]!)) start += 1;
  let end = start;
  while (end < text.length && !/\s/.test(text[end]!)) end += 1;
  return end > start ? text.slice(start, end) : null;
}

export function parseReceivedSpf(value: string): ReceivedSpf {
  const scanner = new StructuredScanner(value);
  scanner.skipCfws();
  const result = resultWord(scanner.value(';=')).result || 'none';
  const pairs = new Map<string, string>();
  while (true) {
    scanner.skipCfws();
    if (scanner.done) break;
    const key = scanner.value(';=').toLowerCase();
    scanner.skipCfws();
    if (scanner.peek() === '=') {
      scanner.advance();
      scanner.skipCfws();
      pairs.set(key, scanner.value(';'));
    } else if (key === '') {
      scanner.advance();
    }
  }
  const comment = scanner.takeComments()[0] ?? '';
  const lower = comment.toLowerCase();
  // "designates 192.0.2.1 as permitted sender"; a server that leaves the address out must not make "as" one.
  const designatedWord =
    lower.includes(' as permitted') || lower.includes(' as a permitted') ? wordAfter(comment, 'designates ') : null;
  const designated = designatedWord !== null && parseIp(designatedWord) ? designatedWord : null;
  const transitioning = wordAfter(comment, 'domain of transitioning ');
  const domainOfWord = transitioning ?? wordAfter(comment, 'domain of ');
  const colon = comment.indexOf(':');
  const namedInComment = colon > 0 && !/\s/.test(comment.slice(0, colon)) ? comment.slice(0, colon) : null;
  const receiver = pairs.get('receiver') ?? namedInComment;
  const mailFrom = pairs.get('envelope-from') ?? pairs.get('smtp.mailfrom') ?? domainOfWord;
  return {
    result,
    clientIp: pairs.get('client-ip') ?? designated ?? wordAfter(comment, 'sender ip is '),
    mailFrom: mailFrom?.replace(/^<|>$/g, '') || null,
    receiver: receiver && !receiver.startsWith('<') ? receiver.toLowerCase() : null,
  };
}
