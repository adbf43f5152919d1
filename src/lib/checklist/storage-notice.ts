/**
 * What the tracker tells the reader when their progress is not being kept as
 * usual (src/lib/checklist/storage.ts decides when): one sentence or two,
 * null when all is well.
 */
import type { LoadProblem } from './storage';

const NOT_KEPT =
  'This browser is not letting the page save anything, so your progress will not be kept when you close or reload the page. Use \u201cDownload (.md)\u201d to keep a record.';

const NEWER =
  'This browser holds progress saved by a newer version of this page, which this one cannot read; it is left as it is. This checklist works until you close the tab, but nothing you do here is saved. Use \u201cDownload (.md)\u201d to keep a record.';

export function storageNotice(problem: LoadProblem | null, canSave: boolean): string | null {
  if (problem === 'newer') return NEWER;
  if (problem === null && canSave) return null;
  const unreadable =
    problem === 'unreadable'
      ? 'The progress saved in this browser could not be read, so the checklist starts empty. '
      : '';
  return unreadable + (canSave ? 'New progress will be saved.' : NOT_KEPT);
}
