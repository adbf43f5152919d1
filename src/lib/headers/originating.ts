/**
 * The originating IP: the address that the first server on the receiving
 * side recorded when it accepted the message from outside (the trust
 * boundary). Received lines are added at the top as a message travels, so
 * the lines above the boundary were written by the receiving side and can
 * be trusted; the lines below it were written by the sender's side, or
 * invented by the sender, and prove nothing.
 *
 * Reading down from the top, a hop is the receiving side's own, and skipped,
 * only by what the receiving side itself wrote in that line: a sender on a
 * private, loopback, link-local, shared (CGNAT), unique-local or reserved
 * address; or, in a line whose `by` host is the receiving side's own
 * (receiving-side.ts), a sender address in the provider's internal range or a
 * reverse-DNS name (never the HELO name) in its domains. The first other hop
 * with a public address is the boundary. Nothing below it can move it: the
 * walk never reads past it. A hop into an inbound mail exchanger
 * (mx.google.com, *.mail.protection.outlook.com) is always the boundary, so
 * mail between two users of one provider still stops there.
 *
 * The receiving side's SPF check, when it wrote one above the boundary,
 * names the address it checked; the caller may use it (findCheckedHop) to
 * move the boundary up, never down.
 */
import { isPublicIp, type Ip } from './ip';
import type { ReceivedLine } from './received';
import { inInternalRange, isReceivingHost, receivingSide, type ReceivingSide } from './receiving-side';

export interface Origin {
  /** Index into the hops, top (newest) first. */
  hop: number;
  ip: Ip;
  /** The name the boundary server recorded for the sender (reverse DNS, else HELO). */
  senderName: string | null;
  /** The boundary server's name. */
  receiver: string | null;
  how: 'spf-check' | 'first-outside-hop';
  /** Hops above the boundary that were skipped as the receiving side's own. */
  skipped: number;
}

// Names that inbound mail exchangers carry: "mx", "mx1", "mx-in", "mta7", "gate", "inbound".
const INBOUND_LABEL = /^(?:mx|mta|gate|inbound|mxin)[\d-]*$/;

function isInboundExchanger(host: string | null): boolean {
  if (!host) return false;
  const name = host.toLowerCase();
  return (
    name.endsWith('.mail.protection.outlook.com') ||
    name
      .split('.')
      .slice(0, -2)
      .some((label) => INBOUND_LABEL.test(label))
  );
}

function senderName(hop: ReceivedLine): string | null {
  return hop.from?.host ?? hop.from?.helo ?? null;
}

function origin(hops: readonly ReceivedLine[], index: number, how: Origin['how']): Origin {
  const hop = hops[index]!;
  return {
    hop: index,
    ip: hop.from!.ip!,
    senderName: senderName(hop),
    receiver: hop.by?.host ?? null,
    how,
    skipped: index,
  };
}

/** Whether a hop from a public address was the receiving side passing mail to itself. */
function isOwnHop(hop: ReceivedLine, ip: Ip, side: ReceivingSide): boolean {
  const by = hop.by?.host ?? null;
  // A `by` that names no host (an address, "localhost") is an internal note; one naming another organisation ends the run.
  if (by && by.includes('.') && !isReceivingHost(side, by)) return false;
  if (inInternalRange(side, ip)) return true;
  return isReceivingHost(side, hop.from?.host) && !isInboundExchanger(by);
}

export function findOrigin(
  hops: readonly ReceivedLine[],
  checkedIp: Ip | null,
  side: ReceivingSide = receivingSide(hops),
): Origin | null {
  if (checkedIp && isPublicIp(checkedIp)) {
    const index = hops.findIndex((hop) => hop.from?.ip?.text === checkedIp.text);
    if (index !== -1) return origin(hops, index, 'spf-check');
  }
  for (let index = 0; index < hops.length; index += 1) {
    const hop = hops[index]!;
    const ip = hop.from?.ip;
    // No sender address recorded (an internal note, a local pick-up), or a private one: nothing to judge.
    if (!ip || !isPublicIp(ip)) continue;
    if (isOwnHop(hop, ip, side)) continue;
    return origin(hops, index, 'first-outside-hop');
  }
  return null;
}
