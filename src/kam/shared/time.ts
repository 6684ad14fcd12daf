import { z } from 'zod';

// Instants are epoch milliseconds (UTC). The domain never reads the clock: callers pass `now`.
export const instantSchema = z.number().int().nonnegative();
export type Instant = z.infer<typeof instantSchema>;

export const DAY_MS = 86_400_000;

/** Adds calendar months in UTC, clamping to the last day of a shorter month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(at: Instant, months: number): Instant {
  const d = new Date(at);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(
    year,
    month,
    Math.min(d.getUTCDate(), lastDay),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}

/** Quarter (1–4) and fiscal year of an instant, for a fiscal year starting in `fiscalYearStartMonth` (1 = January). */
export function fiscalQuarterOf(at: Instant, fiscalYearStartMonth = 1): { fiscalYear: number; quarter: 1 | 2 | 3 | 4 } {
  const d = new Date(at);
  const monthsIntoYear = (d.getUTCMonth() - (fiscalYearStartMonth - 1) + 12) % 12;
  const fiscalYear = d.getUTCMonth() >= fiscalYearStartMonth - 1 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  return { fiscalYear, quarter: (Math.floor(monthsIntoYear / 3) + 1) as 1 | 2 | 3 | 4 };
}

/** First instant of the given fiscal quarter. */
export function fiscalQuarterStart(fiscalYear: number, quarter: 1 | 2 | 3 | 4, fiscalYearStartMonth = 1): Instant {
  return Date.UTC(fiscalYear, fiscalYearStartMonth - 1 + (quarter - 1) * 3, 1);
}
