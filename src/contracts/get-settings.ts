import type { z } from 'zod';
import type { SavedSettings } from './save-settings.ts';
import { callerSchema } from './shared.ts';

/**
 * `get_settings`: the portal's settings (defaults until an admin saves), their revision, the portal's
 * currency and time zone, the setup status and whether the caller may change them. Any user of the portal may read them;
 * who may do what (the access lists) and the portal's user directory only an admin.
 * Errors: KAM.INVALID_PARAMETERS, KAM.UNKNOWN_USER, HubSpot failure codes.
 */
export const getSettingsParametersSchema = callerSchema.strict();
export type GetSettingsParameters = z.input<typeof getSettingsParametersSchema>;

/** One entry of the admins' action log: who (the user id the call claimed, and that user's name) did what, when. */
export interface AdminAction {
  /** `recalculation` is a run's start; `recalculation_finished` its end, by whoever sent its last slice. */
  kind: 'save_settings' | 'run_setup' | 'recalculation' | 'recalculation_finished';
  userId: string;
  name: string;
  at: number;
  /** In a sentence, e.g. "Saved the settings (revision 4)". */
  summary: string;
  /** Admins the action added or removed, by name (a settings save). */
  adminsAdded: string[];
  adminsRemoved: string[];
  /**
   * A settings save that changed what recalculation writes from (anything but who may do what); a save
   * recorded before this was kept counts as one.
   */
  needsRecalculation: boolean;
}

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
  /**
   * Whether `settings.access` and `directory` are filled: for admins only. Others get empty access lists
   * and an empty directory (their screens show no one's roles).
   */
  accessShown: boolean;
  directory: PortalDirectory;
  /** The latest admin actions, newest first: for admins only (empty for others). */
  adminActions: AdminAction[];
  /**
   * The last complete portfolio recalculation (null before the first, or when its snapshot cannot be read).
   * `settingsChangedAt`: when the settings were last saved with a change recalculation writes from since that
   * run began, so what it stored follows earlier settings; null when not, as far as the latest admin actions
   * tell (always null for others than admins, who do not see them).
   */
  lastRecalculation: {
    startedAt: number;
    completedAt: number;
    companiesScored: number;
    settingsChangedAt: number | null;
  } | null;
}
