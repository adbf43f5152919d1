/**
 * Parts of the verdict the rule tests (verdict.test.ts) do not pin: the
 * article's own words for a step, which action carries a warning, and the
 * at-risk verdict's wording. Each kills a mutant that survived them.
 */
import { describe, expect, it } from 'vitest';
import {
  STEPS,
  SYMPTOMS,
  remedyOf,
  stepById,
  stepNumber,
  type StepId,
  type SymptomId,
} from '../../../src/lib/compromise/items';
import type { Role } from '../../../src/lib/kit/role';
import { getVerdict } from '../../../src/lib/symptom-checker/verdict';

const ROLES: Role[] = ['user', 'admin'];

function stepAction(id: (typeof STEPS)[number]['id']): string {
  return STEPS.find((step) => step.id === id)!.action;
}

function textOf(symptoms: SymptomId[], role: Role, key: string): string | undefined {
  return getVerdict({ symptoms, risks: [], role }).actions.find((action) => action.key === key)?.text;
}

describe('getVerdict wording', () => {
  it('uses the article’s own words for the steps it does not reword', () => {
    for (const role of ROLES) {
      expect(textOf(['symptom-bounce-messages'], role, 'step-scan-devices')).toBe(stepAction('step-scan-devices'));
    }
    expect(textOf(['symptom-bounce-messages'], 'user', 'step-blocklist-sender')).toBe(
      stepAction('step-blocklist-sender'),
    );
    expect(textOf(['symptom-bounce-messages'], 'admin', 'step-educate-users')).toBe(stepAction('step-educate-users'));
  });

  it('gives a warning to the restore step only, and no empty warning to any other action', () => {
    for (const role of ROLES) {
      for (const { id } of SYMPTOMS) {
        const verdict = getVerdict({ symptoms: [id], risks: ['risk-public-wifi'], role });
        const warned = verdict.actions.filter((action) => 'warning' in action).map((action) => action.key);
        expect(warned).toEqual(id === 'symptom-mailbox-disabled' ? ['step-restore-access'] : []);
      }
    }
  });

  it('words every action of the at-risk verdict, and says why it is not a compromise', () => {
    for (const role of ROLES) {
      const verdict = getVerdict({ symptoms: [], risks: ['risk-public-wifi'], role });
      expect(verdict.summary).toMatch(/no sign of a break-in/);
      for (const action of verdict.actions) {
        expect(action.text.length).toBeGreaterThan(5);
        expect(action.detail.length).toBeGreaterThan(5);
      }
      expect(verdict.actions.find((action) => action.key === 'password-guide')!.text).toMatch(/strong one/);
    }
    const reminder = getVerdict({ symptoms: [], risks: ['risk-public-wifi'], role: 'admin' }).actions.at(-1)!;
    expect(reminder.text).toMatch(/Remind your users/);
  });
});

describe('remedyOf', () => {
  it('returns no remedy, without throwing, for an id that is not one of the symptoms', () => {
    expect(remedyOf('symptom-no-such-sign' as SymptomId)).toBeUndefined();
    expect(remedyOf('symptom-forwarding-rules')).toBeDefined();
  });
});

describe('stepById and stepNumber', () => {
  it('find a step and its 1-based number as the article prints it, and refuse an unknown id', () => {
    expect(stepById('step-scan-devices').title).toBe('Scan every device for viruses and malware');
    expect(STEPS.map((step) => stepNumber(step.id))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(stepNumber('step-educate-users')).toBe(6);
    expect(() => stepById('step-no-such-step' as StepId)).toThrow('Unknown step id "step-no-such-step"');
  });
});
