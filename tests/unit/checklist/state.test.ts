import { describe, expect, it } from 'vitest';
import {
  INTRUDER_CHANGES_ARTICLE_PATH,
  STEPS,
  SYMPTOMS,
  remedyOf,
  type SymptomId,
} from '../../../src/lib/compromise/items';
import { readArticles, readContract } from '../../support/articles';
import { applyHandoff } from '../../../src/lib/checklist/handoff';
import { progressOf, progressText, stepViews } from '../../../src/lib/checklist/progress';
import {
  MAX_DEVICES,
  NOTE_MAX_LENGTH,
  addDevice,
  answerMailboxDisabled,
  answerMalwareFound,
  emptyChecklist,
  removeDevice,
  setDeviceScanned,
  setNote,
  setRole,
  setStepDone,
  setSubtaskDone,
  shownSubtasks,
  type ChecklistState,
} from '../../../src/lib/checklist/state';
import { SUBTASKS, TRACKED_STEP_IDS, instruction, type TrackedStepId } from '../../../src/lib/checklist/steps';

const T = 1_780_000_000_000;

function statusOf(state: ChecklistState, id: TrackedStepId) {
  return stepViews(state).find((view) => view.id === id)?.status;
}

function tick(state: ChecklistState, ...ids: TrackedStepId[]): ChecklistState {
  return ids.reduce((current, id, index) => setStepDone(current, id, true, T + index), state);
}

/** Ticks the sub-tasks every checklist has (closing the way back, after the steps), which these tests are not about. */
function tickStandingSubtasks(state: ChecklistState): ChecklistState {
  return setSubtaskDone(setSubtaskDone(state, 'check-security', true, T), 'after-the-steps', true, T);
}

describe('the steps', () => {
  it('are the article\u2019s six, in order, with the follow-up right after the scan', () => {
    expect(TRACKED_STEP_IDS).toEqual([
      STEPS[0].id,
      STEPS[1].id,
      'step-change-password-again',
      STEPS[2].id,
      STEPS[3].id,
      STEPS[4].id,
      STEPS[5].id,
    ]);
    expect(stepViews(emptyChecklist()).map((view) => view.id)).toEqual(STEPS.map((step) => step.id));
  });

  it('link to the full step in the article; the follow-up to the scan step', () => {
    const views = stepViews(answerMalwareFound(emptyChecklist(), 'yes'));
    expect(views.map((view) => [view.label, view.href])).toEqual([
      ['Step 1', '#step-change-password'],
      ['Step 2', '#step-scan-devices'],
      ['After step 2', '#step-scan-devices'],
      ['Step 3', '#step-restore-access'],
      ['Step 4', '#step-alert-others'],
      ['Step 5', '#step-blocklist-sender'],
      ['Step 6', '#step-educate-users'],
    ]);
  });
});

describe('restore gating', () => {
  it('locks the restore step until the password change and the scan are done', () => {
    let state = answerMailboxDisabled(emptyChecklist(), 'yes');
    expect(statusOf(state, 'step-restore-access')).toBe('locked');
    expect(stepViews(state).find((view) => view.id === 'step-restore-access')?.waitingFor).toEqual([
      'step-change-password',
      'step-scan-devices',
    ]);
    // Ticking a locked step changes nothing.
    expect(setStepDone(state, 'step-restore-access', true, T)).toBe(state);
    state = tick(state, 'step-change-password');
    expect(statusOf(state, 'step-restore-access')).toBe('locked');
    state = tick(state, 'step-scan-devices');
    expect(statusOf(state, 'step-restore-access')).toBe('open');
    state = tick(state, 'step-restore-access');
    expect(statusOf(state, 'step-restore-access')).toBe('done');
  });

  it('is locked, not open, while the question is unanswered, and counts as a step to do', () => {
    const state = emptyChecklist();
    expect(state.mailboxDisabled).toBeNull();
    expect(statusOf(state, 'step-restore-access')).toBe('locked');
    expect(progressOf(stepViews(state)).total).toBe(6);
  });

  it('shows the restore step as not applicable when the mailbox was not disabled', () => {
    let state = tick(emptyChecklist(), 'step-change-password', 'step-scan-devices');
    state = answerMailboxDisabled(state, 'no');
    expect(statusOf(state, 'step-restore-access')).toBe('not-applicable');
    expect(setStepDone(state, 'step-restore-access', true, T)).toBe(state);
    state = tickStandingSubtasks(state);
    expect(progressOf(stepViews(state))).toEqual({
      done: 2,
      total: 5,
      openSubtasks: 0,
      complete: false,
      next: 'step-alert-others',
    });
    state = tick(state, 'step-alert-others', 'step-blocklist-sender', 'step-educate-users');
    expect(progressOf(stepViews(state)).complete).toBe(true);
    expect(progressText(stepViews(state))).toMatch(/^All 5 steps done\. Sub-task of step 1 done: /);
  });

  it('drops a done restore when the answer becomes "no"', () => {
    let state = tick(
      answerMailboxDisabled(emptyChecklist(), 'yes'),
      'step-change-password',
      'step-scan-devices',
      'step-restore-access',
    );
    state = answerMailboxDisabled(state, 'no');
    expect(state.done['step-restore-access']).toBeUndefined();
    expect(statusOf(state, 'step-restore-access')).toBe('not-applicable');
  });
});

describe('the malware branch', () => {
  it('adds the second password change right after the scan, and the checklist is not complete without it', () => {
    let state = tickStandingSubtasks(answerMailboxDisabled(emptyChecklist(), 'no'));
    state = tick(
      state,
      'step-change-password',
      'step-scan-devices',
      'step-alert-others',
      'step-blocklist-sender',
      'step-educate-users',
    );
    expect(progressOf(stepViews(state)).complete).toBe(true);
    state = answerMalwareFound(state, 'yes');
    expect(
      stepViews(state)
        .map((view) => view.id)
        .slice(1, 3),
    ).toEqual(['step-scan-devices', 'step-change-password-again']);
    expect(progressOf(stepViews(state))).toEqual({
      done: 5,
      total: 6,
      openSubtasks: 0,
      complete: false,
      next: 'step-change-password-again',
    });
    state = tick(state, 'step-change-password-again');
    expect(progressOf(stepViews(state)).complete).toBe(true);
  });

  it('makes the second change a prerequisite of the restore, reopening a done restore', () => {
    let state = tick(
      answerMailboxDisabled(emptyChecklist(), 'yes'),
      'step-change-password',
      'step-scan-devices',
      'step-restore-access',
    );
    state = answerMalwareFound(state, 'yes');
    expect(statusOf(state, 'step-restore-access')).toBe('locked');
    expect(state.reopened).toEqual({ step: 'step-restore-access', because: 'step-change-password-again' });
  });

  it('removes the follow-up (and its tick) when the answer is "no", and it cannot be ticked then', () => {
    let state = tick(answerMalwareFound(emptyChecklist(), 'yes'), 'step-change-password-again');
    state = answerMalwareFound(state, 'no');
    expect(state.done['step-change-password-again']).toBeUndefined();
    expect(stepViews(state).some((view) => view.id === 'step-change-password-again')).toBe(false);
    expect(setStepDone(state, 'step-change-password-again', true, T)).toBe(state);
  });
});

describe('unticking a prerequisite', () => {
  for (const prerequisite of ['step-change-password', 'step-scan-devices'] as const) {
    it(`reopens a done restore step, with the reason, when ${prerequisite} is unticked`, () => {
      let state = tick(
        answerMailboxDisabled(emptyChecklist(), 'yes'),
        'step-change-password',
        'step-scan-devices',
        'step-restore-access',
      );
      state = setStepDone(state, prerequisite, false, T);
      expect(statusOf(state, 'step-restore-access')).toBe('locked');
      const view = stepViews(state).find((candidate) => candidate.id === 'step-restore-access')!;
      expect(view.reopenedBecause).toBe(prerequisite);
      state = tick(state, prerequisite);
      expect(statusOf(state, 'step-restore-access')).toBe('open');
      expect(state.reopened?.because).toBe(prerequisite);
      state = tick(state, 'step-restore-access');
      expect(state.reopened).toBeNull();
    });
  }

  it('unticking any other step just reopens that step', () => {
    let state = tick(emptyChecklist(), 'step-alert-others');
    state = setStepDone(state, 'step-alert-others', false, T);
    expect(statusOf(state, 'step-alert-others')).toBe('open');
    expect(state.reopened).toBeNull();
    expect(setStepDone(state, 'step-alert-others', false, T)).toBe(state);
  });
});

describe('progress', () => {
  it('is in words, with the next step named', () => {
    const state = tick(answerMailboxDisabled(emptyChecklist(), 'yes'), 'step-change-password');
    expect(progressText(stepViews(state))).toMatch(/^1 of 6 done\. Next: Scan every device for viruses and malware\. /);
    const views = stepViews(state);
    expect(views.filter((view) => view.isNext).map((view) => view.id)).toEqual(['step-scan-devices']);
  });

  it('keeps the time each step was done', () => {
    const state = setStepDone(emptyChecklist(), 'step-change-password', true, T);
    expect(stepViews(state)[0]).toMatchObject({ status: 'done', doneAt: T });
    // Ticking again keeps the first time.
    expect(setStepDone(state, 'step-change-password', true, T + 5)).toBe(state);
  });
});

describe('roles', () => {
  it('change wording and who does what', () => {
    const admin = setRole(emptyChecklist(), 'admin');
    expect(admin.role).toBe('admin');
    expect(instruction('step-restore-access', 'user')).toMatch(/^An administrator does this: ask yours/);
    expect(instruction('step-restore-access', 'admin')).toMatch(/Control Panel/);
    expect(instruction('step-alert-others', 'user')).toMatch(/^Alert your administrator/);
    expect(instruction('step-alert-others', 'admin')).toMatch(/^Alert your users/);
    expect(instruction('step-blocklist-sender', 'admin')).toMatch(/for the whole domain/);
    expect(stepViews(admin).find((view) => view.id === 'step-blocklist-sender')!.more).toEqual({
      text: 'Blocklist for the whole domain',
      href: '/docs/blocklist-addresses-domains-and-ips-in-rackspace-email-webmail/#blocklist-for-the-domain',
    });
    expect(stepViews(emptyChecklist()).find((view) => view.id === 'step-blocklist-sender')!.more).toBeUndefined();
    // What not to block, for both roles.
    for (const role of ['user', 'admin'] as const) {
      expect(instruction('step-blocklist-sender', role)).toMatch(/shared IP address.*warn them instead/);
    }
    for (const id of TRACKED_STEP_IDS) expect(instruction(id, 'user')).not.toBe(instruction(id, 'admin'));
  });
});

describe('devices', () => {
  it('are added with clean names, ticked with a time, and removed', () => {
    let state = addDevice(emptyChecklist(), '  Office\u0000 laptop \n');
    state = addDevice(state, 'Phone');
    expect(state.devices).toEqual([
      { id: 'device-1', name: 'Office  laptop', scannedAt: null },
      { id: 'device-2', name: 'Phone', scannedAt: null },
    ]);
    expect(addDevice(state, '   ')).toBe(state);
    state = setDeviceScanned(state, 'device-2', true, T);
    expect(state.devices[1]?.scannedAt).toBe(T);
    state = removeDevice(state, 'device-1');
    state = addDevice(state, 'Tablet');
    expect(state.devices.map((device) => device.id)).toEqual(['device-2', 'device-3']);
  });

  it('are capped in number and name length', () => {
    let state = emptyChecklist();
    for (let index = 0; index < MAX_DEVICES + 3; index += 1)
      state = addDevice(state, `Device ${index} ${'x'.repeat(100)}`);
    expect(state.devices).toHaveLength(MAX_DEVICES);
    expect(Math.max(...state.devices.map((device) => device.name.length))).toBe(60);
  });
});

describe('notes', () => {
  it('are plain text, length-capped, and removed when emptied', () => {
    let state = setNote(emptyChecklist(), 'step-blocklist-sender', 'IP 203.0.113.7\n<b>return-path</b>\u0007');
    expect(state.notes['step-blocklist-sender']).toBe('IP 203.0.113.7\n<b>return-path</b>');
    state = setNote(state, 'step-blocklist-sender', 'y'.repeat(NOTE_MAX_LENGTH + 50));
    expect(state.notes['step-blocklist-sender']).toHaveLength(NOTE_MAX_LENGTH);
    state = setNote(state, 'step-blocklist-sender', '  ');
    expect(state.notes).toEqual({});
  });
});

describe('the hand-off from the symptom checker', () => {
  it('sets the role, the signs and the mailbox answer, keeping ticks', () => {
    const before = tick(emptyChecklist(), 'step-change-password');
    const after = applyHandoff(before, {
      symptoms: ['symptom-mailbox-disabled', 'symptom-forwarding-rules'],
      risks: ['risk-public-wifi'],
      role: 'admin',
    });
    expect(after).toMatchObject({
      role: 'admin',
      mailboxDisabled: 'yes',
      symptoms: ['symptom-forwarding-rules', 'symptom-mailbox-disabled'],
      handoff: '?symptoms=forwarding-rules,mailbox-disabled&role=admin',
    });
    expect(after.done['step-change-password']).toBe(T);
  });

  it('answers "no" when the checker did not report a disabled mailbox', () => {
    expect(
      applyHandoff(emptyChecklist(), { symptoms: ['symptom-bounce-messages'], risks: [], role: 'user' })
        .mailboxDisabled,
    ).toBe('no');
  });

  it('applies the same answers once, and ignores a query without signs', () => {
    const answers = { symptoms: ['symptom-bounce-messages' as const], risks: [], role: 'admin' as const };
    const applied = applyHandoff(emptyChecklist(), answers);
    const changedLater = setRole(applied, 'user');
    expect(applyHandoff(changedLater, answers)).toBe(changedLater);
    const empty = emptyChecklist();
    expect(applyHandoff(empty, { symptoms: [], risks: ['risk-public-wifi'], role: 'admin' })).toBe(empty);
  });
});

describe('the sub-task "Remove the intruder\u2019s forwarding, filters and reply-to changes"', () => {
  const SUBTASK = 'remove-intruder-changes';
  const withSigns = (...symptoms: SymptomId[]) => applyHandoff(emptyChecklist(), { symptoms, risks: [], role: 'user' });
  const subtasksOf = (state: ChecklistState) =>
    stepViews(state).flatMap((view) =>
      view.subtasks.filter((sub) => sub.id === SUBTASK).map((sub) => [view.id, sub.id, sub.status]),
    );
  const mine = (state: ChecklistState) => stepViews(state)[0]!.subtasks.find((sub) => sub.id === SUBTASK)!;

  it('appears under step 1 for forwarding rules or a changed reply-to, and for no other sign', () => {
    expect(SUBTASKS.find((sub) => sub.id === SUBTASK)).toMatchObject({
      step: 'step-change-password',
      symptoms: ['symptom-forwarding-rules', 'symptom-reply-to-changed'],
      always: false,
    });
    for (const symptom of SYMPTOMS.map((candidate) => candidate.id)) {
      const expected =
        symptom === 'symptom-forwarding-rules' || symptom === 'symptom-reply-to-changed'
          ? [['step-change-password', SUBTASK, 'open']]
          : [];
      expect(subtasksOf(withSigns(symptom)), symptom).toEqual(expected);
    }
    expect(subtasksOf(emptyChecklist())).toEqual([]);
  });

  it('takes its title from items.ts and links to the companion article and the remedies of the signs noticed', () => {
    const sub = mine(withSigns('symptom-forwarding-rules', 'symptom-reply-to-changed'));
    expect(sub).toMatchObject({
      title: 'Remove the intruder\u2019s forwarding, filters and reply-to changes',
      href: INTRUDER_CHANGES_ARTICLE_PATH,
    });
    expect(sub!.remedies).toEqual([remedyOf('symptom-forwarding-rules'), remedyOf('symptom-reply-to-changed')]);
    expect(sub!.remedies.map((remedy) => remedy.href)).toEqual([
      `${INTRUDER_CHANGES_ARTICLE_PATH}#check-forwarding`,
      `${INTRUDER_CHANGES_ARTICLE_PATH}#check-identities`,
    ]);
    expect(mine(withSigns('symptom-reply-to-changed')).remedies).toEqual([remedyOf('symptom-reply-to-changed')]);
    // Every link it shows lands on an id the article publishes, in its front matter and in the contract.
    const article = readArticles().find((candidate) => candidate.path === INTRUDER_CHANGES_ARTICLE_PATH);
    const contract = readContract()[INTRUDER_CHANGES_ARTICLE_PATH] ?? [];
    expect(article, INTRUDER_CHANGES_ARTICLE_PATH).toBeDefined();
    for (const remedy of sub!.remedies) {
      const id = remedy.href.slice(INTRUDER_CHANGES_ARTICLE_PATH.length + 1);
      expect(article!.frontmatter.anchors, remedy.href).toContain(id);
      expect(contract, remedy.href).toContain(id);
    }
  });

  it('is added by a hand-off with those signs and removed, with its tick, by one without them', () => {
    let state = tick(emptyChecklist(), 'step-change-password');
    state = applyHandoff(state, { symptoms: ['symptom-forwarding-rules'], risks: [], role: 'admin' });
    expect(shownSubtasks(state).map((sub) => sub.id)).toEqual(['check-security', SUBTASK, 'after-the-steps']);
    state = setSubtaskDone(state, SUBTASK, true, T + 9);
    expect(state.subtasks).toEqual({ [SUBTASK]: T + 9 });
    state = applyHandoff(state, { symptoms: ['symptom-bounce-messages'], risks: [], role: 'admin' });
    expect(shownSubtasks(state).map((sub) => sub.id)).toEqual(['check-security', 'after-the-steps']);
    expect(state.subtasks).toEqual({});
    // The step's own tick is kept; a sub-task that does not apply cannot be ticked.
    expect(state.done['step-change-password']).toBe(T);
    expect(setSubtaskDone(state, SUBTASK, true, T)).toBe(state);
    // The signs back: the sub-task is open again, not ticked from before.
    state = applyHandoff(state, { symptoms: ['symptom-reply-to-changed'], risks: [], role: 'admin' });
    expect(subtasksOf(state)).toEqual([['step-change-password', SUBTASK, 'open']]);
  });

  it('is ticked with its time and unticked, without changing its step\u2019s status or the order', () => {
    let state = withSigns('symptom-forwarding-rules', 'symptom-mailbox-disabled');
    // Open sub-task: step 1 can still be ticked, and the restore still unlocks after the scan.
    state = tick(state, 'step-change-password', 'step-scan-devices');
    expect(statusOf(state, 'step-change-password')).toBe('done');
    expect(statusOf(state, 'step-restore-access')).toBe('open');
    expect(progressOf(stepViews(state)).next).toBe('step-restore-access');
    state = setSubtaskDone(state, SUBTASK, true, T + 7);
    expect(mine(state)).toMatchObject({ status: 'done', doneAt: T + 7 });
    expect(setSubtaskDone(state, SUBTASK, true, T + 8)).toBe(state);
    // Unticking step 1 leaves the sub-task ticked, and the other way round.
    expect(setStepDone(state, 'step-change-password', false, T).subtasks).toEqual({ [SUBTASK]: T + 7 });
    state = setSubtaskDone(state, SUBTASK, false, T);
    expect(state.subtasks).toEqual({});
    expect(statusOf(state, 'step-change-password')).toBe('done');
    expect(setSubtaskDone(state, SUBTASK, false, T)).toBe(state);
  });

  it('holds back "complete" while open, and the live status line says each change', () => {
    let state = tickStandingSubtasks(withSigns('symptom-reply-to-changed'));
    const WAY_BACK = 'Sub-task of step 1 done: Check the recovery method, trusted devices and multi-factor method.';
    const AFTER = 'Sub-task of step 6 done: Check what the intruder read or sent, and who else to warn.';
    expect(progressText(stepViews(state))).toBe(
      `0 of 5 done. Next: Change the mailbox password now. ${WAY_BACK} Sub-task of step 1 to do: Remove the intruder\u2019s forwarding, filters and reply-to changes. ${AFTER}`,
    );
    state = tick(
      state,
      'step-change-password',
      'step-scan-devices',
      'step-alert-others',
      'step-blocklist-sender',
      'step-educate-users',
    );
    expect(progressOf(stepViews(state))).toMatchObject({
      done: 5,
      total: 5,
      openSubtasks: 1,
      complete: false,
      next: null,
    });
    expect(progressText(stepViews(state))).toBe(
      `All 5 steps done. ${WAY_BACK} Sub-task of step 1 to do: Remove the intruder\u2019s forwarding, filters and reply-to changes. ${AFTER}`,
    );
    state = setSubtaskDone(state, SUBTASK, true, T);
    expect(progressOf(stepViews(state))).toMatchObject({ openSubtasks: 0, complete: true });
    expect(progressText(stepViews(state))).toBe(
      `All 5 steps done. ${WAY_BACK} Sub-task of step 1 done: Remove the intruder\u2019s forwarding, filters and reply-to changes. ${AFTER}`,
    );
  });

  it('says what to do for the role, and to wait for the restore when the mailbox is disabled', () => {
    const text = (state: ChecklistState) => mine(state).text;
    const user = withSigns('symptom-forwarding-rules');
    expect(text(user)).toMatch(/^A new password does not switch them off: sign in to webmail/);
    expect(text(user)).not.toMatch(/restored/);
    expect(text(setRole(user, 'admin'))).toMatch(/or ask the mailbox\u2019s user to\.$/);
    expect(text(answerMailboxDisabled(user, 'yes'))).toMatch(
      /Webmail opens again once access is restored \(step 3\): do this then\.$/,
    );
  });
});

describe('the sub-tasks every checklist has', () => {
  const ids = (state: ChecklistState) =>
    stepViews(state).flatMap((view) => view.subtasks.map((sub) => [view.id, sub.id, sub.status]));

  it('closes the way back under step 1 and lists what to check after the steps under step 6, whatever the signs', () => {
    expect(ids(emptyChecklist())).toEqual([
      ['step-change-password', 'check-security', 'open'],
      ['step-educate-users', 'after-the-steps', 'open'],
    ]);
    const [wayBack] = stepViews(emptyChecklist())[0]!.subtasks;
    expect(wayBack).toMatchObject({
      href: `${INTRUDER_CHANGES_ARTICLE_PATH}#check-security`,
      linkText: 'What to check in Settings, Security',
    });
    expect(wayBack!.text).toMatch(/recovery method.*multi-factor method.*trusted devices/);
    expect(stepViews(setRole(emptyChecklist(), 'admin'))[0]!.subtasks[0]!.text).toMatch(
      /multi-factor setup in the Control Panel/,
    );
    // Both links land on published ids.
    expect(readContract()[INTRUDER_CHANGES_ARTICLE_PATH]).toContain('check-security');
    expect(readContract()['/docs/secure-a-compromised-rackspace-email-mailbox/']).toContain('after-the-steps');
  });

  it('keeps the mailbox from counting as secure until the way back is closed, but not for what comes after the steps', () => {
    let state = tick(
      answerMailboxDisabled(emptyChecklist(), 'no'),
      'step-change-password',
      'step-scan-devices',
      'step-alert-others',
      'step-blocklist-sender',
      'step-educate-users',
    );
    expect(progressOf(stepViews(state))).toMatchObject({ openSubtasks: 2, complete: false });
    state = setSubtaskDone(state, 'check-security', true, T);
    expect(progressOf(stepViews(state))).toMatchObject({ openSubtasks: 1, complete: true });
    // Gating nothing: every step could be ticked with both open.
    expect(state.done['step-educate-users']).toBeDefined();
  });

  it('puts closing the way back off until the restore when the mailbox is disabled, not what comes after the steps', () => {
    const disabled = answerMailboxDisabled(emptyChecklist(), 'yes');
    const [first, last] = [stepViews(disabled)[0]!.subtasks[0]!, stepViews(disabled).at(-1)!.subtasks[0]!];
    expect(first.text).toMatch(/once access is restored/);
    expect(last.text).not.toMatch(/restored/);
  });
});
