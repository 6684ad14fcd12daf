import { z } from 'zod';
import { RECORDED_EVENT_KINDS } from '../kam/reviews/index.ts';
import { typedTextSchema } from '../kam/shared/typed-text-schema.ts';
import type { ReviewTrigger } from './card-data.ts';
import { accountCallSchema, actionIdSchema, pickedPastInstantSchema } from './shared.ts';
import { REVIEW_EVENT_TEXT } from './typed-text-rules.ts';

/**
 * `record_review_event`: records an event HubSpot cannot see (a competitor's change of strategy, the
 * client's supply chain, our own process, objective, initiatives, people or merger, a market development)
 * on the company. It is an open review trigger until a review is logged after it; one dated on or before
 * the last review is refused (`at`: BEFORE_THE_LAST_REVIEW in kam/reviews/last-review.ts), as it would call for no review.
 * Errors: KAM.INVALID_PARAMETERS, KAM.NOT_A_MANAGER, KAM.COMPANY_NOT_FOUND, KAM.SETUP_REQUIRED, HubSpot failure codes.
 * Parsed as of the invocation's `now`, so a date in the future is refused beside the note's problems.
 */
export const recordReviewEventParametersAt = (now: number) =>
  accountCallSchema
    .extend({
      kind: z.enum(RECORDED_EVENT_KINDS),
      /** When it happened; defaults to now, not in the future. */
      at: pickedPastInstantSchema(now).optional(),
      note: typedTextSchema(REVIEW_EVENT_TEXT.note),
      /** The same for every retry of one press of Record: a retry records the event once. */
      actionId: actionIdSchema,
    })
    .strict();
export type RecordReviewEventParameters = z.input<ReturnType<typeof recordReviewEventParametersAt>>;

/** The event as the card's open triggers now show it. */
export interface RecordedReviewEvent {
  trigger: ReviewTrigger;
}
