/**
 * The checker's verdict: from what a reader ticked to what they should do, in
 * order, each action linking to the part of the site that explains it.
 * Pure data in, data out; the Preact island only renders the result.
 *
 * Rules (from the article, issues 3, 13 and 22):
 * - nothing ticked: a neutral prompt, no verdict;
 * - any symptom: compromised, act now. The first two actions come from the
 *   order table (src/lib/compromise/order.ts), by role and by whether the
 *   owner can still sign in (`symptom-password-changed` and
 *   `symptom-mailbox-disabled` mean they cannot): a user who can changes the
 *   password, then tells the administrator; a user who cannot asks the
 *   administrator for a reset first; an administrator resets it. Then:
 *   - closing the intruder's way back (recovery method, trusted devices,
 *     multi-factor) and the remedies of `symptom-forwarding-rules` /
 *     `symptom-reply-to-changed`: right after the password, or right after
 *     the restore when the mailbox is disabled, since they need webmail;
 *   - the article's other steps in order, `step-restore-access` only with
 *     `symptom-mailbox-disabled`, after the password and the scans, with its
 *     warning; then what to check after the six steps;
 *   - ticked risk factors follow, each as the habit to give up;
 * - no symptom but risk factors: at risk, not necessarily compromised; how to
 *   reduce each risk, then the password guide;
 * - the role changes who does what: a user asks for resets and restores; an
 *   administrator does them in the Control Panel, alerts users and can
 *   blocklist for the whole domain.
 */
import {
  AFTER_THE_STEPS_ID,
  AFTER_THE_STEPS_TASK,
  CLOSE_WAY_BACK_TASK,
  DOMAIN_BLOCKLIST_HREF,
  DO_NOT_BLOCK_TEXT,
  PASSWORD_ARTICLE_PATH,
  RISK_FACTORS,
  STEPS,
  remedyOf,
  type StepId,
  type SymptomId,
} from '../compromise/items';
import { accessOf, firstMoves, type Move } from '../compromise/order';
import { NO_VERDICT, type Verdict, type VerdictAction } from './prompt';
import { normalizeState, type CheckerState } from './state';

export type { Verdict } from './prompt';

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

function moveAction({ key, text, detail, href }: Move): VerdictAction {
  return { key, text, detail, href };
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

function closeWayBack(admin: boolean): VerdictAction {
  return {
    key: 'check-security',
    text: CLOSE_WAY_BACK_TASK.title,
    href: CLOSE_WAY_BACK_TASK.href,
    detail: admin
      ? 'An intruder who set their own recovery phone or authenticator can take the mailbox back with "Forgot password". You can reset the user\u2019s multi-factor setup in the Control Panel.'
      : 'An intruder who set their own recovery phone or authenticator can take the mailbox back with "Forgot password".',
  };
}

function compromisedActions({ symptoms, risks, role }: CheckerState): VerdictAction[] {
  const admin = role === 'admin';
  const has = (id: SymptomId) => symptoms.includes(id);
  const disabled = has('symptom-mailbox-disabled');
  const first = firstMoves(role, accessOf(symptoms)).map(moveAction);
  // These need webmail, which a disabled mailbox refuses until it is restored.
  const inWebmail = [
    closeWayBack(admin),
    ...REMEDIES.filter(([id]) => has(id)).map(([id, key, detail]): VerdictAction => ({
      key,
      ...remedyOf(id)!,
      detail,
    })),
  ];
  const scan = step(
    'step-scan-devices',
    stepText('step-scan-devices', 'action'),
    'If a scan finds malware, remove it and change the password a second time: the new one may already be captured.',
  );
  const actions: VerdictAction[] = [...first];
  if (!disabled) actions.push(...inWebmail);
  if (!first.some((action) => action.key === scan.key)) actions.push(scan);
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
      ...inWebmail,
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
      ? {
          key: 'step-blocklist-sender',
          text: 'Blocklist the attacker\u2019s return-path address and IP address for the whole domain',
          href: DOMAIN_BLOCKLIST_HREF,
          detail: `Find both in the headers of the message that led to the break-in. ${DO_NOT_BLOCK_TEXT}`,
        }
      : step(
          'step-blocklist-sender',
          stepText('step-blocklist-sender', 'action'),
          `Find both in the headers of the message that led to the break-in, then blocklist them in webmail. ${DO_NOT_BLOCK_TEXT}`,
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
    {
      key: AFTER_THE_STEPS_ID,
      text: AFTER_THE_STEPS_TASK.title,
      href: AFTER_THE_STEPS_TASK.href,
      detail:
        'Sent and Deleted Items, outside recipients, other accounts that trust this mailbox, and a possible duty to report.',
    },
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
