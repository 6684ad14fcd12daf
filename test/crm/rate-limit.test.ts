import { describe, expect, it } from 'vitest';
import { BurstPacer, burstWindowFrom } from '../../src/crm/rate-limit.ts';

const headers = (remaining: number) => ({ 'x-hubspot-ratelimit-remaining': String(remaining), 'x-hubspot-ratelimit-max': '190', 'x-hubspot-ratelimit-interval-milliseconds': '10000' });
const window = (remaining: number) => burstWindowFrom(headers(remaining));

describe('burstWindowFrom', () => {
  it("reads HubSpot's rate-limit headers, and nothing from an answer without them", () => {
    expect(window(42)).toEqual({ remaining: 42, max: 190, intervalMs: 10_000 });
    expect(burstWindowFrom({ 'content-type': 'application/json' })).toBeNull();
  });
});

describe('BurstPacer', () => {
  it('never waits when HubSpot sends no rate-limit headers', () => {
    const pacer = new BurstPacer();
    pacer.observe(null, 0);
    pacer.record(1_000, 0);
    expect(pacer.pauseBefore(4, 0)).toBe(0);
  });

  it('lets a run use the window up to its reserve without waiting', () => {
    const pacer = new BurstPacer(10);
    pacer.observe(window(190), 0);
    pacer.record(176, 0);
    expect(pacer.pauseBefore(4, 0)).toBe(0);
    pacer.record(4, 0);
    expect(pacer.pauseBefore(4, 0)).toBeGreaterThan(0);
  });

  it('waits exactly until the requests that filled the window age out of it', () => {
    const pacer = new BurstPacer(10);
    pacer.observe(window(190), 0);
    for (let t = 0; t < 180; t += 4) pacer.record(4, t * 10);
    // 180 sent between 0 and 1,760 ms: the first four free up at 10,000 ms.
    expect(pacer.pauseBefore(4, 2_000)).toBe(8_000);
    expect(pacer.pauseBefore(4, 10_001)).toBe(0);
  });

  it('counts what others used before it started as spread over the past interval', () => {
    const pacer = new BurstPacer(10);
    pacer.observe(window(0), 50_000);
    const pause = pacer.pauseBefore(4, 50_000);
    expect(pause).toBeGreaterThan(0);
    expect(pause).toBeLessThan(1_000);
  });
});
