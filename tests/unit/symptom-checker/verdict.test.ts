import { describe, expect, it } from 'vitest';
import {
  CHANGE_PASSWORD_ARTICLE_PATH,
  PASSWORD_ARTICLE_PATH,
  RISK_FACTORS,
  STEPS,
  SYMPTOMS,
  type RiskFactorId,
  type SymptomId,
} from '../../../src/lib/compromise/items';
import type { CheckerState, Role } from '../../../src/lib/symptom-checker/state';
import { getVerdict, type Verdict } from '../../../src/lib/symptom-checker/verdict';

const SYMPTOM_IDS = SYMPTOMS.map((symptom) => symptom.id);
const RISK_IDS = RISK_FACTORS.map((risk) => risk.id);
const ROLES: Role[] = ['user', 'admin'];
const STEP_IDS: string[] = STEPS.map((step) => step.id);

function state(symptoms: SymptomId[], risks: RiskFactorId[] = [], role: Role = 'user'): CheckerState {
  return { symptoms, risks, role };
}

function keys(verdict: Verdict): string[] {
  return verdict.actions.map((action) => action.key);
}

/**
 * The action keys the rules of issue 3 call for, written independently of the
 * implementation: password first (a reset when it was changed), then the
 * fixes for rules and reply-to, then the article's steps in order, with the
 * restore step only for a disabled mailbox, then the ticked risks.
 */
function expectedKeys(symptoms: SymptomId[], risks: RiskFactorId[]): string[] {
  const has = (id: SymptomId) => symptoms.includes(id);
  return [
    has('symptom-password-changed') ? 'reset-password' : 'step-change-password',
    ...(has('symptom-forwarding-rules') ? ['remove-forwarding-rules'] : []),
    ...(has('symptom-reply-to-changed') ? ['restore-reply-to'] : []),
    'step-scan-devices',
    ...(has('symptom-mailbox-disabled') ? ['step-restore-access'] : []),
    'step-alert-others',
    'step-blocklist-sender',
    'step-educate-users',
    ...RISK_IDS.filter((id) => risks.includes(id)),
  ];
}

/** Checks every compromised verdict must pass, whatever was ticked. */
function expectCompromised(verdict: Verdict, symptoms: SymptomId[], risks: RiskFactorId[], role: Role): void {
  expect(verdict.severity).toBe('compromised');
  expect(verdict.label).toBe('Compromised');
  expect(verdict.headline).toMatch(/compromised and act now/);
  expect(keys(verdict)).toEqual(expectedKeys(symptoms, risks));
  expect(verdict.summary).toContain(`${verdict.actions.length} things`);

  // The article's steps appear in the article's order.
  const stepKeys = keys(verdict).filter((key) => STEP_IDS.includes(key));
  expect(stepKeys).toEqual(STEP_IDS.filter((id) => stepKeys.includes(id)));

  for (const action of verdict.actions) {
    expect(action.text.length).toBeGreaterThan(5);
    expect(action.detail.length).toBeGreaterThan(5);
    if (STEP_IDS.includes(action.key) || RISK_IDS.includes(action.key as RiskFactorId)) {
      expect(action.href).toBe(`#${action.key}`);
    }
  }

  const restore = verdict.actions.find((action) => action.key === 'step-restore-access');
  if (symptoms.includes('symptom-mailbox-disabled')) {
    expect(restore?.warning).toMatch(/only after the password has been changed and every device has been scanned/);
    expect(restore?.text).toMatch(role === 'admin' ? /^Restore access/ : /^Ask your administrator/);
  }

  const first = verdict.actions[0]!;
  if (symptoms.includes('symptom-password-changed')) {
    expect(first.href).toBe(`${CHANGE_PASSWORD_ARTICLE_PATH}#change-password-as-administrator`);
    expect(first.text).toMatch(role === 'admin' ? /^Reset the password in the Cloud Office Control Panel/ : /^Ask your administrator to reset/);
  } else {
    expect(first.href).toBe('#step-change-password');
  }

  const alert = verdict.actions.find((action) => action.key === 'step-alert-others')!;
  expect(alert.text).toMatch(role === 'admin' ? /users/ : /administrator/);
  const blocklist = verdict.actions.find((action) => action.key === 'step-blocklist-sender')!;
  if (role === 'admin') expect(blocklist.text).toMatch(/for the domain/);
  else expect(blocklist.text).not.toMatch(/domain/);
}

describe('getVerdict', () => {
  it('gives a neutral prompt and no verdict when nothing is ticked', () => {
    for (const role of ROLES) {
      const verdict = getVerdict(state([], [], role));
      expect(verdict.severity).toBe('none');
      expect(verdict.label).toBe('');
      expect(verdict.actions).toEqual([]);
      expect(verdict.headline).toMatch(/^Tick/);
    }
  });

  describe('every single symptom', () => {
    for (const symptom of SYMPTOM_IDS) {
      for (const role of ROLES) {
        it(`${symptom} (${role})`, () => {
          expectCompromised(getVerdict(state([symptom], [], role)), [symptom], [], role);
        });
      }
    }
  });

  describe('every pair of symptoms', () => {
    for (const [index, a] of SYMPTOM_IDS.entries()) {
      for (const b of SYMPTOM_IDS.slice(index + 1)) {
        for (const role of ROLES) {
          it(`${a} + ${b} (${role})`, () => {
            expectCompromised(getVerdict(state([a, b], [], role)), [a, b], [], role);
            // The order of ticking does not matter.
            expect(getVerdict(state([b, a], [], role))).toEqual(getVerdict(state([a, b], [], role)));
          });
        }
      }
    }
  });

  it('puts the restore step, with its warning, after the scan only when the mailbox was disabled', () => {
    const verdict = getVerdict(state(['symptom-mailbox-disabled']));
    expect(keys(verdict).slice(0, 3)).toEqual(['step-change-password', 'step-scan-devices', 'step-restore-access']);
    expect(getVerdict(state(['symptom-bounce-messages'])).actions.some((action) => action.warning)).toBe(false);
  });

  it('puts the rule and reply-to fixes right after the password change', () => {
    const verdict = getVerdict(state(['symptom-forwarding-rules', 'symptom-reply-to-changed']));
    expect(keys(verdict).slice(0, 4)).toEqual([
      'step-change-password',
      'remove-forwarding-rules',
      'restore-reply-to',
      'step-scan-devices',
    ]);
    expect(verdict.actions[1]!.href).toBe('#symptom-forwarding-rules');
    expect(verdict.actions[2]!.href).toBe('#symptom-reply-to-changed');
  });

  it('with every symptom and every risk, lists everything once', () => {
    const verdict = getVerdict(state([...SYMPTOM_IDS], [...RISK_IDS], 'admin'));
    expectCompromised(verdict, [...SYMPTOM_IDS], [...RISK_IDS], 'admin');
    expect(new Set(keys(verdict)).size).toBe(verdict.actions.length);
  });

  it('adds the ticked risks, with their advice, after the steps of a compromise', () => {
    const verdict = getVerdict(state(['symptom-unfamiliar-email'], ['risk-public-wifi', 'risk-weak-password']));
    expect(keys(verdict).slice(-2)).toEqual(['risk-weak-password', 'risk-public-wifi']);
    expect(verdict.actions.at(-1)!.detail).toBe(RISK_FACTORS.find((risk) => risk.id === 'risk-public-wifi')!.advice);
  });

  describe('risks only', () => {
    for (const risk of RISK_IDS) {
      it(`${risk}: at risk, not necessarily compromised`, () => {
        const verdict = getVerdict(state([], [risk]));
        expect(verdict.severity).toBe('at-risk');
        expect(verdict.label).toBe('At risk');
        expect(verdict.headline).toMatch(/not necessarily compromised/i);
        expect(keys(verdict)).toEqual([risk, 'password-guide']);
        expect(verdict.actions[0]!.href).toBe(`#${risk}`);
        expect(verdict.actions[1]!.href).toBe(`${PASSWORD_ARTICLE_PATH}#password-best-practices`);
      });
    }

    it('lists every ticked risk in the article order', () => {
      const verdict = getVerdict(state([], ['risk-public-wifi', 'risk-delayed-updates']));
      expect(keys(verdict)).toEqual(['risk-delayed-updates', 'risk-public-wifi', 'password-guide']);
    });

    it('asks an administrator to remind users', () => {
      const admin = getVerdict(state([], ['risk-public-computer'], 'admin'));
      expect(keys(admin)).toEqual(['risk-public-computer', 'password-guide', 'step-educate-users']);
      expect(admin.actions.at(-1)!.href).toBe('#step-educate-users');
    });
  });

  it('changes who does what with the role', () => {
    for (const symptom of SYMPTOM_IDS) {
      const user = getVerdict(state([symptom], [], 'user'));
      const admin = getVerdict(state([symptom], [], 'admin'));
      expect(keys(user)).toEqual(keys(admin));
      expect(user.actions.map((action) => action.text)).not.toEqual(admin.actions.map((action) => action.text));
    }
  });

  it('ignores unknown and repeated ids', () => {
    const messy = {
      symptoms: ['symptom-nope', 'symptom-bounce-messages', 'symptom-bounce-messages'],
      risks: ['risk-x'],
      role: 'root',
    } as unknown as CheckerState;
    expect(getVerdict(messy)).toEqual(getVerdict(state(['symptom-bounce-messages'])));
  });

  it('links only to ids the article publishes or to other articles', () => {
    const published = new Set<string>([...SYMPTOM_IDS, ...RISK_IDS, ...STEP_IDS]);
    for (const role of ROLES) {
      for (const verdict of [getVerdict(state([...SYMPTOM_IDS], [...RISK_IDS], role)), getVerdict(state([], [...RISK_IDS], role))]) {
        for (const { href } of verdict.actions) {
          if (href.startsWith('#')) expect(published.has(href.slice(1)), href).toBe(true);
          else expect(href).toMatch(/^\/docs\/[a-z0-9-]+\/#[a-z0-9-]+$/);
        }
      }
    }
  });
});
