import { describe, expect, it } from 'vitest';
import {
  bucketWidth,
  distributionOf,
  distributionPareto,
  emptyDistribution,
  FINEST_PRECISION,
  MAX_BUCKETS,
  mergeDistributions,
  paretoAnalysis,
  revenueDistributionSchema,
  type ParetoAnalysis,
  type RevenueDistribution,
} from '../../../src/kam/portfolio/index.ts';
import { createRandom } from '../../../sandbox/demo/random.ts';

/** Revenues drawn from a Pareto distribution (α ≈ 1.16, the shape behind "80/20"), a tenth of clients without any. */
function paretoRevenues(count: number, seed = 7): number[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () =>
    random.next() < 0.1 ? 0 : Math.round(200_000 / Math.pow(1 - random.next(), 1 / 1.16)) / 100,
  );
}

/** A distribution written by hand: precision 0 makes each bucket a doubling, [2^index, 2^(index + 1)). */
function handMade(overrides: Partial<RevenueDistribution> = {}): RevenueDistribution {
  // Three clients of 600 in [512, 1024), two of 100 in [64, 128), five without revenue.
  return {
    precision: 0,
    buckets: [
      [6, 2, 200],
      [9, 3, 1_800],
    ],
    companies: 10,
    withoutRevenue: 5,
    revenue: 2_000,
    sumOfSquares: 3 * 600 ** 2 + 2 * 100 ** 2,
    ...overrides,
  };
}

const shares = (p: ParetoAnalysis) => [
  ...p.topPercentShares.map((t) => t.revenueShare!),
  ...p.curve.map((c) => c.revenueShare),
];

describe('the Pareto analysis of a revenue distribution', () => {
  const pareto = distributionPareto(handMade());

  it("reads a bucket's clients as its mean, counting a fractional client pro rata", () => {
    // Top 10% = 1 client = 600 of 2,000; top 20% = 1,200; top 5% = half a client = 300; top 1% = 60.
    expect(pareto.topPercentShares.map((t) => [t.percentOfClients, t.revenueShare])).toEqual([
      [1, 0.03],
      [5, 0.15],
      [10, 0.3],
      [20, 0.6],
    ]);
    // Top 40% = three of 600 and one of 100 = 1,900.
    expect(pareto.curve[4]).toEqual({ clientShare: 0.4, revenueShare: 0.95 });
  });

  it('finds the whole clients that make 80%: three of 600 make 1,800 of 2,000', () => {
    expect(pareto).toMatchObject({ clientsForEightyPercentOfRevenue: 3, clientShareForEightyPercentOfRevenue: 0.3 });
  });

  it('takes the HHI and totals from the exact totals: 10,000 × 1,100,000 / 2,000² = 2,750', () => {
    expect(pareto).toMatchObject({ clientCount: 10, totalRevenue: 2_000, herfindahlHirschmanIndex: 2_750 });
  });

  it('states its error bound: a doubling bucket is 100% wide', () => {
    expect(pareto.shareErrorBound).toBe(1);
    expect(bucketWidth({ precision: FINEST_PRECISION })).toBeCloseTo(0.0027, 4);
  });

  it('answers nothing it cannot know for a portfolio without revenue, or without clients', () => {
    expect(distributionPareto(distributionOf([0, 0]))).toMatchObject({
      clientCount: 2,
      curve: [],
      herfindahlHirschmanIndex: null,
      clientsForEightyPercentOfRevenue: null,
    });
    expect(distributionPareto(emptyDistribution())).toMatchObject({ clientCount: 0, totalRevenue: 0, curve: [] });
  });
});

describe('a revenue distribution of a small portfolio', () => {
  const revenues = [50, 10, 400, 25, 80, 200, 15, 120, 60, 40, 0];
  const distribution = distributionOf(revenues);

  it('keeps exact totals: clients, those without revenue, revenue and its sum of squares', () => {
    expect(distribution).toMatchObject({ companies: 11, withoutRevenue: 1, revenue: 1_000, sumOfSquares: 229_450 });
  });

  it("gives exactly the list's Pareto figures while every client has a bucket of its own", () => {
    expect(distribution.buckets).toHaveLength(10);
    expect({ ...distributionPareto(distribution), shareErrorBound: 0 }).toEqual(paretoAnalysis(revenues));
  });

  it('rejects a negative or non-finite revenue, naming its index', () => {
    expect(() => distributionOf([10, -1])).toThrow(
      new RangeError('revenues.1: revenue must be a finite number of 0 or more, got -1'),
    );
    expect(() => distributionOf([Number.NaN])).toThrow(/^revenues\.0: /);
  });
});

describe('a revenue distribution of a large portfolio', () => {
  const revenues = paretoRevenues(20_000);
  const exact = paretoAnalysis(revenues);
  const distribution = distributionOf(revenues);
  const estimate = distributionPareto(distribution);
  const width = bucketWidth(distribution);

  it('coarsens to fit its bucket limit', () => {
    expect(distribution.buckets.length).toBeLessThanOrEqual(MAX_BUCKETS);
    expect(distribution.precision).toBeLessThan(FINEST_PRECISION);
    expect(width).toBeLessThan(0.02);
  });

  it('keeps client count, total revenue and HHI exact', () => {
    expect(estimate.clientCount).toBe(exact.clientCount);
    expect(estimate.totalRevenue).toBeCloseTo(exact.totalRevenue, 4);
    expect(estimate.herfindahlHirschmanIndex! / exact.herfindahlHirschmanIndex!).toBeCloseTo(1, 10);
  });

  it('never overstates a top share or curve point, and understates it by at most the bucket width', () => {
    const [estimated, actual] = [shares(estimate), shares(exact)];
    estimated.forEach((share, i) => {
      expect(share).toBeLessThanOrEqual(actual[i]! * (1 + 1e-12));
      expect(actual[i]!).toBeLessThanOrEqual(share * (1 + width) * (1 + 1e-12));
    });
    // Not vacuous: somewhere the estimate does fall short.
    expect(estimated.some((share, i) => share < actual[i]! * (1 - 1e-9))).toBe(true);
  });

  it('puts the 80% point between the exact clients for 80% and for 80% × (1 + width) of revenue', () => {
    const clientsFor = (share: number) => {
      const sorted = [...revenues].sort((a, b) => b - a);
      let sum = 0;
      return sorted.findIndex((r) => (sum += r) >= share * exact.totalRevenue) + 1;
    };
    expect(estimate.clientsForEightyPercentOfRevenue).toBeGreaterThanOrEqual(exact.clientsForEightyPercentOfRevenue!);
    expect(estimate.clientsForEightyPercentOfRevenue).toBeLessThanOrEqual(clientsFor(0.8 * (1 + width)));
  });
});

describe('building a distribution a page at a time', () => {
  const revenues = paretoRevenues(5_000, 11);

  it('gives the distribution of the whole portfolio, however it is split', () => {
    let running = emptyDistribution();
    for (let i = 0; i < revenues.length; i += 100)
      running = mergeDistributions(running, distributionOf(revenues.slice(i, i + 100)));
    const whole = distributionOf(revenues);
    expect({ ...running, buckets: [], revenue: 0, sumOfSquares: 0 }).toEqual({
      ...whole,
      buckets: [],
      revenue: 0,
      sumOfSquares: 0,
    });
    expect(running.buckets.map(([index, count]) => [index, count])).toEqual(
      whole.buckets.map(([index, count]) => [index, count]),
    );
    expect(running.revenue / whole.revenue).toBeCloseTo(1, 12);
    expect(running.sumOfSquares / whole.sumOfSquares).toBeCloseTo(1, 12);
  });

  it('merges distributions of different precisions at the coarser one', () => {
    const coarse = handMade();
    const merged = mergeDistributions(coarse, distributionOf([700, 0]));
    expect(merged).toEqual({
      ...coarse,
      buckets: [
        [6, 2, 200],
        [9, 4, 2_500],
      ],
      companies: 12,
      withoutRevenue: 6,
      revenue: 2_700,
      sumOfSquares: coarse.sumOfSquares + 490_000,
    });
  });
});

describe('the size of a stored distribution', () => {
  it('stays under 60,000 characters of JSON whatever the portfolio: a million clients spread from a cent to a quadrillion', () => {
    const random = createRandom(3);
    let distribution = emptyDistribution();
    for (let page = 0; page < 100; page++) {
      distribution = mergeDistributions(
        distribution,
        distributionOf(Array.from({ length: 10_000 }, () => 10 ** (-2 + 17 * random.next()) * (1 + random.next() / 3))),
      );
    }
    expect(distribution.companies).toBe(1_000_000);
    expect(distribution.buckets.length).toBeLessThanOrEqual(MAX_BUCKETS);
    expect(JSON.stringify(distribution).length).toBeLessThan(60_000);
    expect(revenueDistributionSchema.safeParse(JSON.parse(JSON.stringify(distribution))).success).toBe(true);
  });
});

describe('revenueDistributionSchema', () => {
  const issues = (d: unknown) => {
    const parsed = revenueDistributionSchema.safeParse(d);
    return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
  };

  it('accepts a distribution Keystone made', () => {
    expect(issues(handMade())).toEqual([]);
  });

  it('rejects buckets out of order, clients that do not add up, and a bucket whose revenue cannot fit it', () => {
    expect(
      issues(
        handMade({
          buckets: [
            [9, 3, 1_800],
            [6, 2, 200],
          ],
        }),
      ),
    ).toEqual(['buckets.1.0']);
    expect(issues(handMade({ companies: 11 }))).toEqual(['companies']);
    // Two clients in [64, 128) cannot make 300 between them.
    expect(
      issues(
        handMade({
          buckets: [
            [6, 2, 300],
            [9, 3, 1_800],
          ],
          revenue: 2_100,
        }),
      ),
    ).toEqual(['buckets.0.2']);
    expect(issues(handMade({ revenue: 2_500 }))).toEqual(['revenue']);
  });

  it('rejects more buckets than a stored distribution may hold', () => {
    const buckets = Array.from({ length: MAX_BUCKETS + 1 }, (_v, i) => [i, 1, 2 ** (i / 256)]);
    expect(issues({ ...emptyDistribution(), buckets, companies: buckets.length })).toContain('buckets');
  });
});
