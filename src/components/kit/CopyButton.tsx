/**
 * The one copy-to-clipboard control of the islands: a button, a short visible
 * status beside it, and the same status spoken once through the page's
 * announcer. `onFailure` says what the reader can do instead (and may do it,
 * say put a link in the address bar); its text is shown and announced.
 */
import { Component } from 'preact';
import { announce } from '../../lib/kit/announce';
import { copyText } from '../../lib/kit/clipboard';

interface Props {
  /** The button's text. */
  label: string;
  /** What to copy, made when the button is pressed. */
  text: () => string;
  copied: string;
  onFailure: () => string;
  class?: string;
}

export class CopyButton extends Component<Props, { status: string }> {
  override state = { status: '' };

  private copy = async () => {
    const status = (await copyText(this.props.text())) ? this.props.copied : this.props.onFailure();
    this.setState({ status });
    announce(status);
  };

  override render() {
    return (
      <>
        <button type="button" class={this.props.class} onClick={() => void this.copy()}>
          {this.props.label}
        </button>
        <span class="copy-status">{this.state.status}</span>
      </>
    );
  }
}
