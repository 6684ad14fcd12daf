import { z } from 'zod';
import { REVIEW_OUTCOMES } from '../kam/reviews/index.ts';
import type { Instant } from '../kam/shared/index.ts';
import { typedTextSchema } from '../kam/shared/typed-text-schema.ts';
import { reviewKindSchema, reviewOutcomeSchema, reviewTriggerSchema, type Review } from './card-data.ts';
import {
  accountCallSchema,
  actionIdSchema,
  pickedInstantSchema,
  pickedPastInstantSchema,
  recordIdSchema,
  type TaskSync,
} from './shared.ts';
import { REVIEW_TEXT } from './typed-text-rules.ts';

/**
 * The review record keeps its triggers, evidence included, as JSON in one property, and HubSpot keeps at
 * most 65,536 characters in a value: refused above this, before anything is written, with room to spare.
 */
const STORED_TRIGGERS_LIMIT = 60_000;

/**
 * `log_review`: records a review of the account and its outcome, associated with the company (and the
 * contacts it was about), with an audit note. The next due date follows from it.
 * Errors: KAM.INVALID_PARAMETERS, KAM.NOT_A_MANAGER, KAM.COMPANY_NOT_FOUND, KAM.CONTACT_NOT_AT_COMPANY,
 * KAM.OWNER_NOT_FOUND, KAM.SETUP_REQUIRED, HubSpot failure codes.
 * Parsed as of the invocation's `now`, so a date in the future is refused beside the other fields' problems.
 */
export const logReviewParametersAt = (now: number) =>
  accountCallSchema
    .extend({
      kind: reviewKindSchema,
      /** Defaults to now; not in the future. */
      reviewedAt: pickedPastInstantSchema(now).optional(),
      /** Outcomes ticked; each action's outcome counts as produced too. */
      outcomes: z
        .array(reviewOutcomeSchema)
        .max(REVIEW_OUTCOMES.length)
        .refine((o) => new Set(o).size === o.length, 'each outcome at most once')
        .default([]),
      /**
       * What the review produced, to be done: each with its own words, owner and due date; each becomes a
       * HubSpot task on the company for its owner (one per action, however often the call is retried).
       */
      actions: z
        .array(
          z
            .object({
              outcome: reviewOutcomeSchema,
              text: typedTextSchema(REVIEW_TEXT.actionText),
              ownerId: recordIdSchema,
              dueAt: pickedInstantSchema,
            })
            .strict(),
        )
        .max(20, 'at most 20 actions')
        .default([]),
      summary: typedTextSchema(REVIEW_TEXT.summary),
      /** For a triggered review: the triggers from card_data it answers. */
      triggers: z
        .array(reviewTriggerSchema)
        .max(50)
        .default([])
        .refine((t) => JSON.stringify(t).length <= STORED_TRIGGERS_LIMIT, {
          message: `the triggers with their evidence are longer than HubSpot stores on a review (at most ${STORED_TRIGGERS_LIMIT.toLocaleString('en')} characters); answer fewer triggers in one review`,
        }),
      /** Client contacts the review was about (associated with the review record). */
      contactIds: z.array(recordIdSchema).max(50).default([]),
      /** The same for every retry of one press of Log review: a retry completes that review, never logs a second. */
      actionId: actionIdSchema,
    })
    .strict()
    .superRefine((p, ctx) => {
      if (p.kind === 'triggered' && p.triggers.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['triggers'],
          message: 'a triggered review needs the triggers it answers',
        });
      }
    });
export type LogReviewParameters = z.input<ReturnType<typeof logReviewParametersAt>>;

/** The review as logged, when the next one is due, and the audit note on the company timeline. */
export interface LoggedReview {
  review: Review;
  nextDueAt: Instant;
  noteId: string;
  tasks: TaskSync;
}
