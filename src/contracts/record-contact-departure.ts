import { z } from 'zod';
import { departureReasonSchema, type DepartureReason, type Instant } from '../kam/shared/index.ts';
import type { ContactRef } from './card-data.ts';
import { actionIdSchema, contactCallSchema, recordIdSchema, pickedInstantSchema } from './shared.ts';

/**
 * `record_contact_departure`: marks the contact as having left their role at the client (why, when, and
 * who replaced them, a contact of the same company), or `left: false` to undo a mistaken departure.
 * Recording a departure again after an undo is the same departure: it raises one review trigger. Sent again
 * with the same `actionId` after a lost answer, it completes that change without writing it a second time.
 * Errors: KAM.INVALID_PARAMETERS, KAM.NOT_A_MANAGER, KAM.CONTACT_NOT_FOUND, KAM.CONTACT_NOT_AT_COMPANY, HubSpot failure codes.
 */
export const recordContactDepartureParametersSchema = contactCallSchema
  .extend({
    left: z.boolean(),
    /** Retired, moved to another role, or left the client; required when `left` is true. */
    reason: departureReasonSchema.optional(),
    /** Defaults to now; not in the future. */
    leftAt: pickedInstantSchema.optional(),
    replacedByContactId: recordIdSchema.nullable().default(null),
    actionId: actionIdSchema,
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.replacedByContactId !== null && p.replacedByContactId === p.contactId) {
      ctx.addIssue({ code: 'custom', path: ['replacedByContactId'], message: 'a contact cannot replace themselves' });
    }
    if (p.left && p.reason === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'say why they left: retired, moved_role or left',
      });
    }
    if (!p.left && (p.leftAt !== undefined || p.replacedByContactId !== null || p.reason !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['left'],
        message: 'reason, leftAt and replacedByContactId only apply when left is true',
      });
    }
  });
export type RecordContactDepartureParameters = z.input<typeof recordContactDepartureParametersSchema>;

/** The departure as now recorded (`reason` and `leftAt` null when `left` is false). */
export interface ContactDeparture {
  contactId: string;
  left: boolean;
  reason: DepartureReason | null;
  leftAt: Instant | null;
  replacedBy: ContactRef | null;
}
