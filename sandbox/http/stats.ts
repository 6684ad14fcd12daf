// Request statistics for benchmarks: calls per route, total, and the most requests in flight at once.

export interface SandboxStats {
  total: number;
  byRoute: Record<string, number>;
  peakConcurrency: number;
  inFlight: number;
}

export function createStats() {
  let stats: SandboxStats = { total: 0, byRoute: {}, peakConcurrency: 0, inFlight: 0 };
  return {
    started() {
      stats.inFlight += 1;
      stats.peakConcurrency = Math.max(stats.peakConcurrency, stats.inFlight);
    },
    finished() {
      stats.inFlight -= 1;
    },
    count(route: string) {
      stats.total += 1;
      stats.byRoute[route] = (stats.byRoute[route] ?? 0) + 1;
    },
    snapshot(): SandboxStats {
      return { ...stats, byRoute: { ...stats.byRoute } };
    },
    reset() {
      stats = { total: 0, byRoute: {}, peakConcurrency: stats.inFlight, inFlight: stats.inFlight };
    },
  };
}
