/**
 * RFC 5322 structured text as words and comments: a comment is "( … )" and
 * may nest; a word ends at white space or at a comment. Authentication-Results
 * and Received both read their values this way. One pass, so deeply nested
 * hostile input stays linear.
 */
export type CommentToken = { kind: 'word'; text: string } | { kind: 'comment'; text: string; closed: boolean };

/** `quotes`: a double-quoted run is part of a word, spaces and brackets included. */
export function commentTokens(text: string, { quotes = false } = {}): CommentToken[] {
  const tokens: CommentToken[] = [];
  let depth = 0;
  let comment = '';
  let word = '';
  let quoted = false;
  const endWord = () => {
    if (word !== '') tokens.push({ kind: 'word', text: word });
    word = '';
  };
  for (const char of text) {
    if (depth > 0) {
      if (char === '(') depth += 1;
      if (char === ')') depth -= 1;
      if (depth === 0) {
        tokens.push({ kind: 'comment', text: comment, closed: true });
        comment = '';
      } else {
        comment += char;
      }
    } else if (quotes && char === '"') {
      quoted = !quoted;
    } else if (char === '(' && !quoted) {
      endWord();
      depth = 1;
    } else if (/\s/.test(char) && !quoted) {
      endWord();
    } else {
      word += char;
    }
  }
  endWord();
  if (depth > 0) tokens.push({ kind: 'comment', text: comment, closed: false });
  return tokens;
}
