/**
 * ../shared, beside the repository, holds the article facts sheet, the search
 * test set and the legacy corpus. Tests that read it put NEEDS_SHARED in their
 * title and skip themselves without it; scripts/run-tests.mjs accepts exactly
 * those skips, one line each, when ../shared is absent (and none when present).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { NEEDS_SHARED } from '../../scripts/test-report.mjs';

/**
 * KB_SHARED_DIR points elsewhere (absolute, or relative to the repository, as the runner reads it), or at nothing
 * to try a run without it. resolve, not join: join glued an absolute path onto the repository's.
 */
export const SHARED_DIR = resolve(import.meta.dirname, '../..', process.env.KB_SHARED_DIR ?? '../shared');
export const HAS_SHARED = existsSync(SHARED_DIR);
/** Put in the title of a test that reads ../shared; the runner recognises its skip by it. */
export { NEEDS_SHARED };
export const NO_SHARED_REASON = `${SHARED_DIR} is absent: it provides the facts sheet, the search test set and the legacy corpus`;
