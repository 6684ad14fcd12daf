// The 80/20 view of a portfolio: how few clients make most of the revenue. Clients are ranked by
// revenue, largest first; the curve plots the cumulative share of revenue against the share of
// clients. Questions asked in percent of clients ("the top 20%") read the curve with a fractional
// client counting pro rata, so 20% of 7 clients is the top client plus 0.4 of the second. One path
// serves an exact list of revenues and a revenue distribution: clients come in groups, largest revenue
// first, each with a client count and their revenue between them; a client of a group reads as the
// group's mean (an exact list is groups of one, so there the mean is the client's own revenue).

interface ParetoPoint {
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
  /**
   * How far the curve and the top shares may fall short of the exact figures, as a fraction of them:
   * 0 when computed from every client's revenue, a revenue distribution's bucket width when from one
   * (see revenue-distribution.ts). Client count, total revenue and HHI are always exact.
   */
  shareErrorBound: number;
}

export interface ParetoOptions {
  topPercents?: readonly number[];
  topCounts?: readonly number[];
  maxCurvePoints?: number;
}

/** Clients grouped by revenue, largest first: group g holds `counts[g]` clients making `revenues[g]` between them. */
interface RevenueGroups {
  counts: ArrayLike<number>;
  revenues: ArrayLike<number>;
  /** Every client, those without revenue (in no group) included. */
  clientCount: number;
  /** Σ revenue² over the clients, for the HHI. */
  sumOfSquares: number;
  /** See ParetoAnalysis.shareErrorBound. */
  shareErrorBound: number;
}

const DEFAULT_OPTIONS = { topPercents: [1, 5, 10, 20], topCounts: [1, 5, 10, 20], maxCurvePoints: 100 } as const;
// Cumulative sums of many floats may fall a hair short of exactly 80%.
const RELATIVE_TOLERANCE = 1e-12;

/** Throws a RangeError naming the index of a revenue that is negative, NaN or infinite. */
export function checkRevenue(revenue: number, index: number): void {
  if (!(revenue >= 0) || revenue === Number.POSITIVE_INFINITY)
    throw new RangeError(`revenues.${index}: revenue must be a finite number of 0 or more, got ${revenue}`);
}

/**
 * Pareto analysis of per-client revenues (parse them with `portfolioSchema` first, or pass numbers
 * you made yourself). Throws a RangeError naming the index of a negative or non-finite revenue, or
 * the option that is out of range.
 */
export function paretoAnalysis(revenues: ArrayLike<number>, options: ParetoOptions = {}): ParetoAnalysis {
  const n = revenues.length;
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    checkRevenue(revenues[i]!, i);
    sorted[i] = revenues[i]!;
  }
  sorted.sort(); // typed arrays sort numerically, ascending
  const firstWithRevenue = sorted.findIndex((r) => r > 0);
  const largestFirst = firstWithRevenue < 0 ? new Float64Array(0) : sorted.subarray(firstWithRevenue).reverse();
  let sumOfSquares = 0;
  for (const r of largestFirst) sumOfSquares += r * r;
  return paretoOfGroups(
    {
      counts: new Float64Array(largestFirst.length).fill(1),
      revenues: largestFirst,
      clientCount: n,
      sumOfSquares,
      shareErrorBound: 0,
    },
    options,
  );
}

/** The Pareto analysis of grouped clients (see RevenueGroups); the one computation behind both entry points. */
export function paretoOfGroups(groups: RevenueGroups, options: ParetoOptions = {}): ParetoAnalysis {
  const { topPercents, topCounts, maxCurvePoints } = { ...DEFAULT_OPTIONS, ...options };
  if (!Number.isInteger(maxCurvePoints) || maxCurvePoints < 1)
    throw new RangeError(`maxCurvePoints: must be a whole number of 1 or more, got ${maxCurvePoints}`);
  topPercents.forEach((p, i) => {
    if (!(p >= 0 && p <= 100)) throw new RangeError(`topPercents.${i}: must be a percent from 0 to 100, got ${p}`);
  });
  topCounts.forEach((c, i) => {
    if (!Number.isInteger(c) || c < 0)
      throw new RangeError(`topCounts.${i}: must be a whole number of clients, got ${c}`);
  });
  const n = groups.clientCount;
  const g = groups.counts.length;
  // clientsAbove[k], revenueAbove[k]: the clients in the k largest groups, and their revenue.
  const clientsAbove = new Float64Array(g + 1);
  const revenueAbove = new Float64Array(g + 1);
  for (let k = 0; k < g; k++) {
    clientsAbove[k + 1] = clientsAbove[k]! + groups.counts[k]!;
    revenueAbove[k + 1] = revenueAbove[k]! + groups.revenues[k]!;
  }
  const total = revenueAbove[g]!;
  const noRevenue = total === 0;
  const mean = (k: number) => groups.revenues[k]! / groups.counts[k]!;
  // The group the client at rank `clients` (0-based, fractional) falls in: the last k with clientsAbove[k] ≤ clients.
  const groupAt = (clients: number): number => {
    let lo = 0;
    let hi = g - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (clientsAbove[mid]! <= clients) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const shareOfTop = (clients: number): number | null => {
    if (noRevenue) return null;
    if (clients >= clientsAbove[g]!) return 1;
    const k = groupAt(clients);
    return (revenueAbove[k]! + (clients - clientsAbove[k]!) * mean(k)) / total;
  };

  let clientsForEighty: number | null = null;
  if (!noRevenue) {
    const target = 0.8 * total * (1 - RELATIVE_TOLERANCE);
    // The first group that takes the running revenue to the target, then the whole clients of it needed.
    let lo = 0;
    let hi = g - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (revenueAbove[mid + 1]! >= target) hi = mid;
      else lo = mid + 1;
    }
    const needed = Math.ceil((target - revenueAbove[lo]!) / mean(lo));
    clientsForEighty = clientsAbove[lo]! + Math.min(groups.counts[lo]!, Math.max(1, needed));
  }

  const steps = Math.min(n, maxCurvePoints);
  const curve = noRevenue
    ? []
    : Array.from({ length: steps + 1 }, (_, i) => ({
        clientShare: i / steps,
        revenueShare: shareOfTop((i / steps) * n)!,
      }));

  return {
    clientCount: n,
    totalRevenue: total,
    curve,
    clientsForEightyPercentOfRevenue: clientsForEighty,
    clientShareForEightyPercentOfRevenue: clientsForEighty === null ? null : clientsForEighty / n,
    revenueShareOfTopTwentyPercent: shareOfTop(0.2 * n),
    topPercentShares: topPercents.map((percentOfClients) => ({
      percentOfClients,
      revenueShare: shareOfTop((percentOfClients / 100) * n),
    })),
    topClientShares: topCounts.map((clients) => ({ clients, revenueShare: shareOfTop(clients) })),
    herfindahlHirschmanIndex: noRevenue ? null : (10_000 * groups.sumOfSquares) / (total * total),
    shareErrorBound: groups.shareErrorBound,
  };
}
