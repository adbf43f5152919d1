/**
 * One Received field (RFC 5321 section 4.4) read into its clauses:
 * `from <name> (<what the server saw>) by <server> with <protocol> id <id>
 * for <recipient>; <date>`. Servers write the parts differently; these are
 * the shapes handled:
 *
 *   Postfix, Sendmail: from helo.name (rdns.name [192.0.2.1]) by ...
 *   Gmail:             from mail-f41.google.com (mail-f41.google.com. [209.85.220.41]) by mx.google.com with SMTPS ...
 *   Exim:              from rdns.name ([192.0.2.1]:4321 helo=laptop) by ...   or   from [192.0.2.1] (helo=laptop) by ...
 *   qmail:             from unknown (HELO laptop) (192.0.2.1) by ...
 *   Exchange:          from host.prod.outlook.com (2603:10b6:408:6e::12) by ... (bracket-less address)
 *   Webmail:           from 192.0.2.1 by webmail.example.com with HTTP; ...
 *   Internal notes:    by 2002:a05:... with SMTP id ...   (no from clause)
 */
import { splitComments } from './addresses';
import { parseMailDate } from './dates';
import { isHostName, normaliseDomain } from './domains';
import { ipWords, parseIp, type Ip } from './ip';
import { commentTokens } from './comment-tokens';

interface FromClause {
  /** The name the client announced (HELO/EHLO); the client chooses it. */
  helo: string | null;
  /** The name the server found for the address (reverse DNS), when it wrote one. */
  host: string | null;
  /** The address the server saw the connection come from. */
  ip: Ip | null;
}

interface ByClause {
  host: string | null;
  ip: Ip | null;
}

export interface ReceivedLine {
  raw: string;
  from: FromClause | null;
  by: ByClause | null;
  with: string | null;
  date: string | null;
  /** Epoch milliseconds, or null when the date is missing or unreadable. */
  time: number | null;
  /** False when neither a from nor a by clause could be read: show the raw line. */
  parsed: boolean;
}

const KEYWORDS = new Set(['from', 'by', 'via', 'with', 'id', 'for']);

interface Clause {
  words: string[];
  comments: string[];
}

/** Splits "name-value pairs; date" at the last semicolon outside comments. */
function splitDate(value: string): { clauses: string; date: string | null } {
  let depth = 0;
  let last = -1;
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index];
    if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (char === ';' && depth === 0) last = index;
  }
  if (last === -1) return { clauses: value, date: null };
  return { clauses: value.slice(0, last), date: value.slice(last + 1).trim() || null };
}

/** Words and comments of the clause part, grouped under the keyword that starts each clause. */
function readClauses(text: string): Map<string, Clause> {
  const clauses = new Map<string, Clause>();
  let current: Clause | null = null;
  for (const token of commentTokens(text)) {
    if (token.kind === 'comment') {
      current?.comments.push(token.text);
      continue;
    }
    const keyword = token.text.toLowerCase();
    if (KEYWORDS.has(keyword) && !clauses.has(keyword)) {
      current = { words: [], comments: [] };
      clauses.set(keyword, current);
    } else {
      current?.words.push(token.text);
    }
  }
  return clauses;
}

function hostName(text: string | undefined): string | null {
  if (!text) return null;
  const name = normaliseDomain(text.replace(/^\[|\]$/g, ''));
  return isHostName(name) ? name : null;
}

interface CommentReading {
  /** What the client claimed about itself ("helo=laptop", "HELO laptop"): not evidence. */
  helo: string | null;
  /** The words the server wrote about what it saw, the claim taken out. */
  seen: string[];
}

/**
 * What a server writes about a connection ("name [192.0.2.1]:4321 helo=laptop", a TLS note) is a
 * few hundred characters; only so much of each comment, and so many comments, are read for it,
 * so a 1 MB hostile comment costs no more than a real one.
 */
const COMMENT_READ_LIMIT = 1_000;
const COMMENTS_READ = 8;

/** Splits a from-clause comment into the client's HELO claim and the rest, word by word (linear). */
function readComment(comment: string): CommentReading {
  let helo: string | null = null;
  const seen: string[] = [];
  const words = splitComments(comment.slice(0, COMMENT_READ_LIMIT))
    .rest.split(/\s+/)
    .filter((word) => word !== '');
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    const lower = word.toLowerCase();
    let claim: string | undefined;
    if (lower.startsWith('helo=') || lower.startsWith('ehlo=')) claim = word.slice(5);
    else if (lower === 'helo' || lower === 'ehlo') {
      index += 1;
      claim = words[index];
    } else {
      seen.push(word);
      continue;
    }
    if (claim !== undefined) helo ??= claim.replace(/^\[|\]$/g, '');
  }
  return { helo, seen };
}

function readFrom(clause: Clause): FromClause {
  const first = clause.words[0];
  let ip: Ip | null = null;
  let host: string | null = null;
  let heloInComment: string | null = null;
  for (const comment of clause.comments.slice(0, COMMENTS_READ)) {
    const { helo, seen } = readComment(comment);
    heloInComment ??= helo;
    if (ip) continue;
    // "name [192.0.2.1]" or "[192.0.2.1]:4321": the first bracketed address, with the name before it.
    const bracketAt = seen.findIndex((word) => word.startsWith('[') && parseIp(word) !== null);
    if (bracketAt !== -1) {
      ip = parseIp(seen[bracketAt]!);
      host = hostName(seen[bracketAt - 1]);
      continue;
    }
    const bare = ipWords(seen.join(' '))[0];
    if (bare) {
      ip = bare;
      // "host.example 192.0.2.1" without brackets: the name before the address.
      host = hostName(seen.find((part) => !parseIp(part)));
    }
  }
  // Exim writes the verified name first and the client's claim as helo=.
  if (heloInComment !== null && first && !parseIp(first)) {
    return { helo: heloInComment, host: host ?? hostName(first), ip: ip ?? null };
  }
  const firstIp = first ? parseIp(first) : null;
  return { helo: firstIp ? heloInComment : (first ?? heloInComment), host, ip: ip ?? firstIp };
}

function readBy(clause: Clause): ByClause {
  const first = clause.words[0] ?? null;
  const firstIp = first ? parseIp(first) : null;
  let ip: Ip | null = firstIp;
  for (const comment of clause.comments.slice(0, COMMENTS_READ)) {
    if (ip) break;
    ip = ipWords(comment.slice(0, COMMENT_READ_LIMIT))[0] ?? null;
  }
  return { host: firstIp ? null : (hostName(first ?? undefined) ?? first), ip };
}

export function parseReceived(value: string): ReceivedLine {
  const { clauses: clauseText, date } = splitDate(value);
  const clauses = readClauses(clauseText);
  const fromClause = clauses.get('from');
  const byClause = clauses.get('by');
  const withClause = clauses.get('with');
  return {
    raw: value,
    from: fromClause ? readFrom(fromClause) : null,
    by: byClause ? readBy(byClause) : null,
    with: withClause && withClause.words.length > 0 ? withClause.words.join(' ') : null,
    date,
    time: date ? parseMailDate(date) : null,
    parsed: Boolean(fromClause || byClause),
  };
}
