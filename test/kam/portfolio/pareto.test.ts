import { describe, expect, it } from 'vitest';
import { paretoAnalysis } from '../../../src/kam/portfolio/index.ts';

describe('paretoAnalysis of a ten-client portfolio', () => {
  // Revenues (given out of order) 400, 200, 120, 80, 60, 50, 40, 25, 15, 10; total 1,000.
  // Cumulative, largest first: 40%, 60%, 72%, 80%, 86%, 91%, 95%, 97.5%, 99%, 100%.
  //   80% of revenue is reached with 4 clients = 40% of clients.
  //   Top 20% = top 2 clients = 60%; top 10% = 40%; top 5% = half of the top client = 20%; top 1% = 4%.
  //   HHI on percent shares: 40² + 20² + 12² + 8² + 6² + 5² + 4² + 2.5² + 1.5² + 1²
  //     = 1600 + 400 + 144 + 64 + 36 + 25 + 16 + 6.25 + 2.25 + 1 = 2,294.5.
  const result = paretoAnalysis([50, 10, 400, 25, 80, 200, 15, 120, 60, 40]);

  it('finds the share of clients that makes 80% of revenue', () => {
    expect(result.clientsForEightyPercentOfRevenue).toBe(4);
    expect(result.clientShareForEightyPercentOfRevenue).toBe(0.4);
  });

  it('finds the share of revenue the top 20% make', () => {
    expect(result.revenueShareOfTopTwentyPercent).toBeCloseTo(0.6, 12);
  });

  it('gives top shares by percent of clients, counting a fractional client pro rata', () => {
    expect(result.topPercentShares.map((t) => [t.percentOfClients, t.revenueShare])).toEqual([
      [1, expect.closeTo(0.04, 12)],
      [5, expect.closeTo(0.2, 12)],
      [10, expect.closeTo(0.4, 12)],
      [20, expect.closeTo(0.6, 12)],
    ]);
  });

  it('gives top shares by number of clients, all revenue once N covers everyone', () => {
    expect(result.topClientShares.map((t) => [t.clients, t.revenueShare])).toEqual([
      [1, 0.4],
      [5, expect.closeTo(0.86, 12)],
      [10, 1],
      [20, 1],
    ]);
  });

  it('computes the Herfindahl–Hirschman index on the 0–10,000 scale', () => {
    expect(result.herfindahlHirschmanIndex).toBeCloseTo(2294.5, 8);
  });

  it('draws the curve through every client from (0, 0) to (1, 1)', () => {
    expect(result.curve.map((p) => p.clientShare)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    const expected = [0, 0.4, 0.6, 0.72, 0.8, 0.86, 0.91, 0.95, 0.975, 0.99, 1];
    result.curve.forEach((p, i) => expect(p.revenueShare).toBeCloseTo(expected[i]!, 12));
    expect(result.totalRevenue).toBe(1000);
    expect(result.clientCount).toBe(10);
  });
});

describe('paretoAnalysis edge cases', () => {
  it('treats equal clients evenly: 80% of clients make 80%, HHI is 10,000 / clients', () => {
    const result = paretoAnalysis([100, 100, 100, 100, 100]);
    expect(result.clientShareForEightyPercentOfRevenue).toBe(0.8);
    expect(result.revenueShareOfTopTwentyPercent).toBeCloseTo(0.2, 12);
    expect(result.herfindahlHirschmanIndex).toBeCloseTo(2000, 8);
  });

  it('reaches exactly 80% despite floating-point sums falling a hair short', () => {
    // 0.7 + 0.5 = 1.2 is exactly 80% of 1.5, but 0.8 × 1.5 is 1.2000000000000002 in floating point.
    expect(paretoAnalysis([0.3, 0.7, 0.5]).clientsForEightyPercentOfRevenue).toBe(2);
  });

  it('makes one client everything: HHI 10,000', () => {
    const result = paretoAnalysis([5000]);
    expect(result).toMatchObject({
      clientsForEightyPercentOfRevenue: 1,
      clientShareForEightyPercentOfRevenue: 1,
      herfindahlHirschmanIndex: 10_000,
    });
  });

  it('counts clients with no revenue in the client share', () => {
    // 900 + 100 + 8 clients at 0: one client of ten makes 90%.
    const result = paretoAnalysis([900, 100, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(result.clientShareForEightyPercentOfRevenue).toBe(0.1);
    expect(result.revenueShareOfTopTwentyPercent).toBe(1);
  });

  it('answers nothing it cannot know for a portfolio without revenue', () => {
    expect(paretoAnalysis([0, 0, 0])).toMatchObject({
      clientCount: 3,
      totalRevenue: 0,
      curve: [],
      clientsForEightyPercentOfRevenue: null,
      clientShareForEightyPercentOfRevenue: null,
      revenueShareOfTopTwentyPercent: null,
      herfindahlHirschmanIndex: null,
    });
  });

  it('handles an empty portfolio', () => {
    const result = paretoAnalysis([]);
    expect(result).toMatchObject({
      clientCount: 0,
      totalRevenue: 0,
      curve: [],
      clientsForEightyPercentOfRevenue: null,
      herfindahlHirschmanIndex: null,
    });
    expect(result.topClientShares.every((t) => t.revenueShare === null)).toBe(true);
  });

  it('samples the curve evenly beyond the point limit', () => {
    const result = paretoAnalysis(new Float64Array(1000).fill(3), { maxCurvePoints: 50 });
    expect(result.curve).toHaveLength(51);
    result.curve.forEach((p) => expect(p.revenueShare).toBeCloseTo(p.clientShare, 12));
  });

  it('takes the top shares the caller asks for', () => {
    const result = paretoAnalysis([3, 1], { topPercents: [50], topCounts: [1] });
    expect(result.topPercentShares).toEqual([{ percentOfClients: 50, revenueShare: 0.75 }]);
    expect(result.topClientShares).toEqual([{ clients: 1, revenueShare: 0.75 }]);
  });

  it('rejects a negative revenue, naming its index', () => {
    expect(() => paretoAnalysis([10, 5, -1])).toThrow(
      new RangeError('revenues.2: revenue must be a finite number of 0 or more, got -1'),
    );
  });

  it('rejects options out of range, naming them', () => {
    expect(() => paretoAnalysis([1], { topPercents: [20, 120] })).toThrow(
      new RangeError('topPercents.1: must be a percent from 0 to 100, got 120'),
    );
    expect(() => paretoAnalysis([1], { topCounts: [-1] })).toThrow(/^topCounts\.0: /);
    expect(() => paretoAnalysis([1], { maxCurvePoints: 0 })).toThrow(/^maxCurvePoints: /);
  });

  it('rejects NaN and infinite revenues', () => {
    expect(() => paretoAnalysis([Number.NaN])).toThrow(/revenues\.0/);
    expect(() => paretoAnalysis([1, Number.POSITIVE_INFINITY])).toThrow(/revenues\.1/);
  });
});
