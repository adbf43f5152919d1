/**
 * How every pasted value is shown in the results: control and bidi characters
 * escaped (visibleText), and long values clipped so a hostile 1 MB line cannot
 * stall the page. Display only: a copy button copies the escaped value unclipped.
 */
import { visibleText } from '../../lib/headers/visible-text';

const MAX_TEXT = 300;

/** Pasted text for display: cut to `max` characters of the original, then escaped. */
export function clip(text: string, max = MAX_TEXT): string {
  if (text.length <= max) return visibleText(text);
  return `${visibleText(text.slice(0, max))}… (${text.length - max} more characters)`;
}
