/** Times as the checklist shows them, in the reader's zone. */

/** "6 Dec 2026, 09:15", for a tick's status. */
export function shortTime(time: number): string {
  return new Date(time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Minutes east of UTC in the reader's zone at that time. */
export const utcOffset = (time: number) => -new Date(time).getTimezoneOffset();
