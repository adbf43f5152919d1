/**
 * The analyzer's side of the parser worker. At most one request is in
 * flight; text pasted meanwhile replaces any queued text, and an answer for
 * anything but the newest request is dropped, so an older paste's result can
 * never overwrite a newer one.
 */
import type { AnalysisOutcome } from '../../lib/headers/analyze';
import type { AnalyzeRequest, AnalyzeResponse } from './analyzer-protocol';

export type AnalyzeListener = (answer: { outcome: AnalysisOutcome } | { failed: true }) => void;

export class AnalyzerClient {
  private worker: Worker | undefined;
  private inFlight = false;
  private queued: AnalyzeRequest | undefined;
  private latest = 0;

  constructor(private readonly listener: AnalyzeListener) {}

  /** Creates the worker (and so downloads the parser) on first call; later calls do nothing. */
  start(): void {
    if (this.worker) return;
    this.worker = new Worker(new URL('./analyzer.worker.ts', import.meta.url), {
      type: 'module',
      name: 'header-analyzer',
    });
    this.worker.addEventListener('message', (event: MessageEvent<AnalyzeResponse>) => this.receive(event.data));
    // A failed download (offline, say): forget this worker so the next request tries again.
    this.worker.addEventListener('error', () => this.fail());
  }

  analyze(text: string): void {
    this.start();
    this.latest += 1;
    this.queued = { seq: this.latest, text };
    this.flush();
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }

  private flush(): void {
    if (this.inFlight || !this.queued || !this.worker) return;
    this.inFlight = true;
    this.worker.postMessage(this.queued);
    this.queued = undefined;
  }

  private receive(response: AnalyzeResponse): void {
    this.inFlight = false;
    if (response.seq === this.latest) {
      this.listener('outcome' in response ? { outcome: response.outcome } : { failed: true });
    }
    this.flush();
  }

  private fail(): void {
    this.stop();
    this.inFlight = false;
    this.queued = undefined;
    this.listener({ failed: true });
  }
}
