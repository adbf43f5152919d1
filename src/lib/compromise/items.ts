/**
 * The symptoms, risk factors and recovery steps of the main article, in one
 * place. The article renders its lists from here and the symptom checker
 * reasons over the same ids, so the two can never disagree. The ids are a
 * public contract (support tickets link to them): never rename one; retire it
 * with an alias in the article's front matter instead.
 */

export const MAIN_ARTICLE_PATH = '/docs/secure-a-compromised-rackspace-email-mailbox/';
export const PASSWORD_ARTICLE_PATH = '/docs/password-management-and-best-practices/';
export const CHANGE_PASSWORD_ARTICLE_PATH = '/docs/change-rackspace-email-mailbox-password/';
/** The main article's section with the six steps (and the checklist tracker). */
export const STEPS_SECTION_ID = 'secure-your-mailbox';
export const INTRUDER_CHANGES_ARTICLE_PATH = '/docs/remove-an-intruders-mailbox-changes/';

/**
 * Undoing what the intruder set up in the mailbox's settings, as one task: the
 * recovery checklist shows it under step 1 when the reader noticed a symptom
 * whose remedy is in the companion article (its sections are those remedies).
 */
export const INTRUDER_CHANGES_TASK = {
  title: 'Remove the intruder\u2019s forwarding, filters and reply-to changes',
  href: INTRUDER_CHANGES_ARTICLE_PATH,
} as const;

/**
 * Closing the intruder's way back in (the recovery phone or authenticator,
 * Trusted Devices, the multi-factor method): for everyone, right after the
 * password change, since a recovery method the intruder set up lets them
 * press "Forgot password" and take the mailbox back.
 */
export const CLOSE_WAY_BACK_TASK = {
  title: 'Check the recovery method, trusted devices and multi-factor method',
  href: `${INTRUDER_CHANGES_ARTICLE_PATH}#check-security`,
} as const;

/** The main article's section on what to do once the six steps are done (the checker and checklist sit on that page). */
export const AFTER_THE_STEPS_ID = 'after-the-steps';
export const AFTER_THE_STEPS_TASK = {
  title: 'Check what the intruder read or sent, and who else to warn',
  href: `#${AFTER_THE_STEPS_ID}`,
} as const;

/** The administrators' blocklist, for every mailbox of a domain (Control Panel). */
export const DOMAIN_BLOCKLIST_HREF =
  '/docs/blocklist-addresses-domains-and-ips-in-rackspace-email-webmail/#blocklist-for-the-domain';

/** What a blocklist must not hold: said wherever the site says to blocklist the sender. */
export const DO_NOT_BLOCK_TEXT =
  'Do not block a large provider\u2019s shared IP address or a hijacked colleague\u2019s or customer\u2019s address: warn them instead.';

/** A link to where a symptom is undone: the article's list and the checker's verdict both show it. */
export interface Remedy {
  /** An imperative, the text of the link. */
  text: string;
  href: string;
}

export interface Symptom {
  /** Fragment id on the article page. */
  id: `symptom-${string}`;
  /** What the person notices, as a short statement. */
  label: string;
  /** One plain-language sentence that helps someone recognise it. */
  hint: string;
  /** How to undo what the intruder changed, when it takes more than the six steps. */
  remedy?: Remedy;
  /** Words readers search with for it ("also searched as"): indexed with a weight, not shown (AlsoSearchedAs.astro). */
  alsoSearchedAs?: readonly string[];
}

export interface RiskFactor {
  id: `risk-${string}`;
  label: string;
  /** The habit given up, as an imperative (the checker's verdict lists it as a thing to do). */
  action: string;
  /** What to do instead: one sentence. */
  advice: string;
  /** Words readers search with for it ("also searched as"): indexed with a weight, not shown (AlsoSearchedAs.astro). */
  alsoSearchedAs?: readonly string[];
}

export interface RecoveryStep {
  id: `step-${string}`;
  title: string;
  /** Short imperative for lists such as the checker's verdict. */
  action: string;
  /** Words readers search with for it ("also searched as"): indexed with a weight, not shown (AlsoSearchedAs.astro). */
  alsoSearchedAs?: readonly string[];
}

export const SYMPTOMS = [
  {
    id: 'symptom-bounce-messages',
    label: 'Bounce messages for mail you never sent',
    hint: 'Your inbox fills with "undeliverable" or non-delivery reports about messages you did not write.',
  },
  {
    id: 'symptom-unfamiliar-email',
    label: 'Messages you do not recognise',
    hint: 'Your Sent, Inbox or Deleted folders hold emails you do not remember sending or receiving.',
  },
  {
    id: 'symptom-password-changed',
    label: 'Your password was changed, and not by you',
    hint: 'Your usual password no longer works and you cannot sign in, although you did not change it.',
  },
  {
    id: 'symptom-messages-you-did-not-send',
    label: 'People received messages you did not send',
    hint: 'A colleague, customer or friend asks about an odd message sent in your name, from your address.',
    alsoSearchedAs: ['contacts got spam from me'],
  },
  {
    id: 'symptom-forwarding-rules',
    label: 'Forwarding rules you did not create',
    hint: 'Your mail settings contain a rule that copies or forwards your mail to an address you do not know.',
    remedy: {
      text: 'Remove the forwarding and filters you did not set up',
      href: `${INTRUDER_CHANGES_ARTICLE_PATH}#check-forwarding`,
    },
  },
  {
    id: 'symptom-reply-to-changed',
    label: 'Your reply-to address was changed',
    hint: 'Replies to your messages go to an address that is not yours.',
    remedy: { text: 'Put your own reply-to address back', href: `${INTRUDER_CHANGES_ARTICLE_PATH}#check-identities` },
  },
  {
    id: 'symptom-mailbox-disabled',
    label: 'Rackspace told you the mailbox has been disabled',
    hint: 'You received an email from Rackspace saying the mailbox was disabled.',
    alsoSearchedAs: ['account suspended', 'mailbox locked'],
  },
] as const satisfies readonly Symptom[];

export const RISK_FACTORS = [
  {
    id: 'risk-weak-password',
    label: 'A weak or only moderately strong password',
    action: 'Replace the weak password with a strong one',
    advice: 'Use a long passphrase that you use nowhere else, built as the password guide describes.',
  },
  {
    id: 'risk-delayed-updates',
    label: 'Putting off software updates',
    action: 'Stop putting off software updates',
    advice: 'Install updates for your operating system, browser and mail app as soon as they are offered.',
  },
  {
    id: 'risk-unverified-links',
    label: 'Clicking links from senders you have not verified',
    action: 'Stop clicking links from senders you have not verified',
    advice: 'Before you click, confirm the sender is who they say they are, by phone or another channel you trust.',
  },
  {
    id: 'risk-unchecked-links',
    label: 'Clicking links without checking where they really go',
    action: 'Check where a link really goes before you click it',
    advice:
      'Hover over or long-press a link to see its true address; a link that seems to come from someone you trust can still be a trap.',
  },
  {
    id: 'risk-public-computer',
    label: 'Signing in on a public computer',
    action: 'Stop signing in on public computers',
    advice:
      'Do not read your mail on library, hotel or shared computers: treat any machine strangers use all day as unsafe.',
  },
  {
    id: 'risk-public-wifi',
    label: 'Signing in over public Wi-Fi',
    action: 'Stop signing in over public Wi-Fi',
    advice: 'Wait for a network you trust, or use your phone\u2019s mobile data, before you sign in.',
  },
] as const satisfies readonly RiskFactor[];

/** The six steps, in the order they must be done. */
export const STEPS = [
  { id: 'step-change-password', title: 'Change the mailbox password now', action: 'Change the mailbox password' },
  {
    id: 'step-scan-devices',
    title: 'Scan every device for viruses and malware',
    action: 'Scan every device you use for mail',
    alsoSearchedAs: ['antivirus', 'keylogger'],
  },
  {
    id: 'step-restore-access',
    title: 'Restore access if Rackspace disabled the mailbox',
    action: 'Restore access to the disabled mailbox',
    alsoSearchedAs: ['turn the mailbox back on', 'reactivate'],
  },
  {
    id: 'step-alert-others',
    title: 'Alert your colleagues and administrator',
    action: 'Alert colleagues and your administrator',
  },
  {
    id: 'step-blocklist-sender',
    title: 'Blocklist the sender of the malicious message',
    action: 'Blocklist the attacker\u2019s return-path address and IP address',
  },
  {
    id: 'step-educate-users',
    title: 'Teach users the risks and the warning signs',
    action: 'Teach users the risk factors and symptoms',
    alsoSearchedAs: ['security awareness training'],
  },
] as const satisfies readonly RecoveryStep[];

export type SymptomId = (typeof SYMPTOMS)[number]['id'];
export type RiskFactorId = (typeof RISK_FACTORS)[number]['id'];
export type StepId = (typeof STEPS)[number]['id'];

/** The symptom's remedy link, if it has one. */
export function remedyOf(id: SymptomId): Remedy | undefined {
  return (SYMPTOMS as readonly Symptom[]).find((symptom) => symptom.id === id)?.remedy;
}

export function stepById(id: StepId): RecoveryStep {
  const step = STEPS.find((candidate) => candidate.id === id);
  if (!step) throw new Error(`Unknown step id "${id}"`);
  return step;
}

/** 1-based position of a step, as printed in the article. */
export function stepNumber(id: StepId): number {
  return STEPS.findIndex((candidate) => candidate.id === id) + 1;
}
