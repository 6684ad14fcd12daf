import { describe, expect, it } from 'vitest';
import { burstWindowFrom, pauseBeforeCalls } from '../../src/crm/rate-limit.ts';

const headers = (remaining: number) => ({ 'x-hubspot-ratelimit-remaining': String(remaining), 'x-hubspot-ratelimit-max': '190', 'x-hubspot-ratelimit-interval-milliseconds': '10000' });

describe('burst window pacing', () => {
  it("reads HubSpot's rate-limit headers, and nothing from an answer without them", () => {
    expect(burstWindowFrom(headers(42))).toEqual({ remaining: 42, max: 190, intervalMs: 10_000 });
    expect(burstWindowFrom({ 'content-type': 'application/json' })).toBeNull();
  });

  it('does not wait while the window has room for the calls and a reserve of 20', () => {
    expect(pauseBeforeCalls(4, burstWindowFrom(headers(24)))).toBe(0);
    expect(pauseBeforeCalls(4, null)).toBe(0);
  });

  it('waits the longer the emptier the window: the average pace of 190 per 10 s for each missing request', () => {
    const perRequestMs = 10_000 / 190;
    expect(pauseBeforeCalls(4, burstWindowFrom(headers(23)))).toBe(Math.ceil(perRequestMs));
    expect(pauseBeforeCalls(4, burstWindowFrom(headers(0)))).toBe(Math.ceil(24 * perRequestMs));
  });
});
