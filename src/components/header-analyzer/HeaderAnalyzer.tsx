/**
 * The email header analyzer: a thin view over src/lib/headers.
 *
 * The server and the first browser render are an empty element;
 * HeaderAnalyzerBlock.astro shows the fallback until the form appears, once
 * the island's stylesheet has loaded (the kit's loader: only readers who
 * reach the analyzer pay for it). Its status is shown in the block and spoken
 * through the page's announcer, as every island's is. The
 * parser runs in a Web Worker (analyzer-client.ts), started on the first
 * keystroke or paste: a reader who never uses the analyzer never downloads
 * it, and no paste, however hostile, can freeze the page while it is read.
 *
 * Pasted text stays in this page: it is never sent, stored, or put in the
 * address. Every part of it is rendered as text by Preact (no innerHTML), so
 * markup in a pasted header shows as characters and never runs.
 *
 * The text area is uncontrolled: re-rendering a 1 MB value on every change
 * would make typing slow and move the caret.
 *
 * No fragments and no createRef, here or in the results components: the main article
 * shares the Preact chunk with the symptom checker, and every Preact export
 * used here that the checker does not use would be added to that chunk.
 */
import { Component } from 'preact';
import type { AnalysisOutcome } from '../../lib/headers/analyze';
import { announce } from '../../lib/kit/announce';
import { loadStylesheet } from '../../lib/kit/stylesheet';
import { AnalyzerClient } from './analyzer-client';
import { HeaderResults } from './HeaderResults';
import { markHydrated } from '../kit/hydrated';
import stylesheet from './header-analyzer.css?url';

interface State {
  mounted: boolean;
  outcome: AnalysisOutcome | null;
  loading: boolean;
  loadFailed: boolean;
}

const ERRORS: Record<Exclude<AnalysisOutcome, { ok: true }>['error'], string> = {
  empty: 'Paste a message header into the box first.',
  'too-large':
    'That is more than 1 MB, far more than any message header. Paste only the header: the lines before the first blank line of the message. Nothing was analysed.',
  'no-headers':
    'No header fields were found. A header line starts with a name and a colon, such as "Received:" or "From:". Copy the full header again and paste it here.',
};

/** How long typing must pause before the analysis runs again. */
const LIVE_DELAY_MS = 300;

export default class HeaderAnalyzer extends Component<object, State> {
  override state: State = { mounted: false, outcome: null, loading: false, loadFailed: false };
  private input: HTMLTextAreaElement | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private client = new AnalyzerClient((answer) =>
    this.setState(
      'outcome' in answer
        ? { outcome: answer.outcome, loading: false, loadFailed: false }
        : { loading: false, loadFailed: true },
    ),
  );

  override componentDidMount() {
    void loadStylesheet(stylesheet).then(() => this.setState({ mounted: true }));
  }

  override componentDidUpdate(_props: object, previous: State) {
    if (this.state.mounted) markHydrated(this);
    const { outcome, loading, loadFailed } = this.state;
    // Every answer is spoken, a repeated one too (the reader pressed Analyse again): the results changed or were confirmed.
    if (outcome === previous.outcome && loading === previous.loading && loadFailed === previous.loadFailed) return;
    const status = this.statusText();
    if (status) announce(status);
  }

  override componentWillUnmount() {
    clearTimeout(this.timer);
    this.client.stop();
  }

  private run() {
    clearTimeout(this.timer);
    // "Loading" only until the first answer: later runs keep the previous results until the new ones arrive.
    this.setState({ loading: this.state.outcome === null });
    this.client.analyze(this.input?.value ?? '');
  }

  private onInput = () => {
    // Start the parser's worker on the first input; analyse live only after the first "Analyse".
    this.client.start();
    if (this.state.outcome === null) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), LIVE_DELAY_MS);
  };

  private onAnalyse = () => this.run();

  private statusText(): string {
    const { outcome, loading, loadFailed } = this.state;
    if (loadFailed)
      return 'The analyzer could not load. Check your connection and press Analyse again; your text is still in the box.';
    if (loading) return 'Loading the analyzer…';
    if (!outcome) return '';
    if (!outcome.ok) return ERRORS[outcome.error];
    const { fieldCount, hops, origin } = outcome.analysis;
    const route = `${hops.length} Received line${hops.length === 1 ? '' : 's'}`;
    return `Analysed ${fieldCount} header field${fieldCount === 1 ? '' : 's'} and ${route}. ${origin ? `Originating IP: ${origin.ip}.` : 'No originating IP found.'}`;
  }

  override render() {
    const { mounted, outcome } = this.state;
    // Not nothing: client:visible watches the island's children.
    if (!mounted) return <div class="header-analyzer__mount" />;
    return (
      <div class="header-analyzer__app">
        {/* No form submission: the browser's submit steps read every field's value, ~100 ms and more for a 1 MB paste. */}
        <div class="header-analyzer__form">
          <label for="header-analyzer-input" class="header-analyzer__label">
            Message header (or the whole message)
          </label>
          <p id="header-analyzer-hint" class="header-analyzer__hint">
            Paste the full header from <strong>View Full Header</strong>. The analysis runs in this page: nothing you
            paste is sent anywhere or stored.
          </p>
          <textarea
            id="header-analyzer-input"
            data-headers-input
            ref={(element) => {
              this.input = element;
            }}
            rows={10}
            spellcheck={false}
            autocomplete="off"
            autocapitalize="off"
            aria-describedby="header-analyzer-hint"
            onInput={this.onInput}
          />
          <button type="button" onClick={this.onAnalyse}>
            Analyse
          </button>
        </div>
        <p class="header-analyzer__status">{this.statusText()}</p>
        {outcome?.ok && <HeaderResults analysis={outcome.analysis} />}
      </div>
    );
  }
}
