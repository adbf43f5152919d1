/** The warnings found (mismatched addresses, failed authentication), or a line saying there are none. */
import type { Analysis } from '../../lib/headers/analyze';
import { clip } from './display-text';

export function Warnings({ analysis }: { analysis: Analysis }) {
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
