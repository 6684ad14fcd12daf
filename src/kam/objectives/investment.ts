import { addMonths, type Instant } from '../shared/index.ts';
import { quarterBounds } from './quarters.ts';
import { QUARTERS, type Quarter } from './schema.ts';

type PerQuarter = Record<Quarter, number | null>;

/** What the programme spends on one account each quarter: our people's hours and money. */
export interface Investment {
  hours: PerQuarter;
  money: PerQuarter;
}

export interface InvestmentAgainstBenefit extends Investment {
  /** Per quarter begun: won income in the quarter (so far) less the same span a year earlier. */
  incomeGained: PerQuarter;
  year: { hours: number; money: number; incomeGained: number; incomePerMoneySpent: number | null };
}

export const NO_INVESTMENT: Investment = {
  hours: { Q1: null, Q2: null, Q3: null, Q4: null },
  money: { Q1: null, Q2: null, Q3: null, Q4: null },
};

/**
 * Sets what the programme spends on an account against the income it gained, quarter by quarter and for
 * the plan year so far, so the team can see whether the cost to us is in line with the benefit. Income
 * gained is measured as the "increase in income over last year" row measures it.
 */
export function investmentAgainstBenefit(
  investment: Investment,
  {
    wonDeals,
    yearStart,
    now,
  }: { wonDeals: ReadonlyArray<{ closedAt: Instant; amount: number }>; yearStart: Instant; now: Instant },
): InvestmentAgainstBenefit {
  const incomeIn = (start: Instant, end: Instant) =>
    wonDeals.reduce((sum, d) => (d.closedAt >= start && d.closedAt < end ? sum + d.amount : sum), 0);
  const incomeGained = Object.fromEntries(
    QUARTERS.map((q) => {
      const { start, end } = quarterBounds(yearStart, q);
      if (start > now) return [q, null];
      const until = Math.min(end, now + 1);
      return [q, incomeIn(start, until) - incomeIn(addMonths(start, -12), addMonths(until, -12))];
    }),
  ) as PerQuarter;
  const total = (values: PerQuarter) => QUARTERS.reduce((sum, q) => sum + (values[q] ?? 0), 0);
  const money = total(investment.money);
  const gained = total(incomeGained);
  return {
    ...investment,
    incomeGained,
    year: {
      hours: total(investment.hours),
      money,
      incomeGained: gained,
      incomePerMoneySpent: money > 0 ? gained / money : null,
    },
  };
}
