import { z } from 'zod';
import type { Instant } from '../kam/shared/index.ts';
import type { ContactRef } from './card-data.ts';
import { contactCallSchema, recordIdSchema, pickedInstantSchema } from './shared.ts';

/**
 * `record_contact_departure`: marks the contact as having left the client (when, and who replaced them,
 * a contact of the same company), or `left: false` to undo a mistaken departure.
 * Errors: KAM.INVALID_PARAMETERS, KAM.NOT_A_MANAGER, KAM.CONTACT_NOT_FOUND, KAM.CONTACT_NOT_AT_COMPANY, HubSpot failure codes.
 */
export const recordContactDepartureParametersSchema = contactCallSchema
  .extend({
    left: z.boolean(),
    /** Defaults to now; not in the future. */
    leftAt: pickedInstantSchema.optional(),
    replacedByContactId: recordIdSchema.nullable().default(null),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.replacedByContactId !== null && p.replacedByContactId === p.contactId) {
      ctx.addIssue({ code: 'custom', path: ['replacedByContactId'], message: 'a contact cannot replace themselves' });
    }
    if (!p.left && (p.leftAt !== undefined || p.replacedByContactId !== null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['left'],
        message: 'leftAt and replacedByContactId only apply when left is true',
      });
    }
  });
export type RecordContactDepartureParameters = z.input<typeof recordContactDepartureParametersSchema>;

/** The departure as now recorded (`leftAt` null when `left` is false). */
export interface ContactDeparture {
  contactId: string;
  left: boolean;
  leftAt: Instant | null;
  replacedBy: ContactRef | null;
}
