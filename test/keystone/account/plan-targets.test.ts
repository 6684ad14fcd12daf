import { describe, expect, it } from 'vitest';
import { NO_INVESTMENT } from '../../../src/kam/objectives/index.ts';
import {
  planYearStart,
  serialiseGrid,
  storedPlanGrid,
  targetsFromRows,
} from '../../../src/keystone/account/plan-targets.ts';

const row = (overrides: Record<string, unknown> = {}) => ({
  metric: 'custom_workshops',
  label: 'Workshops',
  unit: 'count' as const,
  targets: { Q1: 1, Q2: 2, Q3: null, Q4: null },
  actuals: { Q1: 1, Q2: null, Q3: null, Q4: null },
  ...overrides,
});

describe('quarterly targets on the plan', () => {
  it("reads seed 003's derived rows the way the article does unless told otherwise", () => {
    const rows = ['friends_and_allies', 'enemies_and_protesters', 'meetings', 'new_opportunities'].map((metric) =>
      row({ metric, label: metric }),
    );
    const result = targetsFromRows(
      [...rows, row({ metric: 'income_increase', label: 'Income', unit: 'currency' })],
      'GBP',
    );
    expect(
      result.success && result.data.map((t) => [t.id, t.unit !== 'text' && t.source, t.unit !== 'text' && t.measure]),
    ).toEqual([
      ['friends_and_allies', 'friends_and_allies', 'level'],
      ['enemies_and_protesters', 'enemies_and_protesters', 'change'],
      ['meetings', 'meetings', 'per_quarter'],
      ['new_opportunities', 'new_opportunities', 'year_to_date'],
      ['income_increase', 'income_increase', 'year_to_date'],
    ]);
    expect(result.success && result.data[4]).toMatchObject({ unit: 'currency', currency: 'GBP' });
  });

  it("keeps a manager's own metric as typed, with its actuals", () => {
    const result = targetsFromRows([row()], null);
    expect(result.success && result.data[0]).toMatchObject({
      id: 'custom_workshops',
      name: 'Workshops',
      source: 'typed',
      measure: 'level',
      quarters: { Q1: 1, Q2: 2 },
      actuals: { Q1: 1 },
    });
  });

  it("names the card's field when the domain refuses a row", () => {
    const result = targetsFromRows([row(), row({ metric: 'meetings', unit: 'percent' })], null);
    expect(result).toEqual({
      success: false,
      errors: [expect.objectContaining({ path: 'plan.quarterlyTargets.rows.1.unit' })],
    });
  });

  it('stores the rows as versioned JSON and reads them back unchanged', () => {
    const result = targetsFromRows([row()], null);
    if (!result.success) throw new Error('row refused');
    expect(storedPlanGrid(serialiseGrid({ targets: result.data, investment: NO_INVESTMENT })).targets).toEqual(
      result.data,
    );
    expect(storedPlanGrid(null)).toEqual({ targets: [], investment: NO_INVESTMENT });
  });

  it('reads a grid stored before plans recorded spend as spending nothing, and keeps spend across a save', () => {
    expect(storedPlanGrid('{"version":1,"targets":[]}')).toEqual({ targets: [], investment: NO_INVESTMENT });
    const investment = { ...NO_INVESTMENT, money: { Q1: 2_000, Q2: null, Q3: null, Q4: 1_500.5 } };
    expect(storedPlanGrid(serialiseGrid({ targets: [], investment })).investment).toEqual(investment);
  });

  it('says plainly when the stored grid cannot be read, instead of showing an empty one', () => {
    expect(() => storedPlanGrid('{"targets": []}')).toThrow(/unknown version/);
    expect(() => storedPlanGrid('not json')).toThrow(/not JSON/);
  });

  it('starts the plan year at the stored plan start, else at the fiscal year now falls in', () => {
    const now = Date.UTC(2026, 1, 10);
    expect(planYearStart('2025-07-01T00:00:00.000Z', 4, now)).toBe(Date.UTC(2025, 6, 1));
    expect(planYearStart(null, 4, now)).toBe(Date.UTC(2025, 3, 1));
    expect(planYearStart(null, 1, now)).toBe(Date.UTC(2026, 0, 1));
  });
});
