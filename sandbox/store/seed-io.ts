import { associatedObjectName } from '../catalog.ts';
import { STANDARD_SEED_TYPES } from '../seed.ts';
import type { SandboxSeed, SeedAssociation, SeedAssociationDefinition, SeedObjectSchema, SeedRecord } from '../seed.ts';
import type { HistoryEntry, ObjectType, StoredRecord } from './model.ts';
import { isoInstant } from './model.ts';
import { Portal, userDefinedPair } from './portal.ts';

// Seeds in, seeds out: a portal is built from a seed, and can be written back as one. Snapshots
// hold a portal's definitions (types, properties, labels, owners) in the seed's shapes too.

/** Everything in a seed but its records and associations. */
export type SeedDefinitions = Omit<SandboxSeed, 'objects' | 'associations'>;

const ms = (iso: string) => Date.parse(iso);

export function portalFromSeed(seed: SandboxSeed, firstRecordId: number): Portal {
  const portal = portalFromDefinitions(seed, firstRecordId);
  for (const [typeName, records] of Object.entries(seed.objects)) {
    const type = seedType(portal, typeName, `objects.${typeName}`);
    records.forEach((record, i) => {
      if (type.records.has(record.id)) throw new Error(`Seed objects.${typeName}[${i}]: id ${record.id} is used twice`);
      portal.insertRecord(type, storedRecord(type, record));
    });
  }

  seed.associations.forEach((association, i) => {
    const path = `associations[${i}]`;
    const from = seedType(portal, association.fromType, `${path}.fromType`);
    const to = seedType(portal, association.toType, `${path}.toType`);
    if (!from.records.has(association.fromId))
      throw new Error(`Seed ${path}.fromId: no ${from.singular} ${association.fromId}`);
    if (!to.records.has(association.toId)) throw new Error(`Seed ${path}.toId: no ${to.singular} ${association.toId}`);
    const type =
      association.associationTypeId === undefined
        ? portal.defaultAssociationType(from.objectTypeId, to.objectTypeId)
        : portal.associationTypes.get(association.associationTypeId);
    if (!type || type.fromTypeId !== from.objectTypeId || type.toTypeId !== to.objectTypeId) {
      throw new Error(
        `Seed ${path}.associationTypeId: no association type ${association.associationTypeId ?? '(default)'} from ${association.fromType} to ${association.toType}`,
      );
    }
    portal.apply({
      op: 'associate',
      fromType: from.objectTypeId,
      fromId: association.fromId,
      toType: to.objectTypeId,
      toId: association.toId,
      typeIds: [type.typeId],
    });
  });
  return portal;
}

/** A portal with a seed's object types, properties, association types and owners, and no records yet. */
export function portalFromDefinitions(seed: SeedDefinitions, firstRecordId: number): Portal {
  const portal = new Portal(seed.portalId, seed.currency, seed.timeZone, firstRecordId);
  seed.schemas.forEach((schema, i) => {
    if (portal.bySeedName(schema.name))
      throw new Error(`Seed schemas[${i}]: object type "${schema.name}" is declared twice`);
    portal.defineSchema(
      { ...schema, objectTypeId: schema.objectTypeId ?? `2-${portal.nextObjectTypeNumber}` },
      schema.createdAt ? ms(schema.createdAt) : 0,
    );
  });
  for (const [typeName, groups] of Object.entries(seed.propertyGroups)) {
    const type = seedType(portal, typeName, `propertyGroups.${typeName}`);
    for (const group of groups) type.groups.set(group.name, group);
  }
  for (const [typeName, properties] of Object.entries(seed.properties)) {
    const type = seedType(portal, typeName, `properties.${typeName}`);
    for (const property of properties) portal.putProperty(type, property, 0);
  }
  seed.associationDefinitions.forEach((definition, i) => {
    const path = `associationDefinitions[${i}]`;
    const from = seedType(portal, definition.fromType, `${path}.fromType`).objectTypeId;
    const to = seedType(portal, definition.toType, `${path}.toType`).objectTypeId;
    const label = definition.label ?? null;
    portal.defineAssociationTypes(
      userDefinedPair(
        from,
        to,
        definition.typeId,
        definition.inverseTypeId,
        label,
        definition.inverseLabel ?? label,
        definition.name,
      ),
    );
  });
  seed.schemas.forEach((schema, i) => {
    const type = seedType(portal, schema.name, `schemas[${i}]`);
    schema.associatedObjects.forEach((other, j) => {
      const target = seedType(portal, associatedObjectName(other), `schemas[${i}].associatedObjects[${j}]`);
      if (portal.associationTypesBetween(type.objectTypeId, target.objectTypeId).some((t) => t.label === null)) return;
      const typeId = portal.nextAssociationTypeId;
      portal.defineAssociationTypes(
        userDefinedPair(type.objectTypeId, target.objectTypeId, typeId, typeId + 1, null, null),
      );
    });
  });
  portal.owners.push(...seed.owners);
  return portal;
}

function seedType(portal: Portal, name: string, path: string): ObjectType {
  const type = portal.bySeedName(name);
  if (!type) throw new Error(`Seed ${path}: unknown object type "${name}"`);
  return type;
}

function storedRecord(type: ObjectType, record: SeedRecord): StoredRecord {
  const createdAt = ms(record.createdAt);
  const history: Record<string, HistoryEntry[]> = {};
  for (const [name, entries] of Object.entries(record.propertyHistory ?? {})) {
    const older = entries.map((e) => ({
      value: e.value,
      timestamp: ms(e.timestamp),
      sourceType: e.sourceType,
      ...(e.sourceId ? { sourceId: e.sourceId } : {}),
    }));
    const current = record.properties[name];
    // The seed may leave the current value implicit: it is the newest entry.
    history[name] =
      current !== undefined && older[0]?.value !== current
        ? [{ value: current, timestamp: ms(record.updatedAt ?? record.createdAt), sourceType: 'CRM_UI' }, ...older]
        : older;
  }
  const properties = { ...record.properties };
  for (const name of ['hs_createdate', 'createdate'])
    if (type.properties.has(name)) properties[name] ??= record.createdAt;
  const updatedAt = record.updatedAt ? ms(record.updatedAt) : createdAt;
  for (const name of ['hs_lastmodifieddate', 'lastmodifieddate'])
    if (type.properties.has(name)) properties[name] ??= isoInstant(updatedAt);
  return { id: record.id, properties, history, createdAt, updatedAt, archived: record.archived ?? false };
}

/** The whole portal as a seed. */
export function portalToSeed(portal: Portal): SandboxSeed {
  const objects: Record<string, SeedRecord[]> = Object.fromEntries(STANDARD_SEED_TYPES.map((t) => [t, []]));
  for (const type of portal.types.values()) {
    objects[seedName(portal, type.objectTypeId)] = [...type.records.values()].map((r) => ({
      id: r.id,
      properties: r.properties,
      createdAt: isoInstant(r.createdAt),
      updatedAt: isoInstant(r.updatedAt),
      ...(r.archived ? { archived: true } : {}),
      ...(Object.keys(r.history).length === 0
        ? {}
        : {
            propertyHistory: Object.fromEntries(
              Object.entries(r.history).map(([p, entries]) => [
                p,
                entries.map((e) => ({ ...e, timestamp: isoInstant(e.timestamp) })),
              ]),
            ),
          }),
    }));
  }

  const associations: SeedAssociation[] = [];
  for (const [fromType, fromId, toType, toId, typeIds] of portal.links.entries()) {
    for (const typeId of typeIds) {
      const inverse = portal.associationTypes.get(typeId)?.inverseTypeId ?? typeId;
      // Each association is stored both ways; write it once.
      if (typeId > inverse || (typeId === inverse && `${fromType}:${fromId}` > `${toType}:${toId}`)) continue;
      associations.push({
        fromType: seedName(portal, fromType),
        fromId,
        toType: seedName(portal, toType),
        toId,
        associationTypeId: typeId,
        associationCategory: portal.associationTypes.get(typeId)?.category ?? 'HUBSPOT_DEFINED',
      });
    }
  }

  return { ...seedDefinitions(portal), objects: objects as SandboxSeed['objects'], associations };
}

/** The portal's object types, properties, association types and owners, as a seed holds them. */
export function seedDefinitions(portal: Portal): SeedDefinitions {
  const properties: SandboxSeed['properties'] = {};
  const propertyGroups: SandboxSeed['propertyGroups'] = {};
  const schemas: SeedObjectSchema[] = [];
  for (const type of portal.types.values()) {
    const name = seedName(portal, type.objectTypeId);
    // The portal's own properties, and HubSpot's ones it has edited (only those carry an updatedAt).
    const own = [...type.properties.values()]
      .filter((p) => !p.hubspotDefined || p.updatedAt !== undefined)
      .map(({ hubspotDefined: _h, createdAt: _c, updatedAt: _u, displayOrder: _d, ...p }) => p);
    if (type.custom) {
      schemas.push({
        name,
        objectTypeId: type.objectTypeId,
        labels: type.custom.labels,
        primaryDisplayProperty: type.custom.primaryDisplayProperty,
        secondaryDisplayProperties: type.custom.secondaryDisplayProperties,
        requiredProperties: type.requiredProperties,
        searchableProperties: type.searchableProperties,
        properties: own,
        associatedObjects: [],
        createdAt: isoInstant(type.custom.createdAt),
      });
    } else if (own.length > 0) {
      properties[name] = own;
    }
    propertyGroups[name] = [...type.groups.values()];
  }

  const associationDefinitions: SeedAssociationDefinition[] = [];
  for (const t of portal.associationTypes.values()) {
    if (t.category !== 'USER_DEFINED' || t.typeId > t.inverseTypeId) continue;
    const inverse = portal.associationTypes.get(t.inverseTypeId);
    associationDefinitions.push({
      fromType: seedName(portal, t.fromTypeId),
      toType: seedName(portal, t.toTypeId),
      typeId: t.typeId,
      inverseTypeId: t.inverseTypeId,
      name: t.name,
      ...(t.label === null ? {} : { label: t.label }),
      ...(inverse?.label == null || inverse === t ? {} : { inverseLabel: inverse.label }),
    });
  }

  return {
    portalId: portal.portalId,
    currency: portal.currency,
    timeZone: portal.timeZone,
    owners: portal.owners,
    properties,
    propertyGroups,
    schemas,
    associationDefinitions,
  };
}

function seedName(portal: Portal, objectTypeId: string): string {
  const type = portal.types.get(objectTypeId)!;
  return type.custom?.name ?? type.name;
}
