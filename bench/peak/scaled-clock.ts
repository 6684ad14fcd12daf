import type { SandboxPace } from '../../sandbox/server.ts';

// HubSpot's busy hour, played faster than real time. Every process of the benchmark reads one clock
// that runs `speed` times faster than the wall clock from an agreed wall-clock instant: the sandbox's
// rate-limit windows and injected latency, the users' arrivals and Keystone's own waits (its retry
// after a 429, the recalculation's pacing and slice budget) all happen on it. So 190 requests per
// 10 s become 190 per 10 / speed wall seconds and nothing else changes, as long as the machine keeps
// up: work that takes real CPU time takes `speed` times as long on this clock, which is why the
// benchmark measures how late each process's timers fire (see lag.ts).

// Kept before anything replaces them in a process that runs Keystone (see runKeystoneOnClock).
const realPerformanceNow = performance.now.bind(performance);
const realSetTimeout = globalThis.setTimeout;
/** The wall clock as every process reads it alike: epoch milliseconds with sub-millisecond precision. */
const wallNow = (): number => performance.timeOrigin + realPerformanceNow();

export interface ClockSetting {
  /** How many times faster than the wall clock. */
  speed: number;
  /** The wall-clock instant (wallNow) the hour starts at. */
  wallStart: number;
  /** HubSpot's epoch milliseconds at that instant. */
  hourStart: number;
}

export interface ScaledClock extends SandboxPace {
  readonly setting: ClockSetting;
  /** HubSpot's epoch milliseconds now. */
  now(): number;
  /** Milliseconds of HubSpot time since the hour started. */
  elapsed(): number;
  /** Resolves after `ms` of HubSpot time. */
  sleep(ms: number): Promise<void>;
  /** Resolves at `elapsed` milliseconds into the hour (at once if that has passed). */
  until(elapsed: number): Promise<void>;
}

export function scaledClock(setting: ClockSetting): ScaledClock {
  const { speed, wallStart, hourStart } = setting;
  const elapsed = () => (wallNow() - wallStart) * speed;
  const sleep = (ms: number) => new Promise<void>((resolve) => realSetTimeout(resolve, Math.max(0, ms) / speed));
  return {
    setting,
    now: () => hourStart + elapsed(),
    elapsed,
    sleep,
    until: (at) => sleep(at - elapsed()),
  };
}

/** A clock whose hour starts `leadMs` of wall time from now, so every process has its setting before it begins. */
export function clockStartingIn(leadMs: number, speed: number, hourStart: number): ClockSetting {
  return { speed, wallStart: wallNow() + leadMs, hourStart };
}

/**
 * Puts this process's timers and performance.now on the clock. Keystone's functions wait with
 * setTimeout (the client's retry after a 429, the recalculation's pacing) and time their slice with
 * performance.now; their code is not the benchmark's to change, so the process that runs them gets a
 * scaled clock in their place. Only processes that run nothing else call this: Node's own timeouts
 * (a socket's silence limit) keep real time, so they are `speed` times more lenient.
 */
export function runKeystoneOnClock(clock: ScaledClock): void {
  const { speed } = clock.setting;
  const scaled = (handler: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) =>
    realSetTimeout(handler, (delay ?? 0) / speed, ...args);
  globalThis.setTimeout = scaled as typeof setTimeout;
  performance.now = () => clock.elapsed();
}
