import { z } from 'zod';
import { checkRevenue, paretoOfGroups, type ParetoAnalysis, type ParetoOptions } from './pareto.ts';

// The portfolio's revenue as a summary small enough for one HubSpot text property whatever the
// portal's size, built a page of companies at a time and merged: log-spaced buckets, each with its
// client count and their exact revenue, plus exact totals. Bucket `index` at `precision` p holds the
// revenues in [2^(index / 2^p), 2^((index + 1) / 2^p)): each bucket's top is (1 + width) times its
// bottom, width = 2^(2^-p) − 1. Merging two buckets of precision p gives one of precision p − 1, so
// when a portfolio spreads over more buckets than fit, the distribution coarsens until it fits.
//
// The Pareto figures read each client of a bucket as the bucket's mean. Within a bucket the top j
// clients make at least j × mean (the largest are above the mean) and at most j × top ≤ (1 + width) ×
// j × mean, so every top share and curve point is at most the exact one and at least the exact one
// ÷ (1 + width); the 80% point is never fewer clients than the exact one, and never more than the
// exact clients for 80 × (1 + width)% of revenue. Client count, total revenue and HHI are exact.

/** Precision a distribution starts at: buckets 0.27% wide, so a small portfolio reads almost exactly. */
export const FINEST_PRECISION = 8;
const COARSEST_PRECISION = -2;
/** At most this many buckets: at most 44 characters of JSON each, so a distribution stays under 45,000. */
export const MAX_BUCKETS = 1_000;
// Any positive double lies within 2^±1,075.
const MAX_INDEX = 1_075 * 2 ** FINEST_PRECISION;
// Sums of many floats land a hair off their bounds.
const TOLERANCE = 1e-9;

/** [index, clients, their revenue]. */
const bucketSchema = z.tuple([
  z.number().int().min(-MAX_INDEX).max(MAX_INDEX),
  z.number().int().positive(),
  z.number().nonnegative(),
]);
type Bucket = z.infer<typeof bucketSchema>;

export const revenueDistributionSchema = z
  .object({
    precision: z.number().int().min(COARSEST_PRECISION).max(FINEST_PRECISION),
    /** Only buckets with clients, by index ascending. */
    buckets: z.array(bucketSchema).max(MAX_BUCKETS),
    /** Every client counted, those without revenue included. */
    companies: z.number().int().nonnegative(),
    withoutRevenue: z.number().int().nonnegative(),
    revenue: z.number().nonnegative(),
    sumOfSquares: z.number().nonnegative(),
  })
  .strict()
  .superRefine((d, ctx) => {
    let clients = d.withoutRevenue;
    let revenue = 0;
    d.buckets.forEach(([index, count, sum], i) => {
      if (i > 0 && index <= d.buckets[i - 1]![0])
        ctx.addIssue({
          code: 'custom',
          path: ['buckets', i, 0],
          message: 'buckets must be in ascending order of index, each once',
        });
      const [bottom, top] = bucketBounds(index, d.precision);
      if (sum < count * bottom * (1 - TOLERANCE) || sum > count * top * (1 + TOLERANCE)) {
        ctx.addIssue({
          code: 'custom',
          path: ['buckets', i, 2],
          message: `${count} clients of this bucket must make between ${count * bottom} and ${count * top}`,
        });
      }
      clients += count;
      revenue += sum;
    });
    if (clients !== d.companies)
      ctx.addIssue({
        code: 'custom',
        path: ['companies'],
        message: `must be the clients without revenue plus those in the buckets (${clients})`,
      });
    if (Math.abs(revenue - d.revenue) > TOLERANCE * d.revenue)
      ctx.addIssue({ code: 'custom', path: ['revenue'], message: `must be the buckets' revenue (${revenue})` });
  });
export type RevenueDistribution = z.infer<typeof revenueDistributionSchema>;

/** How much wider each bucket's top is than its bottom (0.0027 is 0.27%): the bound on the Pareto shares' error. */
export function bucketWidth(distribution: Pick<RevenueDistribution, 'precision'>): number {
  return 2 ** (2 ** -distribution.precision) - 1;
}

export function emptyDistribution(): RevenueDistribution {
  return { precision: FINEST_PRECISION, buckets: [], companies: 0, withoutRevenue: 0, revenue: 0, sumOfSquares: 0 };
}

/** The distribution of these revenues. Throws a RangeError naming the index of a negative or non-finite one. */
export function distributionOf(revenues: ArrayLike<number>): RevenueDistribution {
  const byIndex = new Map<number, Bucket>();
  let withoutRevenue = 0;
  let revenue = 0;
  let sumOfSquares = 0;
  for (let i = 0; i < revenues.length; i++) {
    const r = revenues[i]!;
    checkRevenue(r, i);
    revenue += r;
    sumOfSquares += r * r;
    if (r === 0) {
      withoutRevenue += 1;
      continue;
    }
    const index = Math.floor(Math.log2(r) * 2 ** FINEST_PRECISION);
    const bucket = byIndex.get(index);
    if (bucket) {
      bucket[1] += 1;
      bucket[2] += r;
    } else byIndex.set(index, [index, 1, r]);
  }
  const buckets = [...byIndex.values()].sort((a, b) => a[0] - b[0]);
  return fitted({
    precision: FINEST_PRECISION,
    buckets,
    companies: revenues.length,
    withoutRevenue,
    revenue,
    sumOfSquares,
  });
}

/** The distribution of both portfolios together, at the finer precision that fits both. */
export function mergeDistributions(a: RevenueDistribution, b: RevenueDistribution): RevenueDistribution {
  const precision = Math.min(a.precision, b.precision);
  return fitted({
    precision,
    buckets: bucketsAt(precision, [a, b]),
    companies: a.companies + b.companies,
    withoutRevenue: a.withoutRevenue + b.withoutRevenue,
    revenue: a.revenue + b.revenue,
    sumOfSquares: a.sumOfSquares + b.sumOfSquares,
  });
}

/** The Pareto analysis the distribution supports, within its bucket width (see the top of this file). */
export function distributionPareto(distribution: RevenueDistribution, options: ParetoOptions = {}): ParetoAnalysis {
  const largestFirst = [...distribution.buckets].reverse();
  return paretoOfGroups(
    {
      counts: largestFirst.map((b) => b[1]),
      revenues: largestFirst.map((b) => b[2]),
      clientCount: distribution.companies,
      sumOfSquares: distribution.sumOfSquares,
      shareErrorBound: bucketWidth(distribution),
    },
    options,
  );
}

function bucketBounds(index: number, precision: number): [number, number] {
  const scale = 2 ** precision;
  return [2 ** (index / scale), 2 ** ((index + 1) / scale)];
}

/** Coarser and coarser until it has at most MAX_BUCKETS buckets. */
function fitted(distribution: RevenueDistribution): RevenueDistribution {
  let { precision, buckets } = distribution;
  while (buckets.length > MAX_BUCKETS && precision > COARSEST_PRECISION) {
    precision -= 1;
    buckets = bucketsAt(precision, [{ precision: precision + 1, buckets }]);
  }
  return { ...distribution, precision, buckets };
}

/** The sources' buckets regrouped at a precision no finer than any of theirs. */
function bucketsAt(
  precision: number,
  sources: ReadonlyArray<Pick<RevenueDistribution, 'precision' | 'buckets'>>,
): Bucket[] {
  const byIndex = new Map<number, Bucket>();
  for (const source of sources) {
    const merged = 2 ** (source.precision - precision);
    for (const [index, count, sum] of source.buckets) {
      const at = Math.floor(index / merged);
      const bucket = byIndex.get(at);
      if (bucket) {
        bucket[1] += count;
        bucket[2] += sum;
      } else byIndex.set(at, [at, count, sum]);
    }
  }
  return [...byIndex.values()].sort((a, b) => a[0] - b[0]);
}
