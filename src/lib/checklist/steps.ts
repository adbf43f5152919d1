/**
 * The steps the checklist tracks: the article's six (titles from
 * src/lib/compromise/items.ts, the one source with the article) plus the
 * follow-up a malware find adds after the scan, the sub-task some signs add
 * to a step, and what each role does in each of them. Pure data.
 */
import {
  INTRUDER_CHANGES_ARTICLE_PATH,
  INTRUDER_CHANGES_TASK,
  STEPS,
  SYMPTOMS,
  type RecoveryStep,
  type StepId,
  type Symptom,
  type SymptomId,
} from '../compromise/items';
import type { Role } from '../symptom-checker/state';

/**
 * The step a malware find adds after the scan (step 2 of the article asks for
 * it in words). It is not one of the article's six and has no id on the page:
 * it links to the scan step.
 */
const MALWARE_FOLLOW_UP_STEP = {
  id: 'step-change-password-again',
  title: 'Change the password again, after removing the malware',
} as const satisfies Omit<RecoveryStep, 'action'>;

export type TrackedStepId = StepId | typeof MALWARE_FOLLOW_UP_STEP.id;

export interface TrackedStep {
  id: TrackedStepId;
  title: string;
  /** The step of the article that explains it in full. */
  articleStep: StepId;
  /** That step's number in the article. */
  articleNumber: number;
}

/** Every step the tracker knows, in the order they are done. */
export const TRACKED_STEPS: readonly TrackedStep[] = STEPS.flatMap((step, index): TrackedStep[] => {
  const own = { id: step.id, title: step.title, articleStep: step.id, articleNumber: index + 1 };
  return step.id === 'step-scan-devices'
    ? [own, { ...own, id: MALWARE_FOLLOW_UP_STEP.id, title: MALWARE_FOLLOW_UP_STEP.title }]
    : [own];
});

export const TRACKED_STEP_IDS: readonly TrackedStepId[] = TRACKED_STEPS.map((step) => step.id);

export function isTrackedStepId(value: unknown): value is TrackedStepId {
  return typeof value === 'string' && (TRACKED_STEP_IDS as readonly string[]).includes(value);
}

export function trackedStep(id: TrackedStepId): TrackedStep {
  return TRACKED_STEPS.find((step) => step.id === id)!;
}

export const RESTORE_STEP = 'step-restore-access' as const satisfies StepId;
export const SCAN_STEP = 'step-scan-devices' as const satisfies StepId;
export const FOLLOW_UP_STEP = MALWARE_FOLLOW_UP_STEP.id;

/** The article's warning on the restore step, in words. */
export const RESTORE_WARNING =
  'Restore access only after the password has been changed and every device has been scanned. Otherwise the intruder can walk straight back in.';

export const ROLE_LABELS: Record<Role, string> = { user: 'User', admin: 'Administrator' };

/** One line per step and role: what to do, and who does it. */
const INSTRUCTIONS: Record<TrackedStepId, Record<Role, string>> = {
  'step-change-password': {
    user: 'Change it in webmail with your current password. If you cannot sign in, ask your administrator to reset it.',
    admin: 'Reset it in the Cloud Office Control Panel, then give the owner the new password in person or by phone.',
  },
  'step-scan-devices': {
    user: 'Run a full virus and malware scan on every computer, phone and tablet you read this mail on.',
    admin: 'Have the owner run a full scan on every computer, phone and tablet they read this mail on.',
  },
  'step-change-password-again': {
    user: 'Once the malware is removed, choose another new password: the malware may have captured the first one.',
    admin:
      'Once the malware is removed, reset the password again in the Control Panel: the first new one may be captured.',
  },
  'step-restore-access': {
    user: 'Your administrator does this: ask them to restore access to the mailbox.',
    admin: 'Restore access to the mailbox in the Cloud Office Control Panel.',
  },
  'step-alert-others': {
    user: 'Alert your administrator at once, then tell colleagues to ignore odd messages from your address.',
    admin: 'Alert your users and colleagues: ignore odd messages from this address and check their own mailboxes.',
  },
  'step-blocklist-sender': {
    user: 'Find the return-path address and originating IP in the headers of the message that led to the break-in, and blocklist both in webmail.',
    admin:
      'Find the return-path address and originating IP in the message headers, and blocklist both for the whole domain.',
  },
  'step-educate-users': {
    user: 'Learn the risk factors and the warning signs, so that you spot the next attempt.',
    admin: 'Teach everyone who uses the company\u2019s email the risk factors and the warning signs.',
  },
};

export function instruction(id: TrackedStepId, role: Role): string {
  return INSTRUCTIONS[id][role];
}

/**
 * A task some signs add inside a step. It has its own tick, kept and recorded
 * like a step's, but it gates nothing: its step can be ticked while it is
 * open (see `isComplete` in progress.ts for what it does hold back).
 */
export interface Subtask {
  /** Stable: the stored tick and the page's `data-subtask` hook use it. */
  id: SubtaskId;
  title: string;
  /** The page that explains it. */
  href: string;
  /** The step it belongs to. */
  step: TrackedStepId;
  /** Any of these signs adds it. */
  symptoms: readonly SymptomId[];
}

export type SubtaskId = 'remove-intruder-changes';

/**
 * "Remove the intruder's forwarding, filters and reply-to changes", under the
 * password change, for the signs whose remedy is in the companion article
 * (today `symptom-forwarding-rules` and `symptom-reply-to-changed`).
 */
export const SUBTASKS: readonly Subtask[] = [
  {
    id: 'remove-intruder-changes',
    title: INTRUDER_CHANGES_TASK.title,
    href: INTRUDER_CHANGES_TASK.href,
    step: 'step-change-password',
    symptoms: (SYMPTOMS as readonly Symptom[])
      .filter((symptom) => symptom.remedy?.href.startsWith(INTRUDER_CHANGES_ARTICLE_PATH))
      .map((symptom) => symptom.id as SymptomId),
  },
];

export function isSubtaskId(value: unknown): value is SubtaskId {
  return SUBTASKS.some((candidate) => candidate.id === value);
}

/** One line per role: what to do; with a disabled mailbox, also when. */
const SUBTASK_INSTRUCTIONS: Record<SubtaskId, Record<Role, string>> = {
  'remove-intruder-changes': {
    user: 'A new password does not switch them off: sign in to webmail with it and check every setting the intruder may have changed.',
    admin:
      'A new password does not switch them off: sign in to webmail with it and check the settings, or ask the mailbox\u2019s user to.',
  },
};

export function subtaskInstruction(id: SubtaskId, role: Role, mailboxDisabled: boolean): string {
  const text = SUBTASK_INSTRUCTIONS[id][role];
  // Undoing settings needs webmail, which a disabled mailbox refuses until it is restored.
  return mailboxDisabled
    ? `${text} Webmail opens again once access is restored (step ${trackedStep(RESTORE_STEP).articleNumber}): do this then.`
    : text;
}
