/** The summary table: the main header fields (From, Reply-To, Return-Path, Subject and so on) as decoded text. */
import type { Analysis } from '../../lib/headers/analyze';
import type { Mailbox } from '../../lib/headers/addresses';
import { clip } from './display-text';
import { ScrollTable } from './ScrollTable';

function mailboxes(list: Mailbox[]): string {
  if (list.length === 0) return '(none)';
  const shown = list
    .slice(0, 20)
    .map((mailbox) => (mailbox.name ? `${mailbox.name} <${mailbox.address}>` : mailbox.address));
  return clip(shown.join(', ') + (list.length > 20 ? ` and ${list.length - 20} more` : ''));
}

export function Summary({ analysis }: { analysis: Analysis }) {
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
