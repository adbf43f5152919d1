/**
 * RFC 5322 structured text as words and comments: a comment is "( … )" and
 * may nest; a word ends at white space or at a comment. Received values are
 * read this way. One pass that slices rather than adding a character at a
 * time, so deeply nested or 1 MB hostile input stays linear and light on memory.
 */
export type CommentToken = { kind: 'word'; text: string } | { kind: 'comment'; text: string; closed: boolean };

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 0xa0;
}

export function commentTokens(text: string): CommentToken[] {
  const tokens: CommentToken[] = [];
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (isSpace(code)) {
      index += 1;
    } else if (code === 0x28 /* ( */) {
      let depth = 1;
      const start = index + 1;
      index += 1;
      while (index < text.length && depth > 0) {
        const char = text.charCodeAt(index);
        if (char === 0x28) depth += 1;
        else if (char === 0x29) depth -= 1;
        index += 1;
      }
      const closed = depth === 0;
      tokens.push({ kind: 'comment', text: text.slice(start, closed ? index - 1 : index), closed });
    } else {
      const start = index;
      while (index < text.length && !isSpace(text.charCodeAt(index)) && text.charCodeAt(index) !== 0x28) index += 1;
      tokens.push({ kind: 'word', text: text.slice(start, index) });
    }
  }
  return tokens;
}
