import { describe, expect, it } from 'vitest';
import { instruction, instructionLink, isTrackedStepId } from '../../../src/lib/checklist/steps';

describe('the tracked steps at their edges', () => {
  it('reads as a step id only the ids the tracker shows, from storage that may hold anything', () => {
    for (const value of [
      'step-educate',
      'symptom-forwarding-rules',
      '',
      'STEP-CHANGE-PASSWORD',
      1,
      null,
      undefined,
      {},
    ])
      expect(isTrackedStepId(value), String(value)).toBe(false);
  });

  it('tells an administrator, and only an administrator, to hand the new password over in person or by phone', () => {
    for (const access of ['can-sign-in', 'cannot-sign-in'] as const) {
      expect(instruction('step-change-password', 'admin', access)).toContain(
        'Give the owner the new password in person or by phone.',
      );
      expect(instruction('step-change-password', 'user', access)).not.toContain('Give the owner the new password');
    }
  });

  it('adds the path’s own advice for where to turn when stuck, and none where the path has none', () => {
    expect(instruction('step-change-password', 'user', 'cannot-sign-in')).toMatch(/ Not sure who that is\? Ask /);
    expect(instruction('step-change-password', 'admin', 'cannot-sign-in')).toMatch(
      / Locked out of the Control Panel\?/,
    );
    expect(instruction('step-change-password', 'user', 'can-sign-in')).not.toMatch(/Not sure|Locked out|undefined/);
  });

  it('gives step 1 by the owner’s access, and every other step the same with or without it', () => {
    expect(instruction('step-change-password', 'user', 'can-sign-in')).not.toBe(
      instruction('step-change-password', 'user', 'cannot-sign-in'),
    );
    for (const role of ['user', 'admin'] as const)
      for (const id of ['step-scan-devices', 'step-alert-others', 'step-blocklist-sender'] as const)
        expect(instruction(id, role, 'cannot-sign-in')).toBe(instruction(id, role));
  });

  it('links the domain blocklist from the blocklist step for an administrator only', () => {
    expect(instructionLink('step-blocklist-sender', 'admin')?.text).toBe('Blocklist for the whole domain');
    expect(instructionLink('step-blocklist-sender', 'user')).toBeUndefined();
    expect(instructionLink('step-change-password', 'admin')).toBeUndefined();
  });
});
