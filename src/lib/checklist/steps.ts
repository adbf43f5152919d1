/**
 * The steps the checklist tracks: the article's six (titles from
 * src/lib/compromise/items.ts, the one source with the article) plus the
 * follow-up a malware find adds after the scan, the sub-task some signs add
 * to a step, and what each role does in each of them. Pure data.
 */
import {
  AFTER_THE_STEPS_TASK,
  CLOSE_WAY_BACK_TASK,
  DOMAIN_BLOCKLIST_HREF,
  DO_NOT_BLOCK_TEXT,
  INTRUDER_CHANGES_ARTICLE_PATH,
  INTRUDER_CHANGES_TASK,
  STEPS,
  SYMPTOMS,
  type RecoveryStep,
  type StepId,
  type Symptom,
  type SymptomId,
} from '../compromise/items';
import { ORDER_PATHS, orderSentence, type Access } from '../compromise/order';
import type { Role } from '../kit/role';

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
const TRACKED_STEPS: readonly TrackedStep[] = STEPS.flatMap((step, index): TrackedStep[] => {
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

/** Step 1 for a role and access, from the order table: who acts first, what comes next, and where to turn if stuck. */
function changePasswordInstruction(role: Role, access: Access): string {
  // Administrators have one path, whether or not the owner can sign in.
  const path = ORDER_PATHS.find(
    (candidate) => candidate.role === role && (role === 'admin' || candidate.access === access),
  );
  const handOver = role === 'admin' ? ' Give the owner the new password in person or by phone.' : '';
  return `${orderSentence(role, access)}${handOver}${path?.note ? ` ${path.note}` : ''}`;
}

/** Step 1 when it is not known whether the owner can sign in: every path of the role, as the article lists them. */
function changePasswordPaths(role: Role): string {
  return ORDER_PATHS.filter((path) => path.role === role)
    .map((path) =>
      role === 'admin'
        ? changePasswordInstruction(role, path.access)
        : `${path.who}: ${changePasswordInstruction(role, path.access)}`,
    )
    .join(' ');
}

/** One line per step and role: what to do, and who does it. */
const INSTRUCTIONS: Record<TrackedStepId, Record<Role, string>> = {
  'step-change-password': { user: changePasswordPaths('user'), admin: changePasswordPaths('admin') },
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
    user: 'An administrator does this: ask yours to restore access to the mailbox.',
    admin: 'Restore access to the mailbox in the Cloud Office Control Panel.',
  },
  'step-alert-others': {
    user: 'Alert your administrator at once, then tell colleagues to ignore odd messages from your address.',
    admin: 'Alert your users and colleagues: ignore odd messages from this address and check their own mailboxes.',
  },
  'step-blocklist-sender': {
    user: `Find the return-path address and originating IP in the headers of the message that led to the break-in, and blocklist both in webmail. ${DO_NOT_BLOCK_TEXT}`,
    admin: `Find the return-path address and originating IP in the message headers, and blocklist both for the whole domain (Control Panel: Domains, Spam Settings, Blocklists). ${DO_NOT_BLOCK_TEXT}`,
  },
  'step-educate-users': {
    user: 'Learn the risk factors and the warning signs, so that you spot the next attempt.',
    admin: 'Teach everyone who uses the company\u2019s email the risk factors and the warning signs.',
  },
};

/**
 * What to do in a step, for a role. Step 1 depends on whether the owner can
 * still sign in: given `access`, only that path; without it, every path of
 * the role.
 */
export function instruction(id: TrackedStepId, role: Role, access?: Access): string {
  return id === 'step-change-password' && access !== undefined
    ? changePasswordInstruction(role, access)
    : INSTRUCTIONS[id][role];
}

/** Where a step's instruction points for more (besides the article's step): the domain blocklist for administrators. */
export function instructionLink(id: TrackedStepId, role: Role): { text: string; href: string } | undefined {
  return id === 'step-blocklist-sender' && role === 'admin'
    ? { text: 'Blocklist for the whole domain', href: DOMAIN_BLOCKLIST_HREF }
    : undefined;
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
  /** Any of these signs adds it; empty when it is always there. */
  symptoms: readonly SymptomId[];
  /** Shown whatever signs were noticed. */
  always: boolean;
  /** Whether the mailbox counts as secure again while it is open (see `complete` in progress.ts). */
  holdsBackCompletion: boolean;
  /** The text of the link to `href`. */
  linkText: string;
}

export type SubtaskId = 'remove-intruder-changes' | 'check-security' | 'after-the-steps';

/**
 * Under the password change: closing the intruder's way back (always: a
 * recovery method they set up survives any password change), and removing
 * their forwarding, filters and reply-to changes for the signs whose remedy
 * is in the companion article (today `symptom-forwarding-rules` and
 * `symptom-reply-to-changed`). Under the last step: what to check once the
 * six are done (always; it does not keep the mailbox from counting as
 * secure, since the checklist's completion points to it).
 */
export const SUBTASKS: readonly Subtask[] = [
  {
    id: 'check-security',
    title: CLOSE_WAY_BACK_TASK.title,
    href: CLOSE_WAY_BACK_TASK.href,
    linkText: 'What to check in Settings, Security',
    step: 'step-change-password',
    symptoms: [],
    always: true,
    holdsBackCompletion: true,
  },
  {
    id: 'remove-intruder-changes',
    title: INTRUDER_CHANGES_TASK.title,
    href: INTRUDER_CHANGES_TASK.href,
    linkText: 'Every setting to check',
    step: 'step-change-password',
    symptoms: (SYMPTOMS as readonly Symptom[])
      .filter((symptom) => symptom.remedy?.href.startsWith(INTRUDER_CHANGES_ARTICLE_PATH))
      .map((symptom) => symptom.id as SymptomId),
    always: false,
    holdsBackCompletion: true,
  },
  {
    id: 'after-the-steps',
    title: AFTER_THE_STEPS_TASK.title,
    href: AFTER_THE_STEPS_TASK.href,
    linkText: 'After the six steps',
    step: 'step-educate-users',
    symptoms: [],
    always: true,
    holdsBackCompletion: false,
  },
];

export function isSubtaskId(value: unknown): value is SubtaskId {
  return SUBTASKS.some((candidate) => candidate.id === value);
}

/** One line per role: what to do; with a disabled mailbox, also when. */
const SUBTASK_INSTRUCTIONS: Record<SubtaskId, Record<Role, string>> = {
  'check-security': {
    user: 'In webmail, Settings, Security: reset the password-recovery method and the multi-factor method, and remove trusted devices you do not know.',
    admin:
      'Ask the user to check webmail Settings, Security (recovery method, trusted devices, multi-factor method), or reset their multi-factor setup in the Control Panel.',
  },
  'after-the-steps': {
    user: 'Look through Sent and Deleted Items, warn people outside the company who got mail from the intruder, and change the passwords of accounts that reset through this mailbox or shared its password.',
    admin:
      'Check what the intruder read or sent, warn outside recipients, and decide with whoever handles data protection whether the breach must be reported.',
  },
  'remove-intruder-changes': {
    user: 'A new password does not switch them off: sign in to webmail with it and check every setting the intruder may have changed.',
    admin:
      'A new password does not switch them off: sign in to webmail with it and check the settings, or ask the mailbox\u2019s user to.',
  },
};

/** The sub-tasks done in webmail: a disabled mailbox puts them off until access is restored. */
const IN_WEBMAIL: readonly SubtaskId[] = ['check-security', 'remove-intruder-changes'];

export function subtaskInstruction(id: SubtaskId, role: Role, mailboxDisabled: boolean): string {
  const text = SUBTASK_INSTRUCTIONS[id][role];
  // Undoing settings needs webmail, which a disabled mailbox refuses until it is restored.
  return mailboxDisabled && IN_WEBMAIL.includes(id)
    ? `${text} Webmail opens again once access is restored (step ${trackedStep(RESTORE_STEP).articleNumber}): do this then.`
    : text;
}
