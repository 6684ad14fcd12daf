import { describe, expect, it } from 'vitest';
import { gridCell, investmentCell, investmentYear } from '../../../../src/app/cards/account/quarterly-grid.ts';
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
