import { describe, expect, it } from 'vitest';
import {
  CHANGE_PASSWORD_ARTICLE_PATH,
  INTRUDER_CHANGES_ARTICLE_PATH,
  MAIN_ARTICLE_PATH,
  PASSWORD_ARTICLE_PATH,
  RISK_FACTORS,
  STEPS,
  SYMPTOMS,
  type RiskFactorId,
  remedyOf,
  type SymptomId,
} from '../../../src/lib/compromise/items';
import { readArticles, readContract } from '../../support/articles';
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
 * The action keys the rules of issues 3 and 13 call for, written independently
 * of the implementation: a user tells the administrator first; then the
 * password (a reset when it was changed, or when a user cannot sign in to a
 * disabled mailbox); then the fixes for rules and reply-to, which need
 * webmail, so a disabled mailbox gets them only once restored; then the
 * article's steps in order, with the restore step only for a disabled
 * mailbox, after the password and the scans; then the ticked risks.
 */
function expectedKeys(symptoms: SymptomId[], risks: RiskFactorId[], role: Role): string[] {
  const has = (id: SymptomId) => symptoms.includes(id);
  const disabled = has('symptom-mailbox-disabled');
  const fixes = [
    ...(has('symptom-forwarding-rules') ? ['remove-forwarding-rules'] : []),
    ...(has('symptom-reply-to-changed') ? ['restore-reply-to'] : []),
  ];
  return [
    ...(role === 'user' ? ['alert-administrator'] : []),
    has('symptom-password-changed') || (disabled && role === 'user') ? 'reset-password' : 'step-change-password',
    ...(disabled ? [] : fixes),
    'step-scan-devices',
    ...(disabled ? ['step-restore-access', ...fixes] : []),
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
  expect(keys(verdict)).toEqual(expectedKeys(symptoms, risks, role));
  expect(verdict.summary).toContain(`${verdict.actions.length} things`);
  expect(verdict.brief).toBe(`Compromised: ${verdict.actions.length} things to do`);

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

  // A user's first action is telling the administrator; the password comes next (first for an administrator).
  if (role === 'user') {
    expect(verdict.actions[0]).toMatchObject({ text: 'Tell your administrator now', href: '#step-alert-others' });
  }
  const password = verdict.actions[role === 'user' ? 1 : 0]!;
  if (
    symptoms.includes('symptom-password-changed') ||
    (role === 'user' && symptoms.includes('symptom-mailbox-disabled'))
  ) {
    expect(password.href).toBe(`${CHANGE_PASSWORD_ARTICLE_PATH}#change-password-as-administrator`);
    expect(password.text).toMatch(
      role === 'admin' ? /^Reset the password in the Cloud Office Control Panel/ : /^Ask your administrator to reset/,
    );
  } else {
    expect(password.href).toBe('#step-change-password');
  }

  const alert = verdict.actions.find((action) => action.key === 'step-alert-others')!;
  expect(alert.text).toMatch(role === 'admin' ? /users/ : /colleagues/);
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
      expect(verdict.brief).toBe('');
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
    const verdict = getVerdict(state(['symptom-mailbox-disabled'], [], 'admin'));
    expect(keys(verdict).slice(0, 3)).toEqual(['step-change-password', 'step-scan-devices', 'step-restore-access']);
    expect(getVerdict(state(['symptom-bounce-messages'])).actions.some((action) => action.warning)).toBe(false);
  });

  it('a user whose mailbox was disabled tells the administrator and asks for a reset, and never changes the password alone', () => {
    const verdict = getVerdict(state(['symptom-mailbox-disabled'], [], 'user'));
    expect(verdict.actions.slice(0, 4).map(({ key, text }) => [key, text])).toEqual([
      ['alert-administrator', 'Tell your administrator now'],
      ['reset-password', 'Ask your administrator to reset the password'],
      ['step-scan-devices', 'Scan every device you use for mail'],
      ['step-restore-access', 'Ask your administrator to restore access to the mailbox'],
    ]);
    expect(verdict.actions[1]!.detail).toMatch(/cannot sign in to a disabled mailbox/);
    expect(keys(verdict)).not.toContain('step-change-password');
  });

  it('a user whose password was changed asks for a reset right after telling the administrator', () => {
    const verdict = getVerdict(state(['symptom-password-changed', 'symptom-bounce-messages'], [], 'user'));
    expect(keys(verdict).slice(0, 3)).toEqual(['alert-administrator', 'reset-password', 'step-scan-devices']);
    expect(verdict.actions[1]!.detail).toMatch(/no longer know it/);
  });

  it('tells a user to change the password themselves when they still can, after alerting the administrator', () => {
    const verdict = getVerdict(state(['symptom-unfamiliar-email'], [], 'user'));
    expect(keys(verdict).slice(0, 3)).toEqual(['alert-administrator', 'step-change-password', 'step-scan-devices']);
    expect(verdict.actions.find((action) => action.key === 'step-alert-others')!.text).toBe('Warn your colleagues');
  });

  it('puts the rule and reply-to fixes right after the password change, linking to the new article', () => {
    for (const role of ROLES) {
      const verdict = getVerdict(state(['symptom-forwarding-rules', 'symptom-reply-to-changed'], [], role));
      const start = role === 'user' ? 1 : 0;
      expect(keys(verdict).slice(start, start + 4)).toEqual([
        'step-change-password',
        'remove-forwarding-rules',
        'restore-reply-to',
        'step-scan-devices',
      ]);
      expect(verdict.actions[start + 1]).toMatchObject({
        text: 'Remove the forwarding and filters you did not set up',
        href: `${INTRUDER_CHANGES_ARTICLE_PATH}#check-forwarding`,
      });
      expect(verdict.actions[start + 2]).toMatchObject({
        text: 'Put your own reply-to address back',
        href: `${INTRUDER_CHANGES_ARTICLE_PATH}#check-identities`,
      });
    }
  });

  it('with a disabled mailbox, undoes the forwarding and reply-to only once access is restored (webmail needs it)', () => {
    const symptoms: SymptomId[] = ['symptom-mailbox-disabled', 'symptom-forwarding-rules', 'symptom-reply-to-changed'];
    expect(keys(getVerdict(state(symptoms, [], 'user'))).slice(0, 6)).toEqual([
      'alert-administrator',
      'reset-password',
      'step-scan-devices',
      'step-restore-access',
      'remove-forwarding-rules',
      'restore-reply-to',
    ]);
    const admin = getVerdict(state(symptoms, [], 'admin'));
    expect(keys(admin).slice(0, 5)).toEqual([
      'step-change-password',
      'step-scan-devices',
      'step-restore-access',
      'remove-forwarding-rules',
      'restore-reply-to',
    ]);
    expect(admin.actions[2]!.text).toBe('Restore access to the mailbox in the Control Panel');
  });

  it('with every symptom and every risk, lists everything once', () => {
    const verdict = getVerdict(state([...SYMPTOM_IDS], [...RISK_IDS], 'admin'));
    expectCompromised(verdict, [...SYMPTOM_IDS], [...RISK_IDS], 'admin');
    expect(new Set(keys(verdict)).size).toBe(verdict.actions.length);
  });

  it('adds the ticked risks, as things to do with their advice, after the steps of a compromise', () => {
    const verdict = getVerdict(state(['symptom-unfamiliar-email'], ['risk-public-wifi', 'risk-weak-password']));
    expect(keys(verdict).slice(-2)).toEqual(['risk-weak-password', 'risk-public-wifi']);
    expect(verdict.actions.at(-1)).toMatchObject({
      text: 'Stop signing in over public Wi-Fi',
      detail: RISK_FACTORS.find((risk) => risk.id === 'risk-public-wifi')!.advice,
    });
  });

  it('words every risk as an action, never as the habit itself', () => {
    const verdict = getVerdict(state([], [...RISK_IDS]));
    for (const risk of RISK_FACTORS) {
      const action = verdict.actions.find((candidate) => candidate.key === risk.id)!;
      expect(action.text).toBe(risk.action);
      expect(action.text).not.toBe(risk.label);
      expect(action.text).toMatch(/^(Stop|Replace|Check) /);
    }
  });

  describe('risks only', () => {
    for (const risk of RISK_IDS) {
      it(`${risk}: at risk, not necessarily compromised`, () => {
        const verdict = getVerdict(state([], [risk]));
        expect(verdict.severity).toBe('at-risk');
        expect(verdict.label).toBe('At risk');
        expect(verdict.headline).toMatch(/not necessarily compromised/i);
        expect(keys(verdict)).toEqual([risk, 'password-guide']);
        expect(verdict.brief).toBe('At risk: 2 things to do');
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
      expect(keys(user)[0]).toBe('alert-administrator');
      expect(keys(admin)).not.toContain('alert-administrator');
      const shared = keys(admin).filter((key) => keys(user).includes(key));
      expect(shared.map((key) => user.actions.find((action) => action.key === key)!.text)).not.toEqual(
        shared.map((key) => admin.actions.find((action) => action.key === key)!.text),
      );
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

  it('links every action to an id its page publishes (front matter and published-anchors.json)', () => {
    const articles = readArticles();
    const contract = readContract();
    const published = (path: string) => {
      const article = articles.find((candidate) => candidate.path === path);
      return new Set([...(article?.frontmatter.anchors ?? []), ...(contract[path] ?? [])]);
    };
    // Every combination of symptoms, for both roles, with no risk, one risk and every risk.
    const hrefs = new Set<string>();
    for (let mask = 0; mask < 2 ** SYMPTOM_IDS.length; mask += 1) {
      const symptoms = SYMPTOM_IDS.filter((_, index) => mask & (1 << index));
      for (const role of ROLES) {
        for (const risks of [[], [RISK_IDS[0]!], [...RISK_IDS]]) {
          for (const action of getVerdict(state(symptoms, risks, role)).actions) hrefs.add(action.href);
        }
      }
    }
    expect(hrefs.size).toBeGreaterThan(SYMPTOM_IDS.length);
    for (const href of hrefs) {
      const match = /^(\/docs\/[a-z0-9-]+\/)?#([a-z0-9-]+)$/.exec(href);
      expect(match, href).not.toBeNull();
      const path = match![1] ?? MAIN_ARTICLE_PATH;
      expect(published(path).has(match![2]!), href).toBe(true);
      // Published in both places, so the id is a lasting contract.
      expect(contract[path], href).toContain(match![2]);
    }
  });

  it("links the article's symptom list to the same remedies as the checker", () => {
    for (const symptom of SYMPTOMS) {
      const remedy = remedyOf(symptom.id);
      if (remedy === undefined) continue;
      expect(remedy.href.startsWith(INTRUDER_CHANGES_ARTICLE_PATH), symptom.id).toBe(true);
      const verdict = getVerdict(state([symptom.id]));
      expect(
        verdict.actions.some((action) => action.href === remedy.href && action.text === remedy.text),
        symptom.id,
      ).toBe(true);
    }
    expect(SYMPTOMS.filter((symptom) => remedyOf(symptom.id)).map((symptom) => symptom.id)).toEqual([
      'symptom-forwarding-rules',
      'symptom-reply-to-changed',
    ]);
  });
});
