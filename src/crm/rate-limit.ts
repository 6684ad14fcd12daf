// HubSpot's burst limit is a rolling 10-second window per app; every answer says how much of it is
// left. A long run that reads these headers can slow down before HubSpot refuses it, instead of
// losing work to 429s. Pure: callers do the waiting.

export interface BurstWindow { remaining: number; max: number; intervalMs: number }

/** The burst window from an answer's headers (lower-case names, as the client gives them); null when absent. */
export function burstWindowFrom(headers: Record<string, string | undefined>): BurstWindow | null {
  const remaining = Number(headers['x-hubspot-ratelimit-remaining']);
  const max = Number(headers['x-hubspot-ratelimit-max']);
  const intervalMs = Number(headers['x-hubspot-ratelimit-interval-milliseconds']);
  return Number.isFinite(remaining) && max > 0 && intervalMs > 0 ? { remaining, max, intervalMs } : null;
}

/**
 * How long to wait before making `calls` more requests. The window is rolling, so room comes back only
 * as old requests age out: the closer the window is to empty, the longer the wait (a window's average
 * pace per missing request), and nothing while it has room for the calls plus a reserve for the app's
 * other work.
 */
export function pauseBeforeCalls(calls: number, window: BurstWindow | null, reserve = 20): number {
  const missing = window ? calls + reserve - window.remaining : 0;
  return window && missing > 0 ? Math.ceil((missing * window.intervalMs) / window.max) : 0;
}
