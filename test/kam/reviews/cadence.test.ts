import { describe, expect, it } from 'vitest';
import { reviewSchedule, type ReviewSchedule, type ReviewScheduleInput } from '../../../src/kam/reviews/index.ts';
import { DAY_MS } from '../../../src/kam/shared/index.ts';

const LAST_REVIEW = Date.UTC(2026, 6, 1); // 1 July: the quarter after is 92 days long
const after = (days: number) => LAST_REVIEW + days * DAY_MS;

function scheduleOf(overrides: Partial<ReviewScheduleInput>): ReviewSchedule {
  const result = reviewSchedule({
    cadence: 'quarterly',
    lastReviewedAt: LAST_REVIEW,
    planStartedAt: Date.UTC(2026, 0, 1),
    overdueAfterDays: 0,
    now: after(1),
    ...overrides,
  });
  if (!result.success) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

describe('reviewSchedule', () => {
  it("returns 'overdue' when the last quarterly review is older than 92 days", () => {
    expect(scheduleOf({ now: after(92) + 1 }).status).toBe('overdue');
  });

  it('falls due three calendar months after the last quarterly review', () => {
    expect(scheduleOf({ now: after(10) })).toEqual({
      status: 'not_due',
      dueAt: Date.UTC(2026, 9, 1),
      basedOn: 'last_review',
      daysUntilDue: 82,
    });
  });

  it("returns 'due_soon' within 14 days before a quarterly review falls due", () => {
    expect(scheduleOf({ now: after(92 - 14) }).status).toBe('due_soon');
    expect(scheduleOf({ now: after(92 - 14) - 1 }).status).toBe('not_due');
  });

  it("returns 'due' from the due date until the admin's days of grace have passed, then 'overdue'", () => {
    expect(scheduleOf({ now: after(92), overdueAfterDays: 7 }).status).toBe('due');
    expect(scheduleOf({ now: after(99) - 1, overdueAfterDays: 7 }).status).toBe('due');
    expect(scheduleOf({ now: after(99), overdueAfterDays: 7 })).toMatchObject({ status: 'overdue', daysUntilDue: -7 });
  });

  it('counts a monthly cycle in calendar months, clamping 31 January to the end of February', () => {
    const schedule = scheduleOf({
      cadence: 'monthly',
      lastReviewedAt: Date.UTC(2026, 0, 31),
      now: Date.UTC(2026, 1, 25),
    });
    expect(schedule).toMatchObject({ dueAt: Date.UTC(2026, 1, 28), status: 'due_soon' });
  });

  it('runs an annual cycle for twelve months with a 30-day due-soon window', () => {
    expect(scheduleOf({ cadence: 'annual', now: Date.UTC(2027, 5, 1) })).toMatchObject({
      dueAt: Date.UTC(2027, 6, 1),
      status: 'due_soon',
    });
  });

  it('counts from the plan start when the plan has never been reviewed', () => {
    expect(scheduleOf({ lastReviewedAt: null, now: Date.UTC(2026, 1, 1) })).toMatchObject({
      dueAt: Date.UTC(2026, 3, 1),
      basedOn: 'plan_start',
      status: 'not_due',
    });
  });

  it('rejects an unknown cadence and negative grace with their paths', () => {
    const result = reviewSchedule({
      cadence: 'weekly' as never,
      lastReviewedAt: null,
      planStartedAt: 0,
      overdueAfterDays: -1,
      now: 0,
    });
    expect(!result.success && result.errors.map((e) => e.path)).toEqual(['cadence', 'overdueAfterDays']);
  });
});
