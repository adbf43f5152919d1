import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ANNOUNCE_DELAY_MS, announce, type LiveRegion } from '../../../src/lib/kit/announce';

describe('announce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('empties the region first, then speaks the message after a pause', () => {
    const region: LiveRegion = { textContent: 'Link copied' };
    announce('Link copied', region);
    expect(region.textContent).toBe('');
    vi.advanceTimersByTime(ANNOUNCE_DELAY_MS - 1);
    expect(region.textContent).toBe('');
    vi.advanceTimersByTime(1);
    expect(region.textContent).toBe('Link copied');
  });

  it('speaks the same message twice as two changes of the region', () => {
    const changes: (string | null)[] = [];
    let text: string | null = '';
    const region: LiveRegion = {
      get textContent() {
        return text;
      },
      set textContent(value) {
        text = value;
        changes.push(value);
      },
    };
    announce('Summary copied.', region);
    vi.runAllTimers();
    announce('Summary copied.', region);
    vi.runAllTimers();
    expect(changes).toEqual(['', 'Summary copied.', '', 'Summary copied.']);
  });

  it('does nothing without a region (a page without the announcer, or no DOM at all)', () => {
    expect(() => announce('Nobody hears this', null)).not.toThrow();
    expect(() => announce('Nor this')).not.toThrow();
    vi.runAllTimers();
  });
});
