/**
 * ../shared, beside the repository, holds the article facts sheet, the search
 * test set and the legacy corpus. Tests that read it put NEEDS_SHARED in their
 * title and skip themselves without it; scripts/run-tests.mjs accepts exactly
 * those skips, one line each, when ../shared is absent (and none when present).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NEEDS_SHARED } from '../../scripts/test-report.mjs';

/** KB_SHARED_DIR (relative to the repository) points elsewhere, or at nothing to try a run without it. */
export const SHARED_DIR = join(import.meta.dirname, '../..', process.env.KB_SHARED_DIR ?? '../shared');
export const HAS_SHARED = existsSync(SHARED_DIR);
/** Put in the title of a test that reads ../shared; the runner recognises its skip by it. */
export { NEEDS_SHARED };
export const NO_SHARED_REASON = `${SHARED_DIR} is absent: it provides the facts sheet, the search test set and the legacy corpus`;
