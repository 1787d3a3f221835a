/** No retry waits longer than this, however often a message failed or whatever a provider asks. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

/**
 * The wait before the next attempt after `attempts` attempts that failed for a passing reason: `firstDelayMs`,
 * then twice as long each time, at most an hour. A provider that says when to come back (Retry-After) is
 * waited for at least that long.
 */
export function retryDelay(attempts: number, firstDelayMs: number, providerAsksMs = 0): number {
  const backoff = firstDelayMs * 2 ** Math.max(0, attempts - 1);
  return Math.min(MAX_RETRY_DELAY_MS, Math.max(backoff, providerAsksMs));
}
