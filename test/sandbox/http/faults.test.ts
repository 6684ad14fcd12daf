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
    expect(injector.take('POST', '/crm/v3/objects/companies/search')).toEqual([expect.objectContaining({ kind: 'drop' })]);
    expect(injector.take('GET', '/crm/v3/objects/companies/search')).toEqual([]);
    expect(injector.take('POST', '/crm/v3/objects/companies')).toEqual([]);
  });

  it('fills in HubSpot-like defaults', () => {
    expect(faultSchema.parse({ kind: 'rateLimit' })).toEqual({ kind: 'rateLimit', policyName: 'TEN_SECONDLY_ROLLING' });
    expect(faultSchema.parse({ kind: 'serverError' })).toEqual({ kind: 'serverError', status: 500 });
  });

  it('refuses a 4xx posing as a server error and a path that is not a path', () => {
    expect(faultSchema.safeParse({ kind: 'serverError', status: 404 }).success).toBe(false);
    expect(faultSchema.safeParse({ kind: 'latency', ms: 10, path: 'crm/v3' }).success).toBe(false);
  });
});
