/**
 * assessPassword with the shipped (trimmed) dictionaries: a fixed table of
 * weak-but-compliant, strong and context-derived passwords, and the cap.
 */
import { describe, expect, it } from 'vitest';
import { assessPassword } from '../../../src/lib/password/assess';
import { EMPTY_CONTEXT, contextWords, type PasswordContext } from '../../../src/lib/password/context';
import { ANALYSED_LENGTH_CAP } from '../../../src/lib/password/limits.mjs';

const WITH_MFA: PasswordContext = { ...EMPTY_CONTEXT, mfa: true };
const JANE: PasswordContext = { email: 'jane.doe@acme-widgets.com', name: 'Jane Doe', mfa: true };

function failed(password: string, context: PasswordContext) {
  const { strengthVerdict } = assessPassword(password, context);
  return strengthVerdict.criteria.filter((criterion) => !criterion.met).map((criterion) => criterion.id);
}

describe('weak but compliant: the service accepts them, the verdict does not, and says why', () => {
  // Each fails on guessability, whatever its length and whether multi-factor sign-in is on.
  const table: [string, string][] = [
    ['Password123!', 'a common password with a capital, digits and a symbol'],
    ['Summer2024!', 'a capitalised word plus a year'],
    ['Michael1985', 'a name plus digits'],
    ['Qwertyuiop123', 'a keyboard walk'],
    ['Aaaaaaaaaaaaaaaaaaaa1!', 'a repeated character'],
    ['P@ssw0rd2025', 'look-alike substitutions'],
    ['Welcome12345!', 'a common word and a run of digits'],
  ];
  for (const [password, why] of table) {
    it(`${why}: ${password}`, () => {
      const assessment = assessPassword(password, WITH_MFA);
      expect(assessment.policy.pass, 'the service would accept it').toBe(true);
      expect(assessment.strengthVerdict.pass).toBe(false);
      expect(failed(password, WITH_MFA)).toContain('unguessable');
      expect(failed(password, WITH_MFA)).not.toContain('no-context');
      expect(assessment.strengthVerdict.criteria.find((criterion) => criterion.id === 'unguessable')?.fix).toMatch(
        /\w/,
      );
      expect(assessment.headline).toMatch(/would accept it, but it is not strong enough/);
    });
  }

  it('without multi-factor sign-in, short ones also fail on length, and say how many to add', () => {
    const assessment = assessPassword('Password123!', EMPTY_CONTEXT);
    expect(failed('Password123!', EMPTY_CONTEXT)).toEqual(['length', 'unguessable']);
    expect(assessment.strengthVerdict.criteria[0]!.fix).toMatch(/^Add 3 more/);
  });
});

describe('strong', () => {
  const table = ['Velvet-tractor-simmer-lagoon-7', 'u7#Kp2!vQz9@Lm4$xR', 'Orbit fennel Kettle 48 drizzle'];
  for (const password of table) {
    it(password, () => {
      const assessment = assessPassword(password, EMPTY_CONTEXT);
      expect(assessment.score).toBe(4);
      expect(assessment.policy.pass).toBe(true);
      expect(assessment.strengthVerdict.pass).toBe(true);
      expect(assessment.headline).toMatch(/^Good/);
    });
  }

  it('a long passphrase that misses only the 3-of-4 rule is strong, and told exactly which kind to add', () => {
    const assessment = assessPassword('velvet tractor simmer lagoon', EMPTY_CONTEXT);
    expect(assessment.strengthVerdict.pass).toBe(true);
    expect(assessment.policy.pass).toBe(false);
    const kinds = assessment.policyVerdict.criteria.find((criterion) => criterion.id === 'kinds');
    expect(kinds).toMatchObject({ met: false, fix: 'Add an uppercase letter (A to Z) or a digit (0 to 9).' });
    expect(assessment.headline).toMatch(/^Strong, but Rackspace Email will refuse it/);
  });

  it('needs 15 characters with or without multi-factor sign-in, which guards webmail but not mail apps', () => {
    // A 12-character random password: unguessable, yet short of what a password used alone needs.
    const twelve = 'k9#Vq2!mZx4&';
    for (const context of [WITH_MFA, EMPTY_CONTEXT]) {
      const assessment = assessPassword(twelve, context);
      expect(assessment.strengthVerdict.pass, `mfa: ${context.mfa}`).toBe(false);
      expect(failed(twelve, context)).toEqual(['length']);
      expect(assessment.strengthVerdict.criteria[0]!.fix).toMatch(/^Add 3 more/);
    }
    const reason = assessPassword(twelve, WITH_MFA).strengthVerdict.criteria[0]!.label;
    expect(reason).toMatch(/^At least 15 characters even with multi-factor sign-in/);
    expect(reason).toMatch(/mail apps .* sign in with the password alone/);
    // 15 and more still pass, with the box ticked or not.
    for (const password of ['k9#Vq2!mZx4&Tb7', 'u7#Kp2!vQz9@Lm4$xR']) {
      expect(failed(password, WITH_MFA), password).toEqual([]);
      expect(assessPassword(password, WITH_MFA).strengthVerdict.pass, password).toBe(true);
    }
  });
});

describe('built from the context', () => {
  it('splits the address and the name into the words to avoid', () => {
    expect(contextWords(JANE)).toEqual(
      expect.arrayContaining(['jane', 'doe', 'janedoe', 'acme', 'widgets', 'acmewidgets']),
    );
    expect(contextWords(JANE)).not.toContain('com');
    expect(contextWords({ email: 'j.smith1985@mail.example.org', name: '' })).toEqual(
      expect.arrayContaining(['smith', '1985', 'smith1985', 'example']),
    );
  });

  const table: [string, string][] = [
    ['Trombone-Acme-Widgets-Quilt-42', 'the company domain'],
    ['JaneDoe!Lantern#Orbit93', 'the name'],
    ['Qu1lt-J4ne-Tr0mb0ne-0rbit!', 'the name with look-alike digits'],
    ['Lantern enaJ Orbit 77 fennel', 'the name reversed'],
  ];
  for (const [password, what] of table) {
    it(`fails a password built from ${what}: ${password}`, () => {
      expect(failed(password, JANE)).toContain('no-context');
      // Without the context, the same password is not held against it.
      expect(failed(password, WITH_MFA)).not.toContain('no-context');
    });
  }
});

describe('the cap on analysed length', () => {
  it(`analyses only the first ${ANALYSED_LENGTH_CAP} characters; the rest count toward length`, () => {
    const password = `${'Orbit fennel Kettle 48 drizzle '.repeat(5)}tail`;
    const assessment = assessPassword(password, EMPTY_CONTEXT);
    expect(Array.from(password).length).toBeGreaterThan(ANALYSED_LENGTH_CAP);
    expect(assessment).toMatchObject({ analysedLength: ANALYSED_LENGTH_CAP, cut: true });
    expect(assessment.policy.length).toBe(Array.from(password).length);
  });

  it('still fails a long repeat beyond the cap', () => {
    const assessment = assessPassword('A1!'.padEnd(300, 'a'), EMPTY_CONTEXT);
    expect(assessment.cut).toBe(true);
    expect(assessment.strengthVerdict.pass).toBe(false);
  });

  it('reports both attack times', () => {
    const { crackTimes } = assessPassword('Password123!', EMPTY_CONTEXT);
    expect(crackTimes.onlineThrottled.seconds).toBeGreaterThan(crackTimes.offlineFastHash.seconds);
    expect(crackTimes.offlineFastHash.display).toBe('less than a second');
  });
});
