/**
 * The analyzer's results: what to block, warnings, summary, authentication
 * and the route, one component each. Every value is rendered as text with
 * control and bidi characters shown escaped, and what a copy button copies is
 * the same escaped text. Long values are clipped for display (never for
 * copying) so a hostile 1 MB line cannot stall the page (display-text.ts).
 */
import type { Analysis } from '../../lib/headers/analyze';
import { Authentication } from './Authentication';
import { BlockPanel } from './BlockPanel';
import { Route } from './Route';
import { Summary } from './Summary';
import { Warnings } from './Warnings';

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
