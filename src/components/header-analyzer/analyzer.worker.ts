/**
 * The header parser, off the main thread: whatever is pasted, the page keeps
 * responding while it is read. This worker is its own chunk, fetched from our
 * origin on the first input into the analyzer. It keeps nothing: each answer
 * is posted back and forgotten.
 */
import { analyzeHeaders } from '../../lib/headers/analyze';
import type { AnalyzeRequest, AnalyzeResponse } from './analyzer-protocol';

addEventListener('message', (event: MessageEvent<AnalyzeRequest>) => {
  const { seq, text } = event.data;
  let response: AnalyzeResponse;
  try {
    response = { seq, outcome: analyzeHeaders(text) };
  } catch (error) {
    // The message names the failure only; nothing pasted is part of it.
    response = { seq, error: error instanceof Error ? error.name : 'Error' };
  }
  postMessage(response);
});
