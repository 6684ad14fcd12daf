import { describe, expect, it } from 'vitest';
import { createRateLimiter, type RateLimits } from '../../../sandbox/http/rate-limit.ts';

// The windows slide with the clock they are given, so these run instantly.

function limiterAt(limits: RateLimits) {
  let now = 0;
  const limiter = createRateLimiter(limits, () => now);
  return {
    limiter,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('the rate limiter', () => {
  it('allows the burst, refuses the next call, and recovers as the 10-second window slides', () => {
    const { limiter, advance } = limiterAt({ burstPer10s: 2, searchPerSecond: 5 });
    expect(limiter.check(false)).toMatchObject({ allowed: true, headers: { 'X-HubSpot-RateLimit-Remaining': '1' } });
    advance(4_000);
    expect(limiter.check(false).allowed).toBe(true);
    expect(limiter.check(false)).toMatchObject({
      allowed: false,
      policyName: 'TEN_SECONDLY_ROLLING',
      headers: { 'X-HubSpot-RateLimit-Remaining': '0' },
    });
    advance(6_000);
    expect(limiter.check(false).allowed).toBe(true);
  });

  it('limits search per second on its own window', () => {
    const { limiter, advance } = limiterAt({ burstPer10s: 1, searchPerSecond: 2 });
    expect([limiter.check(true).allowed, limiter.check(true).allowed]).toEqual([true, true]);
    expect(limiter.check(true)).toMatchObject({ allowed: false, policyName: 'SECONDLY' });
    expect(limiter.check(false).allowed).toBe(true);
    advance(1_000);
    expect(limiter.check(true).allowed).toBe(true);
  });

  it("counts the day's requests the limits let through, searches too, never refusing on the daily limit", () => {
    const { limiter } = limiterAt({ burstPer10s: 2, searchPerSecond: 5, perDay: 1 });
    expect(limiter.check(false)).toMatchObject({
      allowed: true,
      headers: { 'X-HubSpot-RateLimit-Daily': '1', 'X-HubSpot-RateLimit-Daily-Remaining': '0' },
    });
    expect(limiter.check(false).allowed).toBe(true);
    expect(limiter.check(false).allowed).toBe(false);
    expect(limiter.check(true).allowed).toBe(true);
    expect(limiter.daily()).toEqual({ used: 3, limit: 1 });
    limiter.set({ burstPer10s: 2, searchPerSecond: 5 });
    expect(limiter.daily()).toEqual({ used: 0, limit: 625_000 });
  });

  it('lets everything through when switched off', () => {
    const { limiter } = limiterAt({ burstPer10s: 1, searchPerSecond: 1 });
    limiter.set(false);
    expect(Array.from({ length: 5 }, () => limiter.check(false).allowed)).toEqual([true, true, true, true, true]);
  });
});
