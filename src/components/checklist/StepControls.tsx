/**
 * What the tracker adds to one of the article's steps, right under its
 * heading: the box that ticks it, its status in words, what the reader's role
 * does in it, why it is locked or reopened, its sub-tasks, and a note. The
 * step's title and instructions are the article's own, above and below; the
 * box is labelled by the article's heading. The follow-up a malware find adds
 * (not an article step) carries its own title.
 *
 * What the reader's role does is folded ("In short") on the article's steps:
 * the article's own instructions follow right below, and on a phone the
 * same thing told twice would push them a screen further down (issue 21).
 * The follow-up has no article text, so its instruction shows.
 */
import type { ComponentChildren } from 'preact';
import { stepLabel, type StepView, type SubtaskView } from '../../lib/checklist/progress';
import { NOTE_MAX_LENGTH } from '../../lib/checklist/state';
import { FOLLOW_UP_STEP, RESTORE_WARNING, trackedStep } from '../../lib/checklist/steps';
import { shortTime } from './time';

const TAG: Record<StepView['status'], string> = {
  done: 'Done',
  open: 'To do',
  locked: 'Cannot start yet',
  'not-applicable': 'Not applicable',
};

interface Props {
  view: StepView;
  note: string;
  targeted: boolean;
  onTick: (on: boolean) => void;
  onSubtaskTick: (sub: SubtaskView, on: boolean) => void;
  onNote: (text: string) => void;
  /** A question that belongs to this step (the restore step's). */
  children?: ComponentChildren;
}

export function StepControls({ view, note, targeted, onTick, onSubtaskTick, onNote, children }: Props) {
  const { id, status } = view;
  const base = `checklist-${id}`;
  const locked = status === 'locked';
  const ownTitle = id === FOLLOW_UP_STEP;
  const describedBy = [
    `${base}-tag`,
    `${base}-text`,
    locked && `${base}-reason`,
    view.reopenedBecause && `${base}-flag`,
  ]
    .filter(Boolean)
    .join(' ');
  const tag = view.isNext
    ? 'Next'
    : status === 'done' && view.doneAt !== null
      ? `Done ${shortTime(view.doneAt)}`
      : TAG[status];

  const instruction = (
    <p class="checklist__text" id={`${base}-text`}>
      {view.text}
      {view.more && (
        <>
          {' '}
          <a href={view.more.href}>{view.more.text}</a>.
        </>
      )}
    </p>
  );

  return (
    <div
      data-step={id}
      data-status={status}
      tabIndex={-1}
      class={`checklist__step${view.isNext ? ' checklist__step--next' : ''}${targeted ? ' checklist__step--targeted' : ''}`}
    >
      <div class="checklist__row">
        <input
          type="checkbox"
          id={base}
          checked={status === 'done'}
          disabled={locked || status === 'not-applicable'}
          aria-labelledby={ownTitle ? `${base}-label` : `${base}-label ${trackedStep(id).articleStep}-title`}
          aria-describedby={describedBy}
          onChange={(event) => onTick(event.currentTarget.checked)}
        />
        <label for={base} id={`${base}-label`}>
          {ownTitle ? (
            <>
              <span class="checklist__label">{view.label}:</span> {view.title}
            </>
          ) : (
            `Mark ${view.label.toLowerCase()} done`
          )}
        </label>
        <span class={`checklist__tag checklist__tag--${view.isNext ? 'next' : status}`} id={`${base}-tag`}>
          {tag}
        </span>
      </div>
      {ownTitle ? (
        instruction
      ) : (
        <details class="checklist__in-short">
          <summary>In short</summary>
          {instruction}
        </details>
      )}
      {locked && (
        <p class="checklist__reason" id={`${base}-reason`}>
          {/* The steps by number, linked: their titles are right there in the article. */}
          <strong>Cannot start yet.</strong> First:{' '}
          {view.waitingFor.map((waiting, index) => (
            <span key={waiting}>
              {index > 0 && ', '}
              <a href={`#${trackedStep(waiting).articleStep}`}>{stepLabel(waiting).toLowerCase()}</a>
            </span>
          ))}
          . {RESTORE_WARNING}
        </p>
      )}
      {view.reopenedBecause && (
        <p class="checklist__flag" id={`${base}-flag`}>
          <strong>Reopened:</strong> &ldquo;{trackedStep(view.reopenedBecause).title}&rdquo; was marked not done after
          this step was ticked. If access was already restored, make sure that step is done at once, then tick this one
          again.
        </p>
      )}
      {view.subtasks.length > 0 && (
        <ul class="checklist__subtasks">
          {view.subtasks.map((sub) => (
            <SubtaskControls key={sub.id} sub={sub} onTick={(on) => onSubtaskTick(sub, on)} />
          ))}
        </ul>
      )}
      {children}
      <details class="checklist__note" open={note !== ''}>
        <summary>{note === '' ? 'Add a note' : 'Note'}</summary>
        <label for={`${base}-note`} class="visually-hidden">
          Note for {view.label}
        </label>
        <textarea
          id={`${base}-note`}
          rows={2}
          maxLength={NOTE_MAX_LENGTH}
          value={note}
          aria-describedby={`${base}-note-hint`}
          onInput={(event) => onNote(event.currentTarget.value)}
        />
        <span class="checklist__hint" id={`${base}-note-hint`}>
          Plain text, up to {NOTE_MAX_LENGTH} characters, for example the IP address you blocklisted. Never write a
          password here.
        </span>
      </details>
      {note !== '' && <p class="checklist__print-note">Note: {note}</p>}
    </div>
  );
}

/**
 * A sub-task the checker's answers added: a box of its own, never gating its
 * step; the live progress line says when it is ticked or unticked.
 */
function SubtaskControls({ sub, onTick }: { sub: SubtaskView; onTick: (on: boolean) => void }) {
  const base = `checklist-${sub.id}`;
  return (
    <li data-subtask={sub.id} data-status={sub.status} class="checklist__subtask">
      <div class="checklist__row">
        <input
          type="checkbox"
          id={base}
          checked={sub.status === 'done'}
          aria-describedby={`${base}-tag ${base}-text`}
          onChange={(event) => onTick(event.currentTarget.checked)}
        />
        <label for={base}>
          <span class="checklist__label">Sub-task:</span> {sub.title}
        </label>
        <span class={`checklist__subtag checklist__tag--${sub.status}`} id={`${base}-tag`}>
          {sub.doneAt === null ? TAG.open : `Done ${shortTime(sub.doneAt)}`}
        </span>
      </div>
      {/* Folded like a step's: the article says it too (step 1's way back, after the six steps). */}
      <details class="checklist__in-short">
        <summary>In short</summary>
        <p class="checklist__text" id={`${base}-text`}>
          {sub.text}{' '}
          {sub.remedies.map((remedy) => (
            <span key={remedy.href}>
              <a href={remedy.href}>{remedy.text}</a>.{' '}
            </span>
          ))}
          <a href={sub.href}>{sub.linkText}</a>
        </p>
      </details>
    </li>
  );
}
