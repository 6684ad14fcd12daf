// HubSpot's burst limit is a rolling 10-second window per app, and every answer says how much of it
// is left. A long run keeps its own record of when it sent requests, so it knows when room comes back
// (a rolling window frees a slot exactly one interval after the request that took it) and waits for
// that instead of running into 429s. The clock is passed in; callers do the waiting.

export interface BurstWindow { remaining: number; max: number; intervalMs: number }

/** The burst window from an answer's headers (lower-case names, as the client gives them); null when absent. */
export function burstWindowFrom(headers: Record<string, string | undefined>): BurstWindow | null {
  const remaining = Number(headers['x-hubspot-ratelimit-remaining']);
  const max = Number(headers['x-hubspot-ratelimit-max']);
  const intervalMs = Number(headers['x-hubspot-ratelimit-interval-milliseconds']);
  return Number.isFinite(remaining) && max > 0 && intervalMs > 0 ? { remaining, max, intervalMs } : null;
}

export class BurstPacer {
  #window: BurstWindow | null = null;
  /** When this run sent its requests inside the current window, oldest first. */
  #sent: number[] = [];

  /** @param reserve requests left for the app's other work (cards, other invocations). */
  constructor(private readonly reserve = 10) {}

  /**
   * Learns the window from an answer. The first time, requests made before this run (by an earlier
   * slice or anyone else) are assumed spread evenly over the past interval.
   */
  observe(window: BurstWindow | null, at: number): void {
    if (!window) return;
    if (!this.#window) {
      const used = window.max - window.remaining;
      this.#sent = Array.from({ length: used }, (_v, i) => at - window.intervalMs + ((i + 1) * window.intervalMs) / (used + 1));
    }
    this.#window = window;
  }

  /** Milliseconds to wait before sending `calls` requests at `at` (0 when the window is unknown or has room). */
  pauseBefore(calls: number, at: number): number {
    const window = this.#window;
    if (!window) return 0;
    this.#sent = this.#sent.filter((t) => t > at - window.intervalMs);
    const allowed = window.max - this.reserve - calls;
    if (this.#sent.length <= allowed) return 0;
    // Room for `calls` comes back when the request `excess` places from the oldest ages out.
    const excess = this.#sent.length - Math.max(0, allowed);
    return Math.ceil(this.#sent[excess - 1]! + window.intervalMs - at);
  }

  record(calls: number, at: number): void {
    for (let i = 0; i < calls; i++) this.#sent.push(at);
  }
}
