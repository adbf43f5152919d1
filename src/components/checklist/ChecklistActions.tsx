/**
 * The end of the tracked steps: the all-clear once everything is done, and
 * the record for support (Copy summary, Download (.md)) with "Start over".
 */
import { Component, createRef } from 'preact';
import { AFTER_THE_STEPS_TASK } from '../../lib/compromise/items';
import { announce } from '../../lib/kit/announce';
import { CopyButton } from '../kit/CopyButton';

interface Props {
  complete: boolean;
  /** The incident record as of now. */
  record: (now: number) => string;
  fileName: (now: number) => string;
  onStartOver: () => void;
}

export class ChecklistActions extends Component<Props, { confirming: boolean }> {
  override state = { confirming: false };
  private root = createRef<HTMLDivElement>();

  private focus(selector: string) {
    this.root.current?.querySelector<HTMLElement>(selector)?.focus();
  }

  private download() {
    const now = Date.now();
    const url = URL.createObjectURL(new Blob([this.props.record(now)], { type: 'text/markdown;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: this.props.fileName(now) });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    // The browser shows the download itself; screen readers hear it.
    announce('Record downloaded.');
  }

  override render() {
    const { complete, record, onStartOver } = this.props;
    const { confirming } = this.state;
    return (
      <div class="checklist__end-panel" ref={this.root}>
        {complete && (
          <p class="checklist__complete" data-complete>
            <strong>The mailbox is secure again.</strong> Now see{' '}
            <a href={AFTER_THE_STEPS_TASK.href}>after the six steps</a>. Keep watching for the{' '}
            <a href="#symptoms">signs of a break-in</a>; if any of them comes back, start again at step 1.
          </p>
        )}
        <div class="checklist__actions">
          <CopyButton
            label="Copy summary"
            text={() => record(Date.now())}
            copied="Summary copied. Paste it into your ticket or message to support."
            onFailure={() => 'Could not copy. Use \u201cDownload (.md)\u201d instead.'}
          />
          <button type="button" onClick={() => this.download()}>
            Download (.md)
          </button>
          {!confirming && (
            <button
              type="button"
              class="checklist__start-over"
              onClick={() => this.setState({ confirming: true }, () => this.focus('.checklist__confirm button'))}
            >
              Start over
            </button>
          )}
        </div>
        {confirming && (
          <div class="checklist__confirm" role="group" aria-labelledby="checklist-confirm-text">
            <p id="checklist-confirm-text">
              Clear every tick, answer, device and note of this checklist in this browser? This cannot be undone.
            </p>
            <button
              type="button"
              class="button--primary"
              onClick={() => {
                this.setState({ confirming: false });
                onStartOver();
              }}
            >
              Yes, start over
            </button>{' '}
            <button
              type="button"
              onClick={() => this.setState({ confirming: false }, () => this.focus('.checklist__start-over'))}
            >
              Cancel
            </button>
          </div>
        )}
      </div>
    );
  }
}
