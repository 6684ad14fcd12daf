import { describe, expect, it, vi } from 'vitest';
import { createHubSpotClient } from '../../src/crm/client.ts';
import { RETRY_WAIT_MS, RetryWithinInvocation, retryWait } from '../../src/crm/retry.ts';

// HubSpot's client throws {code: <HTTP status>, body}; a request that got no answer throws a system error.
const answered = (code: number, body: object = {}) => Object.assign(new Error(`HTTP ${code}`), { code, body });

describe('which HubSpot failures are retried, and after how long', () => {
  it('retries 5xx answers and rate limits, each attempt waiting longer', () => {
    expect(retryWait(answered(502), 1)).toBe(RETRY_WAIT_MS.serverError);
    expect(retryWait(answered(503), 2)).toBe(2 * RETRY_WAIT_MS.serverError);
    expect(retryWait(answered(429, { policyName: 'TEN_SECONDLY_ROLLING' }), 1)).toBe(RETRY_WAIT_MS.rateLimit);
    expect(retryWait(answered(429, { policyName: 'SECONDLY' }), 2)).toBe(2 * RETRY_WAIT_MS.rateLimit);
  });

  it('does not retry the daily limit, refusals, or a request that got no answer (a write may have been applied)', () => {
    expect(retryWait(answered(429, { policyName: 'DAILY' }), 1)).toBeNull();
    expect(retryWait(answered(400), 1)).toBeNull();
    expect(retryWait(answered(409), 1)).toBeNull();
    expect(retryWait(Object.assign(new Error('socket hang up'), { code: 'ETIMEDOUT' }), 1)).toBeNull();
    expect(retryWait(undefined, 1)).toBeNull();
  });

  it('sends a read again when its connection broke, but not a write, nor a read HubSpot stayed silent on past the limit', () => {
    const broken = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(retryWait(broken, 1, 'reads')).toBe(RETRY_WAIT_MS.serverError);
    expect(retryWait(broken, 1, 'writes')).toBeNull();
    expect(retryWait(broken, 1, 'creates')).toBeNull();
    expect(retryWait(Object.assign(new Error('silent'), { code: 'ETIMEDOUT' }), 1, 'reads')).toBeNull();
  });

  it('gives up after the attempts it was given, with the last failure', async () => {
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw answered(500);
    };
    await expect(new RetryWithinInvocation(3).decorate(failing)()).rejects.toMatchObject({ code: 500 });
    expect(calls).toBe(3);
  });

  it('passes the arguments on and answers the first success', async () => {
    let calls = 0;
    const flaky = async (...args: unknown[]) => {
      calls += 1;
      if (calls === 1) throw answered(503);
      return args;
    };
    expect(await new RetryWithinInvocation(2).decorate(flaky)('a', 1)).toEqual(['a', 1]);
    expect(calls).toBe(2);
  });

  it('does not send a create again after a 5xx that may follow its making: a second record would be a duplicate', async () => {
    expect(retryWait(answered(502), 1, 'creates')).toBeNull();
    expect(retryWait(answered(504), 1, 'creates')).toBeNull();
    expect(retryWait(answered(500), 1, 'creates')).toBeNull();
    expect(retryWait(answered(503), 1, 'creates')).toBe(RETRY_WAIT_MS.serverError);
    let calls = 0;
    const api = {
      create: async () => {
        calls += 1;
        throw answered(502);
      },
    };
    await expect(new RetryWithinInvocation(3).decorate(api.create.bind(api))()).rejects.toMatchObject({ code: 502 });
    expect(calls).toBe(1);
  });

  it("applies to the methods HubSpot's client makes records with, by their bound names", () => {
    const client = createHubSpotClient({ accessToken: 'token', baseUrl: 'http://127.0.0.1:9', attempts: 3 });
    const named = new Set<string>();
    const decorate = vi.spyOn(RetryWithinInvocation.prototype, 'decorate');
    decorate.mockImplementation(function (this: RetryWithinInvocation, method) {
      named.add(method.name);
      return method;
    });
    void client.crm.objects.basicApi;
    decorate.mockRestore();
    expect(named).toContain('bound create');
  });
});
