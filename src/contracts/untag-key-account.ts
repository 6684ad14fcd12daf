import { z } from 'zod';
import { accountCallSchema } from './shared.ts';
import { expectedStatusSchema, notePortalSchema, statusReasonSchema } from './tag-key-account.ts';

/**
 * `untag_key_account`: ends the company's key account status (former key account, or back to none),
 * with a reason; written, synced and noted as `tag_key_account` does, and answered the same way
 * (KeyAccountStatusChange). Managers only.
 * Errors: KAM.INVALID_PARAMETERS, KAM.NOT_A_MANAGER, KAM.COMPANY_NOT_FOUND, KAM.STATUS_UNCHANGED,
 * KAM.STATUS_CHANGED, HubSpot failure codes.
 */
export const untagKeyAccountParametersSchema = accountCallSchema
  .extend({
    status: z.enum(['former', 'none']).default('former'),
    expectedStatus: expectedStatusSchema,
    reason: statusReasonSchema,
    portalId: notePortalSchema,
  })
  .strict();
export type UntagKeyAccountParameters = z.input<typeof untagKeyAccountParametersSchema>;
