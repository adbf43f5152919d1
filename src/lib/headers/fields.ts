/**
 * Header fields in the order they were written, duplicates kept: the order
 * of trace fields (Received, Authentication-Results) is what tells who
 * wrote them.
 */
import { FIELD_START, unfold } from './unfold';

export interface HeaderField {
  /** As written ("Received", "X-Originating-IP"). */
  name: string;
  /** Lowercase name, for lookups. */
  key: string;
  /** Unfolded value, outer whitespace trimmed, nothing decoded. */
  value: string;
  /** Position in the header block, 0 = topmost (most recently added). */
  index: number;
  /** 1-based line in the paste where the field starts. */
  line: number;
}

export interface ParsedHeaders {
  fields: HeaderField[];
  stray: string[];
  bodyFollows: boolean;
}

export function parseFields(text: string): ParsedHeaders {
  const { lines, stray, bodyFollows } = unfold(text);
  const fields = lines.map((logical, index): HeaderField => {
    const match = FIELD_START.exec(logical.text)!;
    const name = match[1]!;
    return {
      name,
      key: name.toLowerCase(),
      value: logical.text.slice(match[0].length).trim(),
      index,
      line: logical.line,
    };
  });
  return { fields, stray, bodyFollows };
}

/** Every field with this name, top to bottom. */
export function fieldsNamed(headers: ParsedHeaders, name: string): HeaderField[] {
  const key = name.toLowerCase();
  return headers.fields.filter((field) => field.key === key);
}

/** The topmost field with this name: the one added last on the way to the reader. */
export function firstField(headers: ParsedHeaders, name: string): HeaderField | undefined {
  const key = name.toLowerCase();
  return headers.fields.find((field) => field.key === key);
}

/**
 * Writes fields back as a header block, folding long values at spaces
 * (RFC 5322 recommends lines of at most 78 characters). parseFields reads
 * the result back to the same names and values.
 */
export function serializeFields(fields: readonly Pick<HeaderField, 'name' | 'value'>[], width = 78): string {
  return fields
    .map(({ name, value }) => {
      const lines: string[] = [];
      let line = `${name}:`;
      for (const word of value.split(' ')) {
        if (line.length + 1 + word.length > width && line.trim() !== `${name}:` && word !== '') {
          lines.push(line);
          line = ` ${word}`;
        } else {
          line += ` ${word}`;
        }
      }
      lines.push(line);
      return lines.join('\r\n');
    })
    .join('\r\n');
}
