import { describe, expect, it } from 'vitest';
import {
  accessOfChecklist,
  addDevice,
  answerMailboxDisabled,
  emptyChecklist,
  setDeviceScanned,
  setNote,
  setSubtaskDone,
} from '../../../src/lib/checklist/state';

const T = 1_780_000_000_000;

describe('the checklist state at its edges', () => {
  it('knows whether the owner can sign in once the signs or the mailbox question say anything', () => {
    expect(accessOfChecklist({ symptoms: [], mailboxDisabled: null })).toBeUndefined();
    expect(accessOfChecklist({ symptoms: [], mailboxDisabled: 'no' })).toBe('can-sign-in');
    expect(accessOfChecklist({ symptoms: ['symptom-password-changed'], mailboxDisabled: null })).toBe('cannot-sign-in');
    expect(accessOfChecklist({ symptoms: ['symptom-forwarding-rules'], mailboxDisabled: null })).toBe('can-sign-in');
  });

  it('unticking one sub-task keeps the others ticked', () => {
    let state = setSubtaskDone(emptyChecklist(), 'check-security', true, T);
    state = setSubtaskDone(state, 'after-the-steps', true, T + 1);
    state = setSubtaskDone(state, 'check-security', false, T + 2);
    expect(state.subtasks).toEqual({ 'after-the-steps': T + 1 });
  });

  it('the mailbox question adds or removes only its own sign, and an unanswered question changes no sign', () => {
    const noticed = { ...emptyChecklist(), symptoms: ['symptom-forwarding-rules' as const] };
    const yes = answerMailboxDisabled(noticed, 'yes');
    expect(yes.symptoms).toEqual(['symptom-forwarding-rules', 'symptom-mailbox-disabled']);
    expect(answerMailboxDisabled(yes, 'yes').symptoms).toEqual(yes.symptoms);
    expect(answerMailboxDisabled(yes, 'no').symptoms).toEqual(['symptom-forwarding-rules']);
    expect(answerMailboxDisabled(yes, null).symptoms).toEqual(yes.symptoms);
    expect(answerMailboxDisabled(yes, null).mailboxDisabled).toBeNull();
  });

  it('writing or clearing one step’s note keeps the other notes', () => {
    let state = setNote(emptyChecklist(), 'step-change-password', 'Changed from the office PC');
    state = setNote(state, 'step-scan-devices', 'Laptop scanned');
    expect(setNote(state, 'step-scan-devices', '  ').notes).toEqual({
      'step-change-password': 'Changed from the office PC',
    });
    expect(setNote(state, 'step-scan-devices', 'Phone too').notes).toEqual({
      'step-change-password': 'Changed from the office PC',
      'step-scan-devices': 'Phone too',
    });
  });

  it('marks only the device named as scanned, and a second tick keeps the first time', () => {
    let state = addDevice(addDevice(emptyChecklist(), 'Laptop'), 'Phone');
    const [laptop, phone] = state.devices;
    state = setDeviceScanned(state, laptop!.id, true, T);
    expect(state.devices.map((device) => device.scannedAt)).toEqual([T, null]);
    state = setDeviceScanned(state, laptop!.id, true, T + 5);
    expect(state.devices.map((device) => device.scannedAt)).toEqual([T, null]);
    state = setDeviceScanned(state, phone!.id, false, T + 6);
    expect(state.devices.map((device) => device.scannedAt)).toEqual([T, null]);
    state = setDeviceScanned(state, laptop!.id, false, T + 7);
    expect(state.devices.map((device) => device.scannedAt)).toEqual([null, null]);
  });
});
