import { describe, expect, it } from 'vitest';
import { reviewDueness, reviewSchedule } from '../../../src/kam/reviews/index.ts';
import { DAY_MS } from '../../../src/kam/shared/index.ts';

const DUE = Date.UTC(2026, 10, 25, 12); // 25 Nov 2026

describe('reviewDueness', () => {
  it("is 'upcoming' before the due date, 'due' from it, and 'overdue' once the days of grace have passed", () => {
    const at = (now: number) => reviewDueness({ dueAt: DUE, overdueAfterDays: 7, now });
    expect(at(DUE - 1)).toBe('upcoming');
    expect(at(DUE)).toBe('due');
    expect(at(DUE + 7 * DAY_MS - 1)).toBe('due');
    expect(at(DUE + 7 * DAY_MS)).toBe('overdue');
    expect(at(DUE + 12 * DAY_MS)).toBe('overdue');
  });

  it('calls a review overdue from its due date when the admin gives no days of grace', () => {
    expect(reviewDueness({ dueAt: DUE, overdueAfterDays: 0, now: DUE })).toBe('overdue');
  });

  it('is the rule the review schedule follows once a review is past its date', () => {
    const lastReviewedAt = Date.UTC(2026, 7, 25, 12); // a quarter before DUE
    for (const days of [0, 3, 7, 12, 40])
      for (const overdueAfterDays of [0, 7, 14]) {
        const now = DUE + days * DAY_MS;
        const schedule = reviewSchedule({
          cadence: 'quarterly',
          lastReviewedAt,
          planStartedAt: lastReviewedAt,
          overdueAfterDays,
          now,
        });
        expect(schedule.success && schedule.data).toMatchObject({
          dueAt: DUE,
          status: reviewDueness({ dueAt: DUE, overdueAfterDays, now }),
        });
      }
  });
});
