/**
 * The route table: one row per Received line, oldest first, with the delay
 * between hops and which side of the trust boundary each hop is on.
 */
import type { Analysis, Hop } from '../../lib/headers/analyze';
import { clip } from './display-text';
import { ScrollTable } from './ScrollTable';

/** Longer Received lists are cut to the newest (where the boundary is): a real message has a few dozen at most. */
const MAX_HOPS_SHOWN = 100;

function duration(seconds: number | null): string {
  if (seconds === null) return '';
  const sign = seconds < 0 ? '−' : '';
  const value = Math.abs(seconds);
  if (value < 120) return `${sign}${value} s`;
  if (value < 7200) return `${sign}${Math.round(value / 60)} min`;
  return `${sign}${Math.round(value / 3600)} h`;
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

export function Route({ analysis }: { analysis: Analysis }) {
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
