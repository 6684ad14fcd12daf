import type { z } from 'zod';
import type { SavedSettings } from './save-settings.ts';
import { callerSchema } from './shared.ts';

/**
 * `get_settings`: the portal's settings (defaults until an admin saves), their revision, the portal's
 * currency and time zone, the setup status and whether the caller may change them. Any user of the portal may read them.
 * Errors: KAM.INVALID_PARAMETERS, KAM.UNKNOWN_USER, HubSpot failure codes.
 */
export const getSettingsParametersSchema = callerSchema.strict();
export type GetSettingsParameters = z.input<typeof getSettingsParametersSchema>;

/** The portal's users and teams, for choosing managers and admins by name. */
export interface PortalDirectory {
  /** Active HubSpot users (owners with a user account), by name. */
  users: Array<{ userId: string; name: string; email: string | null }>;
  /** Every team an active user belongs to, by name, with how many users it has. */
  teams: Array<{ teamId: string; name: string; members: number }>;
}

export interface PortalSettings extends SavedSettings {
  /** The setup version recorded in the portal against the one this Keystone needs. */
  setup: { appliedVersion: number; currentVersion: number; upToDate: boolean };
  /** Whether the caller is a Keystone admin (may save settings, run setup and recalculation). */
  canEdit: boolean;
  directory: PortalDirectory;
  /** The last complete portfolio recalculation (null before the first, or when its snapshot cannot be read). */
  lastRecalculation: { startedAt: number; completedAt: number; companiesScored: number } | null;
}
