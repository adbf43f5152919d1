/**
 * The checker's verdict: from what a reader ticked to what they should do, in
 * order, each action linking to the part of the site that explains it.
 * Pure data in, data out; the Preact island only renders the result.
 *
 * Rules (from the article, issue 3 and issue 13):
 * - nothing ticked: a neutral prompt, no verdict;
 * - any symptom: compromised, act now; the steps of the article in their
 *   order, with these changes:
 *   - a user tells the administrator first: only an administrator can reset
 *     a password the user cannot use and restore a disabled mailbox;
 *   - the first change of password is an administrator's reset (a user asks
 *     for it) when the owner may not know the password any more
 *     (`symptom-password-changed`) or, for a user, cannot sign in at all
 *     (`symptom-mailbox-disabled`);
 *   - `symptom-forwarding-rules` / `symptom-reply-to-changed`: their remedy
 *     (the companion article's section), right after the password change, or
 *     right after the restore when the mailbox is disabled, since undoing
 *     them needs webmail;
 *   - `step-restore-access` only with `symptom-mailbox-disabled`, after the
 *     password change and the scans, with its warning;
 *   - ticked risk factors follow the steps, each as the habit to give up;
 * - no symptom but risk factors: at risk, not necessarily compromised; how to
 *   reduce each risk, then the password guide;
 * - the role changes who does what: a user alerts the administrator and asks
 *   for resets and restores; an administrator does them in the Control Panel,
 *   alerts users and can blocklist for the whole domain.
 */
import {
  CHANGE_PASSWORD_ARTICLE_PATH,
  PASSWORD_ARTICLE_PATH,
  RISK_FACTORS,
  STEPS,
  remedyOf,
  type StepId,
  type SymptomId,
} from '../compromise/items';
import { NO_VERDICT, type Verdict, type VerdictAction } from './prompt';
import { normalizeState, type CheckerState } from './state';

export type { Severity, Verdict, VerdictAction } from './prompt';

const ADMIN_RESET_HREF = `${CHANGE_PASSWORD_ARTICLE_PATH}#change-password-as-administrator`;
const PASSWORD_GUIDE_HREF = `${PASSWORD_ARTICLE_PATH}#password-best-practices`;

/** The article's own words for a step, so the two never disagree. */
function stepText(id: StepId, field: 'title' | 'action'): string {
  return STEPS.find((candidate) => candidate.id === id)![field];
}

function step(id: StepId, text: string, detail: string, warning?: string): VerdictAction {
  const action: VerdictAction = { key: id, text, href: `#${id}`, detail };
  if (warning !== undefined) action.warning = warning;
  return action;
}

function riskActions(risks: CheckerState['risks']): VerdictAction[] {
  return RISK_FACTORS.filter((risk) => risks.includes(risk.id)).map((risk) => ({
    key: risk.id,
    text: risk.action,
    href: `#${risk.id}`,
    detail: risk.advice,
  }));
}

/** Keys of the extra actions that undo a symptom, with why each matters. */
const REMEDIES: [SymptomId, string, string][] = [
  [
    'symptom-forwarding-rules',
    'remove-forwarding-rules',
    'Until you do, copies of the mail keep going to the intruder.',
  ],
  ['symptom-reply-to-changed', 'restore-reply-to', 'Until you do, replies meant for you go to the intruder.'],
];

function compromisedActions({ symptoms, risks, role }: CheckerState): VerdictAction[] {
  const admin = role === 'admin';
  const has = (id: SymptomId) => symptoms.includes(id);
  const disabled = has('symptom-mailbox-disabled');
  const actions: VerdictAction[] = [];
  const remedies = REMEDIES.filter(([id]) => has(id)).map(([id, key, detail]): VerdictAction => ({
    key,
    ...remedyOf(id)!,
    detail,
  }));

  if (!admin) {
    actions.push({
      key: 'alert-administrator',
      text: 'Tell your administrator now',
      href: '#step-alert-others',
      detail:
        'One broken-in mailbox puts the whole company at risk, and only an administrator can reset passwords and restore access.',
    });
  }
  if (has('symptom-password-changed') || (disabled && !admin)) {
    actions.push(
      admin
        ? {
            key: 'reset-password',
            text: 'Reset the password in the Cloud Office Control Panel',
            href: ADMIN_RESET_HREF,
            detail:
              'The owner may no longer know it, and webmail asks for the current password before it allows a change.',
          }
        : {
            key: 'reset-password',
            text: 'Ask your administrator to reset the password',
            href: ADMIN_RESET_HREF,
            detail: disabled
              ? 'You cannot sign in to a disabled mailbox to change it yourself.'
              : 'You may no longer know it, and you need the current password to change it yourself.',
          },
    );
  } else {
    actions.push(
      step(
        'step-change-password',
        stepText('step-change-password', 'title'),
        admin
          ? 'Set a new one in the Cloud Office Control Panel. Locking the intruder out comes first.'
          : 'Locking the intruder out comes first: every minute of access means more damage.',
      ),
    );
  }
  // Undoing the intruder's settings needs webmail, which a disabled mailbox refuses until it is restored.
  if (!disabled) actions.push(...remedies);
  actions.push(
    step(
      'step-scan-devices',
      stepText('step-scan-devices', 'action'),
      'If a scan finds malware, remove it and change the password a second time: the new one may already be captured.',
    ),
  );
  if (disabled) {
    actions.push(
      step(
        'step-restore-access',
        admin
          ? 'Restore access to the mailbox in the Control Panel'
          : 'Ask your administrator to restore access to the mailbox',
        'Rackspace disabled it; it stays unusable until access is restored.',
        'Restore access only after the password has been changed and every device has been scanned.',
      ),
      ...remedies,
    );
  }
  actions.push(
    admin
      ? step(
          'step-alert-others',
          'Alert your users and colleagues',
          'Ask them to ignore odd messages from this address and to check their own mailboxes.',
        )
      : step('step-alert-others', 'Warn your colleagues', 'Ask them to ignore odd messages from your address.'),
    admin
      ? step(
          'step-blocklist-sender',
          'Blocklist the attacker\u2019s return-path address and IP address for the domain',
          'Find both in the headers of the message that led to the break-in.',
        )
      : step(
          'step-blocklist-sender',
          stepText('step-blocklist-sender', 'action'),
          'Find both in the headers of the message that led to the break-in, then blocklist them in webmail.',
        ),
    admin
      ? step(
          'step-educate-users',
          stepText('step-educate-users', 'action'),
          'Email attacks never stop: everyone should be ready to spot the next one.',
        )
      : step(
          'step-educate-users',
          'Learn the risk factors and the warning signs',
          'Email attacks never stop: be ready to spot the next one.',
        ),
  );
  return [...actions, ...riskActions(risks)];
}

function atRiskActions({ risks, role }: CheckerState): VerdictAction[] {
  const actions = riskActions(risks);
  actions.push({
    key: 'password-guide',
    text: 'Change the password to a strong one you use nowhere else',
    href: PASSWORD_GUIDE_HREF,
    detail: 'Password management and best practices shows how to choose it.',
  });
  if (role === 'admin') {
    actions.push(
      step(
        'step-educate-users',
        'Remind your users of these risks',
        'One careless habit can open every mailbox of the company to an intruder.',
      ),
    );
  }
  return actions;
}

function judge(state: CheckerState): Omit<Verdict, 'brief'> {
  if (state.symptoms.length > 0) {
    const actions = compromisedActions(state);
    return {
      severity: 'compromised',
      label: 'Compromised',
      headline: 'Treat the mailbox as compromised and act now',
      summary: `Any one of these signs means someone else may be using the mailbox. Do these ${actions.length} things, in this order.`,
      actions,
    };
  }
  if (state.risks.length > 0) {
    const actions = atRiskActions(state);
    return {
      severity: 'at-risk',
      label: 'At risk',
      headline: 'Not necessarily compromised, but at risk',
      summary:
        'You ticked no sign of a break-in, but these habits make one more likely. Secure the mailbox now; if you notice any of the signs, treat it as compromised.',
      actions,
    };
  }
  return NO_VERDICT;
}

export function getVerdict(input: CheckerState): Verdict {
  const verdict = judge(normalizeState(input));
  return { ...verdict, brief: verdict.label && `${verdict.label}: ${verdict.actions.length} things to do` };
}
