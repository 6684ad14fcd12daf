import { validate, type Validated } from '../shared/validation.ts';
import { migrateV1ToV2, settingsV1Schema } from './migrations.ts';
import { SETTINGS_VERSION, settingsSchema, type Settings } from './schema.ts';

export * from './schema.ts';

/** The configuration of a portal nobody has configured yet. */
export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

/**
 * Parses stored or submitted settings of any known version into the current version.
 * A document without `version` is read as the current version; errors carry the path in the input.
 */
export function parseSettings(input: unknown): Validated<Settings> {
  const version =
    (typeof input === 'object' && input !== null ? (input as { version?: unknown }).version : undefined) ??
    SETTINGS_VERSION;
  if (version === SETTINGS_VERSION) return validate(settingsSchema, input);
  if (version === 1) {
    const v1 = validate(settingsV1Schema, input);
    if (!v1.success) return v1;
    const migrated = validate(settingsSchema, migrateV1ToV2(v1.data));
    if (migrated.success) return migrated;
    return {
      success: false,
      errors: migrated.errors.map((e) => ({ ...e, message: `after upgrading from version 1: ${e.message}` })),
    };
  }
  return {
    success: false,
    errors: [
      {
        path: 'version',
        message: `Unknown settings version ${JSON.stringify(version)}; expected 1 or ${SETTINGS_VERSION}`,
      },
    ],
  };
}
