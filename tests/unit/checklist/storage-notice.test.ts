import { describe, expect, it } from 'vitest';
import { storageNotice } from '../../../src/lib/checklist/storage-notice';

describe('storageNotice', () => {
  it('says nothing when progress is read and kept', () => {
    expect(storageNotice(null, true)).toBeNull();
  });

  it('a newer version: its progress is left as it is, and nothing here is saved', () => {
    const text = storageNotice('newer', false)!;
    expect(text).toContain('newer version of this page');
    expect(text).toContain('left as it is');
    expect(text).toContain('until you close the tab');
    expect(text).toContain('nothing you do here is saved');
  });

  it('damaged progress: starts empty, and new progress is saved', () => {
    expect(storageNotice('unreadable', true)).toBe(
      'The progress saved in this browser could not be read, so the checklist starts empty. New progress will be saved.',
    );
  });

  it('a browser that will not save: progress is not kept', () => {
    for (const problem of ['unavailable', null] as const)
      expect(storageNotice(problem, false)).toContain('your progress will not be kept');
  });
});
