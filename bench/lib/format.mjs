/** How the bench prints figures. Binary units, named as such (GNU time counts KiB): 1,000 MB would be 953.7 MiB. */
export const mb = (n) => (n === undefined ? '–' : `${(n / 1024 / 1024).toFixed(1)} MiB`);
export const peak = (n) => (n === undefined ? '–' : `${mb(n)} (${(n / 1e9).toFixed(3)} GB; budget 1 GB)`);
export const kb = (n) => (n === undefined ? '–' : `${(n / 1024).toFixed(1)} KB`);
export const s = (n) => (n === undefined ? '–' : `${n.toFixed(1)} s`);
export const ms = (n) => (n === undefined ? '–' : `${Math.round(n)} ms`);
export const spread = (t) => (t === undefined ? '–' : `${ms(t.median)} (${Math.round(t.min)}–${Math.round(t.max)})`);
export const kbSpread = (t) =>
  t === undefined ? '–' : `${kb(t.median)} (${Math.round(t.min / 1024)}–${Math.round(t.max / 1024)})`;

/**
 * A table of one measure: a row per figure, a column per site measured.
 * `rows`: [label, (figures of one site) => text]; `bySite`: site name → that measure's figures.
 */
export function table(title, rows, bySite) {
  const names = Object.keys(bySite);
  const width = Math.max(title.length, ...rows.map(([label]) => label.length));
  const lines = [`${title.padEnd(width)}  ${names.map((n) => n.padStart(20)).join('  ')}`];
  for (const [label, format] of rows)
    lines.push(`${label.padEnd(width)}  ${names.map((n) => format(bySite[n]).padStart(20)).join('  ')}`);
  return lines;
}
