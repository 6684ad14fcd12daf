import type { Client } from '@hubspot/api-client';
import { PORTAL_SETTINGS } from '../../crm/model/index.ts';
import type { ObjectTypeResolver } from '../../crm/object-types.ts';
import { fromHubSpotDateTime, toHubSpotDateTime, toProperties } from '../../crm/records.ts';
import { readSettingsRecord, writeSettingsRecord, type SettingsRecordFields } from '../../crm/settings-record.ts';
import { setupStatusOf, type SetupStatus } from '../../crm/setup/index.ts';
import { defaultSettings, parseSettings, type Settings } from '../../kam/settings/index.ts';
import { describeIssues, type ValidationIssue } from '../../kam/shared/validation.ts';
import { requireAdmin, type Caller } from '../access/index.ts';
import { KeystoneError } from '../errors.ts';

// The portal's settings: one versioned JSON document on the settings record, parsed (and migrated)
// by the domain's settings schema on every read and before every save.

export interface StoredSettings {
  settings: Settings;
  /** Counts saves; 0 until the first. */
  revision: number;
  savedByUserId: string | null;
  savedAt: number | null;
  setup: SetupStatus;
}

/** The portal's settings, or the defaults when nobody has saved any (or setup has not run yet). */
export async function loadSettings(client: Client, objectTypes: ObjectTypeResolver): Promise<StoredSettings> {
  return storedSettingsOf(await loadSettingsRecord(client, objectTypes));
}

/** The settings record as read (null before setup or the first save), for a caller that wants its other fields from the same read. */
export async function loadSettingsRecord(client: Client, objectTypes: ObjectTypeResolver): Promise<SettingsRecordFields | null> {
  const schema = await objectTypes.find('settings');
  return schema ? readSettingsRecord(client, schema.objectTypeId) : null;
}

/** The stored settings a settings record holds (the defaults for none). */
export function storedSettingsOf(record: SettingsRecordFields | null): StoredSettings {
  return {
    settings: record?.settings ? storedDocument(record.settings) : defaultSettings(),
    revision: Number(record?.revision ?? 0) || 0,
    savedByUserId: record?.savedBy || null,
    savedAt: fromHubSpotDateTime(record?.savedAt),
    setup: setupStatusOf(record?.setupVersion ?? null),
  };
}

export interface SettingsChange {
  caller: Caller;
  /** The whole settings document the admin submitted, any known version. */
  document: Record<string, unknown>;
  /** The revision the admin's editor was loaded at. */
  expectedRevision: number;
  now: number;
}

/**
 * Validates and saves the settings as the next revision. Nothing is written when the document is
 * invalid, the caller is not an admin, or someone saved since `expectedRevision`.
 */
export async function saveSettings(client: Client, objectTypes: ObjectTypeResolver, change: SettingsChange): Promise<Omit<StoredSettings, 'setup'>> {
  const parsed = parseSettings(change.document);
  if (!parsed.success) throw invalidSettings(parsed.errors);
  const settings = parsed.data;
  requireAdmin(change.caller);
  // Keeps an admin from locking everybody out, and ends the "no admin yet" bootstrap with a named admin.
  if (!settings.access.adminUserIds.includes(change.caller.userId)) {
    throw invalidSettings([{ path: 'access.adminUserIds', message: `must include you (user ${change.caller.userId}); another admin can remove you later` }]);
  }

  const objectTypeId = await objectTypes.objectTypeId('settings');
  const current = await readSettingsRecord(client, objectTypeId);
  const currentRevision = Number(current?.revision ?? 0) || 0;
  if (currentRevision !== change.expectedRevision) throw new KeystoneError('KAM.SETTINGS_CHANGED');

  const saved = { settings, revision: currentRevision + 1, savedByUserId: change.caller.userId, savedAt: change.now };
  await writeSettingsRecord(client, objectTypeId, toProperties({
    settings: JSON.stringify(settings),
    revision: saved.revision,
    savedBy: saved.savedByUserId,
    savedAt: toHubSpotDateTime(saved.savedAt),
  }, PORTAL_SETTINGS.property));
  return saved;
}

function invalidSettings(errors: ValidationIssue[]): KeystoneError {
  const issues = errors.map((e) => ({ path: e.path ? `settings.${e.path}` : 'settings', message: e.message }));
  return new KeystoneError('KAM.INVALID_SETTINGS', `These settings cannot be saved: ${describeIssues(issues)}`, issues);
}

// Stored settings were valid when saved; if a later Keystone cannot read them, say so rather than guess.
function storedDocument(json: string): Settings {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch {
    throw new KeystoneError('KAM.INVALID_SETTINGS', 'The saved Keystone settings are damaged (not JSON). An admin can save the settings again to repair them.');
  }
  const parsed = parseSettings(document);
  if (!parsed.success) throw new KeystoneError('KAM.INVALID_SETTINGS', `The saved Keystone settings cannot be read: ${describeIssues(parsed.errors)}. An admin can save the settings again to repair them.`, parsed.errors);
  return parsed.data;
}
