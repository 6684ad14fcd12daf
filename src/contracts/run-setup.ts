import type { z } from 'zod';
import { callerSchema } from './shared.ts';

/**
 * `run_setup`: creates or updates Keystone's properties, custom objects and association labels, and
 * copies the portal's currency and time zone onto the settings record.
 * Safe to run again at any time. Admins only (while no admin is configured, a HubSpot super admin of the
 * portal, so a new portal can start); each run leaves an admin-action record naming the user.
 * Errors: KAM.INVALID_PARAMETERS, KAM.NOT_AN_ADMIN, KAM.UNKNOWN_USER, HubSpot failure codes.
 */
export const runSetupParametersSchema = callerSchema.strict();
export type RunSetupParameters = z.input<typeof runSetupParametersSchema>;

/** The setup version applied now and before, and each step; `changed` counts what was created or updated (0 when all was in place). */
export interface SetupOutcome {
  version: number;
  previousVersion: number;
  steps: Array<{ target: string; action: 'created' | 'updated' | 'unchanged' }>;
  changed: number;
}
