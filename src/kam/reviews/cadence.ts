import { z } from 'zod';
import {
  DAY_MS,
  addMonths,
  instantSchema,
  reviewCadenceSchema,
  validate,
  type Instant,
  type ReviewCadence,
  type Validated,
} from '../shared/index.ts';
import { reviewDueness } from './review-due.ts';

const CADENCE_MONTHS: Record<ReviewCadence, number> = { monthly: 1, quarterly: 3, annual: 12 };

/** How early a coming review shows as due soon: about a quarter of the cycle, at most a month. */
const DUE_SOON_DAYS: Record<ReviewCadence, number> = { monthly: 7, quarterly: 14, annual: 30 };

/**
 * - `not_due`: more than the cadence's due-soon days before the due date;
 * - `due_soon`: within those days before the due date;
 * - `due`, then `overdue` once the admin's days of grace have passed: `reviewDueness`, which the sidebar uses too.
 */
export type ReviewScheduleStatus = 'not_due' | 'due_soon' | 'due' | 'overdue';

const reviewScheduleInputSchema = z.object({
  cadence: reviewCadenceSchema,
  /** Null when the plan has never been reviewed: the cycle then runs from the plan's start. */
  lastReviewedAt: instantSchema.nullable(),
  planStartedAt: instantSchema,
  /** Days of grace after the due date before a review counts as overdue (admin setting). */
  overdueAfterDays: z.number().int().nonnegative(),
  now: instantSchema,
});
export type ReviewScheduleInput = z.infer<typeof reviewScheduleInputSchema>;

export interface ReviewSchedule {
  status: ReviewScheduleStatus;
  dueAt: Instant;
  basedOn: 'last_review' | 'plan_start';
  /** Whole days until the due date; negative once it has passed. */
  daysUntilDue: number;
}

/** When the next calendar review falls due, and whether it is due, soon or overdue at `now`. */
export function reviewSchedule(input: ReviewScheduleInput): Validated<ReviewSchedule> {
  const parsed = validate(reviewScheduleInputSchema, input);
  if (!parsed.success) return parsed;
  const { cadence, lastReviewedAt, planStartedAt, overdueAfterDays, now } = parsed.data;
  const dueAt = addMonths(lastReviewedAt ?? planStartedAt, CADENCE_MONTHS[cadence]);
  const dueness = reviewDueness({ dueAt, overdueAfterDays, now });
  const status: ReviewScheduleStatus =
    dueness !== 'upcoming' ? dueness : now < dueAt - DUE_SOON_DAYS[cadence] * DAY_MS ? 'not_due' : 'due_soon';
  return {
    success: true,
    data: {
      status,
      dueAt,
      basedOn: lastReviewedAt === null ? 'plan_start' : 'last_review',
      daysUntilDue: Math.floor((dueAt - now) / DAY_MS),
    },
  };
}
