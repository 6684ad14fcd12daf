import { describe, expect, it } from 'vitest';
import {
  CHART_SERIES_COLORS,
  chartRows,
  chartTitle,
  chartValueLabel,
  gridCell,
  investmentCell,
  investmentYear,
} from '../../../../src/app/cards/account/quarterly-grid.ts';
import { createFormatters } from '../../../../src/app/ui/format.ts';
import type { PlanSection } from '../../../../src/contracts/index.ts';
import { targetRow } from '../../ui/test-utils.ts';

// The plan's spend against benefit, worded as a salesperson reads it.

const london = createFormatters({ locale: 'en-GB', timeZone: 'Europe/London', currency: 'GBP' });

function anInvestment(overrides: Partial<PlanSection['investment']> = {}): PlanSection['investment'] {
  return {
    hours: { Q1: null, Q2: 12.5, Q3: null, Q4: null },
    money: { Q1: null, Q2: 2_000, Q3: null, Q4: null },
    incomeGained: { Q1: 15_000, Q2: 15_000, Q3: null, Q4: null },
    year: { hours: 12.5, money: 2_000, incomeGained: 30_000, incomePerMoneySpent: 15 },
    ...overrides,
  };
}

/** A plan year that began before the card read it. */
const begun = { startsAt: Date.UTC(2026, 0, 1), now: Date.UTC(2026, 5, 1) };

describe("the plan's investment against benefit", () => {
  it('words income gained over the same quarter a year earlier as a gain', () => {
    expect(investmentCell(anInvestment(), 'Q2', london)).toBe('£2,000 and 12.5 h for £15,000 gained');
    expect(investmentYear(anInvestment(), london, begun)).toBe(
      'This plan year so far: £2,000 and 12.5 h spent; £30,000 gained, £1,500 gained for each £100 spent.',
    );
  });

  it('words a fall in income as less income, and sets no spend against a fall, in the quarter and in the year so far', () => {
    const fall = anInvestment({
      incomeGained: { Q1: -133_681, Q2: -20_192, Q3: null, Q4: null },
      year: { hours: 12.5, money: 2_000, incomeGained: -153_873, incomePerMoneySpent: -76.9365 },
    });
    expect(investmentCell(fall, 'Q1', london)).toBe('£133,681 less income; no spend recorded');
    expect(investmentCell(fall, 'Q2', london)).toBe('£2,000 and 12.5 h for £20,192 less income');
    expect(investmentYear(fall, london, begun)).toBe(
      'This plan year so far: £2,000 and 12.5 h spent; £153,873 less income, no gain yet to set the spend against.',
    );
  });
});

describe('a plan year not begun', () => {
  it('is named by when it starts, not as a year so far', () => {
    const startsAt = Date.UTC(2027, 0, 1);
    expect(investmentYear(anInvestment(), london, { startsAt, now: startsAt - 86_400_000 })).toBe(
      'The plan year from 1 Jan 2027: £2,000 and 12.5 h spent; £30,000 gained, £1,500 gained for each £100 spent.',
    );
  });
});

describe("the grid's quarter cells", () => {
  it('says a target met in an ended quarter is met, and one met so far in a running quarter is on track', () => {
    const row = targetRow({ status: { Q1: 'met', Q2: 'on_track', Q3: 'not_yet_due', Q4: 'not_yet_due' } });
    expect(gridCell(row, 'Q1', london)).toMatch(/ \(met\)$/);
    expect(gridCell(row, 'Q2', london)).toMatch(/ \(on track\)$/);
  });
});

describe("the plan's chart", () => {
  const none = { Q1: null, Q2: null, Q3: null, Q4: null };

  it('names only what it draws, so a row with actuals alone is not titled as if it had targets', () => {
    expect(chartTitle(targetRow())).toBe('Meetings per quarter: target and actual');
    expect(chartTitle(targetRow({ targets: none }))).toBe('Meetings per quarter: actual');
    expect(chartTitle(targetRow({ actuals: none }))).toBe('Meetings per quarter: target');
    expect(chartTitle(targetRow({ targets: none, actuals: none }))).toBe(
      'Meetings per quarter: no targets or actuals yet',
    );
  });

  it("names the value axis by the row's unit, which fits beside it where the metric's full name does not", () => {
    expect(chartValueLabel(targetRow(), 'GBP')).toBe('Count');
    expect(chartValueLabel(targetRow({ unit: 'currency' }), 'GBP')).toBe('Money (GBP)');
    expect(chartValueLabel(targetRow({ unit: 'currency' }), null)).toBe('Money');
    expect(chartValueLabel(targetRow({ unit: 'percent' }), 'GBP')).toBe('Percent');
    // A scale is charted by its steps' numbers: the axis says what they stand for.
    const health = targetRow({ unit: 'scale', scale: ['Cold', 'Cool', 'Warm', 'Strong'] });
    expect(chartValueLabel(health, 'GBP')).toBe('1 = Cold … 4 = Strong');
  });

  it('draws target and actual in their own colours whichever of them a row has', () => {
    const onlyActuals = chartRows(targetRow({ targets: none }));
    expect(new Set(onlyActuals.map((point) => point.series))).toEqual(new Set(['Actual']));
    expect(CHART_SERIES_COLORS).toEqual({ Target: 'orange', Actual: 'aqua' });
  });
});

describe("the plan's grid", () => {
  it('shows a percentage to the tenth it was typed, so one short of its target never reads as the target', () => {
    const share = targetRow({
      metric: 'custom_share_of_wallet',
      label: 'Share of wallet',
      unit: 'percent',
      targets: { Q1: 35, Q2: 40, Q3: null, Q4: null },
      actuals: { Q1: 34.6, Q2: -2.5, Q3: null, Q4: null },
      derived: false,
      status: { Q1: 'behind', Q2: 'behind', Q3: 'not_yet_due', Q4: 'not_yet_due' },
    });
    expect(gridCell(share, 'Q1', london)).toBe('34.6% of 35% (behind)');
    expect(gridCell(share, 'Q2', london)).toBe('−2.5% of 40% (behind)');
  });
});
