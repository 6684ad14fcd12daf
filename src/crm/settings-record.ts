import type { Client } from '@hubspot/api-client';
import { isKeystoneError } from '../errors/keystone-error.ts';
import { PORTAL_SETTINGS, PORTAL_SETTINGS_KEY } from './model/index.ts';
import { hubspotCall } from './batch.ts';
import type { PortalDetails } from './portal-details.ts';
import { presentProperties, propertyNames, readFields, toProperties } from './records.ts';

export type SettingsRecordFields = ReturnType<typeof readFields<keyof typeof PORTAL_SETTINGS.property>>;

// The portal's settings record (model/portal-settings.ts), addressed by its unique `settings_key`
// ("portal") so nobody needs to know its record id. The records of past saves never come back from here.

/** The record's fields, or null when nobody has saved settings or run setup yet. */
export async function readSettingsRecord(client: Client, objectTypeId: string): Promise<SettingsRecordFields | null> {
  try {
    const record = await hubspotCall(() =>
      client.crm.objects.basicApi.getById(
        objectTypeId,
        PORTAL_SETTINGS_KEY,
        propertyNames(PORTAL_SETTINGS.property),
        undefined,
        undefined,
        false,
        PORTAL_SETTINGS.property.settingsKey,
      ),
    );
    return readFields(presentProperties(record.properties), PORTAL_SETTINGS.property);
  } catch (error) {
    if (isKeystoneError(error) && error.code === 'KAM.NOT_FOUND') return null;
    throw error;
  }
}

/** Creates or updates the record in one call (upsert on the unique key), so a first save cannot make two. */
export async function writeSettingsRecord(
  client: Client,
  objectTypeId: string,
  properties: Record<string, string>,
): Promise<void> {
  await hubspotCall(() =>
    client.crm.objects.batchApi.upsert(objectTypeId, {
      inputs: [
        {
          id: PORTAL_SETTINGS_KEY,
          idProperty: PORTAL_SETTINGS.property.settingsKey,
          properties: { ...properties, [PORTAL_SETTINGS.property.settingsKey]: PORTAL_SETTINGS_KEY },
        },
      ],
    }),
  );
}

/** The portal's currency and time zone as settings record properties: only what HubSpot told (an unknown one keeps what the record holds). */
export function portalDetailsProperties(details: PortalDetails): Record<string, string> {
  return toProperties(
    { portalCurrency: details.currency ?? undefined, portalTimeZone: details.timeZone ?? undefined },
    PORTAL_SETTINGS.property,
  );
}
