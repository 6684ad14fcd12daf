import type { FaultInput, FaultState } from './http/faults.ts';
import type { DailyUsage, RateLimits } from './http/rate-limit.ts';
import type { SandboxStats } from './http/stats.ts';
import type { SandboxSeedInput } from './seed.ts';

// A typed handle on a running sandbox's /__sandbox/ endpoints, for tests and benchmarks.

export interface PortalSummary {
  portalId: number;
  /** Records of every type, archived ones included. */
  records: number;
}

export type { DailyUsage, FaultInput, FaultState, RateLimits, SandboxStats };

export function sandboxControl(baseUrl: string) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl.replace(/\/+$/, '')}/__sandbox/${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok)
      throw new Error(
        `Sandbox ${method} /__sandbox/${path} failed (${response.status}): ${(parsed as { message?: string } | undefined)?.message ?? text}`,
      );
    return parsed as T;
  };
  return {
    health: () => call<PortalSummary>('GET', 'health'),
    /** Back to the seed the sandbox started with (empty when it had none). */
    reset: () => call<PortalSummary>('POST', 'reset'),
    /** Replaces the whole portal. */
    loadSeed: (seed: SandboxSeedInput) => call<PortalSummary>('POST', 'seed', seed),
    /** Returns the fault's id. */
    injectFault: async (fault: FaultInput) => (await call<{ id: number }>('POST', 'faults', fault)).id,
    /** The faults in force, with how often each has hit. */
    faults: async () => (await call<{ faults: Array<FaultInput & FaultState> }>('GET', 'faults')).faults,
    clearFaults: () => call<void>('DELETE', 'faults'),
    stats: () => call<SandboxStats>('GET', 'stats'),
    resetStats: () => call<void>('DELETE', 'stats'),
    setRateLimit: (limits: RateLimits | false) => call<void>('PUT', 'rate-limit', limits),
    /** The day's requests against the daily limit. */
    dailyUsage: async () => (await call<{ daily: DailyUsage }>('GET', 'rate-limit')).daily,
  };
}
export type SandboxControl = ReturnType<typeof sandboxControl>;
