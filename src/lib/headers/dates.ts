/**
 * RFC 5322 dates ("Tue, 5 Nov 2024 10:00:03 -0800 (PST)"), including the
 * obsolete zone names and the fractional seconds some servers write. Not
 * Date.parse: what it accepts differs between browsers.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};
const DATE =
  /(\d{1,2})[\s-]+([a-z]{3})[a-z]*[\s-]+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(?:\s*([+-]\d{2}:?\d{2}|[a-z]{1,5}))?/i;

/** Milliseconds since the epoch, or null when the text holds no date. */
export function parseMailDate(text: string): number | null {
  const match = DATE.exec(text.slice(0, 200));
  if (!match) return null;
  const [, day, monthName, yearText, hour, minute, second, zone] = match;
  const month = MONTHS.indexOf(monthName!.toLowerCase());
  if (month === -1) return null;
  let year = Number(yearText);
  // Two-digit years (RFC 5322 section 4.3): 00-49 are 2000s, 50-99 are 1900s.
  if (yearText!.length <= 2) year += year < 50 ? 2000 : 1900;
  let offsetMinutes = 0;
  if (zone) {
    const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
    if (numeric) offsetMinutes = (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3]));
    else offsetMinutes = ZONES[zone.toLowerCase()] ?? 0;
  }
  const utc = Date.UTC(year, month, Number(day), Number(hour), Number(minute), Number(second ?? 0));
  return Number.isNaN(utc) ? null : utc - offsetMinutes * 60_000;
}
