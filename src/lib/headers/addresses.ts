/**
 * Addresses in From, Reply-To, To, Cc and Return-Path (RFC 5322 section 3.4):
 * `Name <local@domain>`, bare `local@domain`, the old `local@domain (Name)`,
 * quoted names with commas, groups (`Team: a@x, b@y;`) and `<>` (no address:
 * the message is a bounce).
 */
import { decodeEncodedWords } from './encoded-words';

export interface Mailbox {
  /** Display name for reading (encoded words decoded, quotes removed); '' when none. */
  name: string;
  /** The address as written between the angle brackets, never decoded; '' for `<>`. */
  address: string;
}

/**
 * Splits at top-level commas and group markers: not inside quotes, comments
 * or angle brackets. Returns each part with its comments kept.
 */
function splitList(value: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let depth = 0;
  let quoted = false;
  let angle = false;
  // Whether the current part holds an "@" yet: a colon after one is not a group marker.
  let sawAt = false;
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index];
    if (char === '\\' && (quoted || depth > 0)) {
      index += 1;
    } else if (quoted) {
      if (char === '"') quoted = false;
    } else if (depth > 0) {
      if (char === '(') depth += 1;
      else if (char === ')') depth -= 1;
    } else if (char === '"') {
      quoted = true;
    } else if (char === '(') {
      depth = 1;
    } else if (char === '<') {
      angle = true;
    } else if (char === '>') {
      angle = false;
    } else if (char === '@') {
      sawAt = true;
    } else if (!angle && (char === ',' || char === ';' || (char === ':' && !sawAt))) {
      // A colon outside brackets ends a group's name; the name is not a mailbox.
      if (char !== ':') parts.push(value.slice(start, index));
      start = index + 1;
      sawAt = false;
    }
  }
  parts.push(value.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/**
 * Separates comments (nested parentheses, RFC 5322 section 3.2.2) from the
 * rest in one pass, each comment replaced by a space. It slices rather than
 * adding a character at a time, so a 1 MB hostile name costs its length.
 */
export function splitComments(text: string): { rest: string; comments: string[] } {
  const rest: string[] = [];
  const found: string[] = [];
  let comment: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (depth === 0) {
      if (char === '\\' && quoted) index += 1;
      else if (char === '"') quoted = !quoted;
      else if (char === '(' && !quoted) {
        rest.push(text.slice(start, index), ' ');
        depth = 1;
        comment = [];
        start = index + 1;
      }
    } else if (char === '\\') {
      comment.push(text.slice(start, index), text[index + 1] ?? '');
      index += 1;
      start = index + 1;
    } else if (char === '(') {
      depth += 1;
    } else if (char === ')') {
      depth -= 1;
      if (depth === 0) {
        comment.push(text.slice(start, index));
        found.push(comment.join('').trim());
        start = index + 1;
      }
    }
  }
  if (depth > 0) {
    comment.push(text.slice(start));
    found.push(comment.join('').trim());
  } else {
    rest.push(text.slice(start));
  }
  return { rest: rest.join(''), comments: found };
}

function unquote(text: string): string {
  return text.replace(/"((?:[^"\\]|\\.)*)"/g, (_whole, inner: string) => inner.replace(/\\(.)/g, '$1'));
}

function displayText(text: string): string {
  return decodeEncodedWords(unquote(text)).replace(/\s+/g, ' ').trim();
}

function parseMailbox(part: string): Mailbox {
  const open = part.lastIndexOf('<');
  const close = part.indexOf('>', open);
  if (open !== -1 && close !== -1) {
    const address = splitComments(part.slice(open + 1, close)).rest.replace(/\s+/g, '');
    // An obsolete source route ("<@relay.example:user@example.com>") is not part of the address.
    return { name: displayText(splitComments(part.slice(0, open)).rest), address: address.replace(/^@[^:]*:/, '') };
  }
  const { rest, comments } = splitComments(part);
  return { name: displayText(comments.join(' ')), address: rest.trim().split(/\s+/)[0] ?? '' };
}

export function parseAddressList(value: string): Mailbox[] {
  return splitList(value)
    .map(parseMailbox)
    .filter((mailbox) => mailbox.address !== '' || mailbox.name !== '');
}

/** The lowercase domain of an address, without brackets or a trailing dot; '' when there is none. */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  if (at === -1) return '';
  return address
    .slice(at + 1)
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}

/** Return-Path holds one address in angle brackets; `<>` means the message is a bounce. */
export function parseReturnPath(value: string): { address: string; bounce: boolean } {
  const mailbox = parseMailbox(value.includes('<') ? value : `<${value}>`);
  return { address: mailbox.address, bounce: mailbox.address === '' };
}

/** Characters that cannot be part of the local part of an address written in running text. */
const NOT_LOCAL = new Set([' ', '\t', '\n', '\r', '@', '<', '>', '(', ')', '"', "'", ',', ';', ':']);

function isDomainChar(char: string): boolean {
  return (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || (char >= '0' && char <= '9') || char === '-';
}

/**
 * The domain starting at `start`: labels of letters, digits and hyphens joined by single dots,
 * at least two of them; '' when there is none. Stops at the first character that cannot continue it.
 */
function domainAt(text: string, start: number): string {
  let end = start;
  let lastLabelEnd = -1;
  let labels = 0;
  while (end < text.length && isDomainChar(text[end]!)) {
    while (end < text.length && isDomainChar(text[end]!)) end += 1;
    labels += 1;
    lastLabelEnd = end;
    if (text[end] !== '.' || !isDomainChar(text[end + 1] ?? '')) break;
    end += 1;
  }
  return labels >= 2 ? text.slice(start, lastLabelEnd) : '';
}

/**
 * An address written inside a display name ("ceo@example.com via Mail"), the classic disguise.
 * One scan: each "@" looks left over its local part (which cannot cross another "@") and
 * right over its domain (which stops at the next "@"), so every character is read at most twice.
 */
export function addressInName(name: string): string | null {
  for (let at = name.indexOf('@'); at !== -1; at = name.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && !NOT_LOCAL.has(name[start - 1]!)) start -= 1;
    if (start === at) continue;
    const domain = domainAt(name, at + 1);
    if (domain !== '') return `${name.slice(start, at)}@${domain}`;
  }
  return null;
}
