/**
 * Hand-written scanners for the template syntax of legacy files. Regular
 * expressions with lazy or overlapping quantifiers backtrack: a file of
 * `{{<a ` repeated took minutes. Each scanner here reads every character a
 * bounded number of times, so import time grows linearly with file size.
 * Pure.
 */

/**
 * `find(from)`: the first index >= from where `matches` holds, or -1. Answers
 * are cached, so a run of calls with growing `from` scans the text once.
 */
function forwardFinder(text: string, matches: (text: string, at: number) => boolean): (from: number) => number {
  let cachedFrom = Infinity;
  let cachedAt = -1;
  return (from) => {
    // The earliest hit from an earlier start is still the earliest from here when it is not behind us.
    if (from >= cachedFrom && (cachedAt === -1 || cachedAt >= from)) return cachedAt;
    let at = -1;
    for (let i = from; i < text.length; i += 1) {
      if (matches(text, i)) {
        at = i;
        break;
      }
    }
    cachedFrom = from;
    cachedAt = at;
    return at;
  };
}

const isSpace = (c: string | undefined) =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
const isNameStart = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\w-]/.test(c);

function skipSpaces(text: string, i: number): number {
  while (isSpace(text[i])) i += 1;
  return i;
}

export interface Shortcode {
  start: number;
  /** Index just after the closing `>}}` / `%}}`. */
  end: number;
  closing: boolean;
  name: string;
  params: string;
}

/**
 * Every Hugo shortcode tag, `{{< name params >}}` or `{{% /name %}}`, in order.
 * The tag ends at the first `>}}` or `%}}` after its name.
 */
export function findShortcodes(text: string): Shortcode[] {
  const out: Shortcode[] = [];
  const closeAfter = forwardFinder(
    text,
    (t, i) => (t[i] === '>' || t[i] === '%') && t[i + 1] === '}' && t[i + 2] === '}',
  );
  let i = text.indexOf('{{', 0);
  while (i !== -1) {
    const found = readShortcode(text, i, closeAfter);
    if (found) {
      out.push(found);
      i = text.indexOf('{{', found.end);
    } else {
      i = text.indexOf('{{', i + 1);
    }
  }
  return out;
}

function readShortcode(text: string, start: number, closeAfter: (from: number) => number): Shortcode | undefined {
  if (text[start + 2] !== '<' && text[start + 2] !== '%') return undefined;
  let i = skipSpaces(text, start + 3);
  const closing = text[i] === '/';
  if (closing) i = skipSpaces(text, i + 1);
  if (!isNameStart(text[i])) return undefined;
  const nameStart = i;
  while (isWordChar(text[i])) i += 1;
  const close = closeAfter(i);
  if (close === -1) return undefined;
  return { start, end: close + 3, closing, name: text.slice(nameStart, i), params: text.slice(i, close).trim() };
}

/** Every Liquid tag `{% … %}` (also `{%- … -%}`): from `{%` to the first `%}` after it. */
export function findLiquidTags(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const closeAfter = forwardFinder(text, (t, i) => t[i] === '%' && t[i + 1] === '}');
  let i = text.indexOf('{%');
  while (i !== -1) {
    const close = closeAfter(i + 2);
    if (close === -1) break;
    out.push({ start: i, end: close + 2 });
    i = text.indexOf('{%', close + 2);
  }
  return out;
}

/** Replace the given non-overlapping ranges (in order) by what `replace` returns. */
export function spliceRanges<T extends { start: number; end: number }>(
  text: string,
  ranges: readonly T[],
  replace: (range: T) => string,
): string {
  let out = '';
  let last = 0;
  for (const range of ranges) {
    out += text.slice(last, range.start) + replace(range);
    last = range.end;
  }
  return out + text.slice(last);
}

/**
 * `key="value"`, `key='value'` or `key=value` pairs of a shortcode. A key is
 * the part of a word from its first letter or underscore.
 */
export function shortcodeParams(params: string): Record<string, string> {
  const out: Record<string, string> = {};
  const nextQuote = {
    '"': forwardFinder(params, (t, i) => t[i] === '"'),
    "'": forwardFinder(params, (t, i) => t[i] === "'"),
  };
  let i = 0;
  while (i < params.length) {
    if (!isWordChar(params[i])) {
      i += 1;
      continue;
    }
    const wordStart = i;
    while (isWordChar(params[i])) i += 1;
    const wordEnd = i;
    let keyStart = wordStart;
    while (keyStart < wordEnd && !/[A-Za-z_]/.test(params[keyStart]!)) keyStart += 1;
    if (keyStart === wordEnd) continue;
    let j = skipSpaces(params, wordEnd);
    if (params[j] !== '=') continue;
    j = skipSpaces(params, j + 1);
    const quote = params[j];
    let value: string;
    if (quote === '"' || quote === "'") {
      const end = nextQuote[quote](j + 1);
      if (end === -1) continue;
      value = params.slice(j + 1, end);
      i = end + 1;
    } else {
      const valueStart = j;
      while (j < params.length && !isSpace(params[j]) && params[j] !== '"' && params[j] !== "'") j += 1;
      if (j === valueStart) continue;
      value = params.slice(valueStart, j);
      i = j;
    }
    out[params.slice(keyStart, wordEnd)] = value;
  }
  return out;
}

/** The indentation of a line and where the rest starts. */
function indentOf(line: string): number {
  let i = 0;
  while (line[i] === ' ' || line[i] === '\t') i += 1;
  return i;
}

/** Only spaces, tabs and a final carriage return from `i` to the end of the line. */
function restIsBlank(line: string, i: number): boolean {
  for (; i < line.length; i += 1)
    if (line[i] !== ' ' && line[i] !== '\t' && !(line[i] === '\r' && i === line.length - 1)) return false;
  return true;
}

/**
 * A line that is only a highlight shortcode: `{{< highlight sh >}}` → its
 * indentation and language; `{{< /highlight >}}` → `closing`.
 */
export function highlightTag(line: string): { indent: string; lang: string; closing: boolean } | undefined {
  const indentEnd = indentOf(line);
  if (
    line[indentEnd] !== '{' ||
    line[indentEnd + 1] !== '{' ||
    (line[indentEnd + 2] !== '<' && line[indentEnd + 2] !== '%')
  )
    return undefined;
  let i = skipSpaces(line, indentEnd + 3);
  const closing = line[i] === '/';
  if (closing) i = skipSpaces(line, i + 1);
  if (!line.startsWith('highlight', i)) return undefined;
  i += 'highlight'.length;
  const indent = line.slice(0, indentEnd);
  if (closing) {
    i = skipSpaces(line, i);
    const closes = (line[i] === '>' || line[i] === '%') && line[i + 1] === '}' && line[i + 2] === '}';
    return closes && restIsBlank(line, i + 3) ? { indent, lang: '', closing } : undefined;
  }
  if (!isSpace(line[i])) return undefined;
  i = skipSpaces(line, i);
  const langStart = i;
  while (i < line.length && /[\w+#-]/.test(line[i]!)) i += 1;
  const lang = line.slice(langStart, i);
  // Options may follow the language, but the tag closes at its first `}`, which must be `>}}` or `%}}`.
  const brace = line.indexOf('}', i);
  if (brace === -1 || brace - 1 < i || line[brace + 1] !== '}') return undefined;
  if (line[brace - 1] !== '>' && line[brace - 1] !== '%') return undefined;
  return restIsBlank(line, brace + 2) ? { indent, lang, closing } : undefined;
}

/** The text of the first ATX heading (`# Title`, up to six `#`) of a Markdown body. */
export function firstAtxHeading(body: string): string | undefined {
  let lineStart = 0;
  while (lineStart <= body.length) {
    let lineEnd = body.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = body.length;
    let i = lineStart;
    while (body[i] === '#' && i - lineStart < 7) i += 1;
    const hashes = i - lineStart;
    if (hashes >= 1 && hashes <= 6 && (body[i] === ' ' || body[i] === '\t')) {
      while (body[i] === ' ' || body[i] === '\t') i += 1;
      let end = lineEnd;
      if (body[end - 1] === '\r') end -= 1;
      // A closing sequence of `#` and spaces goes; at least one character of text stays.
      while (end - 1 > i && (body[end - 1] === ' ' || body[end - 1] === '\t' || body[end - 1] === '#')) end -= 1;
      if (end > i) return body.slice(i, end);
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}
