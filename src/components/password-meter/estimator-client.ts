/**
 * The meter's side of the estimator worker. It keeps at most one request in
 * flight and remembers only the newest input typed meanwhile, so a fast
 * typist never queues up stale work; an answer for anything but the newest
 * input is dropped, so an earlier keystroke's result can never overwrite a
 * newer one.
 */
import type { Assessment } from '../../lib/password/assess';
import type { PasswordContext } from '../../lib/password/context';
import type { EstimateRequest, EstimateResponse } from './estimator-protocol';

export type EstimateListener = (seq: number, outcome: { assessment: Assessment } | { error: string }) => void;

export class EstimatorClient {
  private worker: Worker | undefined;
  private inFlight: number | undefined;
  private queued: EstimateRequest | undefined;
  private latest = 0;

  constructor(private readonly listener: EstimateListener) {}

  /** Creates the worker (and so downloads the estimator) on first call; later calls do nothing. */
  start(): void {
    if (this.worker) return;
    this.worker = new Worker(new URL('./estimator.worker.ts', import.meta.url), {
      type: 'module',
      name: 'password-estimator',
    });
    this.worker.addEventListener('message', (event: MessageEvent<EstimateResponse>) => this.receive(event.data));
    this.worker.addEventListener('error', () => this.fail('The strength estimator could not load.'));
  }

  /** Asks for an assessment of `password`; returns the request's number. */
  request(password: string, context: PasswordContext): number {
    this.start();
    this.latest += 1;
    this.queued = { seq: this.latest, password, context };
    this.flush();
    return this.latest;
  }

  /** Forgets any queued input; answers still on their way are dropped. */
  clear(): void {
    this.latest += 1;
    this.queued = undefined;
  }

  private flush(): void {
    if (this.inFlight !== undefined || !this.queued || !this.worker) return;
    this.inFlight = this.queued.seq;
    this.worker.postMessage(this.queued);
    this.queued = undefined;
  }

  private receive(response: EstimateResponse): void {
    this.inFlight = undefined;
    if (response.seq === this.latest)
      this.listener(
        response.seq,
        'error' in response ? { error: response.error } : { assessment: response.assessment },
      );
    this.flush();
  }

  private fail(message: string): void {
    this.inFlight = undefined;
    this.queued = undefined;
    this.listener(this.latest, { error: message });
  }
}
