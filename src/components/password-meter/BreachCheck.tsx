/**
 * The opt-in breach check: what it sends, said before its button, and what it found. Folded until asked for; the
 * request itself is made by the component above, only on the button.
 */
import type { BreachResult } from '../../lib/password/breach';
import { BREACH_DISCLOSURE_TEXT } from '../../lib/password/messages';

/** What the check found, shown under its button and spoken once. */
export function breachMessage(result: BreachResult): string {
  if (result.status === 'found')
    return `Found in known breaches ${result.count.toLocaleString('en')} times. Attackers try these first: do not use it anywhere.`;
  if (result.status === 'not-found') return 'Not found in known breaches. That alone does not make it strong.';
  return result.message;
}

export function BreachCheck({
  id,
  breach,
  onCheck,
}: {
  id: string;
  breach: BreachResult | 'checking' | undefined;
  onCheck: () => void;
}) {
  return (
    <details class="password-meter__more password-meter__breach">
      <summary>Check known breaches (optional)</summary>
      <p id={`${id}-breach-note`}>{BREACH_DISCLOSURE_TEXT}</p>
      <button type="button" aria-describedby={`${id}-breach-note`} disabled={breach === 'checking'} onClick={onCheck}>
        Check whether this password appears in known breaches
      </button>
      <p
        class="password-meter__breach-result"
        data-breach={typeof breach === 'object' ? breach.status : (breach ?? 'none')}
      >
        {breach === 'checking' && 'Checking\u2026'}
        {typeof breach === 'object' && breachMessage(breach)}
      </p>
    </details>
  );
}
