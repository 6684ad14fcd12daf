import { describe, expect, it } from 'vitest';
import { createFaultInjector, faultSchema } from '../../../sandbox/http/faults.ts';
import type { FaultInput } from '../../../sandbox/http/faults.ts';

const injectorWith = (...faults: FaultInput[]) => {
  const injector = createFaultInjector();
  for (const fault of faults) injector.add(faultSchema.parse(fault));
  return injector;
};

describe('the fault injector', () => {
  it('fires for the next N matching requests and then retires', () => {
    const injector = injectorWith({ kind: 'serverError', times: 2 });
    expect([1, 2, 3].map(() => injector.take('GET', '/crm/v3/owners').length)).toEqual([1, 1, 0]);
    expect(injector.list()).toEqual([]);
  });

  it('matches a path glob and a method', () => {
    const injector = injectorWith({ kind: 'drop', method: 'POST', path: '/crm/v3/objects/*/search' });
    expect(injector.take('POST', '/crm/v3/objects/companies/search')).toEqual([
      expect.objectContaining({ kind: 'drop' }),
    ]);
    expect(injector.take('GET', '/crm/v3/objects/companies/search')).toEqual([]);
    expect(injector.take('POST', '/crm/v3/objects/companies')).toEqual([]);
  });

  it('fills in HubSpot-like defaults', () => {
    expect(faultSchema.parse({ kind: 'rateLimit' })).toEqual({ kind: 'rateLimit', policyName: 'TEN_SECONDLY_ROLLING' });
    expect(faultSchema.parse({ kind: 'serverError' })).toEqual({ kind: 'serverError', status: 500 });
    expect(faultSchema.parse({ kind: 'lostAnswer' })).toEqual({ kind: 'lostAnswer', mode: 'drop' });
  });

  it('hits a share of the matching requests, the same ones for the same seed', () => {
    const hitsOf = (injector: ReturnType<typeof createFaultInjector>) =>
      Array.from({ length: 200 }, () => injector.take('PATCH', '/crm/v3/objects/companies/1').length);
    const first = hitsOf(injectorWith({ kind: 'lostAnswer', rate: 0.1, seed: 7 }));
    const hits = first.filter((n) => n === 1).length;
    expect(hits).toBeGreaterThan(5);
    expect(hits).toBeLessThan(40);
    expect(hitsOf(injectorWith({ kind: 'lostAnswer', rate: 0.1, seed: 7 }))).toEqual(first);
    expect(hitsOf(injectorWith({ kind: 'lostAnswer', rate: 0.1, seed: 8 }))).not.toEqual(first);
  });

  it('draws only for matching requests, so other traffic does not shift which requests are hit', () => {
    const alone = injectorWith({ kind: 'serverError', method: 'POST', rate: 0.3, seed: 3 });
    const amongReads = injectorWith({ kind: 'serverError', method: 'POST', rate: 0.3, seed: 3 });
    const writes = Array.from({ length: 50 }, () => alone.take('POST', '/crm/v3/objects/notes').length);
    const interleaved = Array.from({ length: 50 }, () => {
      amongReads.take('GET', '/crm/v3/objects/notes');
      return amongReads.take('POST', '/crm/v3/objects/notes').length;
    });
    expect(interleaved).toEqual(writes);
  });

  it('never hits at rate 0, always at rate 1, and counts hits, not matches, against times', () => {
    const never = injectorWith({ kind: 'drop', rate: 0 });
    expect(Array.from({ length: 20 }, () => never.take('GET', '/').length)).toEqual(Array(20).fill(0));
    const always = injectorWith({ kind: 'drop', rate: 1 });
    expect(Array.from({ length: 20 }, () => always.take('GET', '/').length)).toEqual(Array(20).fill(1));
    const twice = injectorWith({ kind: 'slowAnswer', ms: 1, rate: 0.5, times: 2, seed: 1 });
    const hits = Array.from({ length: 40 }, () => twice.take('GET', '/').length);
    expect(hits.filter((n) => n === 1)).toHaveLength(2);
    expect(twice.list()).toEqual([]);
  });

  it('says how often each fault has hit', () => {
    const injector = injectorWith(
      { kind: 'lostAnswer', mode: 'badGateway', method: 'POST' },
      { kind: 'latency', ms: 5, times: 3 },
    );
    injector.take('POST', '/crm/v3/objects/notes');
    injector.take('GET', '/crm/v3/objects/notes');
    expect(injector.list()).toEqual([
      expect.objectContaining({ kind: 'lostAnswer', mode: 'badGateway', fired: 1, remaining: null }),
      expect.objectContaining({ kind: 'latency', fired: 2, remaining: 1 }),
    ]);
  });

  it('refuses a 4xx posing as a server error, a path that is not a path, a rate that is not a probability and an unknown way to lose an answer', () => {
    expect(faultSchema.safeParse({ kind: 'serverError', status: 404 }).success).toBe(false);
    expect(faultSchema.safeParse({ kind: 'latency', ms: 10, path: 'crm/v3' }).success).toBe(false);
    expect(faultSchema.safeParse({ kind: 'drop', rate: 1.5 }).success).toBe(false);
    expect(faultSchema.safeParse({ kind: 'lostAnswer', mode: 'timeout' }).success).toBe(false);
  });

  it('refuses a 403 for a missing scope that names no scope', () => {
    expect(faultSchema.safeParse({ kind: 'forbidden' }).success).toBe(false);
    expect(faultSchema.safeParse({ kind: 'forbidden', scopes: [] }).success).toBe(false);
  });
});
