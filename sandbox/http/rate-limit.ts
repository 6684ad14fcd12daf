import { z } from 'zod';
import type { RateLimitPolicy } from './errors.ts';

// HubSpot's limits for a private app: a rolling 10-second burst window for ordinary calls and a
// per-second window for search (which does not count toward the burst). Real time, not the
// sandbox's deterministic clock: limits are about the caller's pace.

export const rateLimitsSchema = z.object({
  burstPer10s: z.number().int().positive(),
  searchPerSecond: z.number().int().positive(),
  /** Requests a day (Professional 625,000, the default; Enterprise 1,000,000): reported and counted, never refused. */
  perDay: z.number().int().positive().optional(),
});
export type RateLimits = z.infer<typeof rateLimitsSchema>;

/** Professional and Enterprise portals. */
export const HUBSPOT_RATE_LIMITS: RateLimits = { burstPer10s: 190, searchPerSecond: 5 };
const DAILY_LIMIT = 625_000;

/** The day's requests so far (searches too): those the limits let through since they were last set. */
export interface DailyUsage {
  used: number;
  limit: number;
}
/**
 * HubSpot also reports a per-second share of the burst (`X-HubSpot-RateLimit-Secondly`, a tenth of it:
 * 15 beside a Max of 150). It documents no per-second refusal for private apps beyond search, so the
 * sandbox reports the share and counts it down without refusing on it.
 */
const secondlyShare = (burstPer10s: number) => Math.ceil(burstPer10s / 10);

export type RateDecision =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; policyName: RateLimitPolicy; headers: Record<string, string> };

export function createRateLimiter(initial: RateLimits | false, now: () => number = () => performance.now()) {
  let limits = initial;
  const burst: number[] = [];
  const lastSecond: number[] = [];
  const search: number[] = [];
  let daily = 0;

  const slide = (window: number[], span: number, at: number) => {
    while (window.length > 0 && window[0]! <= at - span) window.shift();
  };

  return {
    set(next: RateLimits | false) {
      limits = next;
      burst.length = 0;
      lastSecond.length = 0;
      search.length = 0;
      daily = 0;
    },
    daily(): DailyUsage {
      return { used: daily, limit: (limits ? limits.perDay : undefined) ?? DAILY_LIMIT };
    },
    check(isSearch: boolean): RateDecision {
      if (!limits) return { allowed: true, headers: {} };
      const at = now();
      if (isSearch) {
        slide(search, 1000, at);
        if (search.length >= limits.searchPerSecond) return { allowed: false, policyName: 'SECONDLY', headers: {} };
        search.push(at);
        daily += 1;
        return { allowed: true, headers: {} };
      }
      slide(burst, 10_000, at);
      slide(lastSecond, 1000, at);
      const allowed = burst.length < limits.burstPer10s;
      if (allowed) {
        burst.push(at);
        lastSecond.push(at);
        daily += 1;
      }
      const secondly = secondlyShare(limits.burstPer10s);
      const perDay = limits.perDay ?? DAILY_LIMIT;
      const headers = {
        'X-HubSpot-RateLimit-Max': String(limits.burstPer10s),
        'X-HubSpot-RateLimit-Remaining': String(limits.burstPer10s - burst.length),
        'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
        'X-HubSpot-RateLimit-Secondly': String(secondly),
        'X-HubSpot-RateLimit-Secondly-Remaining': String(Math.max(0, secondly - lastSecond.length)),
        'X-HubSpot-RateLimit-Daily': String(perDay),
        'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, perDay - daily)),
      };
      return allowed ? { allowed, headers } : { allowed, policyName: 'TEN_SECONDLY_ROLLING', headers };
    },
  };
}
