/**
 * The password estimator, off the main thread: zxcvbn-ts with its word lists
 * is this worker's own chunk, fetched from our origin on the first focus of
 * the password field, so typing never waits for it. It keeps nothing: each
 * answer is posted back and forgotten.
 */
import { assessPassword } from '../../lib/password/assess';
import type { EstimateRequest, EstimateResponse } from './estimator-protocol';

addEventListener('message', (event: MessageEvent<EstimateRequest>) => {
  const { seq, password, context } = event.data;
  let response: EstimateResponse;
  try {
    const start = performance.now();
    const assessment = assessPassword(password, context);
    response = { seq, assessment, elapsedMs: performance.now() - start };
  } catch (error) {
    // The message names the failure only; the password is never part of it.
    response = { seq, error: error instanceof Error ? error.name : 'Error' };
  }
  postMessage(response);
});
