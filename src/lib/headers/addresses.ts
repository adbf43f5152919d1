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
    } else if (!angle && (char === ',' || char === ';' || (char === ':' && !value.slice(start, index).includes('@')))) {
      // A colon outside brackets ends a group's name; the name is not a mailbox.
      if (char !== ':') parts.push(value.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(value.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/**
 * Separates comments (nested parentheses, RFC 5322 section 3.2.2) from the
 * rest in one pass, so deep nesting in hostile input costs no more than its length.
 */
export function splitComments(text: string): { rest: string; comments: string[] } {
  let rest = '';
  const found: string[] = [];
  let comment = '';
  let depth = 0;
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (depth === 0) {
      if (char === '\\' && quoted) {
        rest += char + (text[index + 1] ?? '');
        index += 1;
      } else if (char === '"') {
        quoted = !quoted;
        rest += char;
      } else if (char === '(' && !quoted) {
        depth = 1;
        comment = '';
        rest += ' ';
      } else {
        rest += char;
      }
    } else if (char === '\\') {
      comment += text[index + 1] ?? '';
      index += 1;
    } else if (char === '(') {
      depth += 1;
      comment += char;
    } else if (char === ')') {
      depth -= 1;
      if (depth === 0) found.push(comment.trim());
      else comment += char;
    } else {
      comment += char;
    }
  }
  if (depth > 0) found.push(comment.trim());
  return { rest, comments: found };
}

function unquote(text: string): string {
  return text.replace(/"((?:[^"\\]|\\.)*)"/g, (_whole, inner: string) => inner.replace(/\\(.)/g, '$1'));
}

function displayText(text: string): string {
  return decodeEncodedWords(unquote(text)).replace(/\s+/g, ' ').trim();
}

export function parseMailbox(part: string): Mailbox {
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

const ADDRESS_IN_TEXT = /[^\s@<>()"',;:]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/i;

/** An address written inside a display name ("ceo@example.com via Mail"), the classic disguise. */
export function addressInName(name: string): string | null {
  return ADDRESS_IN_TEXT.exec(name)?.[0] ?? null;
}
