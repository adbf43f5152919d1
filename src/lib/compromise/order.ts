/**
 * Who does what first, in one table. The article's "Do this now" block and
 * step 1, the symptom checker's verdict and the checklist's step 1 all read
 * it, so the order is changed here or nowhere.
 *
 * The rule (facts sheet, "Order for a user"): a user who can still sign in
 * changes the password first and tells the administrator right after; a user
 * who cannot sign in goes to the administrator first, who resets the
 * password in the Control Panel without needing the old one; an
 * administrator resets the password, then does the rest. A user can always
 * change their own password in webmail while they know it.
 */
import type { Role } from '../kit/role';
import { CHANGE_PASSWORD_ARTICLE_PATH, STEPS, type StepId, type SymptomId } from './items';

/** Whether the mailbox's owner can still sign in to webmail (the intruder changed the password, or Rackspace disabled it). */
export type Access = 'can-sign-in' | 'cannot-sign-in';
export const ACCESSES: readonly Access[] = ['can-sign-in', 'cannot-sign-in'];

/** The signs that take webmail away from the owner: the intruder changed the password, or Rackspace disabled the mailbox. */
const LOCKED_OUT_SYMPTOMS: readonly SymptomId[] = ['symptom-password-changed', 'symptom-mailbox-disabled'];

export function accessOf(symptoms: readonly SymptomId[]): Access {
  return symptoms.some((id) => LOCKED_OUT_SYMPTOMS.includes(id)) ? 'cannot-sign-in' : 'can-sign-in';
}

/** The keys the checker's verdict gives these actions (its `li[data-action]` hook). */
type MoveKey = Extract<StepId, 'step-change-password' | 'step-scan-devices'> | 'reset-password' | 'alert-administrator';

export interface Move {
  key: MoveKey;
  /** The imperative, as the checker's link text. */
  text: string;
  /** The same action as a clause, for the sentences that chain two moves ("…, then …"). */
  clause: string;
  /** Why, or how: one sentence. */
  detail: string;
  href: string;
}

/** The change-password article's section for people who cannot sign in (who resets, how to reach support). */
const CANNOT_SIGN_IN_HREF = `${CHANGE_PASSWORD_ARTICLE_PATH}#cannot-sign-in`;
const ADMIN_RESET_HREF = `${CHANGE_PASSWORD_ARTICLE_PATH}#change-password-as-administrator`;
const USER_CHANGE_HREF = `${CHANGE_PASSWORD_ARTICLE_PATH}#change-password-as-user`;

const SCAN_DETAIL =
  'If a scan finds malware, remove it and change the password a second time: the new one may already be captured.';

function scanDevices(clause: string): Move {
  return { key: 'step-scan-devices', text: STEPS[1].action, clause, detail: SCAN_DETAIL, href: '#step-scan-devices' };
}

/** After the reset, an administrator goes on with the steps; the scans come first among them. */
const ADMIN_THEN = scanDevices('have every device scanned');

/** Role × access → the first two things to do, in order. The one table of the order. */
export const ORDER: Record<Role, Record<Access, readonly [Move, Move]>> = {
  user: {
    'can-sign-in': [
      {
        key: 'step-change-password',
        text: STEPS[0].title,
        clause: 'change the password in webmail, with your current one',
        detail: 'Locking the intruder out comes first: every minute of access means more damage.',
        href: '#step-change-password',
      },
      {
        key: 'alert-administrator',
        text: 'Then tell your administrator at once',
        clause: 'tell your administrator at once',
        detail: 'Right after the change, not instead of it: one broken-in mailbox puts the whole company at risk.',
        href: '#step-alert-others',
      },
    ],
    'cannot-sign-in': [
      {
        key: 'reset-password',
        text: 'Ask your administrator to reset the password now',
        clause: 'ask your administrator to reset the password now',
        detail:
          'Without signing in you cannot change it yourself; your administrator resets it in the Cloud Office Control Panel. Not sure who that is? Ask whoever runs your company\u2019s email or IT.',
        href: CANNOT_SIGN_IN_HREF,
      },
      scanDevices('scan your devices'),
    ],
  },
  admin: {
    'can-sign-in': [
      {
        key: 'step-change-password',
        text: STEPS[0].title,
        clause: 'reset the password in the Cloud Office Control Panel',
        detail: 'Set a new one in the Control Panel. Locking the intruder out comes first.',
        href: '#step-change-password',
      },
      ADMIN_THEN,
    ],
    'cannot-sign-in': [
      {
        key: 'reset-password',
        text: 'Reset the password in the Cloud Office Control Panel',
        clause: 'reset the password in the Cloud Office Control Panel',
        detail: 'The owner cannot change it in webmail now: that needs signing in with the current password.',
        href: ADMIN_RESET_HREF,
      },
      ADMIN_THEN,
    ],
  },
};

export function firstMoves(role: Role, access: Access): readonly [Move, Move] {
  return ORDER[role][access];
}

/** The first move's clause as a sentence opens ("Change the password…"): the part the article links. */
export function leadClause(role: Role, access: Access): string {
  const { clause } = ORDER[role][access][0];
  return clause.charAt(0).toUpperCase() + clause.slice(1);
}

/** What follows the lead clause: ", then tell your administrator at once." */
export function thenClause(role: Role, access: Access): string {
  return `, then ${ORDER[role][access][1].clause}.`;
}

/** "Change the password in webmail, with your current one, then tell your administrator at once." */
export function orderSentence(role: Role, access: Access): string {
  return leadClause(role, access) + thenClause(role, access);
}

/** A link: where to read more. */
interface Guide {
  text: string;
  href: string;
}

/** One line per reader, in the order the article and the "Do this now" block show them. */
export interface OrderPath {
  role: Role;
  access: Access;
  /** Who this line is for, as its lead-in. */
  who: string;
  /** One sentence more, when this reader may be stuck, and where it is explained. */
  note?: string;
  noteGuide?: Guide;
  /** Where the first action is explained in full (the change-password article's sections). */
  guide: string;
}

/**
 * Administrators have one path: they reset in the Control Panel whether or not
 * the owner can sign in; one locked out of the Control Panel itself contacts
 * Rackspace support (facts sheet, "Getting help when you cannot sign in").
 */
export const ORDER_PATHS: readonly OrderPath[] = [
  {
    role: 'user',
    access: 'can-sign-in',
    who: 'You can sign in',
    guide: USER_CHANGE_HREF,
  },
  {
    role: 'user',
    access: 'cannot-sign-in',
    who: 'You cannot sign in',
    note: 'Not sure who that is? Ask whoever runs your company\u2019s email or IT.',
    guide: CANNOT_SIGN_IN_HREF,
  },
  {
    role: 'admin',
    access: 'can-sign-in',
    who: 'Administrators',
    note: 'Locked out of the Control Panel? Contact Rackspace support by chat, phone or a ticket.',
    noteGuide: { text: 'How to reach support', href: `${CHANGE_PASSWORD_ARTICLE_PATH}#contact-support` },
    guide: ADMIN_RESET_HREF,
  },
];
