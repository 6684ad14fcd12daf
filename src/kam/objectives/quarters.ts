import { addMonths, type Instant } from '../shared/index.ts';
import { QUARTERS, type Quarter } from './schema.ts';

/** A quarter of the plan year, as a half-open interval [start, end). */
export function quarterBounds(yearStart: Instant, quarter: Quarter): { start: Instant; end: Instant } {
  const index = QUARTERS.indexOf(quarter);
  return { start: addMonths(yearStart, index * 3), end: addMonths(yearStart, (index + 1) * 3) };
}

/** The quarter of the plan year that contains `at`, or null outside the plan year. */
export function quarterAt(yearStart: Instant, at: Instant): Quarter | null {
  return (
    QUARTERS.find((quarter) => {
      const { start, end } = quarterBounds(yearStart, quarter);
      return at >= start && at < end;
    }) ?? null
  );
}
