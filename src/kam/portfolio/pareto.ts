// The 80/20 view of a portfolio (seeds 001, 004). Clients are ranked by revenue, largest first; the
// curve plots the cumulative share of revenue against the share of clients. Questions asked in
// percent of clients ("the top 20%") read the curve with a fractional client counting pro rata, so
// 20% of 7 clients is the top client plus 0.4 of the second.

export interface ParetoPoint {
  /** Share of clients, largest first, 0–1. */
  clientShare: number;
  /** Share of revenue those clients make, 0–1. */
  revenueShare: number;
}

export interface ParetoAnalysis {
  clientCount: number;
  totalRevenue: number;
  /** From (0, 0) to (1, 1): one point per client up to `maxCurvePoints`, evenly spaced beyond. Empty without revenue. */
  curve: ParetoPoint[];
  /** The fewest whole clients that make at least 80% of revenue. */
  clientsForEightyPercentOfRevenue: number | null;
  /** Those clients as a share of all clients. */
  clientShareForEightyPercentOfRevenue: number | null;
  /** Share of revenue the top 20% of clients make. */
  revenueShareOfTopTwentyPercent: number | null;
  topPercentShares: Array<{ percentOfClients: number; revenueShare: number | null }>;
  topClientShares: Array<{ clients: number; revenueShare: number | null }>;
  /**
   * Herfindahl–Hirschman index on percent shares: Σ (100 × revenue / total)², from 10,000 / clients
   * (all equal) to 10,000 (one client makes everything). Competition authorities read above 2,500 as
   * highly concentrated.
   */
  herfindahlHirschmanIndex: number | null;
}

export interface ParetoOptions {
  topPercents?: readonly number[];
  topCounts?: readonly number[];
  maxCurvePoints?: number;
}

const DEFAULT_OPTIONS = { topPercents: [1, 5, 10, 20], topCounts: [1, 5, 10, 20], maxCurvePoints: 100 } as const;
// Cumulative sums of many floats may fall a hair short of exactly 80%.
const RELATIVE_TOLERANCE = 1e-12;

/**
 * Pareto analysis of per-client revenues (parse them with `portfolioSchema` first, or pass numbers
 * you made yourself). Throws a RangeError naming the index of a negative or non-finite revenue, or
 * the option that is out of range.
 */
export function paretoAnalysis(revenues: ArrayLike<number>, options: ParetoOptions = {}): ParetoAnalysis {
  const { topPercents, topCounts, maxCurvePoints } = { ...DEFAULT_OPTIONS, ...options };
  if (!Number.isInteger(maxCurvePoints) || maxCurvePoints < 1) throw new RangeError(`maxCurvePoints: must be a whole number of 1 or more, got ${maxCurvePoints}`);
  topPercents.forEach((p, i) => {
    if (!(p >= 0 && p <= 100)) throw new RangeError(`topPercents.${i}: must be a percent from 0 to 100, got ${p}`);
  });
  topCounts.forEach((c, i) => {
    if (!Number.isInteger(c) || c < 0) throw new RangeError(`topCounts.${i}: must be a whole number of clients, got ${c}`);
  });
  const n = revenues.length;
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = revenues[i]!;
    if (!(r >= 0) || r === Number.POSITIVE_INFINITY) throw new RangeError(`revenues.${i}: revenue must be a finite number of 0 or more, got ${r}`);
    sorted[i] = r;
  }
  sorted.sort(); // typed arrays sort numerically, ascending

  // top[k] = revenue of the k largest clients.
  const top = new Float64Array(n + 1);
  let sumOfSquares = 0;
  for (let k = 1; k <= n; k++) {
    const r = sorted[n - k]!;
    top[k] = top[k - 1]! + r;
    sumOfSquares += r * r;
  }
  const total = top[n]!;
  const noRevenue = total === 0;
  const shareOfTop = (clients: number): number | null => {
    if (noRevenue) return null;
    const whole = Math.min(n, Math.floor(clients));
    const partial = whole < n ? (clients - whole) * sorted[n - whole - 1]! : 0;
    return (top[whole]! + partial) / total;
  };

  let clientsForEighty: number | null = null;
  if (!noRevenue) {
    const target = 0.8 * total * (1 - RELATIVE_TOLERANCE);
    let lo = 1;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (top[mid]! >= target) hi = mid;
      else lo = mid + 1;
    }
    clientsForEighty = lo;
  }

  const steps = Math.min(n, maxCurvePoints);
  const curve = noRevenue
    ? []
    : Array.from({ length: steps + 1 }, (_, i) => ({ clientShare: i / steps, revenueShare: shareOfTop((i / steps) * n)! }));

  return {
    clientCount: n,
    totalRevenue: total,
    curve,
    clientsForEightyPercentOfRevenue: clientsForEighty,
    clientShareForEightyPercentOfRevenue: clientsForEighty === null ? null : clientsForEighty / n,
    revenueShareOfTopTwentyPercent: shareOfTop(0.2 * n),
    topPercentShares: topPercents.map((percentOfClients) => ({ percentOfClients, revenueShare: shareOfTop((percentOfClients / 100) * n) })),
    topClientShares: topCounts.map((clients) => ({ clients, revenueShare: shareOfTop(clients) })),
    herfindahlHirschmanIndex: noRevenue ? null : (10_000 * sumOfSquares) / (total * total),
  };
}
