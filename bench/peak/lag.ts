import { monitorEventLoopDelay } from 'node:perf_hooks';

// Whether a process kept up with the scaled clock. A process busy with one thing cannot start the
// next on time: its timers fire late and its answers go out late, by `speed` times as much HubSpot
// time. The event loop's delay (how late a timer set every few milliseconds fires) and the share of a
// core the process used say how far the clock's figures can be trusted.

const RESOLUTION_MS = 5;

export interface ProcessLoad {
  /** CPU time over wall time (1 = a whole core). */
  cpuShare: number;
  /** How late timers fired, in milliseconds of HubSpot time. */
  delayP50Ms: number;
  delayP99Ms: number;
  delayMaxMs: number;
}

/** Starts watching this process; `load()` says how it kept up since. */
export function watchLoad(speed: number): { load(): ProcessLoad } {
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  const startedCpu = process.cpuUsage();
  const startedAt = process.hrtime.bigint();
  // The histogram counts the resolution itself in every interval.
  const lateBy = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS) * speed;
  return {
    load() {
      const cpu = process.cpuUsage(startedCpu);
      const wallMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
      return {
        cpuShare: (cpu.user + cpu.system) / 1_000 / wallMs,
        delayP50Ms: lateBy(delay.percentile(50)),
        delayP99Ms: lateBy(delay.percentile(99)),
        delayMaxMs: lateBy(delay.max),
      };
    },
  };
}
