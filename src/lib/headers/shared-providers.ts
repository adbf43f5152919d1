/**
 * Large mail services whose sending servers carry mail for millions of
 * people. Blocking one of their addresses blocks everyone who sends through
 * that server (and the service moves its senders between servers anyway),
 * so for mail from these the return-path address is the thing to block.
 *
 * Recognised by the server's name (reverse DNS or HELO, as recorded by the
 * receiving server) or by the provider's published sending ranges. The list
 * is short on purpose: the services most mail comes from. Sources: each
 * provider's published SPF records (_spf.google.com, spf.protection.outlook.com,
 * _spf.mail.yahoo.com, amazonses.com, sendgrid.net) as of 2025.
 */
import { inCidr, parseCidr, type Ip } from './ip';

interface SharedProvider {
  name: string;
  /** Domain suffixes of the provider's sending servers. */
  hostSuffixes: string[];
  ranges: string[];
}

const PROVIDERS: SharedProvider[] = [
  {
    name: 'Google (Gmail, Google Workspace)',
    hostSuffixes: ['google.com', 'googlemail.com'],
    ranges: [
      '209.85.128.0/17',
      '74.125.0.0/16',
      '64.233.160.0/19',
      '66.102.0.0/20',
      '66.249.80.0/20',
      '72.14.192.0/18',
      '108.177.8.0/21',
      '172.217.0.0/19',
      '173.194.0.0/16',
      '35.190.247.0/24',
      '2607:f8b0::/32',
      '2a00:1450::/32',
      '2404:6800::/32',
      '2800:3f0::/32',
      '2001:4860:4000::/36',
    ],
  },
  {
    name: 'Microsoft (Outlook.com, Microsoft 365)',
    hostSuffixes: ['outlook.com', 'hotmail.com', 'protection.outlook.com', 'microsoft.com'],
    ranges: [
      '40.92.0.0/15',
      '40.107.0.0/16',
      '52.100.0.0/14',
      '104.47.0.0/17',
      '2a01:111:f400::/48',
      '2a01:111:f403::/49',
    ],
  },
  {
    name: 'Yahoo and AOL',
    hostSuffixes: ['yahoo.com', 'yahoodns.net', 'aol.com'],
    ranges: ['74.6.0.0/16', '98.136.0.0/14', '66.163.184.0/21', '67.195.0.0/16', '106.10.0.0/16', '212.82.96.0/19'],
  },
  { name: 'Apple iCloud Mail', hostSuffixes: ['icloud.com', 'me.com', 'mac.com', 'apple.com'], ranges: ['17.0.0.0/8'] },
  {
    name: 'Amazon SES',
    hostSuffixes: ['amazonses.com', 'smtp-out.amazonses.com'],
    ranges: ['54.240.0.0/18', '23.249.208.0/20', '23.251.224.0/19', '76.223.176.0/20', '199.255.192.0/22'],
  },
  { name: 'SendGrid', hostSuffixes: ['sendgrid.net'], ranges: ['167.89.0.0/17', '149.72.0.0/16', '168.245.0.0/17'] },
  { name: 'Mailgun', hostSuffixes: ['mailgun.net', 'mailgun.org'], ranges: [] },
  { name: 'Zoho Mail', hostSuffixes: ['zoho.com', 'zohomail.com', 'zoho.eu'], ranges: [] },
  { name: 'GMX and WEB.DE', hostSuffixes: ['gmx.net', 'gmx.com', 'web.de'], ranges: [] },
  { name: 'Proton Mail', hostSuffixes: ['protonmail.ch', 'proton.ch'], ranges: [] },
  { name: 'Rackspace Email', hostSuffixes: ['emailsrvr.com'], ranges: [] },
];

const RANGES = PROVIDERS.map((provider) => ({ provider, cidrs: provider.ranges.map(parseCidr) }));

function hostMatches(host: string, suffix: string): boolean {
  return host === suffix || host.endsWith(`.${suffix}`);
}

/** The provider an address or its server's names belong to, or null. */
export function sharedProvider(ip: Ip | null, names: readonly (string | null)[]): string | null {
  for (const name of names) {
    if (!name) continue;
    const host = name.toLowerCase().replace(/\.$/, '');
    const provider = PROVIDERS.find((entry) => entry.hostSuffixes.some((suffix) => hostMatches(host, suffix)));
    if (provider) return provider.name;
  }
  if (!ip) return null;
  return RANGES.find(({ cidrs }) => cidrs.some((cidr) => inCidr(ip, cidr)))?.provider.name ?? null;
}
