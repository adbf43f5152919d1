/**
 * From pasted text to logical header lines (RFC 5322 section 2.2.3).
 *
 * A paste may be the header block alone or the whole message: the block ends
 * at the first blank line after it starts. A folded line continues on lines
 * that start with a space or a tab. Pastes often lose that indentation (a
 * mail client re-wrapping, a chat window trimming), so a line that does not
 * start like a field ("Name:") also continues the field above it.
 */

/**
 * The start of a field. RFC 5322 allows any printable character but the
 * colon in a name; real names are letters, digits and hyphens, and the
 * stricter form keeps a lost-indentation line such as "h=from:to:subject"
 * (a DKIM tag) from passing for a new field.
 */
export const FIELD_START = /^([A-Za-z][A-Za-z0-9_-]*)[ \t]*:/;

interface LogicalLine {
  /** The unfolded line: "Name: value", line breaks removed. */
  text: string;
  /** 1-based number of the line it starts on in the paste. */
  line: number;
}

export interface UnfoldResult {
  lines: LogicalLine[];
  /** Lines before the first field that are not part of one (an mbox "From " line, stray text). */
  stray: string[];
  /** True when a blank line ended the header block (a body followed). */
  bodyFollows: boolean;
}

export function unfold(text: string): UnfoldResult {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const lines: LogicalLine[] = [];
  const stray: string[] = [];
  let bodyFollows = false;
  // Built as parts and joined once: a 1 MB field folded over thousands of lines stays linear.
  let parts: string[] | null = null;
  let startLine = 0;
  const flush = () => {
    if (parts) lines.push({ text: parts.join(''), line: startLine });
  };

  for (let index = 0; index < physical.length; index += 1) {
    const line = physical[index]!;
    if (line.trim() === '') {
      // Blank lines before the first field are leading space in the paste.
      if (parts) {
        bodyFollows = physical.slice(index + 1).some((rest) => rest.trim() !== '');
        break;
      }
      continue;
    }
    if (FIELD_START.test(line)) {
      flush();
      parts = [line];
      startLine = index + 1;
    } else if (parts) {
      // Unfolding removes only the line break; a line that lost its
      // indentation gets a space back so words do not run together.
      parts.push(/^[ \t]/.test(line) ? line : ` ${line}`);
    } else {
      stray.push(line);
    }
  }
  flush();
  return { lines, stray, bodyFollows };
}
