// Request statistics for benchmarks: calls per route, total, and the most requests in flight at once.
// The app's calls (its private app token) are `total` and `byRoute`; reads made in a signed-in user's
// own HubSpot session (the cards' CRM data hooks) are counted apart, as HubSpot charges them to the
// user's session and not to the app's limits.

export interface SandboxStats {
  total: number;
  byRoute: Record<string, number>;
  peakConcurrency: number;
  inFlight: number;
  /** Requests made in users' own sessions, not the app's. */
  userSession: { total: number; byRoute: Record<string, number> };
}

const empty = (inFlight: number, peakConcurrency: number): SandboxStats => ({
  total: 0,
  byRoute: {},
  peakConcurrency,
  inFlight,
  userSession: { total: 0, byRoute: {} },
});

export function createStats() {
  let stats: SandboxStats = empty(0, 0);
  return {
    started() {
      stats.inFlight += 1;
      stats.peakConcurrency = Math.max(stats.peakConcurrency, stats.inFlight);
    },
    finished() {
      stats.inFlight -= 1;
    },
    count(route: string, { userSession = false }: { userSession?: boolean } = {}) {
      const tally = userSession ? stats.userSession : stats;
      tally.total += 1;
      tally.byRoute[route] = (tally.byRoute[route] ?? 0) + 1;
    },
    snapshot(): SandboxStats {
      return {
        ...stats,
        byRoute: { ...stats.byRoute },
        userSession: { total: stats.userSession.total, byRoute: { ...stats.userSession.byRoute } },
      };
    },
    reset() {
      stats = empty(stats.inFlight, stats.inFlight);
    },
  };
}
