/**
 * The tracker's own place, above the article's steps: its heading, where
 * progress is kept, who is working through it, and the progress line in
 * words, which sticks to the top of the screen down to the last step.
 */
import type { ComponentChildren } from 'preact';
import { progressText, type StepView } from '../../lib/checklist/progress';
import { setRole, type ChecklistState } from '../../lib/checklist/state';
import type { LoadProblem } from '../../lib/checklist/storage';
import { storageNotice } from '../../lib/checklist/storage-notice';
import type { Role } from '../../lib/kit/role';

const ROLES: { value: Role; label: string }[] = [
  { value: 'user', label: 'I use this mailbox' },
  { value: 'admin', label: 'I\u2019m the email administrator' },
];

interface Props {
  checklist: ChecklistState;
  views: readonly StepView[];
  canSave: boolean;
  problem: LoadProblem | null;
  onChange: (next: ChecklistState) => void;
  /** A question that must be answered before anything else (a link's hand-off over saved progress). */
  children?: ComponentChildren;
}

/**
 * The progress line in two parts: the steps, and the sub-tasks after them.
 * The steps' part is the same line for views without their sub-tasks.
 */
function progressParts(views: readonly StepView[]): { steps: string; subtasks: string } {
  const whole = progressText(views);
  const steps = progressText(views.map((view) => ({ ...view, subtasks: [] })));
  return { steps, subtasks: whole.slice(steps.length) };
}

export function ChecklistHead({ checklist, views, canSave, problem, onChange, children }: Props) {
  const notice = storageNotice(problem, canSave);
  const progress = progressParts(views);
  // While steps remain, the sub-tasks' part is for screen readers only: on screen each sub-task shows its status
  // where it is, and the line that sticks to the top of the screen stays one or two lines on a phone.
  const stepsRemain = views.some((view) => view.status === 'open' || view.status === 'locked');
  return (
    <>
      <div class="checklist__head">
        <h3 class="checklist__heading" tabIndex={-1}>
          Your recovery checklist
        </h3>
        <p class="checklist__intro">
          Tick each step when done. Progress stays in this browser{canSave ? ' for when you come back' : ''}, sent
          nowhere.
        </p>
        {children}
        {notice !== null && (
          <p class="checklist__notice" data-storage-notice>
            <strong>Note:</strong> {notice}
          </p>
        )}
        <fieldset class="checklist__question checklist__role">
          <legend>Who is working through this checklist?</legend>
          {ROLES.map((role) => (
            <span class="checklist__choice" key={role.value}>
              <input
                type="radio"
                id={`checklist-role-${role.value}`}
                name="checklist-role"
                value={role.value}
                checked={checklist.role === role.value}
                onChange={() => onChange(setRole(checklist, role.value))}
              />
              <label for={`checklist-role-${role.value}`}>{role.label}</label>
            </span>
          ))}
        </fieldset>
      </div>
      <p class="checklist__progress" role="status" data-progress>
        {progress.steps}
        {progress.subtasks && <span class={stepsRemain ? 'visually-hidden' : undefined}>{progress.subtasks}</span>}
      </p>
    </>
  );
}
