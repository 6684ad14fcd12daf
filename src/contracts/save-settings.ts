import { z } from 'zod';
import type { Settings, settingsSchema } from '../kam/settings/index.ts';
import { actionIdSchema, callerSchema, type Portal } from './shared.ts';

/**
 * `save_settings`: validates the whole document with the domain's settings schema (older versions
 * are migrated) and saves it as the next revision. Admins only; while no admin is configured, any
 * HubSpot super admin of the portal may save, and the saved settings must name the saver as an admin. Of two saves
 * from the same revision at once, one wins. The portal's currency and time zone are refreshed too.
 * Errors: KAM.INVALID_PARAMETERS, KAM.INVALID_SETTINGS (issues with paths under `settings.`),
 * KAM.NOT_AN_ADMIN, KAM.UNKNOWN_USER, KAM.SETTINGS_CHANGED (saved since `expectedRevision`, or being
 * saved right now), KAM.SETUP_REQUIRED, HubSpot failure codes.
 */
export const saveSettingsParametersSchema = callerSchema
  .extend({
    settings: z.record(z.string(), z.unknown(), 'must be the settings document (an object)'),
    expectedRevision: z.number().int().nonnegative('must be the revision the settings were read at'),
    /** The same for every retry of one press of Save: a retry completes that save instead of being refused. */
    actionId: actionIdSchema,
    /**
     * The admin confirmed removing every other admin, leaving themself the only one. Without it such a save
     * is refused (KAM.INVALID_SETTINGS, issue at `confirmRemovingLastOtherAdmin`) and the page asks.
     */
    confirmRemovingLastOtherAdmin: z.boolean().optional(),
  })
  .strict();
/** The document goes as the settings page edits it; the function parses it with the domain's schema. */
export type SaveSettingsParameters = Omit<z.input<typeof saveSettingsParametersSchema>, 'settings'> & {
  settings: z.input<typeof settingsSchema>;
};

/** The settings as saved. `revision` is 0 until the first save; pass it back as `expectedRevision` when saving. */
export interface SavedSettings {
  settings: Settings;
  revision: number;
  savedByUserId: string | null;
  savedAt: number | null;
  /** The portal's company currency and time zone; null while unknown. */
  portal: Portal;
}
