import { describe, expect, it } from 'vitest';
import {
  addDevice,
  answerMailboxDisabled,
  answerMalwareFound,
  emptyChecklist,
  setDeviceScanned,
  setNote,
  setStepDone,
  setSubtaskDone,
  type ChecklistState,
} from '../../../src/lib/checklist/state';
import { applyHandoff } from '../../../src/lib/checklist/handoff';
import { formatLocalTime, incidentRecord, recordFileName } from '../../../src/lib/checklist/record';

const T = Date.UTC(2026, 10, 30, 7, 5);
const CONTEXT = {
  title: 'Secure a compromised Rackspace Email mailbox',
  url: 'https://mailbox-help.example/docs/secure-a-compromised-rackspace-email-mailbox/',
  now: T + 35 * 60_000,
  utcOffset: () => 60,
};

describe('formatLocalTime', () => {
  it('writes the local time with its offset', () => {
    expect(formatLocalTime(T, 60)).toBe('2026-11-30 08:05 (UTC+01:00)');
    expect(formatLocalTime(T, -330)).toBe('2026-11-30 01:35 (UTC-05:30)');
    expect(formatLocalTime(T, 0)).toBe('2026-11-30 07:05 (UTC+00:00)');
  });

  it('names the downloaded file after the local time', () => {
    expect(recordFileName(T, 60)).toBe('mailbox-incident-record-2026-11-30-0805.md');
  });
});

describe('incidentRecord', () => {
  it('lists the article, role, signs, answers, each step with its status and time, devices and notes', () => {
    let state: ChecklistState = {
      ...answerMailboxDisabled(emptyChecklist(), 'yes'),
      role: 'admin',
      symptoms: ['symptom-forwarding-rules', 'symptom-mailbox-disabled'],
    };
    state = answerMalwareFound(state, 'yes');
    state = setStepDone(state, 'step-change-password', true, T);
    state = setStepDone(state, 'step-scan-devices', true, T + 20 * 60_000);
    state = addDevice(addDevice(state, 'Office laptop'), 'Phone');
    state = setDeviceScanned(state, 'device-1', true, T + 15 * 60_000);
    state = setNote(state, 'step-blocklist-sender', 'Blocklisted 203.0.113.7 and bounce@bad.example');
    expect(incidentRecord(state, CONTEXT)).toBe(
      [
        '# Incident record: Secure a compromised Rackspace Email mailbox',
        '',
        '- Article: Secure a compromised Rackspace Email mailbox',
        '- Address: https://mailbox-help.example/docs/secure-a-compromised-rackspace-email-mailbox/',
        '- Role: Administrator',
        '- Progress: 2 of 7 steps done, 3 sub-tasks open',
        '- Record made: 2026-11-30 08:40 (UTC+01:00)',
        '',
        '## Signs noticed',
        '',
        '- Forwarding rules you did not create',
        '- Rackspace told you the mailbox has been disabled',
        '',
        '## Answers',
        '',
        '- Did Rackspace disable the mailbox? Yes',
        '- Did a scan find malware? Yes',
        '',
        '## Steps',
        '',
        '- Step 1: Change the mailbox password now: Done, 2026-11-30 08:05 (UTC+01:00)',
        '  - Sub-task: Check the recovery method, trusted devices and multi-factor method: Open',
        '  - Sub-task: Remove the intruder\u2019s forwarding, filters and reply-to changes: Open',
        '- Step 2: Scan every device for viruses and malware: Done, 2026-11-30 08:25 (UTC+01:00)',
        '  - Device `Office laptop`: scanned, 2026-11-30 08:20 (UTC+01:00)',
        '  - Device `Phone`: not scanned yet',
        '- After step 2: Change the password again, after removing the malware: Open',
        '- Step 3: Restore access if Rackspace disabled the mailbox: Open (cannot start yet)',
        '- Step 4: Alert your colleagues and administrator: Open',
        '- Step 5: Blocklist the sender of the malicious message: Open',
        '  - Note: `Blocklisted 203.0.113.7 and bounce@bad.example`',
        '- Step 6: Teach users the risks and the warning signs: Open',
        '  - Sub-task: Check what the intruder read or sent, and who else to warn: Open',
        '',
        'This record was made by the recovery checklist on the article page. It contains no password.',
        '',
      ].join('\n'),
    );
  });

  it('says not applicable, none recorded and not answered', () => {
    const record = incidentRecord(answerMailboxDisabled(emptyChecklist(), 'no'), CONTEXT);
    expect(record).toContain('- Role: User');
    expect(record).toContain('- Progress: 0 of 5 steps done');
    expect(record).toContain('## Signs noticed\n\n- None recorded');
    expect(record).toContain('- Did a scan find malware? Not answered');
    expect(record).toContain('- Step 3: Restore access if Rackspace disabled the mailbox: Not applicable');
  });

  it('keeps typed text on one line, in a code span that reads as typed', () => {
    const state = setNote(
      emptyChecklist(),
      'step-alert-others',
      'line one\n# heading <img src=x onerror=alert(1)> [link](javascript:x)',
    );
    expect(incidentRecord(state, CONTEXT)).toContain(
      '  - Note: `line one # heading <img src=x onerror=alert(1)> [link](javascript:x)`',
    );
  });

  it('shows a reopened restore step with its reason', () => {
    let state = answerMailboxDisabled(emptyChecklist(), 'yes');
    for (const id of ['step-change-password', 'step-scan-devices', 'step-restore-access'] as const)
      state = setStepDone(state, id, true, T);
    state = setStepDone(state, 'step-scan-devices', false, T);
    expect(incidentRecord(state, CONTEXT)).toContain(
      '- Step 3: Restore access if Rackspace disabled the mailbox: Open (cannot start yet)\n  - Reopened: "Scan every device for viruses and malware" was marked not done after this step',
    );
  });

  it('lists the sub-task under step 1, open or done with its time, and counts it in the progress', () => {
    let state = applyHandoff(emptyChecklist(), { symptoms: ['symptom-reply-to-changed'], risks: [], role: 'user' });
    // The sub-tasks every checklist has, done: this test is about the one the signs add.
    state = setSubtaskDone(setSubtaskDone(state, 'check-security', true, T), 'after-the-steps', true, T);
    for (const id of [
      'step-change-password',
      'step-scan-devices',
      'step-alert-others',
      'step-blocklist-sender',
      'step-educate-users',
    ] as const) {
      state = setStepDone(state, id, true, T);
    }
    const subtaskLine = '  - Sub-task: Remove the intruder\u2019s forwarding, filters and reply-to changes';
    const open = incidentRecord(state, CONTEXT);
    expect(open).toContain('- Progress: all 5 steps done, 1 sub-task open\n');
    expect(open).toContain(
      `- Step 1: Change the mailbox password now: Done, 2026-11-30 08:05 (UTC+01:00)\n  - Sub-task: Check the recovery method, trusted devices and multi-factor method: Done, 2026-11-30 08:05 (UTC+01:00)\n${subtaskLine}: Open\n- Step 2:`,
    );
    const done = incidentRecord(setSubtaskDone(state, 'remove-intruder-changes', true, T + 10 * 60_000), CONTEXT);
    expect(done).toContain('- Progress: all 5 steps done\n');
    expect(done).toContain(`${subtaskLine}: Done, 2026-11-30 08:15 (UTC+01:00)\n`);
    // Without those signs there is no such sub-task to record.
    expect(incidentRecord(setStepDone(emptyChecklist(), 'step-change-password', true, T), CONTEXT)).not.toContain(
      subtaskLine,
    );
  });

  it('lists what to check after the six steps as open until ticked, though the mailbox counts as secure', () => {
    let state = setSubtaskDone(answerMailboxDisabled(emptyChecklist(), 'no'), 'check-security', true, T);
    for (const id of [
      'step-change-password',
      'step-scan-devices',
      'step-alert-others',
      'step-blocklist-sender',
      'step-educate-users',
    ] as const) {
      state = setStepDone(state, id, true, T);
    }
    const line = '  - Sub-task: Check what the intruder read or sent, and who else to warn';
    expect(incidentRecord(state, CONTEXT)).toContain(`- Progress: all 5 steps done, 1 sub-task open\n`);
    expect(incidentRecord(state, CONTEXT)).toContain(`${line}: Open\n`);
    const done = incidentRecord(setSubtaskDone(state, 'after-the-steps', true, T + 10 * 60_000), CONTEXT);
    expect(done).toContain('- Progress: all 5 steps done\n');
    expect(done).toContain(`${line}: Done, 2026-11-30 08:15 (UTC+01:00)\n`);
  });
});
