/**
 * What the checklist shows, derived from its state: each step's status and
 * reason, the progress in words and the next step. The island and the
 * incident record both read this, so they always agree.
 */
import { isNotApplicable, missingPrerequisites, shownSteps, type ChecklistState } from './state';
import { FOLLOW_UP_STEP, RESTORE_STEP, trackedStep, type TrackedStepId } from './steps';

export type StepStatus = 'open' | 'done' | 'locked' | 'not-applicable';

export interface StepView {
  id: TrackedStepId;
  title: string;
  /** "Step 3", or "After step 2" for the follow-up. */
  label: string;
  /** Link to the full step in the article. */
  href: string;
  status: StepStatus;
  doneAt: number | null;
  /** For a locked step: what must be done first. */
  waitingFor: TrackedStepId[];
  /** Set when unticking a prerequisite reopened this step. */
  reopenedBecause: TrackedStepId | null;
  isNext: boolean;
}

export interface Progress {
  done: number;
  /** Steps that apply (not-applicable ones left out). */
  total: number;
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

export function stepViews(state: ChecklistState): StepView[] {
  const views = shownSteps(state).map((id): StepView => {
    const step = trackedStep(id);
    const status = statusOf(state, id);
    return {
      id,
      title: step.title,
      label: stepLabel(id),
      href: `#${step.articleStep}`,
      status,
      doneAt: state.done[id] ?? null,
      waitingFor: status === 'locked' ? missingPrerequisites(state) : [],
      reopenedBecause: state.reopened?.step === id ? state.reopened.because : null,
      isNext: false,
    };
  });
  const next = views.find((view) => view.status === 'open');
  if (next) next.isNext = true;
  return views;
}

export function progressOf(views: readonly StepView[]): Progress {
  const applicable = views.filter((view) => view.status !== 'not-applicable');
  const done = applicable.filter((view) => view.status === 'done').length;
  return {
    done,
    total: applicable.length,
    complete: done === applicable.length,
    next: views.find((view) => view.isNext)?.id ?? null,
  };
}

/** "3 of 6 done. Next: …", for the live status line. */
export function progressText(views: readonly StepView[]): string {
  const progress = progressOf(views);
  if (progress.complete) return `All ${progress.total} steps done.`;
  const next = views.find((view) => view.isNext);
  const nextText = next ? ` Next: ${next.title}.` : ' The remaining step cannot start yet.';
  return `${progress.done} of ${progress.total} done.${nextText}`;
}
