/**
 * The originating IP: the address that the first server on the receiving
 * side recorded when it accepted the message from outside (the trust
 * boundary). Received lines are added at the top as a message travels, so
 * the lines above the boundary were written by the receiving side and can
 * be trusted; the lines below it were written by the sender's side, or
 * invented by the sender, and prove nothing.
 *
 * Two ways to find the boundary, in this order:
 * 1. The receiving side's SPF check records the address it checked (its
 *    Received-SPF client-ip, or the address in its Authentication-Results):
 *    that is the connecting server, so the topmost hop from that address is
 *    the boundary.
 * 2. Otherwise read down from the top, skipping the receiving side's own
 *    hops: a sender on a private, loopback, link-local, shared (CGNAT) or
 *    unique-local address, or a sender named in the receiving side's own
 *    domains (collected from the "by" names on the way down). The first hop
 *    from any other public address is the boundary. A hop into an inbound
 *    mail exchanger (mx.google.com, *.mail.protection.outlook.com) is always
 *    the boundary, so mail between two users of one provider still stops there.
 */
import { isHostName, orgDomain } from './domains';
import { isPublicIp, type Ip } from './ip';
import type { ReceivedLine } from './received';

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

export function findOrigin(hops: readonly ReceivedLine[], checkedIp: Ip | null): Origin | null {
  if (checkedIp && isPublicIp(checkedIp)) {
    const index = hops.findIndex((hop) => hop.from?.ip?.text === checkedIp.text);
    if (index !== -1) return origin(hops, index, 'spf-check');
  }

  const receivingDomains = new Set<string>();
  for (let index = 0; index < hops.length; index += 1) {
    const hop = hops[index]!;
    const by = hop.by?.host ?? null;
    if (by && isHostName(by)) receivingDomains.add(orgDomain(by));
    const ip = hop.from?.ip;
    // No sender address recorded (an internal note, a local pick-up): nothing to judge.
    if (!ip || !isPublicIp(ip)) continue;
    const names = [hop.from?.host, hop.from?.helo].filter((name): name is string => Boolean(name) && isHostName(name!));
    const insider = names.length > 0 && names.every((name) => receivingDomains.has(orgDomain(name)));
    if (insider && !isInboundExchanger(by)) continue;
    return origin(hops, index, 'first-outside-hop');
  }
  return null;
}
