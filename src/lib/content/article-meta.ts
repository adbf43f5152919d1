/** Presentation helpers for article front matter: pure, so Vitest covers them. */

/** Who an article is for (front matter's `appliesTo`), in the words the Pagefind filter uses. */
export type Audience = 'user' | 'administrator';

const ROLE_NAMES: Record<Audience, string> = { user: 'Users', administrator: 'Administrators' };

/** "Users and administrators", "Administrators". */
export function describeAudience(roles: readonly Audience[]): string {
  const names = [...new Set(roles)].map((role) => ROLE_NAMES[role]);
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)!.toLowerCase()}`;
}

export function describeDifficulty(level: 'easy' | 'moderate'): string {
  return level === 'easy' ? 'Easy' : 'Moderate';
}

// One formatter for every page: building one per call cost the corpus build most of a second.
const UPDATED_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "20 November 2025", the same on every machine whatever its time zone. */
export function formatUpdated(date: Date): string {
  return UPDATED_FORMAT.format(date);
}

/** `2025-11-20`, for the `datetime` attribute. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The URL path of an article. */
export function articlePath(slug: string): string {
  return `/docs/${slug}/`;
}
