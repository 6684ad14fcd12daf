import { describe, expect, it } from 'vitest';
import { burstWindowFrom, pauseBeforeCalls } from '../../src/crm/rate-limit.ts';

const headers = (remaining: number) => ({ 'x-hubspot-ratelimit-remaining': String(remaining), 'x-hubspot-ratelimit-max': '190', 'x-hubspot-ratelimit-interval-milliseconds': '10000' });

describe('burst window pacing', () => {
  it("reads HubSpot's rate-limit headers, and nothing from an answer without them", () => {
    expect(burstWindowFrom(headers(42))).toEqual({ remaining: 42, max: 190, intervalMs: 10_000 });
    expect(burstWindowFrom({ 'content-type': 'application/json' })).toBeNull();
  });

  it('does not wait while the window has room for the calls and a reserve', () => {
    expect(pauseBeforeCalls(4, burstWindowFrom(headers(14)))).toBe(0);
    expect(pauseBeforeCalls(4, null)).toBe(0);
  });

  it("waits for the calls' share of the window when it runs low: 4 calls at 190 per 10 s take 211 ms", () => {
    expect(pauseBeforeCalls(4, burstWindowFrom(headers(13)))).toBe(Math.ceil((4 * 10_000) / 190));
  });
});
