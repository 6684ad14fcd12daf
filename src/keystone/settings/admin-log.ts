import { randomUUID } from 'node:crypto';
import type { Client } from '@hubspot/api-client';
import type { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects/index.js';
import type { AdminAction } from '../../contracts/get-settings.ts';
import { hubspotCall } from '../../crm/batch.ts';
import { isConflict } from '../../crm/errors.ts';
import { PORTAL_SETTINGS } from '../../crm/model/index.ts';
import type { ObjectTypeResolver } from '../../crm/object-types.ts';
import { fromHubSpotDateTime, presentProperties, toHubSpotDateTime, toProperties } from '../../crm/records.ts';
import { resendingUniqueCreate } from '../../crm/retry.ts';
import type { Caller } from '../access/index.ts';

// The admins' action log: every admin-only action (saving the settings, running setup, starting a
// portfolio recalculation, and that run's finish) leaves a record of the settings object, keyed
// "admin-action:<id>", naming the user id the action claimed and that user's name, when, and what it
// changed. HubSpot tells an app function nothing about who called it, so a forged user id cannot be
// refused; the log makes it visible to the admins, on the settings page. The record keeps the entry's
// details as JSON where a settings save's record keeps its settings, so the log needs no setup of its own.

/** The most an entry's details take (names cut), far below HubSpot's 65,536 characters a value. */
const DETAILS_LIMIT = 4_000;
/** How many of the latest entries the settings page shows. */
export const ADMIN_LOG_SHOWN = 10;
const KEY_PREFIX = 'admin-action:';

/** What an action records; only a settings save says whether it needs a recalculation. */
type Entry = Omit<AdminAction, 'userId' | 'name' | 'at' | 'needsRecalculation'> & { needsRecalculation?: boolean };

/**
 * Records an admin action for `caller` at `now`. `actionId` makes it once per action (a retry of the
 * same save, or a recalculation's last slice sent again, records nothing more); without one, each setup
 * run or recalculation start is an action of its own.
 */
export async function recordAdminAction(
  client: Client,
  objectTypes: ObjectTypeResolver,
  action: { caller: Caller; now: number; entry: Entry; actionId?: string },
): Promise<void> {
  const { caller, now, entry } = action;
  const objectTypeId = await objectTypes.objectTypeId('settings');
  const details = boundedDetails({ ...entry, name: caller.name });
  try {
    await resendingUniqueCreate(() =>
      hubspotCall(() =>
        client.crm.objects.basicApi.create(objectTypeId, {
          properties: toProperties(
            {
              settingsKey: `${KEY_PREFIX}${action.actionId ?? randomUUID()}`,
              settings: details,
              savedBy: caller.userId,
              savedAt: toHubSpotDateTime(now),
            },
            PORTAL_SETTINGS.property,
          ),
          associations: [],
        }),
      ),
    );
  } catch (error) {
    // Recorded already, by an earlier attempt of the same action.
    if (!isConflict(error)) throw error;
  }
}

/** The latest admin actions, newest first (HubSpot's search lags writes by a few seconds). */
export async function latestAdminActions(client: Client, objectTypes: ObjectTypeResolver): Promise<AdminAction[]> {
  const schema = await objectTypes.find('settings');
  if (!schema) return [];
  const p = PORTAL_SETTINGS.property;
  const found = await hubspotCall(() =>
    client.crm.objects.searchApi.doSearch(schema.objectTypeId, {
      filterGroups: [
        {
          filters: [
            { propertyName: p.settingsKey, operator: 'CONTAINS_TOKEN' as FilterOperatorEnum, value: `${KEY_PREFIX}*` },
          ],
        },
      ],
      // HubSpot takes a sort as an object too; the client types only the property's name.
      sorts: [{ propertyName: p.savedAt, direction: 'DESCENDING' }] as unknown as string[],
      properties: [p.settingsKey, p.settings, p.savedBy, p.savedAt],
      limit: ADMIN_LOG_SHOWN,
      after: '0',
    }),
  );
  // Actions of the same moment, the one recorded last first (HubSpot's ids grow).
  const newestFirst = [...found.results].sort((a, b) => Number(b.id) - Number(a.id));
  return newestFirst
    .flatMap((record) => {
      const fields = presentProperties(record.properties);
      const at = fromHubSpotDateTime(fields[p.savedAt]);
      const entry = readDetails(fields[p.settings] ?? undefined);
      if (!fields[p.settingsKey]?.startsWith(KEY_PREFIX) || at === null || entry === null) return [];
      return [{ ...entry, userId: fields[p.savedBy] ?? '', at }];
    })
    .sort((a, b) => b.at - a.at);
}

function boundedDetails(entry: Entry & { name: string }): string {
  const cut = (names: readonly string[]) => {
    const kept: string[] = [];
    let length = 0;
    for (const name of names) {
      length += name.length + 4;
      if (length > DETAILS_LIMIT / 4) break;
      kept.push(name.slice(0, 200));
    }
    return kept;
  };
  return JSON.stringify({
    kind: entry.kind,
    name: entry.name.slice(0, 200),
    summary: entry.summary.slice(0, 500),
    adminsAdded: cut(entry.adminsAdded),
    adminsRemoved: cut(entry.adminsRemoved),
    needsRecalculation: entry.needsRecalculation ?? false,
  });
}

function readDetails(json: string | undefined): Omit<AdminAction, 'userId' | 'at'> | null {
  try {
    const parsed = JSON.parse(json ?? '') as Partial<Omit<AdminAction, 'userId' | 'at'>>;
    if (typeof parsed.kind !== 'string' || typeof parsed.summary !== 'string') return null;
    return {
      kind: parsed.kind,
      name: typeof parsed.name === 'string' ? parsed.name : '',
      summary: parsed.summary,
      adminsAdded: Array.isArray(parsed.adminsAdded) ? parsed.adminsAdded.map(String) : [],
      adminsRemoved: Array.isArray(parsed.adminsRemoved) ? parsed.adminsRemoved.map(String) : [],
      // A save recorded before saves said so may have changed anything.
      needsRecalculation:
        typeof parsed.needsRecalculation === 'boolean' ? parsed.needsRecalculation : parsed.kind === 'save_settings',
    };
  } catch {
    return null;
  }
}
