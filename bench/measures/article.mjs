/** One article's weight: every request's gzip bytes in Chromium, and its HTML raw and gzip. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pageWeight } from '../lib/page-weight.mjs';
import { kb, table } from '../lib/format.mjs';

export default {
  name: 'article',
  needs: { build: false, browser: true, shared: false },
  appliesTo: (site) => Boolean(site.article),
  async run({ site, browser, base }) {
    const figures = { weight: await pageWeight(browser, `${base}${site.article}`) };
    const file = join(site.outDir, site.article, 'index.html');
    if (existsSync(file)) {
      const html = readFileSync(file);
      figures.html = { bytes: html.length, gzipBytes: gzipSync(html).length };
    }
    return figures;
  },
  print: (bySite) =>
    table(
      'article',
      [
        ['weight (gzip, all requests)', (v) => kb(v.weight.gzipBytes)],
        ['requests', (v) => String(v.weight.requests)],
        ['HTML (raw / gzip)', (v) => (v.html ? `${kb(v.html.bytes)} / ${kb(v.html.gzipBytes)}` : '–')],
      ],
      bySite,
    ),
};
