/**
 * What the checklist shows, derived from its state: each step's status and
 * reason, the progress in words and the next step. The island and the
 * incident record both read this, so they always agree.
 */
import { remedyOf, type Remedy } from '../compromise/items';
import {
  accessOfChecklist,
  isNotApplicable,
  missingPrerequisites,
  shownSteps,
  shownSubtasks,
  type ChecklistState,
} from './state';
import {
  FOLLOW_UP_STEP,
  RESTORE_STEP,
  instruction,
  instructionLink,
  subtaskInstruction,
  trackedStep,
  type SubtaskId,
  type TrackedStepId,
} from './steps';

type StepStatus = 'open' | 'done' | 'locked' | 'not-applicable';

export interface SubtaskView {
  id: SubtaskId;
  title: string;
  /** What to do, for the role (and, with a disabled mailbox, when). */
  text: string;
  /** The page (or section) that explains it. */
  href: string;
  /** The text of the link to `href`. */
  linkText: string;
  /** The remedies of the noticed signs that called for it: links to the article's sections. */
  remedies: Remedy[];
  status: 'open' | 'done';
  doneAt: number | null;
  /** Whether the mailbox counts as secure again while it is open. */
  holdsBackCompletion: boolean;
}

export interface StepView {
  id: TrackedStepId;
  title: string;
  /** "Step 3", or "After step 2" for the follow-up. */
  label: string;
  /** What to do, for the role and (step 1) for whether the owner can still sign in. */
  text: string;
  /** Link to the full step in the article. */
  href: string;
  /** A further page for this role, when the step's text names one (the domain blocklist). */
  more: { text: string; href: string } | undefined;
  status: StepStatus;
  doneAt: number | null;
  /** For a locked step: what must be done first. */
  waitingFor: TrackedStepId[];
  /** Set when unticking a prerequisite reopened this step. */
  reopenedBecause: TrackedStepId | null;
  isNext: boolean;
  /** Sub-tasks the noticed signs added to this step: they never change its status. */
  subtasks: SubtaskView[];
}

export interface Progress {
  /** Steps done. */
  done: number;
  /** Steps that apply (not-applicable ones left out). */
  total: number;
  /** Sub-tasks shown and not ticked. */
  openSubtasks: number;
  /**
   * Every step done, and every sub-task that keeps the mailbox at risk
   * (the way back, the intruder's settings): only then is it secure again.
   * What to check after the six steps stays open in the record until ticked.
   */
  complete: boolean;
  next: TrackedStepId | null;
}

export function stepLabel(id: TrackedStepId): string {
  const { articleNumber } = trackedStep(id);
  return id === FOLLOW_UP_STEP ? `After step ${articleNumber}` : `Step ${articleNumber}`;
}

function statusOf(state: ChecklistState, id: TrackedStepId): StepStatus {
  if (state.done[id] !== undefined) return 'done';
  if (isNotApplicable(state, id)) return 'not-applicable';
  if (id === RESTORE_STEP && missingPrerequisites(state).length > 0) return 'locked';
  return 'open';
}

function subtaskViews(state: ChecklistState, step: TrackedStepId): SubtaskView[] {
  return shownSubtasks(state)
    .filter((candidate) => candidate.step === step)
    .map((candidate): SubtaskView => ({
      id: candidate.id,
      title: candidate.title,
      text: subtaskInstruction(candidate.id, state.role, state.mailboxDisabled === 'yes'),
      href: candidate.href,
      linkText: candidate.linkText,
      remedies: candidate.symptoms.filter((id) => state.symptoms.includes(id)).flatMap((id) => remedyOf(id) ?? []),
      status: state.subtasks[candidate.id] === undefined ? 'open' : 'done',
      doneAt: state.subtasks[candidate.id] ?? null,
      holdsBackCompletion: candidate.holdsBackCompletion,
    }));
}

export function stepViews(state: ChecklistState): StepView[] {
  const views = shownSteps(state).map((id): StepView => {
    const step = trackedStep(id);
    const status = statusOf(state, id);
    return {
      id,
      title: step.title,
      text: instruction(id, state.role, accessOfChecklist(state)),
      label: stepLabel(id),
      href: `#${step.articleStep}`,
      more: instructionLink(id, state.role),
      status,
      doneAt: state.done[id] ?? null,
      waitingFor: status === 'locked' ? missingPrerequisites(state) : [],
      reopenedBecause: state.reopened?.step === id ? state.reopened.because : null,
      isNext: false,
      subtasks: subtaskViews(state, id),
    };
  });
  const next = views.find((view) => view.status === 'open');
  if (next) next.isNext = true;
  return views;
}

export function progressOf(views: readonly StepView[]): Progress {
  const applicable = views.filter((view) => view.status !== 'not-applicable');
  const done = applicable.filter((view) => view.status === 'done').length;
  const open = views.flatMap((view) => view.subtasks).filter((sub) => sub.status === 'open');
  return {
    done,
    total: applicable.length,
    openSubtasks: open.length,
    complete: done === applicable.length && !open.some((sub) => sub.holdsBackCompletion),
    next: views.find((view) => view.isNext)?.id ?? null,
  };
}

/**
 * "3 of 6 done. Next: …", for the live status line; then each sub-task's
 * state, so that ticking one is announced like ticking a step.
 */
export function progressText(views: readonly StepView[]): string {
  const progress = progressOf(views);
  const subtasks = views.flatMap((view) =>
    view.subtasks.map(
      (sub) => ` Sub-task of ${view.label.toLowerCase()} ${sub.status === 'done' ? 'done' : 'to do'}: ${sub.title}.`,
    ),
  );
  if (progress.done === progress.total) return `All ${progress.total} steps done.${subtasks.join('')}`;
  const next = views.find((view) => view.isNext);
  const nextText = next ? ` Next: ${next.title}.` : ' The remaining step cannot start yet.';
  return `${progress.done} of ${progress.total} done.${nextText}${subtasks.join('')}`;
}
