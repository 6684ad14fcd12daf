// Which HubSpot failures are worth another attempt, and after how long. HubSpot's client retries a 429
// from the 10-second burst window only after 10 s, then 20 s: longer than an app function may run, so a
// card that met one would be stopped by the platform instead of answering. Keystone keeps the client's
// choice of what to retry (5xx answers and rate limits other than the daily one) with waits an
// invocation can afford: the burst window frees room as each request in it turns 10 s old, so a
// second is usually enough. Requests that got no answer at all are not retried: a write may have
// been applied.

/** Before the second attempt; each further attempt waits that much longer. */
export const RETRY_WAIT_MS = { serverError: 200, rateLimit: 1_000 } as const;

interface FailureShape {
  code?: unknown;
  body?: { policyName?: unknown } | null;
}

/** How long to wait before attempt `attempt + 1` after `error`; null when it is not worth retrying. */
export function retryWait(error: unknown, attempt: number): number | null {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as FailureShape;
  const status = typeof failure.code === 'number' ? failure.code : 0;
  if (status >= 500 && status <= 599) return RETRY_WAIT_MS.serverError * attempt;
  if (status === 429 && failure.body?.policyName !== 'DAILY') return RETRY_WAIT_MS.rateLimit * attempt;
  return null;
}

type Call = (...args: unknown[]) => Promise<unknown>;

/** Retries a HubSpot call as retryWait says, up to `attempts` attempts in all; HubSpot's client applies it to every API method. */
export class RetryWithinInvocation {
  constructor(private readonly attempts: number) {}

  decorate(method: Call): Call {
    return async (...args) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await method(...args);
        } catch (error) {
          const wait = attempt < this.attempts ? retryWait(error, attempt) : null;
          if (wait === null) throw error;
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
      }
    };
  }
}
