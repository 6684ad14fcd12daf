import { z } from 'zod';
import { instantSchema, validate, type Validated } from '../shared/index.ts';
import { reviewTriggerSchema } from './triggers.ts';

export const REVIEW_KINDS = ['calendar', 'triggered'] as const;
/** What a review leads to: the plan updated, achievements celebrated, threats escalated, opportunities exploited. */
export const REVIEW_OUTCOMES = ['plan_updated', 'celebrate', 'escalate', 'exploit'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

const recordId = z.string().min(1);
const text = z.string().trim().min(1);

/** A logged review: what prompted it and what it produced, each with the person who follows up. */
const reviewRecordSchema = z
  .object({
    kind: z.enum(REVIEW_KINDS),
    reviewedAt: instantSchema,
    reviewedBy: recordId,
    /** The open triggers this review dealt with, as `reviewTriggers` returned them. */
    triggers: z.array(reviewTriggerSchema).default([]),
    /** "If you change the plan, you must actually update it, in writing … and tell all the relevant people." */
    planUpdate: z
      .object({ summary: text, toldOwnerIds: z.array(recordId).min(1, 'Say who was told about the change') })
      .nullable()
      .default(null),
    /** "Congratulate the responsible party, celebrate it and communicate it to the powers that be." */
    achievements: z
      .array(
        z.object({ description: text, responsibleOwnerId: recordId, objectiveId: recordId.nullable().default(null) }),
      )
      .default([]),
    /** "If you can see a new threat, you need to deal with it or escalate it." */
    threats: z
      .array(
        z
          .object({
            description: text,
            ownerId: recordId,
            handling: z.enum(['deal_with', 'escalate']),
            escalatedTo: recordId.nullable().default(null),
          })
          .refine((threat) => threat.handling !== 'escalate' || threat.escalatedTo !== null, {
            path: ['escalatedTo'],
            message: 'Say whom the threat was escalated to',
          }),
      )
      .default([]),
    /** "If you see a new opportunity, you need to exploit it." */
    opportunities: z.array(z.object({ description: text, ownerId: recordId })).default([]),
    summary: z.string().default(''),
  })
  .refine((review) => review.kind !== 'triggered' || review.triggers.length > 0, {
    path: ['triggers'],
    message: 'A triggered review names at least one trigger',
  });
type ReviewRecord = z.infer<typeof reviewRecordSchema>;
export type ReviewRecordInput = z.input<typeof reviewRecordSchema>;

/** Validates a review to log, with the outcomes it produced (for the review's outcome field). */
export function logReview(input: ReviewRecordInput): Validated<{ review: ReviewRecord; outcomes: ReviewOutcome[] }> {
  const parsed = validate(reviewRecordSchema, input);
  if (!parsed.success) return parsed;
  const review = parsed.data;
  const produced: Record<ReviewOutcome, boolean> = {
    plan_updated: review.planUpdate !== null,
    celebrate: review.achievements.length > 0,
    escalate: review.threats.length > 0,
    exploit: review.opportunities.length > 0,
  };
  return { success: true, data: { review, outcomes: REVIEW_OUTCOMES.filter((outcome) => produced[outcome]) } };
}

/**
 * One thing a review produced, to be done: the plan updated and the people told, an achievement
 * celebrated, a threat dealt with or escalated, an opportunity exploited. Each has its own words, the
 * person who does it and when it is due, so it becomes a task in their queue.
 */
export const reviewActionSchema = z.object({
  outcome: z.enum(REVIEW_OUTCOMES),
  text: text.max(1000),
  ownerId: recordId,
  dueAt: instantSchema,
});
export type ReviewAction = z.infer<typeof reviewActionSchema>;

/** The outcomes a review produced, in the article's order: those ticked and those its actions are for, each once. */
export function producedOutcomes(ticked: readonly ReviewOutcome[], actions: readonly ReviewAction[]): ReviewOutcome[] {
  const produced = new Set([...ticked, ...actions.map((a) => a.outcome)]);
  return REVIEW_OUTCOMES.filter((outcome) => produced.has(outcome));
}

export const REVIEW_ACTION_STATUSES = ['done', 'open', 'overdue', 'no_task'] as const;
export type ReviewActionStatus = (typeof REVIEW_ACTION_STATUSES)[number];

/** Where an action stands at `now`, from its task: done once completed, overdue when open past its due date. */
export function reviewActionStatus(action: {
  dueAt: number;
  taskCompleted: boolean | null;
  now: number;
}): ReviewActionStatus {
  if (action.taskCompleted === null) return 'no_task';
  if (action.taskCompleted) return 'done';
  return action.now > action.dueAt ? 'overdue' : 'open';
}
