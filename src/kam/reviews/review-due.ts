// Free of zod, so the cards bundle it: the sidebar tells a due review from an overdue one by the rule
// the tab, the portfolio and the report use.

const DAY_MS = 86_400_000;

/** Days of grace after a review's due date before it is overdue, where the admin has set none. */
export const DEFAULT_OVERDUE_AFTER_DAYS = 7;

/**
 * - `upcoming`: before the due date;
 * - `due`: from the due date until `overdueAfterDays` days after it (the admin's grace);
 * - `overdue`: from then on.
 */
export type ReviewDueness = 'upcoming' | 'due' | 'overdue';

/** Whether the review due at `dueAt` is still to come, due or overdue at `now`. */
export function reviewDueness({
  dueAt,
  overdueAfterDays,
  now,
}: {
  dueAt: number;
  overdueAfterDays: number;
  now: number;
}): ReviewDueness {
  if (now < dueAt) return 'upcoming';
  return now < dueAt + overdueAfterDays * DAY_MS ? 'due' : 'overdue';
}
