/**
 * Finds sentences that say only an administrator can change or reset a
 * password: false, since a user changes their own in webmail (facts sheet,
 * "Order for a user"). Used on the sources (Vitest) and on the built pages
 * (Playwright). Each pattern stays within one sentence and is linear.
 */
const ADMIN = String.raw`(?:an? |the |your |their )?(?:account |email )?(?:administrators?|admins?)`;
const CHANGE = String.raw`(?:change|reset)`;

export const ONLY_ADMIN_CLAIMS: readonly RegExp[] = [
  // "Only an administrator can reset passwords", "only admins are able to change it".
  new RegExp(
    String.raw`\bonly ${ADMIN}\b[^.!?<]{0,40}?\b(?:can|may|could|is able to|are able to)\b[^.!?<]{0,40}?\b${CHANGE}\b`,
    'gi',
  ),
  // "The password can only be changed by your administrator".
  new RegExp(String.raw`\b${CHANGE}\b[^.!?<]{0,40}?\bonly\b[^.!?<]{0,20}?\bby ${ADMIN}\b`, 'gi'),
  new RegExp(String.raw`\bonly\b[^.!?<]{0,20}?\b(?:be )?${CHANGE}(?:s|d|ed)?\b[^.!?<]{0,20}?\bby ${ADMIN}\b`, 'gi'),
];

/** The offending passages in `text`, or none. (Restoring access is an administrator's alone, and may be said.) */
export function onlyAdminClaims(text: string): string[] {
  return ONLY_ADMIN_CLAIMS.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[0]));
}
