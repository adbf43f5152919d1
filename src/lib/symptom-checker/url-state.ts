/**
 * The checker's answers in the page's query string, so that a link pasted into
 * a support ticket opens the checker with the same boxes ticked:
 *
 *   ?symptoms=forwarding-rules,reply-to-changed&risks=public-wifi&role=admin
 *
 * The checker reads them once, as the page opens, and writes them only into a
 * link the reader asks for: ticking never puts answers in the address bar,
 * where they would stay in the browser's history.
 *
 * Ids are written without their `symptom-` / `risk-` prefix; `role` is left
 * out for the default, `user`. Decoding never throws: unknown, repeated,
 * oversized or hostile values are dropped, and only known ids come out, so
 * nothing from the address bar is ever rendered.
 */
import { emptyState, normalizeState, type CheckerState } from './state';

const KEYS = ['symptoms', 'risks', 'role'];
/** All seven symptom ids joined take 130 characters; anything far longer is not ours. */
const MAX_VALUE_LENGTH = 512;
const MAX_VALUES_PER_KEY = 8;
const MAX_TOKENS = 32;
const TOKEN = /^[a-z0-9-]{1,48}$/;

function readIds(params: URLSearchParams, key: string, prefix: string): string[] {
  const ids: string[] = [];
  for (const value of params.getAll(key).slice(0, MAX_VALUES_PER_KEY)) {
    if (value.length > MAX_VALUE_LENGTH) continue;
    for (const raw of value.split(',').slice(0, MAX_TOKENS)) {
      const token = raw.trim().toLowerCase();
      if (!TOKEN.test(token)) continue;
      ids.push(token.startsWith(prefix) ? token : prefix + token);
    }
  }
  return ids;
}

/** The answers in a query string such as `location.search`. */
export function decodeCheckerQuery(search: string): CheckerState {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(String(search));
  } catch {
    return emptyState();
  }
  const role = (params.get('role') ?? '').trim().toLowerCase();
  return normalizeState({
    symptoms: readIds(params, 'symptoms', 'symptom-'),
    risks: readIds(params, 'risks', 'risk-'),
    role: role === 'admin' || role === 'administrator' ? 'admin' : 'user',
  });
}

function keyOf(part: string): string {
  const raw = part.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * `currentSearch` with the checker's parameters replaced by `state`. Other
 * parameters (such as `highlight` from a search result) keep their exact text
 * and order. Returns `''` when there is nothing left, else a string starting
 * with `?`.
 */
export function encodeCheckerQuery(state: CheckerState, currentSearch = ''): string {
  const { symptoms, risks, role } = normalizeState(state);
  const parts = currentSearch
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part !== '' && !KEYS.includes(keyOf(part)));
  // Ids are lowercase words and hyphens: safe in a query without escaping,
  // which keeps the commas readable in a ticket.
  if (symptoms.length > 0) parts.push(`symptoms=${symptoms.map((id) => id.slice('symptom-'.length)).join(',')}`);
  if (risks.length > 0) parts.push(`risks=${risks.map((id) => id.slice('risk-'.length)).join(',')}`);
  if (role === 'admin') parts.push('role=admin');
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** `currentSearch` without the checker's parameters: `''` or a string starting with `?`. */
export function stripCheckerQuery(currentSearch: string): string {
  return encodeCheckerQuery(emptyState(), currentSearch);
}

/*
 * Hand-off to the checklist tracker (not built yet, so the checker shows no
 * "Start the checklist with these answers" button). The contract: the
 * tracker's page accepts the same query as the checker, `?symptoms=…&role=…`
 * (risks left out), and reads it with `decodeCheckerQuery`; nothing is
 * written to storage.
 */
