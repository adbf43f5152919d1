/**
 * A link's symptom-checker answers never silently rewrite saved progress
 * (issue 24, finding 7): a page on another site linking to
 * `?symptoms=bounce-messages&role=user#secure-your-mailbox` used to turn an
 * administrator into a user, "mailbox disabled" yes into no, and delete the
 * restore tick.
 */
import { describe, expect, it } from 'vitest';
import { answerHandoff, decideHandoff, savedProgressSummary } from '../../../src/lib/checklist/handoff';
import {
  answerMailboxDisabled,
  answerMalwareFound,
  emptyChecklist,
  setNote,
  setStepDone,
  setSubtaskDone,
  type ChecklistState,
} from '../../../src/lib/checklist/state';
import type { CheckerState } from '../../../src/lib/symptom-checker/state';
import { decodeCheckerQuery } from '../../../src/lib/symptom-checker/url-state';

const T = 1_780_000_000_000;
const FOREIGN_LINK = decodeCheckerQuery('?symptoms=bounce-messages&role=user');

/** An administrator whose mailbox was disabled, with every step before the restore done and the restore ticked. */
function adminWhoRestoredAccess(): ChecklistState {
  let state: ChecklistState = { ...emptyChecklist(), role: 'admin' };
  state = answerMailboxDisabled(state, 'yes');
  state = answerMalwareFound(state, 'no');
  state = setStepDone(state, 'step-change-password', true, T);
  state = setStepDone(state, 'step-scan-devices', true, T + 1);
  state = setStepDone(state, 'step-restore-access', true, T + 2);
  return state;
}

describe('decideHandoff', () => {
  it('the attack of finding 7: asks, names what would change, and changes nothing yet', () => {
    const saved = adminWhoRestoredAccess();
    expect(saved.done['step-restore-access']).toBe(T + 2);
    const decision = decideHandoff(saved, FOREIGN_LINK);
    expect(decision.kind).toBe('ask');
    if (decision.kind !== 'ask') return;
    expect(decision.question.saved).toBe(
      '3 of 6 steps done; role: Administrator; mailbox disabled: Yes; signs noticed: Rackspace told you the mailbox has been disabled',
    );
    expect(decision.question.changes).toEqual([
      'Role: Administrator would become User.',
      '\u201cDid Rackspace disable the mailbox?\u201d: Yes would become No.',
      'Signs noticed: Rackspace told you the mailbox has been disabled would become Bounce messages for mail you never sent.',
      'The tick of \u201cRestore access if Rackspace disabled the mailbox\u201d would be removed.',
    ]);
  });

  it('applies at once when nothing is saved (the checker used on a fresh page)', () => {
    const answers: CheckerState = { symptoms: ['symptom-mailbox-disabled'], risks: [], role: 'admin' };
    const decision = decideHandoff(emptyChecklist(), answers);
    expect(decision.kind).toBe('apply');
    if (decision.kind !== 'apply') return;
    expect(decision.next.role).toBe('admin');
    expect(decision.next.mailboxDisabled).toBe('yes');
  });

  it('asks about signs that differ, and applies at once when the answers match what is saved', () => {
    const saved = setNote(emptyChecklist(), 'step-alert-others', 'Told the team');
    const decision = decideHandoff(
      { ...saved, mailboxDisabled: 'no' },
      { symptoms: ['symptom-bounce-messages'], risks: [], role: 'user' },
    );
    // The signs are new (none were saved): that alone is a change the reader is asked about.
    expect(decision.kind).toBe('ask');
    const same = decideHandoff(
      { ...saved, mailboxDisabled: 'no', symptoms: ['symptom-bounce-messages'] },
      { symptoms: ['symptom-bounce-messages'], risks: [], role: 'user' },
    );
    expect(same.kind).toBe('apply');
  });

  it('does nothing for an address without answers, or answers already applied', () => {
    expect(decideHandoff(adminWhoRestoredAccess(), decodeCheckerQuery('')).kind).toBe('none');
    const applied = answerHandoff(adminWhoRestoredAccess(), FOREIGN_LINK, true);
    expect(decideHandoff(applied, FOREIGN_LINK).kind).toBe('none');
  });

  it('names a sub-task tick the answers would remove', () => {
    const answers: CheckerState = { symptoms: ['symptom-forwarding-rules'], risks: [], role: 'user' };
    const saved = setSubtaskDone(answerHandoff(emptyChecklist(), answers, true), 'remove-intruder-changes', true, T);
    const decision = decideHandoff(saved, FOREIGN_LINK);
    expect(decision.kind === 'ask' && decision.question.changes.at(-1)).toBe(
      'The tick of \u201cRemove the intruder\u2019s forwarding, filters and reply-to changes\u201d would be removed.',
    );
  });
});

describe('answerHandoff', () => {
  it('"Keep my saved progress" keeps everything, and the same link does not ask again', () => {
    const saved = adminWhoRestoredAccess();
    const kept = answerHandoff(saved, FOREIGN_LINK, false);
    expect({ ...kept, handoff: null }).toEqual({ ...saved, handoff: null });
    expect(decideHandoff(kept, FOREIGN_LINK).kind).toBe('none');
  });

  it('"Use the link\u2019s answers" applies them, as the reader was told', () => {
    const used = answerHandoff(adminWhoRestoredAccess(), FOREIGN_LINK, true);
    expect(used.role).toBe('user');
    expect(used.mailboxDisabled).toBe('no');
    expect(used.done['step-restore-access']).toBeUndefined();
    expect(used.done['step-change-password']).toBe(T);
  });
});

describe('savedProgressSummary', () => {
  it('sums up an empty checklist', () => {
    expect(savedProgressSummary(emptyChecklist())).toBe(
      '0 of 6 steps done; role: User; mailbox disabled: not answered; signs noticed: none',
    );
  });
});
