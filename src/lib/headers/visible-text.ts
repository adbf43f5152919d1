/**
 * Text from a pasted header made safe to read and to copy: control, format
 * and separator characters are shown as "[U+202E]" instead of acting. A
 * right-to-left override can make "moc.lapyap@gnillib" look like
 * "billing@paypal.com"; escaped, what the reader sees is what is really
 * there, and the copy button copies exactly that text.
 */

// Cc (controls, tab included), Cf (bidi overrides and isolates, zero-width characters, soft hyphen), Zl, Zp.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

export function visibleText(text: string): string {
  return text.replace(INVISIBLE, (char) => `[U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);
}
