import { describe, expect, it } from 'vitest';
import { investmentAgainstBenefit } from '../../../src/kam/objectives/index.ts';
import { DAY_MS } from '../../../src/kam/shared/index.ts';
import { Q2_START, Q3_START, YEAR_START } from './factories.ts';

const quarters = (Q1: number | null, Q2: number | null, Q3: number | null, Q4: number | null) => ({ Q1, Q2, Q3, Q4 });
const yearEarlier = (at: number) => at - 365 * DAY_MS;

describe('investment against benefit', () => {
  it('sets what was spent each quarter against the income gained over the same quarter a year earlier', () => {
    const result = investmentAgainstBenefit(
      { hours: quarters(40, 60, null, null), money: quarters(2_000, 3_000, null, null) },
      {
        wonDeals: [
          { closedAt: YEAR_START + 10 * DAY_MS, amount: 20_000 },
          { closedAt: yearEarlier(YEAR_START + 20 * DAY_MS), amount: 5_000 },
          { closedAt: Q2_START + 5 * DAY_MS, amount: 12_000 },
        ],
        yearStart: YEAR_START,
        now: Q3_START + 3 * DAY_MS,
      },
    );
    expect(result.incomeGained).toEqual(quarters(15_000, 12_000, 0, null));
    expect(result.year).toEqual({ hours: 100, money: 5_000, incomeGained: 27_000, incomePerMoneySpent: 5.4 });
  });

  it('has no ratio while nothing is spent', () => {
    const result = investmentAgainstBenefit(
      { hours: quarters(null, null, null, null), money: quarters(null, null, null, null) },
      { wonDeals: [], yearStart: YEAR_START, now: YEAR_START + DAY_MS },
    );
    expect(result.year.incomePerMoneySpent).toBeNull();
  });
});
