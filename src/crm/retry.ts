import { AsyncLocalStorage } from 'node:async_hooks';
import { InvocationPace } from './rate-limit.ts';

// Which HubSpot failures are worth another attempt, and after how long. HubSpot's client retries a 429
// from the 10-second burst window only after 10 s, then 20 s: longer than an app function may run, so a
// card that met one would be stopped by the platform instead of answering. Keystone keeps the client's
// choice of what to retry (5xx answers and rate limits other than the daily one) with waits an
// invocation can afford: the burst window frees room as each request in it turns 10 s old, so a
// second is usually enough. Writes that got no answer at all are not retried: they may have been
// applied. Reads are, when the connection broke (reset, not silent past the limit, which already took
// its time): reading twice changes nothing, and one dropped read would otherwise fail a whole save
// that makes a dozen of them. For the same reason a create is not sent again after a 5xx that may come after HubSpot
// made the record (500, 502 and 504: its gateway lost or timed out on the answer): sending it again
// would make a second task, note or row. Only 503 (HubSpot refused to take the request) and rate limits
// are retried for creates; the function then fails, and its retry with the same action id finds what
// the first attempt made.

/** Before the second attempt; each further attempt waits that much longer. */
export const RETRY_WAIT_MS = { serverError: 200, rateLimit: 1_000 } as const;

interface FailureShape {
  code?: unknown;
  body?: { policyName?: unknown } | null;
}

/** The 5xx answer HubSpot gives only when it did not take the request. */
const REFUSED_UNAPPLIED = 503;

/** The connection broke before an answer came: nothing says whether HubSpot acted on the request. */
const CONNECTION_BROKE: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/** What a call does, as far as sending it again goes. */
type CallKind = 'reads' | 'creates' | 'writes';

/**
 * How long to wait before attempt `attempt + 1` after `error`; null when it is not worth retrying.
 * `creates`: a 5xx that may follow the record's making is not retried. `reads`: a broken connection is.
 */
export function retryWait(error: unknown, attempt: number, kind: CallKind = 'writes'): number | null {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as FailureShape;
  const status = typeof failure.code === 'number' ? failure.code : 0;
  if (status >= 500 && status <= 599)
    return kind === 'creates' && status !== REFUSED_UNAPPLIED ? null : RETRY_WAIT_MS.serverError * attempt;
  if (status === 429 && failure.body?.policyName !== 'DAILY') return RETRY_WAIT_MS.rateLimit * attempt;
  if (kind === 'reads' && typeof failure.code === 'string' && CONNECTION_BROKE.has(failure.code))
    return RETRY_WAIT_MS.serverError * attempt;
  return null;
}

type Call = (...args: unknown[]) => Promise<unknown>;

/** The client's methods that make records (basic and batch `create`); association writes and upserts are idempotent. */
const CREATES = /^(bound )?create(WithHttpInfo)?$/;
/** The client's methods that only read: single, page, list and batch reads, and search (a POST that writes nothing). */
const READS = /^(bound )?(get\w*|read|doSearch)(WithHttpInfo)?$/;
/** Searches have a window of their own (five a second) and count nothing in the burst window. */
const SEARCHES = /^(bound )?doSearch(WithHttpInfo)?$/;

/**
 * One invocation's calls after HubSpot refused one of them for its burst window. A section's calls go
 * out together, so HubSpot refuses them together; sent again together a second later, into a window
 * people's cards may still be filling, they only meet more refusals. So one goes first and finds out
 * whether the window has room again; the invocation's other calls, the refused ones and any it starts
 * meanwhile, wait until HubSpot answers it, and give up with it if HubSpot never lets it through.
 */
class RateLimitGate {
  #probe: Promise<{ failure: unknown } | null> | null = null;

  /** Null at once when no call is finding out; else, once the one that is has, null if it got through or its failure. */
  clear(): Promise<{ failure: unknown } | null> {
    return this.#probe ?? Promise.resolve(null);
  }

  /** Makes the caller the one that finds out, unless another already is; settle it with its failure, or null. */
  probe(): ((outcome: { failure: unknown } | null) => void) | null {
    if (this.#probe) return null;
    let settle!: (outcome: { failure: unknown } | null) => void;
    this.#probe = new Promise((resolve) => (settle = resolve));
    return (outcome) => {
      this.#probe = null;
      settle(outcome);
    };
  }
}

/** What one invocation's calls share: the gate after a rate limit, and its sight of the burst window. */
interface InvocationCalls {
  gate: RateLimitGate;
  pace: InvocationPace;
}

// HubSpot's client decorates its API objects once, with the decorators of the last client built, so a
// process running several invocations at once shares them: what they share is found per invocation instead.
const invocations = new AsyncLocalStorage<InvocationCalls>();

/**
 * Runs one function invocation: its HubSpot calls wait for each other after a rate limit (RateLimitGate)
 * and hold back when its answers say the burst window is nearly full (InvocationPace).
 */
export function asOneInvocation<T>(run: () => Promise<T>): Promise<T> {
  return invocations.run({ gate: new RateLimitGate(), pace: new InvocationPace() }, run);
}

/** The running invocation's sight of the burst window, for its answers to update; null outside one. */
export function invocationPace(): InvocationPace | null {
  return invocations.getStore()?.pace ?? null;
}

/** Counts one request and holds it back while the invocation's latest answer says the window is nearly full. */
async function roomInWindow(pace: InvocationPace): Promise<void> {
  const wait = pace.take(performance.now());
  if (wait > 0) await sleep(wait);
}

const isRateLimited = (error: unknown) => (error as FailureShape | null)?.code === 429;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries a HubSpot call as retryWait says, up to `attempts` attempts in all; HubSpot's client applies it to every API method. */
export class RetryWithinInvocation {
  constructor(private readonly attempts: number) {}

  decorate(method: Call): Call {
    // HubSpot's client hands each API method over bound, so its name says which one it is.
    const kind: CallKind = CREATES.test(method.name) ? 'creates' : READS.test(method.name) ? 'reads' : 'writes';
    const paced = !SEARCHES.test(method.name);
    return async (...args) => {
      const invocation = invocations.getStore();
      const gate = invocation?.gate;
      let settle: ((outcome: { failure: unknown } | null) => void) | null = null;
      for (let attempt = 1; ; attempt++) {
        const blocked = gate && !settle ? await gate.clear() : null;
        if (blocked) throw blocked.failure;
        if (invocation && paced) await roomInWindow(invocation.pace);
        try {
          const result = await method(...args);
          settle?.(null);
          return result;
        } catch (error) {
          const wait = attempt < this.attempts ? retryWait(error, attempt, kind) : null;
          if (wait === null) {
            // Any answer but a rate limit (a 404 for a plan not made yet) says the window had room again.
            settle?.(isRateLimited(error) ? { failure: error } : null);
            throw error;
          }
          if (gate && isRateLimited(error)) settle ??= gate.probe();
          await sleep(wait);
        }
      }
    };
  }
}

/**
 * Sends a create again after a 5xx that may follow the record's making, for the creates whose record
 * carries a unique value (a revision claim's key, a review's action id, a plan's company id): a second
 * attempt of one HubSpot already made meets it as a 409, which each caller reads as its own.
 */
export async function resendingUniqueCreate<T>(create: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      const wait = attempt < attempts ? retryWait(answeredFailure(error), attempt) : null;
      if (wait === null) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** HubSpot's own failure behind one Keystone wrapped it in. */
function answeredFailure(error: unknown): unknown {
  return error instanceof Error && error.cause !== undefined ? error.cause : error;
}

/**
 * What a read answers, asked up to `tries` times (a read is safe to repeat), or null when no attempt was
 * answered: how a write whose answer was lost is looked up, to learn whether it was made.
 */
export async function answeredWithin<T>(read: () => Promise<T>, tries = 3): Promise<T | null> {
  for (let attempt = 1; attempt <= tries; attempt++) {
    try {
      return await read();
    } catch {
      // asked again below
    }
  }
  return null;
}
