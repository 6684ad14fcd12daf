import { describe, expect, it, vi } from 'vitest';
import { createHubSpotClient } from '../../src/crm/client.ts';
import { mapInParallel } from '../../src/crm/batch.ts';
import type { BurstWindow } from '../../src/crm/rate-limit.ts';
import {
  RETRY_WAIT_MS,
  RetryWithinInvocation,
  asOneInvocation,
  invocationPace,
  retryWait,
} from '../../src/crm/retry.ts';

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

describe('the calls of one invocation after HubSpot refused them for the burst window', () => {
  // A window people fill for 2.5 s: every call sent before then is refused.
  async function run(calls: number, { oneInvocation }: { oneInvocation: boolean }) {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    try {
      const sent: Array<{ at: number; refused: boolean }> = [];
      const read = async (index: unknown) => {
        const refused = Date.now() < 2_500;
        sent.push({ at: Date.now(), refused });
        if (refused) throw answered(429, { policyName: 'TEN_SECONDLY_ROLLING' });
        return index;
      };
      const decorated = new RetryWithinInvocation(3).decorate(read);
      const section = () => Promise.all(Array.from({ length: calls }, (_, i) => decorated(i)));
      const answer = oneInvocation ? asOneInvocation(section) : section();
      await vi.advanceTimersByTimeAsync(10_000);
      return { answer: await answer, sent };
    } finally {
      vi.useRealTimers();
    }
  }

  it('sends one again first, and the others only once it got through', async () => {
    const { answer, sent } = await run(4, { oneInvocation: true });
    expect(answer).toEqual([0, 1, 2, 3]);
    // Four refused together; one tries again after 1 s (refused) and 2 s more (through); then the other three.
    expect(sent.filter((s) => s.refused)).toHaveLength(5);
    expect(sent.filter((s) => !s.refused).map((s) => s.at)).toEqual([3_000, 3_000, 3_000, 3_000]);
  });

  it('lets the others go once the first is answered, even when the answer is a failure of its own', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    try {
      const read = async (index: unknown) => {
        if (Date.now() < 500) throw answered(429, { policyName: 'TEN_SECONDLY_ROLLING' });
        if (index === 0) throw answered(404);
        return index;
      };
      const decorated = new RetryWithinInvocation(3).decorate(read);
      const answers = asOneInvocation(() => Promise.allSettled([0, 1, 2].map((i) => decorated(i))));
      await vi.advanceTimersByTimeAsync(5_000);
      expect(
        (await answers).map((a) => (a.status === 'fulfilled' ? a.value : (a.reason as { code: number }).code)),
      ).toEqual([404, 1, 2]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('would otherwise send them all again each time, meeting the full window once more with each', async () => {
    const { answer, sent } = await run(4, { oneInvocation: false });
    expect(answer).toEqual([0, 1, 2, 3]);
    expect(sent.filter((s) => s.refused)).toHaveLength(8);
  });
});

describe("a large account's reads while other people's cards fill the burst window", () => {
  // HubSpot's rolling window of 190 requests per 10 s, answering each request 100 ms after it was sent
  // with what is left of the window, as the client's answers tell the invocation that sent them.
  function hubspot() {
    const inWindow: number[] = [];
    const refused = { people: 0, account: 0 };
    const count = (who: keyof typeof refused): BurstWindow & { allowed: boolean } => {
      const at = Date.now();
      while (inWindow.length > 0 && inWindow[0]! <= at - 10_000) inWindow.shift();
      const allowed = inWindow.length < 190;
      if (allowed) inWindow.push(at);
      else refused[who] += 1;
      return { allowed, remaining: 190 - inWindow.length, max: 190, intervalMs: 10_000 };
    };
    const read = async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const { allowed, ...window } = count('account');
      await new Promise((resolve) => setTimeout(resolve, 50));
      invocationPace()?.observe(window, Date.now());
      if (!allowed) throw answered(429, { policyName: 'TEN_SECONDLY_ROLLING' });
    };
    return { refused, read, person: () => count('people') };
  }

  // 120 card requests in the first 2 s, then 3 a second; at 2 s the account's 80 reads start, four at a time.
  async function busyWindow({ oneInvocation }: { oneInvocation: boolean }) {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    try {
      const portal = hubspot();
      for (let i = 0; i < 120; i++) setTimeout(portal.person, (i * 2_000) / 120);
      for (let at = 2_000; at < 40_000; at += 1_000 / 3) setTimeout(portal.person, at);
      const read = new RetryWithinInvocation(3).decorate(portal.read);
      const account = () => mapInParallel(Array.from({ length: 80 }), 4, () => read());
      // When the reads finished; -1 when one gave up after its attempts.
      let done = 0;
      setTimeout(() => {
        const reads = oneInvocation ? asOneInvocation(account) : account();
        reads.then(
          () => (done = Date.now()),
          () => (done = -1),
        );
      }, 2_000);
      await vi.advanceTimersByTimeAsync(40_000);
      return { refused: portal.refused, done };
    } finally {
      vi.useRealTimers();
    }
  }

  it("holds back while the window is nearly full: nobody's request is refused, and the reads finish", async () => {
    const { refused, done } = await busyWindow({ oneInvocation: true });
    expect(refused).toEqual({ people: 0, account: 0 });
    expect(done).toBeGreaterThan(2_000);
    expect(done).toBeLessThan(20_000);
  });

  it('would otherwise run into the full window, and people would meet refusals too', async () => {
    const { refused } = await busyWindow({ oneInvocation: false });
    expect(refused.account).toBeGreaterThan(0);
    expect(refused.people).toBeGreaterThan(0);
  });
});
