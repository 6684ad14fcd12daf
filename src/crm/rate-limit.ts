// HubSpot's burst limit is a rolling 10-second window per app, and every answer says how much of it
// is left. A long run keeps its own record of when it sent requests, so it knows when room comes back
// (a rolling window frees a slot exactly one interval after the request that took it) and waits for
// that instead of running into 429s. The clock is passed in; callers do the waiting.

export interface BurstWindow {
  remaining: number;
  max: number;
  intervalMs: number;
}

/** The burst window from an answer's headers (lower-case names, as the client gives them); null when absent. */
export function burstWindowFrom(headers: Record<string, string | undefined>): BurstWindow | null {
  const remaining = Number(headers['x-hubspot-ratelimit-remaining']);
  const max = Number(headers['x-hubspot-ratelimit-max']);
  const intervalMs = Number(headers['x-hubspot-ratelimit-interval-milliseconds']);
  return Number.isFinite(remaining) && max > 0 && intervalMs > 0 ? { remaining, max, intervalMs } : null;
}

/**
 * What a pacer knew when it stopped, for a pacer that carries on its work (the next slice of a long
 * run): the window, and how long before that moment each of its requests still in the window was sent.
 */
export interface BurstMemory {
  window: BurstWindow;
  sentAgoMs: number[];
}

/**
 * What a pacer leaves of the window for the app's other work: a number, or one worked out from the
 * window's size and how many of its requests others (people's cards) sent within the last interval.
 */
export type BurstReserve = number | ((windowMax: number, othersInWindow: number) => number);

export class BurstPacer {
  #window: BurstWindow | null = null;
  /** When this run sent its requests inside the current window, oldest first (others' too, as observed). */
  #sent: number[] = [];
  /** When requests the pacer did not send (others') went, as the answers' headers told it, oldest first. */
  #others: number[] = [];
  /** Whether an answer has told how much of the window is used (see observe). */
  #counted = false;

  /**
   * @param reserve requests of the window left for the app's other work (cards, other invocations):
   * a number, or one worked out from the window's size once an answer tells it.
   */
  constructor(private readonly reserve: BurstReserve = 10) {}

  #reserveOf(window: BurstWindow, othersInWindow: number): number {
    return typeof this.reserve === 'number' ? this.reserve : this.reserve(window.max, othersInWindow);
  }

  /** Requests others sent within the interval before `at`, as far as the answers have told. */
  othersInWindow(at: number): number {
    const window = this.#window;
    if (!window) return 0;
    this.#others = this.#others.filter((t) => t > at - window.intervalMs);
    return this.#others.length;
  }

  /**
   * Takes on what an earlier pacer remembered, as of `at`. Time that passed between the two only makes
   * those requests older than counted, so the pacer may wait a little more than needed, never less.
   */
  resume(memory: BurstMemory, at: number): void {
    this.#window = memory.window;
    this.#sent = memory.sentAgoMs.map((ago) => at - ago).sort((a, b) => a - b);
  }

  /** What this pacer knows at `at`, for another to resume; null before any answer told the window. */
  remember(at: number): BurstMemory | null {
    const window = this.#window;
    if (!window) return null;
    const inWindow = this.#sent.filter((t) => t > at - window.intervalMs).slice(-window.max);
    return { window, sentAgoMs: inWindow.map((t) => Math.floor(at - t)) };
  }

  /**
   * Learns the window from an answer, and how much of it is used. Requests the pacer does not know of
   * (others', an earlier slice's it did not resume, or its own beyond what it recorded) are assumed
   * spread evenly over the past interval the first time, and sent just now after that (the latest they
   * can have gone, so they free up no sooner than they really do). The first answer also drops
   * remembered requests beyond its count, oldest first: they have aged out meanwhile.
   */
  observe(window: BurstWindow | null, at: number): void {
    if (!window) return;
    const known = this.#sent.filter((t) => t > at - window.intervalMs);
    const used = window.max - window.remaining;
    const unknown = Math.max(0, used - known.length);
    if (!this.#counted) {
      const others = Array.from(
        { length: unknown },
        (_v, i) => at - window.intervalMs + ((i + 1) * window.intervalMs) / (unknown + 1),
      );
      this.#sent = [...others, ...known.slice(Math.max(0, known.length - used))].sort((a, b) => a - b);
      this.#others = others;
      this.#counted = true;
    } else {
      this.#sent = [...known, ...Array<number>(unknown).fill(at)];
      this.#others.push(...Array<number>(unknown).fill(at));
    }
    this.#window = window;
  }

  /** Milliseconds to wait before sending `calls` requests at `at` (0 when the window is unknown or has room). */
  pauseBefore(calls: number, at: number): number {
    const window = this.#window;
    if (!window) return 0;
    this.#sent = this.#sent.filter((t) => t > at - window.intervalMs);
    const allowed = window.max - this.#reserveOf(window, this.othersInWindow(at)) - calls;
    if (this.#sent.length <= allowed) return 0;
    // Room for `calls` comes back when the request `excess` places from the oldest ages out.
    const excess = this.#sent.length - Math.max(0, allowed);
    return Math.ceil(this.#sent[excess - 1]! + window.intervalMs - at);
  }

  /** The requests this run may have in the window at once (the window less the reserve); null while the window is unknown. */
  capacity(): number | null {
    // As when nobody else is sending: whether a read can fit one window at all, not whether it fits now.
    return this.#window ? Math.max(0, this.#window.max - this.#reserveOf(this.#window, 0)) : null;
  }

  record(calls: number, at: number): void {
    for (let i = 0; i < calls; i++) this.#sent.push(at);
  }
}

/**
 * What an invocation that answers a person (a card's section, a save) leaves of the burst window for
 * the people whose cards open meanwhile, as shares of the window: an eighth for anyone's, and two more
 * requests for each it has sent itself, up to a third. So a large account's relationships, forty reads
 * at a time, stop well short of the window's end and give way, while a Status of three reads runs
 * nearly to it. Measured in the busy hour (`npm run bench peak`): an eighth gave users 41 429s and a
 * Plan p95 of 1.3 s; a sixth, 52 and 2.3 s; a tenth, 15–27 429s in five minutes of the users alone,
 * where a sixth gave 0–6.
 */
export const ROOM_FOR_OTHERS = { least: 1 / 8, perRequestSent: 2, most: 1 / 3 } as const;
/**
 * How long an invocation holds one request back on what its latest answer said: an answer grows stale
 * as others send, so past this it sends and lets HubSpot's next answer say.
 */
export const LONGEST_HOLD_MS = 2_000;
/** The most its waits grow when answer after answer still finds the window full (three doublings). */
const MOST_CROWDED_FACTOR = 8;

/**
 * One invocation's sight of the burst window, and when it should hold back. An invocation knows the
 * window only from its own answers, and each answer tells how much of the window was used when
 * HubSpot counted it, not who used it or when. The requests then in the window are taken as sent
 * evenly over the past interval, so they age out at that pace; what the invocation sent or chose to
 * send since is counted on top. When an answer after a hold still finds the window full, its requests
 * were younger than that: each such answer doubles the wait, up to eight times. Requests held back
 * go one after another, never together, at no more than half the window's own pace: forty reads of
 * a large account, held at once, then leave in a trickle rather than a burst. The clock is passed in;
 * callers wait.
 */
export class InvocationPace {
  #told: { window: BurstWindow; at: number } | null = null;
  /** Requests this invocation took a place for after its latest answer was counted. */
  #sentSince = 0;
  /** Requests this invocation has taken a place for in all. */
  #sent = 0;
  /** Answers in a row that found the window fuller than this invocation lets it get, counting once per hold between them. */
  #crowded = 0;
  /** Whether it held a request back since the last answer that counted as crowded. */
  #heldSince = false;
  /** When the last request it held back is to go. */
  #lastHeldUntil = Number.NEGATIVE_INFINITY;

  observe(window: BurstWindow | null, at: number): void {
    if (!window) return;
    this.#told = { window, at };
    this.#sentSince = 0;
    // A round's answers arrive together and say the same: only one that comes after a hold says the hold was too short.
    if (window.max - window.remaining <= this.#allowed(window.max)) this.#crowded = 0;
    else if (this.#crowded === 0 || this.#heldSince) [this.#crowded, this.#heldSince] = [this.#crowded + 1, false];
  }

  /** Requests left for others out of a window of `max`: grows with what this invocation has taken. */
  roomForOthers(max: number): number {
    const { least, perRequestSent, most } = ROOM_FOR_OTHERS;
    return Math.ceil(Math.min(max * most, max * least + perRequestSent * this.#sent));
  }

  /** How much of the window may be used when this invocation sends its next request. */
  #allowed(max: number): number {
    return max - this.roomForOthers(max) - this.#sentSince - 1;
  }

  /** Takes a place for one request at `at`: the milliseconds to wait before sending it (0 before any answer told the window). */
  take(at: number): number {
    const hold = this.#holdBefore(at);
    this.#sent += 1;
    if (this.#told) this.#sentSince += 1;
    return hold;
  }

  #holdBefore(at: number): number {
    const told = this.#told;
    if (!told) return 0;
    const { max, remaining, intervalMs } = told.window;
    const used = max - remaining;
    const allowed = this.#allowed(max);
    if (used <= allowed) return 0;
    // `used` requests spread over the interval before `told.at`: the part still in it at `t` is used × (1 − (t − told.at) / interval).
    const crowded = Math.min(MOST_CROWDED_FACTOR, 2 ** Math.max(0, this.#crowded - 1));
    const freeAt = told.at + intervalMs * (1 - Math.max(0, allowed) / used) * crowded;
    const until = Math.max(Math.min(freeAt, at + LONGEST_HOLD_MS), this.#lastHeldUntil + (2 * intervalMs) / max);
    this.#lastHeldUntil = until;
    this.#heldSince = true;
    return Math.max(0, Math.ceil(until - at));
  }
}
