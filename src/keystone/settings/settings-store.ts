import { randomUUID } from 'node:crypto';
import type { Client } from '@hubspot/api-client';
import { PORTAL_SETTINGS, settingsRevisionKey } from '../../crm/model/index.ts';
import type { ObjectTypeResolver } from '../../crm/object-types.ts';
import { readPortalDetails, type PortalDetails } from '../../crm/portal-details.ts';
import { fromHubSpotDateTime, toHubSpotDateTime, toProperties } from '../../crm/records.ts';
import { REVISION_CLAIM_EXPIRY_MS, claimRevision, withdrawClaim } from '../../crm/revision-claim.ts';
import {
  portalDetailsProperties,
  readSettingsRecord,
  writeSettingsRecord,
  type SettingsRecordFields,
} from '../../crm/settings-record.ts';
import { setupStatusOf, type SetupStatus } from '../../crm/setup/index.ts';
import { defaultSettings, parseSettings, type Settings } from '../../kam/settings/index.ts';
import { describeIssues, type ValidationIssue } from '../../kam/shared/validation.ts';
import { requireAdmin, type Caller } from '../access/index.ts';
import { recordAdminAction } from './admin-log.ts';
import { differForRecalculation } from '../../kam/settings/recalculation-inputs.ts';
import type { OwnerRecord } from '../readers/portal-reads.ts';
import { portalPeopleProperties } from '../readers/portal-people.ts';
import { KeystoneError } from '../../errors/keystone-error.ts';

// The portal's settings: one versioned JSON document on the settings record, parsed (and migrated)
// by the domain's settings schema on every read and before every save. The record also carries the
// portal's currency and time zone (setup and every save copy them from HubSpot's account details), so
// whoever loads the settings has them without a call of its own; and, as of the last save, setup or
// recalculation, the portal's people (readers/portal-people.ts).

interface StoredSettings {
  settings: Settings;
  /** Counts saves; 0 until the first. */
  revision: number;
  savedByUserId: string | null;
  savedAt: number | null;
  /** The portal's company currency and time zone; null while unknown. */
  portal: PortalDetails;
  setup: SetupStatus;
}

/** The portal's settings, or the defaults when nobody has saved any (or setup has not run yet). */
export async function loadSettings(client: Client, objectTypes: ObjectTypeResolver): Promise<StoredSettings> {
  return storedSettingsOf(await loadSettingsRecord(client, objectTypes));
}

/** The settings record as read (null before setup or the first save), for a caller that wants its other fields from the same read. */
export async function loadSettingsRecord(
  client: Client,
  objectTypes: ObjectTypeResolver,
): Promise<SettingsRecordFields | null> {
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
    portal: storedPortalDetails(record),
    setup: setupStatusOf(record?.setupVersion ?? null),
  };
}

interface SettingsChange {
  caller: Caller;
  /** The whole settings document the admin submitted, any known version. */
  document: Record<string, unknown>;
  /** The revision the admin's editor was loaded at. */
  expectedRevision: number;
  /** The settings page's ID for this press of Save, the same on its retries; one of its own when not sent. */
  actionId?: string;
  now: number;
  /** The admins of the settings in force, before this save (none when left out). */
  previousAdmins?: readonly string[];
  /** The admin confirmed removing every other admin. */
  confirmRemovingLastOtherAdmin?: boolean;
  /** The portal's active owners as just read (the caller's check reads them): stored with the settings for the cards. */
  owners?: readonly OwnerRecord[];
}

/**
 * Validates and saves the settings as the next revision. Nothing is written when the document is
 * invalid, the caller is not an admin, or someone saved since `expectedRevision`. Of two admins saving
 * at the same moment one wins: each first claims the next revision with a record of its own (unique
 * key, src/crm/revision-claim.ts), which then stays as the history of that save. If the settings
 * record cannot be written, the claim is withdrawn and the previous settings stay in force.
 */
export async function saveSettings(
  client: Client,
  objectTypes: ObjectTypeResolver,
  change: SettingsChange,
): Promise<Omit<StoredSettings, 'setup'>> {
  const parsed = parseSettings(change.document);
  if (!parsed.success) throw invalidSettings(parsed.errors);
  const settings = parsed.data;
  requireAdmin(change.caller);
  // Keeps an admin from locking everybody out, and ends the "no admin yet" bootstrap with a named admin.
  if (!settings.access.adminUserIds.includes(change.caller.userId)) {
    throw invalidSettings([
      {
        path: 'access.adminUserIds',
        message: 'must include you; another admin can remove you later',
      },
    ]);
  }
  const previousAdmins = change.previousAdmins ?? [];
  const adminsAdded = settings.access.adminUserIds.filter((id) => !previousAdmins.includes(id));
  const adminsRemoved = previousAdmins.filter((id) => !settings.access.adminUserIds.includes(id));
  // Leaving oneself the only admin locks every other admin out: done only when the admin confirms it.
  const othersLeft = settings.access.adminUserIds.some((id) => id !== change.caller.userId);
  const othersBefore = previousAdmins.some((id) => id !== change.caller.userId);
  if (othersBefore && !othersLeft && change.confirmRemovingLastOtherAdmin !== true) {
    const message = `This removes every other admin (user ${adminsRemoved.join(', user ')}), leaving you the only one. Confirm to save anyway.`;
    throw new KeystoneError('KAM.INVALID_SETTINGS', message, {
      issues: [{ path: 'confirmRemovingLastOtherAdmin', message: 'confirm removing the last other admin' }],
    });
  }

  const objectTypeId = await objectTypes.objectTypeId('settings');
  const [current, portal] = await Promise.all([readSettingsRecord(client, objectTypeId), readPortalDetails(client)]);
  const currentRevision = Number(current?.revision ?? 0) || 0;
  const actionId = change.actionId ?? randomUUID();
  const stored = storedPortalDetails(current);
  const portalNow = { currency: portal.currency ?? stored.currency, timeZone: portal.timeZone ?? stored.timeZone };
  // Whether the save changed what recalculation writes from; a retry that finds its save written cannot tell.
  const logged = (revision: number, needsRecalculation: boolean) =>
    recordAdminAction(client, objectTypes, {
      caller: change.caller,
      now: change.now,
      actionId,
      entry: {
        kind: 'save_settings',
        summary:
          `Saved the settings (revision ${revision})` +
          (othersBefore && !othersLeft ? ', confirming the removal of the last other admin' : ''),
        adminsAdded,
        adminsRemoved,
        needsRecalculation,
      },
    });
  // A retry of a save whose answer was lost finds the settings saved by its own action: that is its answer.
  if (
    change.actionId !== undefined &&
    currentRevision === change.expectedRevision + 1 &&
    current?.actionId === actionId
  ) {
    await logged(currentRevision, true);
    return {
      settings: storedDocument(current.settings ?? '{}'),
      revision: currentRevision,
      savedByUserId: current.savedBy || null,
      savedAt: fromHubSpotDateTime(current.savedAt),
      portal: portalNow,
    };
  }
  if (currentRevision !== change.expectedRevision) throw new KeystoneError('KAM.SETTINGS_CHANGED');

  const saved = { settings, revision: currentRevision + 1, savedByUserId: change.caller.userId, savedAt: change.now };
  const revisionFields = toProperties(
    {
      settings: JSON.stringify(settings),
      revision: saved.revision,
      savedBy: saved.savedByUserId,
      savedAt: toHubSpotDateTime(saved.savedAt),
      actionId,
    },
    PORTAL_SETTINGS.property,
  );
  const key = settingsRevisionKey(saved.revision);
  const claimId = await claimRevision(client, {
    objectTypeId,
    keyProperty: PORTAL_SETTINGS.property.settingsKey,
    key,
    claimedAtProperty: PORTAL_SETTINGS.property.savedAt,
    actionProperty: PORTAL_SETTINGS.property.actionId,
    actionId,
    userProperty: PORTAL_SETTINGS.property.savedBy,
    userId: change.caller.userId,
    now: change.now,
    properties: { ...revisionFields, [PORTAL_SETTINGS.property.settingsKey]: key },
  });
  if (claimId === null) throw savingElsewhere();

  try {
    await writeSettingsRecord(client, objectTypeId, {
      ...revisionFields,
      ...portalDetailsProperties(portal),
      ...(change.owners ? portalPeopleProperties(change.owners, change.now) : {}),
    });
  } catch (error) {
    // A lost answer may hide a write that happened: then the save stands and its claim is its history.
    const after = await readSettingsRecord(client, objectTypeId).catch(() => undefined);
    // Unable to tell, the claim stays: withdrawn, a save that happened would lose its history. Saving
    // again (the same action) finds out, and takes the claim over if the write did not happen.
    if (after === undefined)
      throw new KeystoneError(
        'KAM.HUBSPOT_UNAVAILABLE',
        'HubSpot did not confirm whether the settings were saved. Press Save again: it completes this save rather than saving twice.',
        { cause: error },
      );
    if (Number(after?.revision) !== saved.revision || after?.actionId !== actionId) {
      await withdrawClaim(client, objectTypeId, claimId);
      throw error;
    }
  }
  // After the save: an admin pressing Save again (the same action) records it, once, if this fails.
  await logged(saved.revision, differForRecalculation(settings, storedDocument(current?.settings ?? '{}')));
  return { ...saved, portal: portalNow };
}

function savingElsewhere(): KeystoneError {
  const minutes = REVISION_CLAIM_EXPIRY_MS / 60_000;
  return new KeystoneError(
    'KAM.SETTINGS_CHANGED',
    `Someone else is saving the settings at this moment, or a save stopped part-way less than ${minutes} minutes ago. Reload the settings, then make your change again (after a stopped save, in ${minutes} minutes).`,
  );
}

function storedPortalDetails(record: SettingsRecordFields | null): PortalDetails {
  return { currency: record?.portalCurrency || null, timeZone: record?.portalTimeZone || null };
}

function invalidSettings(errors: ValidationIssue[]): KeystoneError {
  const issues = errors.map((e) => ({ path: e.path ? `settings.${e.path}` : 'settings', message: e.message }));
  return new KeystoneError('KAM.INVALID_SETTINGS', `These settings cannot be saved: ${describeIssues(issues)}`, {
    issues,
  });
}

// Stored settings were valid when saved; if a later Keystone cannot read them, say so rather than guess.
function storedDocument(json: string): Settings {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch {
    throw new KeystoneError(
      'KAM.INVALID_SETTINGS',
      'The saved Keystone settings are damaged (not JSON). An admin can save the settings again to repair them.',
    );
  }
  const parsed = parseSettings(document);
  if (!parsed.success) {
    const message =
      `The saved Keystone settings cannot be read: ${describeIssues(parsed.errors)}. ` +
      'An admin can save the settings again to repair them.';
    throw new KeystoneError('KAM.INVALID_SETTINGS', message, { issues: parsed.errors });
  }
  return parsed.data;
}
