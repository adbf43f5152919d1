/**
 * Everything the header analyzer shows, from pasted text: plain data, no
 * markup. The view renders each string as text.
 */
import { addressInName, domainOf, parseAddressList, parseReturnPath, type Mailbox } from './addresses';
import {
  parseAuthenticationResults,
  parseReceivedSpf,
  type AuthResult,
  type AuthResultsField,
  type ReceivedSpf,
} from './auth-results';
import { isHostName, sameOrganisation } from './domains';
import { decodeEncodedWords } from './encoded-words';
import { fieldsNamed, firstField, parseFields, type HeaderField, type ParsedHeaders } from './fields';
import { parseIp, type Ip } from './ip';
import { findOrigin, type Origin } from './originating';
import { parseReceived, type ReceivedLine } from './received';
import { isReceivingHost, receivingSide, type ReceivingSide } from './receiving-side';
import { sharedProvider } from './shared-providers';

/** Larger pastes are refused: no header block comes close, and the page must stay responsive. */
export const MAX_INPUT_BYTES = 1024 * 1024;

interface Summary {
  from: Mailbox[];
  replyTo: Mailbox[];
  /** The topmost Return-Path (the one the final server wrote); bounce when it is `<>`. */
  returnPath: { address: string; bounce: boolean } | null;
  subject: string | null;
  date: string | null;
  messageId: string | null;
  to: Mailbox[];
  cc: Mailbox[];
}

type WarningKind = 'reply-to-mismatch' | 'return-path-mismatch' | 'display-name-address' | 'auth-failure';

interface Warning {
  kind: WarningKind;
  text: string;
}

export interface AuthCheck {
  result: string;
  /** False for a result word outside the registry: shown as written, never counted as a pass. */
  standard: boolean;
  /** The domain the check was about (SPF: the envelope sender's, DKIM: the signer's d=, DMARC: From's). */
  domain: string | null;
  /** Whether a passing domain belongs to the same organisation as From's (DMARC relaxed alignment). */
  aligned: boolean | null;
}

interface Authentication {
  /** Where the results came from. */
  source: 'authentication-results' | 'received-spf' | 'none';
  /** The receiving side's servers that wrote them (authserv-ids, comma-separated), when named. */
  authservId: string | null;
  spf: AuthCheck | null;
  dkim: AuthCheck[];
  dmarc: AuthCheck | null;
}

export interface Hop {
  /** 1 = the first server, at the bottom of the header. */
  number: number;
  line: ReceivedLine;
  /** Seconds since the hop before it; null when either date is unreadable. */
  delaySeconds: number | null;
  /** Which side wrote it, relative to the boundary. */
  side: 'receiving' | 'boundary' | 'sender' | 'unknown';
}

interface OriginReport {
  ip: string;
  hopNumber: number;
  senderName: string | null;
  receiver: string | null;
  /** One sentence: how the address was chosen. */
  explanation: string;
  /** A large shared provider's server: block the return-path address instead. */
  sharedProvider: string | null;
}

export interface Analysis {
  fieldCount: number;
  bodyFollows: boolean;
  summary: Summary;
  warnings: Warning[];
  auth: Authentication;
  hops: Hop[];
  origin: OriginReport | null;
  /** Why there is no originating IP, when there is none. */
  originMissing: string | null;
  /** X-Originating-IP as written by the sender's side: a claim, not evidence. */
  claimedIp: string | null;
}

export type AnalysisOutcome =
  { ok: true; analysis: Analysis } | { ok: false; error: 'empty' | 'too-large' | 'no-headers' };

/** UTF-8 length without building the bytes; stops counting once over the limit. */
function utf8Length(text: string, stopAbove = Infinity): number {
  let bytes = 0;
  for (let index = 0; index < text.length && bytes <= stopAbove; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

function addresses(headers: ParsedHeaders, name: string): Mailbox[] {
  return fieldsNamed(headers, name).flatMap((field) => parseAddressList(field.value));
}

function decoded(field: HeaderField | undefined): string | null {
  return field ? decodeEncodedWords(field.value) : null;
}

/**
 * The summary. The topmost Return-Path is the one the delivering server wrote: it replaces any the
 * sender wrote (RFC 5321 section 4.4), and Exchange Online writes it below its Received lines.
 */
function summarise(headers: ParsedHeaders): Summary {
  const returnPath = firstField(headers, 'Return-Path');
  return {
    from: addresses(headers, 'From'),
    replyTo: addresses(headers, 'Reply-To'),
    returnPath: returnPath ? parseReturnPath(returnPath.value) : null,
    subject: decoded(firstField(headers, 'Subject')),
    date: firstField(headers, 'Date')?.value ?? null,
    messageId: firstField(headers, 'Message-ID')?.value ?? null,
    to: addresses(headers, 'To'),
    cc: addresses(headers, 'Cc'),
  };
}

/** A check field the receiving side wrote, parsed, with its place in the header. */
interface Written<T> {
  index: number;
  parsed: T;
}

/**
 * Whether a check field may be the receiving side's: it names one of the receiving side's hosts,
 * or names no host at all (Exchange Online writes no authserv-id; only its place then speaks for it).
 */
function namesReceivingSide(side: ReceivingSide, name: string | null): boolean {
  if (!name || !isHostName(name) || side.domains.size === 0) return true;
  return isReceivingHost(side, name);
}

/** Check fields above `limit` (the boundary's Received line) that the receiving side may have written, top first. */
function checkFields(headers: ParsedHeaders, limit: number, side: ReceivingSide) {
  const above = (name: string) => fieldsNamed(headers, name).filter((field) => field.index < limit);
  const results: Written<AuthResultsField>[] = above('Authentication-Results')
    .map((field) => ({ index: field.index, parsed: parseAuthenticationResults(field.value) }))
    .filter(({ parsed }) => namesReceivingSide(side, parsed.authservId));
  const spf: Written<ReceivedSpf>[] = above('Received-SPF')
    .map((field) => ({ index: field.index, parsed: parseReceivedSpf(field.value) }))
    .filter(({ parsed }) => namesReceivingSide(side, parsed.receiver));
  return { results, spf };
}

interface AuthFindings {
  auth: Omit<Authentication, 'spf' | 'dkim' | 'dmarc'> & {
    spf: AuthResult | null;
    dkim: AuthResult[];
    dmarc: AuthResult | null;
  };
  checkedIp: Ip | null;
  /** Where the field that named checkedIp sits: it must be above the hop it names. */
  checkedIpFieldIndex: number;
  envelopeFrom: string | null;
}

function spfFromReceivedSpf(received: ReceivedSpf): AuthResult {
  return {
    method: 'spf',
    result: received.result,
    standard: true,
    props: received.mailFrom ? { 'smtp.mailfrom': received.mailFrom } : {},
    comments: [],
  };
}

/** One signature reported twice (two of the receiving side's hosts checked it) is shown once. */
function signatureKey(result: AuthResult): string {
  const { props } = result;
  return [result.result, props['header.d'], props['header.i'], props['header.s'], props['header.b']].join('\u0000');
}

const SPF_IP_IN_COMMENT = /(?:designates|sender IP is|client-ip=)\s*([0-9a-f:.]+)/i;

function readAuthentication(headers: ParsedHeaders, limit: number, side: ReceivingSide): AuthFindings {
  const { results, spf: spfFields } = checkFields(headers, limit, side);
  const receivedSpf = spfFields[0];
  // All results of the receiving side, over every field it wrote, top first: one server may split
  // them over several fields, and one provider may check from several hosts (iCloud: SPF from one, DMARC from another).
  const all = results.flatMap(({ index, parsed }) => parsed.results.map((result) => ({ index, result })));
  const topmost = (method: string) => all.find((entry) => entry.result.method === method);
  const seen = new Set<string>();
  const dkim = all
    .filter((entry) => entry.result.method === 'dkim')
    .map((entry) => entry.result)
    .filter((result) => {
      const key = signatureKey(result);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });

  const spfResult = topmost('spf');
  const spf = spfResult?.result ?? (receivedSpf ? spfFromReceivedSpf(receivedSpf.parsed) : null);
  // The address the SPF check ran against: from whichever field is higher (written later, nearer the reader).
  const candidates: { index: number; text: string | undefined }[] = [];
  if (receivedSpf) candidates.push({ index: receivedSpf.index, text: receivedSpf.parsed.clientIp ?? undefined });
  if (spfResult) {
    const fromComment = SPF_IP_IN_COMMENT.exec(spfResult.result.comments.join(' ').slice(0, 1_000))?.[1];
    candidates.push({ index: spfResult.index, text: spfResult.result.props['smtp.remote-ip'] ?? fromComment });
  }
  const iprev = topmost('iprev');
  if (iprev) {
    candidates.push({
      index: iprev.index,
      text: iprev.result.props['policy.iprev'] ?? iprev.result.props['smtp.remote-ip'],
    });
  }
  const checked = candidates
    .filter((candidate) => candidate.text && parseIp(candidate.text))
    .sort((a, b) => a.index - b.index)[0];

  const authservIds = [...new Set(results.map(({ parsed }) => parsed.authservId).filter((id) => id !== null))];
  return {
    auth: {
      source: results.length > 0 ? 'authentication-results' : receivedSpf ? 'received-spf' : 'none',
      authservId: authservIds.length > 0 ? authservIds.join(', ') : null,
      spf,
      dkim: results.length > 0 ? dkim : [],
      dmarc: topmost('dmarc')?.result ?? null,
    },
    checkedIp: checked ? parseIp(checked.text!) : null,
    checkedIpFieldIndex: checked?.index ?? Infinity,
    envelopeFrom: spf?.props['smtp.mailfrom'] ?? receivedSpf?.parsed.mailFrom ?? null,
  };
}

function domainIn(value: string | undefined): string | null {
  if (!value || value.toLowerCase() === 'none') return null;
  const domain = value.includes('@') ? domainOf(value) : value.toLowerCase().replace(/\.$/, '');
  return domain === '' ? null : domain;
}

function check(result: AuthResult, domain: string | null, fromDomain: string): AuthCheck {
  return {
    result: result.result,
    standard: result.standard,
    domain,
    aligned: result.result === 'pass' && domain && fromDomain ? sameOrganisation(domain, fromDomain) : null,
  };
}

function authentication(findings: AuthFindings, fromDomain: string): Authentication {
  const { spf, dkim, dmarc, ...rest } = findings.auth;
  return {
    ...rest,
    spf: spf ? check(spf, domainIn(spf.props['smtp.mailfrom'] ?? spf.props['smtp.helo']), fromDomain) : null,
    dkim: dkim.map((result) =>
      check(result, domainIn(result.props['header.d'] ?? result.props['header.i']), fromDomain),
    ),
    dmarc: dmarc
      ? {
          result: dmarc.result,
          standard: dmarc.standard,
          domain: domainIn(dmarc.props['header.from']) ?? (fromDomain || null),
          aligned: null,
        }
      : null,
  };
}

const FAILING = new Set(['fail', 'softfail', 'permerror']);

function warningsFor(summary: Summary, auth: Authentication): Warning[] {
  const warnings: Warning[] = [];
  const from = summary.from[0];
  const fromDomain = from ? domainOf(from.address) : '';
  const outside = summary.replyTo.find(
    (mailbox) => mailbox.address && fromDomain && !sameOrganisation(domainOf(mailbox.address), fromDomain),
  );
  if (outside) {
    warnings.push({
      kind: 'reply-to-mismatch',
      text: `Replies go to ${outside.address}, not to the sender's domain ${fromDomain}. A reply would reach someone else: a common sign of a spoofed message.`,
    });
  }
  const returnPath = summary.returnPath;
  if (returnPath && !returnPath.bounce && fromDomain && !sameOrganisation(domainOf(returnPath.address), fromDomain)) {
    warnings.push({
      kind: 'return-path-mismatch',
      text: `The return-path ${returnPath.address} is in a different domain from the sender's (${fromDomain}). Mailing services do this legitimately; combined with a From that looks like your own organisation it points to a spoof.`,
    });
  }
  for (const mailbox of summary.from) {
    const hidden = addressInName(mailbox.name);
    if (hidden && hidden.toLowerCase() !== mailbox.address.toLowerCase()) {
      warnings.push({
        kind: 'display-name-address',
        text: `The sender's name shows the address ${hidden}, but the message really comes from ${mailbox.address}.`,
      });
      break;
    }
  }
  const failures = [
    auth.spf && FAILING.has(auth.spf.result) ? `SPF ${auth.spf.result}` : null,
    // A failed extra signature does not matter when another one passed.
    ...(auth.dkim.some((result) => result.result === 'pass')
      ? []
      : auth.dkim.filter((result) => FAILING.has(result.result))
    ).map((result) => `DKIM ${result.result}${result.domain ? ` for ${result.domain}` : ''}`),
    auth.dmarc &&
    (FAILING.has(auth.dmarc.result) || auth.dmarc.result === 'quarantine' || auth.dmarc.result === 'reject')
      ? `DMARC ${auth.dmarc.result}`
      : null,
  ].filter((failure): failure is string => failure !== null);
  if (failures.length > 0) {
    warnings.push({
      kind: 'auth-failure',
      text: `Authentication failed (${failures.join(', ')}): the message may not come from the server it claims.`,
    });
  }
  return warnings;
}

function explain(origin: Origin, hopNumber: number): string {
  const receiver = origin.receiver ?? 'the receiving server';
  const skipped =
    origin.skipped === 0
      ? ''
      : `, below ${origin.skipped} Received line${origin.skipped === 1 ? '' : 's'} written inside the receiving side`;
  return origin.how === 'spf-check'
    ? `This is the address that ${receiver} recorded in hop ${hopNumber} when it accepted the message, and the address the receiving side's SPF check ran against${skipped}.`
    : `This is the first address, reading the Received lines from the newest, that the receiving side (${receiver}, hop ${hopNumber}) recorded for a server outside its own network${skipped}; private, loopback and shared addresses were skipped, and the lines below it were written by the sender's side.`;
}

export function analyzeHeaders(text: string): AnalysisOutcome {
  if (text.trim() === '') return { ok: false, error: 'empty' };
  if (utf8Length(text, MAX_INPUT_BYTES) > MAX_INPUT_BYTES) return { ok: false, error: 'too-large' };
  const headers = parseFields(text);
  if (headers.fields.length === 0) return { ok: false, error: 'no-headers' };

  const receivedFields = fieldsNamed(headers, 'Received');
  const lines = receivedFields.map((field) => parseReceived(field.value));
  const side = receivingSide(lines);

  // First the boundary from the Received lines alone. Only what sits above its Received line was
  // written by the receiving side: check fields below it (where a sender puts forged ones) never count.
  // The receiving side's SPF check may then move the boundary up, to the hop whose address it checked,
  // when the field that says so is above that hop too. Never down.
  const limitFor = (found: Origin | null) => (found ? receivedFields[found.hop]!.index : Infinity);
  const walked = findOrigin(lines, null, side);
  let findings = readAuthentication(headers, limitFor(walked), side);
  let origin = walked;
  const checked = findings.checkedIp ? findOrigin(lines, findings.checkedIp, side) : null;
  if (
    checked?.how === 'spf-check' &&
    (!walked || checked.hop <= walked.hop) &&
    findings.checkedIpFieldIndex < limitFor(checked)
  ) {
    origin = checked;
    if (checked.hop !== walked?.hop) findings = readAuthentication(headers, limitFor(checked), side);
  }
  const summary = summarise(headers);
  const fromDomain = summary.from[0] ? domainOf(summary.from[0].address) : '';

  const boundary = origin?.hop ?? -1;
  const hops: Hop[] = lines
    .map((line, index) => ({
      number: lines.length - index,
      line,
      delaySeconds: null as number | null,
      side:
        boundary === -1
          ? ('unknown' as const)
          : index < boundary
            ? ('receiving' as const)
            : index === boundary
              ? ('boundary' as const)
              : ('sender' as const),
    }))
    .reverse();
  for (let index = 1; index < hops.length; index += 1) {
    const previous = hops[index - 1]!.line.time;
    const current = hops[index]!.line.time;
    hops[index]!.delaySeconds = previous !== null && current !== null ? Math.round((current - previous) / 1000) : null;
  }

  const auth = authentication(findings, fromDomain);
  if (!summary.returnPath && origin && findings.envelopeFrom?.includes('@')) {
    // No Return-Path field above the boundary: the envelope sender that the receiving side's own
    // SPF check recorded (above the boundary too) is the same address. Without a boundary there is none.
    summary.returnPath = { address: findings.envelopeFrom, bounce: false };
  }
  const claimed = firstField(headers, 'X-Originating-IP');
  const claimedIp = claimed ? (parseIp(claimed.value.replace(/^\[|\]$/g, ''))?.text ?? claimed.value) : null;

  let originReport: OriginReport | null = null;
  if (origin) {
    const hopNumber = lines.length - origin.hop;
    const line = lines[origin.hop]!;
    originReport = {
      ip: origin.ip.text,
      hopNumber,
      senderName: origin.senderName,
      receiver: origin.receiver,
      explanation: explain(origin, hopNumber),
      // Only names the receiving server looked up, and published ranges: a HELO name is the sender's own claim.
      sharedProvider: sharedProvider(origin.ip, [line.from?.host ?? null]),
    };
  }

  return {
    ok: true,
    analysis: {
      fieldCount: headers.fields.length,
      bodyFollows: headers.bodyFollows,
      summary,
      warnings: warningsFor(summary, auth),
      auth,
      hops,
      origin: originReport,
      originMissing: origin
        ? null
        : lines.length === 0
          ? 'There are no Received lines, so the message has no recorded route (a copy from a Sent folder looks like this).'
          : 'No Received line records a public address outside the receiving side, so there is no originating IP to block.',
      claimedIp,
    },
  };
}
