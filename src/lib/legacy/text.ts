/**
 * The bytes of a legacy file as text, and the clean-up every imported string
 * needs: binary and UTF-16 files are refused, invalid UTF-8 is repaired with a
 * count, control characters go, and labels (titles, product names) lose the
 * invisible characters that make one text look like another. Pure.
 */
import type { MappedWarning } from './front-matter';

/** Files over this size are not imported (the largest real article is about 80 KB). */
export const MAX_SOURCE_BYTES = 512 * 1024;
/** Longest title, product name and permalink kept; longer ones are cut with a warning. */
export const MAX_TITLE_CHARS = 150;
export const MAX_PRODUCT_CHARS = 60;
export const MAX_SLUG_CHARS = 100;

export type DecodedSource =
  { ok: true; text: string; warnings: MappedWarning[] } | { ok: false; warning: MappedWarning };

/** Share of replacement characters above which a file is taken for binary, not for text with a few bad bytes. */
const MAX_INVALID_SHARE = 0.01;

export function decodeSource(bytes: Uint8Array): DecodedSource {
  if (bytes.length > MAX_SOURCE_BYTES) {
    return {
      ok: false,
      warning: {
        category: 'file-skipped',
        message: `${bytes.length} bytes, over the ${MAX_SOURCE_BYTES}-byte limit for one article: not built`,
      },
    };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, warning: { category: 'file-skipped', message: 'UTF-16 text, not UTF-8: not built' } };
  }
  if (bytes.includes(0)) {
    return {
      ok: false,
      warning: {
        category: 'file-skipped',
        message: 'contains NUL bytes (binary or UTF-16 without a byte order mark): not built',
      },
    };
  }
  const decoded = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  let invalid = 0;
  for (let i = decoded.indexOf('\uFFFD'); i !== -1; i = decoded.indexOf('\uFFFD', i + 1)) invalid += 1;
  // A U+FFFD written in the file itself is counted too: it reads as damage either way.
  if (invalid > Math.max(8, decoded.length * MAX_INVALID_SHARE)) {
    return {
      ok: false,
      warning: {
        category: 'file-skipped',
        message: `${invalid} bytes are not valid UTF-8 (binary, or another encoding): not built`,
      },
    };
  }
  const warnings: MappedWarning[] = [];
  if (invalid)
    warnings.push({
      category: 'text-repaired',
      message: `${invalid} invalid UTF-8 sequence${invalid === 1 ? '' : 's'} shown as �`,
    });
  const { text, removed } = stripControls(decoded);
  if (removed)
    warnings.push({
      category: 'text-repaired',
      message: `${removed} control or direction-override character${removed === 1 ? '' : 's'} removed`,
    });
  return { ok: true, text, warnings };
}

/**
 * C0 controls except tab, line feed and carriage return, DEL, C1 controls, and
 * the bidirectional overrides and isolates (they can reorder what a reader sees).
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
/** Invisible in a label: zero-width characters, direction marks, word joiner, BOM, soft hyphen. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g;

function stripControls(text: string): { text: string; removed: number } {
  let removed = 0;
  const out = text.replace(CONTROL, () => {
    removed += 1;
    return '';
  });
  return { text: out, removed };
}

/** A label with no controls, no invisible characters and single spaces. */
export function cleanLabel(text: string): string {
  return stripControls(text).text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** At most `max` characters, cut at a space when one is near the end, with an ellipsis. */
export function truncateAtWord(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** A label cleaned and capped; `changed` says what happened, for a warning. */
export function capLabel(raw: string, max: number): { text: string; cleaned: boolean; truncated: boolean } {
  const clean = cleanLabel(raw);
  const text = truncateAtWord(clean, max);
  return { text, cleaned: clean !== raw.replace(/\s+/g, ' ').trim(), truncated: text !== clean };
}

/** A file name or message safe to print on one log line: controls and direction overrides escaped. */
export function printable(text: string): string {
  return text.replace(
    /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200B-\u200F\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
