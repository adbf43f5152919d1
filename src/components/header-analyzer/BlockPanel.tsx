/**
 * The "Blocklist these" panel: the return-path address and the originating IP
 * to block, each with its copy control and a link to where it is added, or why
 * there is nothing safe to block.
 */
import type { Analysis } from '../../lib/headers/analyze';
import { visibleText } from '../../lib/headers/visible-text';
import { CopyValue } from './CopyValue';
import { clip } from './display-text';

const BLOCKLIST = '/docs/blocklist-addresses-domains-and-ips-in-rackspace-email-webmail/';

export function BlockPanel({ analysis }: { analysis: Analysis }) {
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
