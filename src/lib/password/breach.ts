/**
 * The opt-in breach check against a Have I Been Pwned style range API, with
 * k-anonymity: the password's SHA-1 is computed on the device
 * (crypto.subtle), only its first 5 hex characters are sent, and the answer
 * (every known hash suffix with that prefix, padded with decoys) is searched
 * here. Runs only when the reader clicks the button.
 */
export type BreachResult =
  { status: 'found'; count: number } | { status: 'not-found' } | { status: 'error'; message: string };

export const PREFIX_LENGTH = 5;

export async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

/** How often `suffix` appears in a range answer ("SUFFIX:COUNT" lines); padding entries (count 0) do not count. */
export function countInRange(body: string, suffix: string): number {
  for (const line of body.split('\n')) {
    const [lineSuffix, count] = line.trim().split(':');
    if (lineSuffix?.toUpperCase() === suffix) {
      const times = Number.parseInt(count ?? '', 10);
      return Number.isFinite(times) && times > 0 ? times : 0;
    }
  }
  return 0;
}

export async function checkBreach(
  password: string,
  endpoint: string,
  fetchImpl: typeof fetch = fetch,
): Promise<BreachResult> {
  const hash = await sha1Hex(password);
  const prefix = hash.slice(0, PREFIX_LENGTH);
  let body: string;
  try {
    const response = await fetchImpl(`${endpoint}${prefix}`, {
      headers: { 'Add-Padding': 'true' },
      // The page's address says which article the reader was on; the service needs none of it.
      referrerPolicy: 'no-referrer',
      credentials: 'omit',
      cache: 'no-store',
    });
    if (!response.ok)
      return {
        status: 'error',
        message: `The breach service answered with an error (${response.status}). Nothing was changed; try again later.`,
      };
    body = await response.text();
  } catch {
    return {
      status: 'error',
      message: 'Could not reach the breach service: you may be offline. Nothing was changed; try again later.',
    };
  }
  const count = countInRange(body, hash.slice(PREFIX_LENGTH));
  return count > 0 ? { status: 'found', count } : { status: 'not-found' };
}
