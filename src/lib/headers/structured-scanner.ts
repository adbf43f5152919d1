/**
 * A cursor over an RFC 5322 structured field value (RFC 8601 and RFC 7208
 * fields are read with it): white space and comments (CFWS) may sit between
 * any two tokens, comments nest and may hold quoted pairs, and a quoted
 * string may hold spaces and specials such as ";". Every character is looked
 * at once, with no regular expression, so hostile text costs its length.
 */

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

export class StructuredScanner {
  private position = 0;
  /** Comments passed since the last takeComments(), each trimmed, nested parentheses kept. */
  private pendingComments: string[] = [];

  constructor(private readonly text: string) {}

  get done(): boolean {
    return this.position >= this.text.length;
  }

  /** The next character, or '' at the end. */
  peek(): string {
    return this.text[this.position] ?? '';
  }

  /** Steps over one character (a special such as ";" or "="). */
  advance(): void {
    this.position += 1;
  }

  /** Steps over white space and comments, remembering each comment's text. */
  skipCfws(): void {
    while (!this.done) {
      const code = this.text.charCodeAt(this.position);
      if (isSpace(code)) this.position += 1;
      else if (code === 0x28 /* ( */) this.pendingComments.push(this.comment());
      else return;
    }
  }

  takeComments(): string[] {
    const comments = this.pendingComments;
    this.pendingComments = [];
    return comments;
  }

  /**
   * A value: runs of ordinary characters and quoted strings (unquoted), up to
   * white space, a comment, or one of `stops` outside quotes. '' when the next
   * character is a stop.
   */
  value(stops: string): string {
    const parts: string[] = [];
    let start = this.position;
    while (!this.done) {
      const char = this.text[this.position]!;
      if (char === '"') {
        parts.push(this.text.slice(start, this.position), this.quoted());
        start = this.position;
      } else if (isSpace(char.charCodeAt(0)) || char === '(' || stops.includes(char)) {
        break;
      } else {
        this.position += 1;
      }
    }
    parts.push(this.text.slice(start, this.position));
    return parts.join('');
  }

  /** A quoted string from its opening quote; returns its content with quoted pairs resolved. */
  private quoted(): string {
    const parts: string[] = [];
    this.position += 1;
    let start = this.position;
    while (!this.done) {
      const char = this.text[this.position]!;
      if (char === '\\') {
        parts.push(this.text.slice(start, this.position), this.text[this.position + 1] ?? '');
        this.position += 2;
        start = this.position;
      } else if (char === '"') {
        parts.push(this.text.slice(start, this.position));
        this.position += 1;
        return parts.join('');
      } else {
        this.position += 1;
      }
    }
    parts.push(this.text.slice(start, this.position));
    return parts.join('');
  }

  /** A comment from its opening parenthesis (nested ones included in its text); an unclosed one runs to the end. */
  private comment(): string {
    const parts: string[] = [];
    let depth = 0;
    let start = this.position + 1;
    while (!this.done) {
      const char = this.text[this.position]!;
      if (char === '\\') {
        parts.push(this.text.slice(start, this.position), this.text[this.position + 1] ?? '');
        this.position += 2;
        start = this.position;
        continue;
      }
      if (char === '(') depth += 1;
      else if (char === ')') depth -= 1;
      this.position += 1;
      if (depth === 0) {
        parts.push(this.text.slice(start, this.position - 1));
        return parts.join('').trim();
      }
    }
    parts.push(this.text.slice(start, this.position));
    return parts.join('').trim();
  }
}
