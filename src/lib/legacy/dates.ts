/** Legacy dates: `2019-5-15`, `'2019-12-020'`, `‘2020-03-04’`, `20121-07-07`, empty. */
export type DateRepair =
  | { status: 'ok'; date: string }
  | { status: 'repaired'; date: string; raw: string }
  | { status: 'empty' }
  | { status: 'invalid'; raw: string; reason: string };

const QUOTES = new Set(["'", '"', '‘', '’', '“', '”']);

/** The text without the quote marks around it (a loop, not a regex: a long run of quotes must not backtrack). */
function unquote(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && QUOTES.has(text[start]!)) start += 1;
  while (end > start && QUOTES.has(text[end - 1]!)) end -= 1;
  return text.slice(start, end);
}

/**
 * A date part written with too many digits is only repaired when the extra
 * digits are leading zeros (`020` is 20); `128` could be 12 or 28, and a
 * five-digit year could be either of two years: those are left out.
 */
function part(text: string, width: number): number | undefined {
  if (text.length <= width) return Number(text);
  const extra = text.slice(0, text.length - width);
  return /^0+$/.test(extra) ? Number(text.slice(-width)) : undefined;
}

export function repairDate(value: unknown): DateRepair {
  if (value === undefined || value === null) return { status: 'empty' };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? { status: 'invalid', raw: String(value), reason: 'not a date' }
      : { status: 'ok', date: value.toISOString().slice(0, 10) };
  }
  const raw = String(value);
  const text = unquote(raw.trim()).trim();
  if (text === '') return { status: 'empty' };
  const match = /^(\d+)-(\d+)-(\d+)(?:[T ].*)?$/.exec(text);
  if (!match) return { status: 'invalid', raw, reason: 'not a YYYY-MM-DD date' };
  const [, y, m, d] = match as unknown as [string, string, string, string];
  if (y.length !== 4) return { status: 'invalid', raw, reason: `the year "${y}" is ambiguous` };
  const month = part(m, 2);
  const day = part(d, 2);
  if (month === undefined) return { status: 'invalid', raw, reason: `the month "${m}" is ambiguous` };
  if (day === undefined) return { status: 'invalid', raw, reason: `the day "${d}" is ambiguous` };
  const date = new Date(Date.UTC(Number(y), month - 1, day));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { status: 'invalid', raw, reason: 'no such day' };
  }
  const iso = date.toISOString().slice(0, 10);
  return raw === iso || raw.trim() === iso ? { status: 'ok', date: iso } : { status: 'repaired', date: iso, raw };
}
