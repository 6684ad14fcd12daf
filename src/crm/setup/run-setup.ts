import type { Client } from '@hubspot/api-client';
import type { PropertyCreate } from '@hubspot/api-client/lib/codegen/crm/properties/index.js';
import type { ObjectSchemaEgg } from '@hubspot/api-client/lib/codegen/crm/schemas/index.js';
import { KeystoneError } from '../../errors/keystone-error.ts';
import { hubspotCall } from '../batch.ts';
import {
  ASSOCIATION_LABELS,
  COMPANY_PROPERTIES,
  CONTACT_PROPERTIES,
  KEYSTONE_GROUP,
  KEYSTONE_OBJECTS,
  PORTAL_SETTINGS,
  objectSchemaDefinition,
  type AssociationLabelSpec,
  type CustomObjectSpec,
  type KeystoneObjectKey,
  type PropertySpec,
} from '../model/index.ts';
import { ObjectTypeResolver } from '../object-types.ts';
import { readPortalDetails } from '../portal-details.ts';
import { toHubSpotDateTime } from '../records.ts';
import {
  portalDetailsProperties,
  readSettingsRecord,
  writeSettingsRecord,
  type SettingsRecordFields,
} from '../settings-record.ts';
import { propertyChanges, type ExistingProperty } from './property-changes.ts';
import { SETUP_VERSION } from './setup-version.ts';

// Keystone's migration. Every step compares the portal with the model and changes only what differs,
// so a second run writes nothing and a run after a failure picks up where the last one stopped. The
// applied version is written last, so a portal only reads as set up once everything is in place.

interface SetupStep {
  target: string;
  action: 'created' | 'updated' | 'unchanged';
}
interface SetupReport {
  version: number;
  previousVersion: number;
  steps: SetupStep[];
  changed: number;
}
export interface SetupStatus {
  appliedVersion: number;
  currentVersion: number;
  upToDate: boolean;
}

const STANDARD_OBJECT_PROPERTIES = [
  { objectType: 'companies', specs: Object.values(COMPANY_PROPERTIES) },
  { objectType: 'contacts', specs: Object.values(CONTACT_PROPERTIES) },
] as const;

const OBJECT_TYPE_IDS = { companies: '0-2', contacts: '0-1' } as const;

// The client types these fields as TS enums whose values are the same strings HubSpot takes.
const asPropertyCreate = (p: object) => p as unknown as PropertyCreate;

export async function runSetup(
  client: Client,
  options: {
    now: number;
    onStep?: (step: SetupStep) => void;
    /**
     * More of the settings record's properties, from what the caller read (the portal's people): written
     * with the version, and written even when setup has nothing else to change, as they change without it.
     */
    settingsRecord?: Record<string, string>;
  },
): Promise<SetupReport> {
  const steps: SetupStep[] = [];
  const record = (step: SetupStep) => {
    steps.push(step);
    options.onStep?.(step);
  };
  const resolver = new ObjectTypeResolver(client);
  const recorded = await readRecordedSetup(client, resolver);
  const previousVersion = setupStatusOf(recorded?.setupVersion ?? null).appliedVersion;

  for (const { objectType, specs } of STANDARD_OBJECT_PROPERTIES) {
    record(await ensureGroup(client, objectType));
    for (const step of await ensureProperties(client, objectType, { specs, groupName: KEYSTONE_GROUP.name }))
      record(step);
  }
  for (const key of Object.keys(KEYSTONE_OBJECTS) as KeystoneObjectKey[]) {
    for (const step of await ensureCustomObject(client, resolver, { key, object: KEYSTONE_OBJECTS[key] })) record(step);
  }
  for (const label of ASSOCIATION_LABELS) record(await ensureAssociationLabel(client, label));

  // The portal's currency and time zone go on the settings record with the version, in one write, when
  // HubSpot's account details tell something the record does not hold yet.
  const details = await readPortalDetails(client);
  const portalChanged =
    (details.currency !== null && details.currency !== recorded?.portalCurrency) ||
    (details.timeZone !== null && details.timeZone !== recorded?.portalTimeZone);
  const versionChanged = previousVersion !== SETUP_VERSION;
  const alsoStored = options.settingsRecord ?? {};
  if (portalChanged || versionChanged || Object.keys(alsoStored).length > 0) {
    await writeSettingsRecord(client, await resolver.objectTypeId('settings'), {
      ...alsoStored,
      ...(portalChanged ? portalDetailsProperties(details) : {}),
      ...(versionChanged
        ? {
            [PORTAL_SETTINGS.property.setupVersion]: String(SETUP_VERSION),
            [PORTAL_SETTINGS.property.setupAppliedAt]: toHubSpotDateTime(options.now),
          }
        : {}),
    });
  }
  const hadDetails = Boolean(recorded?.portalCurrency || recorded?.portalTimeZone);
  record({
    target: 'portal currency and time zone',
    action: portalChanged ? (hadDetails ? 'updated' : 'created') : 'unchanged',
  });
  if (versionChanged)
    record({ target: `setup version ${SETUP_VERSION}`, action: previousVersion === 0 ? 'created' : 'updated' });
  return {
    version: SETUP_VERSION,
    previousVersion,
    steps,
    changed: steps.filter((s) => s.action !== 'unchanged').length,
  };
}

/** The setup version the portal records (0 when setup never completed). */
export async function readSetupStatus(client: Client, resolver = new ObjectTypeResolver(client)): Promise<SetupStatus> {
  return setupStatusOf((await readRecordedSetup(client, resolver))?.setupVersion ?? null);
}

/** The settings record, where setup records its version and the portal's details (null before the first run). */
async function readRecordedSetup(client: Client, resolver: ObjectTypeResolver): Promise<SettingsRecordFields | null> {
  const settingsSchema = await resolver.find('settings');
  return settingsSchema ? readSettingsRecord(client, settingsSchema.objectTypeId) : null;
}

/** The setup status a settings record's `setup_version` stands for. */
export function setupStatusOf(recordedVersion: string | null): SetupStatus {
  const appliedVersion = Number(recordedVersion ?? 0) || 0;
  return { appliedVersion, currentVersion: SETUP_VERSION, upToDate: appliedVersion >= SETUP_VERSION };
}

async function ensureGroup(client: Client, objectType: string): Promise<SetupStep> {
  const target = `${objectType} property group "${KEYSTONE_GROUP.label}"`;
  const groups = await hubspotCall(() => client.crm.properties.groupsApi.getAll(objectType));
  const existing = groups.results.find((g) => g.name === KEYSTONE_GROUP.name);
  if (!existing) {
    await hubspotCall(() =>
      client.crm.properties.groupsApi.create(objectType, { name: KEYSTONE_GROUP.name, label: KEYSTONE_GROUP.label }),
    );
    return { target, action: 'created' };
  }
  if (existing.label !== KEYSTONE_GROUP.label) {
    await hubspotCall(() =>
      client.crm.properties.groupsApi.update(objectType, KEYSTONE_GROUP.name, { label: KEYSTONE_GROUP.label }),
    );
    return { target, action: 'updated' };
  }
  return { target, action: 'unchanged' };
}

async function ensureProperties(
  client: Client,
  objectType: string,
  {
    specs,
    groupName,
    existingProperties,
  }: { specs: readonly PropertySpec[]; groupName: string; existingProperties?: ExistingProperty[] },
): Promise<SetupStep[]> {
  const existing =
    existingProperties ?? (await hubspotCall(() => client.crm.properties.coreApi.getAll(objectType))).results;
  const byName = new Map(existing.map((p) => [p.name, p]));
  const steps: SetupStep[] = [];
  for (const spec of specs) {
    const target = `${objectType} property ${spec.name}`;
    const current = byName.get(spec.name);
    if (!current) {
      await hubspotCall(() =>
        client.crm.properties.coreApi.create(objectType, asPropertyCreate({ ...spec, groupName })),
      );
      steps.push({ target, action: 'created' });
      continue;
    }
    const changes = propertyChanges(spec, current, groupName);
    if (changes && 'typeMismatch' in changes) throw new KeystoneError('KAM.HUBSPOT_REJECTED', changes.typeMismatch);
    if (changes) await hubspotCall(() => client.crm.properties.coreApi.update(objectType, spec.name, changes as never));
    steps.push({ target, action: changes ? 'updated' : 'unchanged' });
  }
  return steps;
}

async function ensureCustomObject(
  client: Client,
  resolver: ObjectTypeResolver,
  { key, object }: { key: KeystoneObjectKey; object: CustomObjectSpec },
): Promise<SetupStep[]> {
  const target = `custom object ${object.name}`;
  const nameOf = (field: string) => object.property[field] as string;
  const found = await resolver.find(key);
  if (!found) {
    const egg = objectSchemaDefinition(object);
    await hubspotCall(() => client.crm.schemas.coreApi.create(egg as unknown as ObjectSchemaEgg));
    resolver.forget();
    return [{ target, action: 'created' }];
  }

  // The object exists (perhaps from an older version or a run that stopped): bring it up to date.
  const schema = await hubspotCall(() => client.crm.schemas.coreApi.getById(found.objectTypeId));
  const steps: SetupStep[] = [];
  const wantSearchable = object.searchableFields.map(nameOf);
  // Not every answer carries the description: compare it only when it is there.
  const outdated =
    schema.labels.singular !== object.labels.singular ||
    schema.labels.plural !== object.labels.plural ||
    wantSearchable.some((p) => !(schema.searchableProperties ?? []).includes(p)) ||
    (schema.description !== undefined && schema.description !== object.description);
  if (outdated) {
    await hubspotCall(() =>
      client.crm.schemas.coreApi.update(found.objectTypeId, {
        labels: object.labels,
        description: object.description,
        searchableProperties: wantSearchable,
      }),
    );
  }
  steps.push({ target, action: outdated ? 'updated' : 'unchanged' });

  // New properties join the group HubSpot gave the object's own title property.
  const groupName = schema.properties.find((p) => p.name === nameOf(object.primaryField))?.groupName;
  steps.push(
    ...(await ensureProperties(client, found.objectTypeId, {
      specs: Object.values(object.properties),
      groupName: groupName ?? '',
      existingProperties: schema.properties,
    })),
  );

  for (const standard of object.associatedWith) {
    const toObjectTypeId = OBJECT_TYPE_IDS[standard];
    const linked = schema.associations.some(
      (a) =>
        (a.fromObjectTypeId === found.objectTypeId && a.toObjectTypeId === toObjectTypeId) ||
        (a.toObjectTypeId === found.objectTypeId && a.fromObjectTypeId === toObjectTypeId),
    );
    if (!linked)
      await hubspotCall(() =>
        client.crm.schemas.coreApi.createAssociation(found.objectTypeId, {
          fromObjectTypeId: found.objectTypeId,
          toObjectTypeId,
        }),
      );
    steps.push({ target: `${object.name} ↔ ${standard} association`, action: linked ? 'unchanged' : 'created' });
  }
  return steps;
}

async function ensureAssociationLabel(client: Client, label: AssociationLabelSpec): Promise<SetupStep> {
  const target = `association label "${label.label}" (${label.fromObject} → ${label.toObject})`;
  const definitions = await hubspotCall(() =>
    client.crm.associations.v4.schema.definitionsApi.getAll(label.fromObject, label.toObject),
  );
  if (definitions.results.some((d) => d.label === label.label)) return { target, action: 'unchanged' };
  await hubspotCall(() =>
    client.crm.associations.v4.schema.definitionsApi.create(label.fromObject, label.toObject, {
      name: label.name,
      label: label.label,
      ...(label.inverseLabel ? { inverseLabel: label.inverseLabel } : {}),
    }),
  );
  return { target, action: 'created' };
}
