/**
 * Who the receiving side is: the organisation whose server wrote the topmost
 * Received line (the reader's own mail system; nobody else can write above
 * it), widened to the other domains of that provider when it is one of the
 * documented services below.
 *
 * Only the receiving side's own words can make a hop "its own": the `by`
 * host it wrote, the reverse-DNS name it looked up, the address it saw. A
 * HELO name is the sender's claim, and nothing in a line below can add a
 * domain to this list.
 */
import { isHostName, orgDomain } from './domains';
import { inCidr, parseCidr, type Cidr, type Ip } from './ip';
import type { ReceivedLine } from './received';

interface ReceivingProvider {
  /** Organisational domains of the provider's own servers. */
  domains: string[];
  /**
   * Addresses its servers pass mail between internally, where a hop records
   * no name the server looked up (Exchange Online writes the HELO name only).
   * Never the ranges its customers send from.
   */
  internalRanges: string[];
}

/** Sources: each provider's published host names in its Received lines and its internal IPv6 allocation (ARIN), 2025. */
const PROVIDERS: ReceivingProvider[] = [
  { domains: ['rsapps.net', 'emailsrvr.com', 'rackspace.com'], internalRanges: [] },
  { domains: ['outlook.com', 'office365.com', 'microsoft.com'], internalRanges: ['2603:1000::/24'] },
  { domains: ['google.com'], internalRanges: [] },
  { domains: ['icloud.com', 'me.com', 'mac.com', 'apple.com'], internalRanges: [] },
  { domains: ['yahoo.com', 'yahoodns.net', 'aol.com'], internalRanges: [] },
];

export interface ReceivingSide {
  /** Organisational domains of the receiving side; empty when no Received line names its server. */
  domains: ReadonlySet<string>;
  internalRanges: readonly Cidr[];
}

/** The receiving side, from the topmost Received line whose `by` names a host. */
export function receivingSide(hops: readonly ReceivedLine[]): ReceivingSide {
  const top = hops.find((hop) => hop.by?.host && isHostName(hop.by.host))?.by?.host;
  if (!top) return { domains: new Set(), internalRanges: [] };
  const org = orgDomain(top);
  const provider = PROVIDERS.find((entry) => entry.domains.includes(org));
  return {
    domains: new Set(provider?.domains ?? [org]),
    internalRanges: (provider?.internalRanges ?? []).map(parseCidr),
  };
}

/** Whether a host name belongs to the receiving side. */
export function isReceivingHost(side: ReceivingSide, host: string | null | undefined): boolean {
  return Boolean(host) && isHostName(host!) && side.domains.has(orgDomain(host!));
}

export function inInternalRange(side: ReceivingSide, ip: Ip): boolean {
  return side.internalRanges.some((cidr) => inCidr(ip, cidr));
}
