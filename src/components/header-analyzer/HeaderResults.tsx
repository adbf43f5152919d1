/**
 * The analyzer's results: what to block, warnings, summary, authentication
 * and the route. Every value is rendered as text with control and bidi
 * characters shown escaped (visibleText), and what a copy button copies is
 * the same escaped text. Long values are clipped for display (never for
 * copying) so a hostile 1 MB line cannot stall the page.
 */
import type { ComponentChildren } from 'preact';
import type { Analysis, AuthCheck, Hop } from '../../lib/headers/analyze';
import type { Mailbox } from '../../lib/headers/addresses';
import { visibleText } from '../../lib/headers/visible-text';
import { CopyButton } from '../kit/CopyButton';

const BLOCKLIST = '/docs/blocklist-addresses-domains-and-ips-in-rackspace-email-webmail/';
/** Longer Received lists are cut to the newest (where the boundary is): a real message has a few dozen at most. */
const MAX_HOPS_SHOWN = 100;
const MAX_TEXT = 300;

/** Pasted text for display: cut to `max` characters of the original, then escaped. */
function clip(text: string, max = MAX_TEXT): string {
  if (text.length <= max) return visibleText(text);
  return `${visibleText(text.slice(0, max))}… (${text.length - max} more characters)`;
}

function mailboxes(list: Mailbox[]): string {
  if (list.length === 0) return '(none)';
  const shown = list
    .slice(0, 20)
    .map((mailbox) => (mailbox.name ? `${mailbox.name} <${mailbox.address}>` : mailbox.address));
  return clip(shown.join(', ') + (list.length > 20 ? ` and ${list.length - 20} more` : ''));
}

function duration(seconds: number | null): string {
  if (seconds === null) return '';
  const sign = seconds < 0 ? '−' : '';
  const value = Math.abs(seconds);
  if (value < 120) return `${sign}${value} s`;
  if (value < 7200) return `${sign}${Math.round(value / 60)} min`;
  return `${sign}${Math.round(value / 3600)} h`;
}

/** The kit's copy control for one value of the results: shown beside it, spoken through the page's announcer. */
function CopyValue({ value, label }: { value: string; label: string }) {
  return (
    <CopyButton
      class="header-analyzer__copy"
      label={`Copy ${label.toLowerCase()}`}
      text={() => value}
      copied={`${label} copied`}
      onFailure={() => 'Could not copy. Select the text and copy it instead.'}
    />
  );
}

function BlockPanel({ analysis }: { analysis: Analysis }) {
  const { returnPath } = analysis.summary;
  const { origin } = analysis;
  return (
    <section class="header-analyzer__block" aria-labelledby="header-analyzer-block">
      <h3 id="header-analyzer-block">Blocklist these</h3>
      <p data-block-caution>
        Block only what the attacker owns, not what they borrowed. Leave off a large mail provider&rsquo;s shared
        sending IP (it would block everyone who sends through that provider), and the address of a colleague or customer
        whose own mailbox was hijacked: warn them instead, so they can secure it.
      </p>
      <dl>
        <dt>Return-path address</dt>
        <dd>
          {returnPath ? (
            <div>
              <code data-field="return-path">{returnPath.bounce ? '<>' : clip(returnPath.address)}</code>
              {returnPath.bounce ? (
                <p>
                  This message is a bounce (a delivery failure report), so it has no return address. Do not block the
                  mail system that sent it: bounces for mail you never sent are a{' '}
                  <a href="/docs/secure-a-compromised-rackspace-email-mailbox/#symptom-bounce-messages">
                    sign that someone is sending in your name
                  </a>
                  .
                </p>
              ) : (
                <div>
                  <CopyValue value={visibleText(returnPath.address)} label="Address" />
                  <p>
                    Add it under{' '}
                    <a href={`${BLOCKLIST}#blocklist-address-or-domain`}>Blocklisted Domains &amp; Email Addresses</a>.
                  </p>
                </div>
              )}
            </div>
          ) : (
            <p data-field="no-return-path">
              No trustworthy return-path: the receiving side recorded none, so this header offers no address to block.
              Do not block the From address instead: anyone can write it, and it is often a real person&rsquo;s or
              company&rsquo;s address.
            </p>
          )}
        </dd>
        <dt>Originating IP address</dt>
        <dd>
          {origin ? (
            <div>
              <code data-field="originating-ip">{origin.ip}</code> <CopyValue value={origin.ip} label="IP address" />
              <p class="header-analyzer__explain">{clip(origin.explanation, 600)}</p>
              {origin.sharedProvider ? (
                <p class="header-analyzer__warning" data-warning="shared-provider">
                  <strong>Warning:</strong> this address is a sending server of {origin.sharedProvider}, which carries
                  mail for a great many people. Blocking it would also block them; block the return-path address
                  instead.
                </p>
              ) : (
                <p>
                  Add it under <a href={`${BLOCKLIST}#blocklist-ip-address`}>Blocklisted IP Addresses</a>.
                </p>
              )}
            </div>
          ) : (
            <p>{analysis.originMissing}</p>
          )}
          {analysis.claimedIp && (
            <p>
              The sender&rsquo;s side claimed (X-Originating-IP):{' '}
              <code data-field="claimed-ip">{clip(analysis.claimedIp, 80)}</code>. Anyone sending directly can write
              this line, so it is shown only for comparison
              {origin && analysis.claimedIp !== origin.ip ? '; it differs from the originating IP above.' : '.'}
            </p>
          )}
        </dd>
      </dl>
    </section>
  );
}

function Warnings({ analysis }: { analysis: Analysis }) {
  return (
    <section aria-labelledby="header-analyzer-warnings">
      <h3 id="header-analyzer-warnings">Warnings</h3>
      {analysis.warnings.length === 0 ? (
        <p>None: no mismatched addresses and no failed authentication.</p>
      ) : (
        <ul class="header-analyzer__warnings">
          {analysis.warnings.map((warning) => (
            <li key={warning.kind} data-warning={warning.kind}>
              <strong>Warning:</strong> {clip(warning.text, 700)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A table that scrolls sideways on narrow screens, reachable by keyboard. */
function ScrollTable({ id, caption, children }: { id: string; caption: string; children: ComponentChildren }) {
  return (
    <div class="header-analyzer__scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table>
        <caption id={id}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

function Summary({ analysis }: { analysis: Analysis }) {
  const { summary } = analysis;
  const rows: [string, string][] = [
    ['From', mailboxes(summary.from)],
    ['Reply-To', mailboxes(summary.replyTo)],
    [
      'Return-Path',
      summary.returnPath ? (summary.returnPath.bounce ? '<> (a bounce)' : clip(summary.returnPath.address)) : '(none)',
    ],
    ['Subject', clip(summary.subject ?? '(none)')],
    ['Date', clip(summary.date ?? '(none)')],
    ['Message-ID', clip(summary.messageId ?? '(none)')],
    ['To', mailboxes(summary.to)],
    ['Cc', mailboxes(summary.cc)],
  ];
  return (
    <section aria-labelledby="header-analyzer-summary">
      <h3 id="header-analyzer-summary">Summary</h3>
      <ScrollTable id="header-analyzer-summary-caption" caption="The main header fields (names decoded for reading)">
        <tbody>
          {rows.map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}

/** A result word as written; one outside the registry says so, since it is never counted as a pass. */
function resultText(check: Pick<AuthCheck, 'result' | 'standard'> | null): string {
  if (!check) return 'none';
  return check.standard
    ? clip(check.result, 40)
    : `${clip(check.result, 40)} (not a standard result; not counted as a pass)`;
}

function alignment(check: AuthCheck): string {
  if (check.aligned === null) return '';
  return check.aligned ? 'matches the From domain' : 'does not match the From domain';
}

function Authentication({ analysis }: { analysis: Analysis }) {
  const { auth } = analysis;
  const source =
    auth.source === 'authentication-results'
      ? `Recorded by the receiving side (${auth.authservId ?? 'its server did not name itself'}) in the Authentication-Results lines it wrote; lines below the originating hop are not read, since the sender can write them.`
      : auth.source === 'received-spf'
        ? 'Only a Received-SPF line was found, so there are no DKIM or DMARC results.'
        : 'The receiving side recorded no authentication results.';
  return (
    <section aria-labelledby="header-analyzer-auth">
      <h3 id="header-analyzer-auth">Authentication</h3>
      <p>{clip(source)}</p>
      <ScrollTable id="header-analyzer-auth-caption" caption="SPF, DKIM and DMARC results">
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Result</th>
            <th scope="col">Domain</th>
            <th scope="col">Alignment with From</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">SPF</th>
            <td data-field="spf">{resultText(auth.spf)}</td>
            <td>{auth.spf ? clip(auth.spf.domain ?? '') : 'No result recorded'}</td>
            <td>{auth.spf ? alignment(auth.spf) : ''}</td>
          </tr>
          {auth.dkim.length === 0 ? (
            <tr>
              <th scope="row">DKIM</th>
              <td>none</td>
              <td>No signature was checked</td>
              <td />
            </tr>
          ) : (
            auth.dkim.map((check, index) => (
              <tr key={index}>
                <th scope="row">DKIM{auth.dkim.length > 1 ? ` (signature ${index + 1})` : ''}</th>
                <td data-field="dkim" data-domain={check.domain ?? undefined}>
                  {resultText(check)}
                </td>
                <td>{clip(check.domain ?? '')}</td>
                <td>{alignment(check)}</td>
              </tr>
            ))
          )}
          <tr>
            <th scope="row">DMARC</th>
            <td data-field="dmarc">{resultText(auth.dmarc)}</td>
            <td>{auth.dmarc ? clip(auth.dmarc.domain ?? '') : 'No result recorded'}</td>
            <td />
          </tr>
        </tbody>
      </ScrollTable>
    </section>
  );
}

const SIDE: Record<Hop['side'], string> = {
  receiving: 'Receiving side',
  boundary: 'Originating IP recorded here',
  sender: "Sender's side (can be forged)",
  unknown: '',
};

function sender(hop: Hop): string {
  const from = hop.line.from;
  if (!from) return '';
  const names = [from.host, from.helo && from.helo !== from.host ? `HELO ${from.helo}` : null]
    .filter(Boolean)
    .join(', ');
  return clip([names, from.ip ? `[${from.ip.text}]` : ''].filter(Boolean).join(' '), 200);
}

function Route({ analysis }: { analysis: Analysis }) {
  const hops = analysis.hops.slice(-MAX_HOPS_SHOWN);
  return (
    <section aria-labelledby="header-analyzer-route">
      <h3 id="header-analyzer-route">Route</h3>
      {analysis.hops.length === 0 ? (
        <p>The header has no Received lines.</p>
      ) : (
        <ScrollTable
          id="header-analyzer-route-caption"
          caption="Servers that handled the message, oldest first (hop 1 is the bottom Received line)"
        >
          <thead>
            <tr>
              <th scope="col">Hop</th>
              <th scope="col">From</th>
              <th scope="col">By</th>
              <th scope="col">With</th>
              <th scope="col">Time</th>
              <th scope="col">Delay</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {hops.map((hop) => (
              <tr key={hop.number} class={hop.side === 'boundary' ? 'header-analyzer__boundary' : undefined}>
                <th scope="row">{hop.number}</th>
                {hop.line.parsed ? (
                  [
                    <td key="from">{sender(hop)}</td>,
                    <td key="by">{clip(hop.line.by?.host ?? hop.line.by?.ip?.text ?? '', 200)}</td>,
                    <td key="with">{clip(hop.line.with ?? '', 80)}</td>,
                    <td key="time">{clip(hop.line.date ?? '', 80)}</td>,
                    <td key="delay">{duration(hop.delaySeconds)}</td>,
                  ]
                ) : (
                  <td colSpan={5} class="header-analyzer__raw">
                    Not understood, shown as written: {clip(hop.line.raw)}
                  </td>
                )}
                <td>{SIDE[hop.side]}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      {analysis.hops.length > MAX_HOPS_SHOWN && (
        <p>The {analysis.hops.length - MAX_HOPS_SHOWN} oldest Received lines are not shown.</p>
      )}
    </section>
  );
}

export function HeaderResults({ analysis }: { analysis: Analysis }) {
  return (
    <div class="header-analyzer__results">
      <BlockPanel analysis={analysis} />
      <Warnings analysis={analysis} />
      <Summary analysis={analysis} />
      <Authentication analysis={analysis} />
      <Route analysis={analysis} />
    </div>
  );
}
