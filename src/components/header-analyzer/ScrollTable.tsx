/** A results table that scrolls sideways on narrow screens, reachable by keyboard. */
import type { ComponentChildren } from 'preact';

export function ScrollTable({ id, caption, children }: { id: string; caption: string; children: ComponentChildren }) {
  return (
    <div class="header-analyzer__scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table>
        <caption id={id}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
