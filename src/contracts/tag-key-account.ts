import { z } from 'zod';
import { keyAccountStatusSchema, type Instant, type KeyAccountStatus } from '../kam/shared/index.ts';
import { typedTextSchema } from '../kam/shared/typed-text-schema.ts';
import { accountCallSchema, type Person, type TaskSync } from './shared.ts';
import { STATUS_CHANGE_TEXT } from './typed-text-rules.ts';

/** Why the status changes, in the manager's words: it goes on the company and into the timeline note. */
export const statusReasonSchema = typedTextSchema(STATUS_CHANGE_TEXT.reason);

/**
 * The status the manager saw on the card when they chose the change. HubSpot has no conditional update, so
 * this is how two managers changing the same account at once learn of each other instead of both being
 * told their change stood.
 */
export const expectedStatusSchema = keyAccountStatusSchema;

/** The portal the card runs in (`context.portal.id`): the timeline note links to the card's status history there. */
export const notePortalSchema = z.number().int().positive('must be a HubSpot portal ID').optional();

/**
 * `tag_key_account`: makes the company a key account (or a candidate), with a reason. It writes the
 * status, who/when/why, syncs `hs_is_target_account` (and the ICP tier) as the settings say, and puts
 * a note on the company timeline. Managers only.
 * Refused with KAM.STATUS_CHANGED when the status is no longer `expectedStatus` (nothing written), or when
 * another change landed at the same moment as this one (then both are in HubSpot and the message says so).
 * Errors: KAM.INVALID_PARAMETERS, KAM.NOT_A_MANAGER, KAM.COMPANY_NOT_FOUND, KAM.STATUS_UNCHANGED,
 * KAM.STATUS_CHANGED, HubSpot failure codes.
 */
export const tagKeyAccountParametersSchema = accountCallSchema
  .extend({
    status: z.enum(['key', 'candidate']).default('key'),
    expectedStatus: expectedStatusSchema,
    reason: statusReasonSchema,
    portalId: notePortalSchema,
  })
  .strict();
export type TagKeyAccountParameters = z.input<typeof tagKeyAccountParametersSchema>;

/** What tagging or untagging answers. */
export interface KeyAccountStatusChange {
  companyId: string;
  /** The new status (not `status`, which the answer's envelope uses for ok/error). */
  keyAccountStatus: KeyAccountStatus;
  previousStatus: KeyAccountStatus;
  isTargetAccount: boolean;
  changedBy: Person;
  changedAt: Instant;
  reason: string;
  /** The audit note on the company timeline. */
  noteId: string;
  /**
   * Leaving key account status archives the plan's open review-due task (the account leaves the review cycle);
   * coming back to it opens that task again.
   */
  tasks: TaskSync;
}
