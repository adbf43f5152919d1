/**
 * The search test set in ../shared/search: readers' queries with the page (and
 * section) that must come back. Two files, kept apart in every report: the
 * queries the search was tuned on, and the ones written later by people who had
 * not seen its results, which say how well it generalises.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SEARCH_TEST_FILES = [
  { name: 'tuned', file: 'search/user-queries.json' },
  { name: 'new', file: 'search/user-queries-new.json' },
];

/** Every query of both files, each tagged with its file's name (`set`). */
export function readSearchTestSet(sharedDir) {
  return SEARCH_TEST_FILES.flatMap(({ name, file }) =>
    JSON.parse(readFileSync(join(sharedDir, file), 'utf8')).queries.map((query) => ({ ...query, set: name })),
  );
}

/** "tuned 53/56 (95%), new 16/36 (44%), all 69/92 (75%)" from outcomes `{ set, ok }`. */
export function passRates(outcomes) {
  const rate = (list) => {
    const passed = list.filter((outcome) => outcome.ok).length;
    return `${passed}/${list.length} (${Math.round((100 * passed) / Math.max(list.length, 1))}%)`;
  };
  const sets = SEARCH_TEST_FILES.map(
    ({ name }) => `${name} ${rate(outcomes.filter((outcome) => outcome.set === name))}`,
  );
  return [...sets, `all ${rate(outcomes)}`].join(', ');
}
