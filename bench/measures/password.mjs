/** The password meter (bench/lib/password.mjs): chunk sizes, score agreement, and timings in Chromium. */
import { passwordFigures } from '../lib/password.mjs';
import { kb, ms } from '../lib/format.mjs';

const timing = (t) => `median ${ms(t.median)}, p95 ${ms(t.p95)}, max ${ms(t.max)} (${t.count})`;

export default {
  name: 'password',
  needs: { build: false, browser: true, shared: false },
  appliesTo: (site) => site.name === 'site',
  run: ({ site, browser, base }) => passwordFigures(browser, base, site.outDir),
  print: ({ site: p }) => [
    'password meter',
    `  estimator chunk (gzip)                   ${kb(p.estimatorGzipBytes)}`,
    `  meter shell chunk / stylesheet (gzip)    ${kb(p.shellGzipBytes)} / ${kb(p.stylesheetGzipBytes)}`,
    `  score agreement with full dictionaries   ${p.agreement.same}/${p.agreement.total} (${p.agreement.percent.toFixed(1)} %)`,
    `  first focus to first assessment          ${timing(p.firstFocusToAssessmentMs)}`,
    `  worker, 1,000 passwords of 1–64 chars    ${timing(p.workerSampleMs)}`,
    `  worker, pathological inputs              ${timing(p.workerPathologicalMs)}`,
    `  typing fast: long tasks / longest        ${p.typing.longTasks} / ${ms(p.typing.longestMs)}`,
  ],
};
