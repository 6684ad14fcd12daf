import {
  KEYSTONE_OBJECTS,
  PORTAL_SETTINGS,
  PORTAL_SETTINGS_KEY,
  objectSchemaDefinition,
} from '../../src/crm/model/index.ts';
import { toHubSpotDateTime, toProperties } from '../../src/crm/records.ts';
import { SETUP_VERSION } from '../../src/crm/setup/setup-version.ts';
import { parseSettings, type Settings } from '../../src/kam/settings/index.ts';
import { portalPeopleProperties } from '../../src/keystone/readers/portal-people.ts';
import { ownerRecordOf } from '../../src/keystone/readers/portal-reads.ts';
import type { SeedObjectSchema, SeedOwner, SeedRecord } from '../seed.ts';
import { DEMO_TEAMS, type FirmPerson } from './firm.ts';
import { idSequence, seedRecord, YEAR } from './records.ts';

// Keystone's own objects, as if setup had run: its custom object schemas (built from the same model
// definitions setup sends) and the settings record, which names who runs the key account programme.

/** Record ids of Keystone's objects (and of the HubSpot tasks it keeps for plans): one range per object, after the activities'. */
export const KEYSTONE_FIRST_IDS = {
  settings: 7_000_001,
  plan: 7_100_001,
  planRevision: 7_200_001,
  objective: 7_300_001,
  review: 7_400_001,
  task: 7_500_001,
} as const;

/** The sandbox, as HubSpot, files a new custom object's properties in `<name>_information`. */
const informationGroup = (objectName: string) => `${objectName}_information`;

export function keystoneSchemas(): SeedObjectSchema[] {
  return Object.values(KEYSTONE_OBJECTS).map((object) => {
    const { description: _shownOnlyByHubSpot, properties, ...definition } = objectSchemaDefinition(object);
    return { ...definition, properties: properties.map((p) => ({ ...p, groupName: informationGroup(object.name) })) };
  });
}

/**
 * Who the demo's settings make what: Margaret Hartwell (senior partner) is the admin; the Key Account
 * Managers team and the other two partners are managers; everyone else (sales, research) reads only.
 */
export function demoAccess(people: readonly FirmPerson[]): Settings['access'] {
  const partners = people.filter((p) => p.team === 'partners').map((p) => String(p.userId));
  const [admin, ...otherPartners] = partners;
  if (admin === undefined) throw new Error('The demo firm has no partners to run Keystone');
  return { adminUserIds: [admin], managerUserIds: otherPartners, managerTeamIds: [DEMO_TEAMS.keyAccounts.id] };
}

/** Default settings with the demo's access lists. */
export function demoSettings(people: readonly FirmPerson[]): Settings {
  const parsed = parseSettings({ access: demoAccess(people) });
  if (!parsed.success) throw new Error(`The demo's settings do not parse: ${JSON.stringify(parsed.errors)}`);
  return parsed.data;
}

/** When the nightly recalculation last stored the people, before "today". */
const LAST_NIGHT = 8 * 60 * 60_000;

/**
 * The settings record as setup and the admin's first save leave it, a year before "today", with the
 * portal's currency and time zone, and the portal's people as last night's recalculation stored them.
 */
export function settingsRecord(
  settings: Settings,
  { portal, owners }: { portal: { currency: string; timeZone: string }; owners: readonly SeedOwner[] },
  now: number,
): SeedRecord {
  const savedAt = now - YEAR;
  const properties = toProperties(
    {
      settingsKey: PORTAL_SETTINGS_KEY,
      settings: JSON.stringify(settings),
      revision: 1,
      savedBy: settings.access.adminUserIds[0] ?? null,
      savedAt: toHubSpotDateTime(savedAt),
      setupVersion: SETUP_VERSION,
      setupAppliedAt: toHubSpotDateTime(savedAt),
      portalCurrency: portal.currency,
      portalTimeZone: portal.timeZone,
    },
    PORTAL_SETTINGS.property,
  );
  const people = portalPeopleProperties(owners.filter((o) => !o.archived).map(ownerRecordOf), now - LAST_NIGHT);
  return seedRecord(idSequence(KEYSTONE_FIRST_IDS.settings)(), { ...properties, ...people }, savedAt);
}
