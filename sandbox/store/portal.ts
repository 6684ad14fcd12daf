import { HUBSPOT_DEFINED_ASSOCIATIONS, STANDARD_OBJECT_TYPES, STANDARD_TYPE_RULES } from '../catalog.ts';
import type { SeedObjectSchema } from '../seed.ts';
import { AssociationLinks } from './links.ts';
import { byNumericId, isoInstant } from './model.ts';
import type { AssociationType, ObjectType, Owner, StoredProperty, StoredRecord } from './model.ts';
import type { Mutation } from './mutations.ts';
import { Records } from './records.ts';

// One portal's state and the only code that changes it (`apply`). API handlers validate, then
// describe their change as mutations; the store journals them and applies them here.

const SYSTEM_PROPERTIES = new Set([
  'hs_object_id',
  'hs_createdate',
  'createdate',
  'hs_lastmodifieddate',
  'lastmodifieddate',
]);
const CUSTOM_OBJECT_SYSTEM_PROPERTIES: StoredProperty[] = [
  {
    name: 'hs_createdate',
    label: 'Object create date/time',
    type: 'datetime',
    fieldType: 'date',
    groupName: 'system',
    hubspotDefined: true,
    displayOrder: -1,
  },
  {
    name: 'hs_lastmodifieddate',
    label: 'Object last modified date/time',
    type: 'datetime',
    fieldType: 'date',
    groupName: 'system',
    hubspotDefined: true,
    displayOrder: -1,
  },
  {
    name: 'hs_object_id',
    label: 'Record ID',
    type: 'number',
    fieldType: 'number',
    groupName: 'system',
    hubspotDefined: true,
    displayOrder: -1,
  },
];

const humanise = (name: string) => name.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

export const isSystemProperty = (name: string) => SYSTEM_PROPERTIES.has(name);

/** Both directions of a user-defined association type (one entry when it is its own inverse). */
export function userDefinedPair(
  from: string,
  to: string,
  typeId: number,
  inverseTypeId: number,
  label: string | null,
  inverseLabel: string | null,
  name?: string,
): [AssociationType] | [AssociationType, AssociationType] {
  const forward: AssociationType = {
    typeId,
    category: 'USER_DEFINED',
    fromTypeId: from,
    toTypeId: to,
    label,
    name,
    inverseTypeId,
  };
  if (typeId === inverseTypeId) return [forward];
  return [
    forward,
    {
      typeId: inverseTypeId,
      category: 'USER_DEFINED',
      fromTypeId: to,
      toTypeId: from,
      label: inverseLabel,
      name,
      inverseTypeId: typeId,
    },
  ];
}

export class Portal {
  /** By objectTypeId. */
  readonly types = new Map<string, ObjectType>();
  readonly associationTypes = new Map<number, AssociationType>();
  readonly owners: Owner[] = [];
  readonly links = new AssociationLinks();
  nextRecordId: number;
  nextAssociationTypeId = 1000;
  nextObjectTypeNumber = 100001;

  constructor(
    readonly portalId: number,
    readonly currency: string,
    readonly timeZone: string,
    /** The first record id handed out (deterministic runs start low; others at a random height). */
    firstRecordId: number,
  ) {
    this.nextRecordId = firstRecordId;
    for (const standard of STANDARD_OBJECT_TYPES) {
      const rules = STANDARD_TYPE_RULES[standard.name];
      const type = this.addType({
        objectTypeId: standard.objectTypeId,
        name: standard.name,
        singular: standard.singular,
        defaultProperties: rules?.defaultProperties ?? ['hs_object_id'],
        searchableProperties: rules?.searchableProperties ?? [],
        requiredProperties: rules?.requiredProperties ?? [],
      });
      for (const property of standard.properties) {
        type.properties.set(property.name, { ...property, hubspotDefined: true, displayOrder: -1 });
        if (!type.groups.has(property.groupName))
          type.groups.set(property.groupName, {
            name: property.groupName,
            label: humanise(property.groupName),
            displayOrder: -1,
          });
        if (property.hasUniqueValue) type.records.unique.set(property.name, new Map());
      }
    }
    for (const defined of HUBSPOT_DEFINED_ASSOCIATIONS) {
      const from = this.standard(defined.from);
      const to = this.standard(defined.to);
      this.associationTypes.set(defined.typeId, {
        typeId: defined.typeId,
        category: 'HUBSPOT_DEFINED',
        fromTypeId: from.objectTypeId,
        toTypeId: to.objectTypeId,
        label: defined.label,
        inverseTypeId: defined.inverseTypeId,
      });
    }
  }

  // ---- lookups -------------------------------------------------------------------------------

  standard(name: string): ObjectType {
    const type = [...this.types.values()].find((t) => !t.custom && t.name === name);
    if (!type) throw new Error(`Unknown standard object type "${name}"`);
    return type;
  }

  /**
   * How the API addresses a type: plural or singular standard name, objectTypeId, or a custom
   * object's fully qualified name (`p<portalId>_<name>`) or its short form (`p_<name>`).
   */
  resolve(identifier: string): ObjectType | undefined {
    const byId = this.types.get(identifier);
    if (byId) return byId;
    const lower = identifier.toLowerCase();
    for (const type of this.types.values()) {
      if (
        type.custom
          ? type.fullyQualifiedName === lower || `p_${type.custom.name}` === lower
          : type.name === lower || type.singular === lower
      )
        return type;
    }
    return undefined;
  }

  /** How seeds address a type: standard name or custom schema name. */
  bySeedName(name: string): ObjectType | undefined {
    return this.resolve(name) ?? [...this.types.values()].find((t) => t.custom?.name === name);
  }

  orderedIds(type: ObjectType): string[] {
    type.orderedIds ??= [...type.records.keys()].sort(byNumericId);
    return type.orderedIds;
  }

  /** The associations of one record to one other type: to id → type ids. */
  associationsOf(type: ObjectType, id: string, toTypeId: string): Map<string, Set<number>> | undefined {
    return this.links.of(type.objectTypeId, id, toTypeId);
  }

  associationTypesBetween(fromTypeId: string, toTypeId: string): AssociationType[] {
    return [...this.associationTypes.values()].filter((t) => t.fromTypeId === fromTypeId && t.toTypeId === toTypeId);
  }

  /** The unlabeled type HubSpot uses for "associate by default". */
  defaultAssociationType(fromTypeId: string, toTypeId: string): AssociationType | undefined {
    const candidates = this.associationTypesBetween(fromTypeId, toTypeId).filter((t) => t.label === null);
    return candidates.find((t) => t.category === 'HUBSPOT_DEFINED') ?? candidates[0];
  }

  // ---- building ------------------------------------------------------------------------------

  private addType(
    base: Pick<
      ObjectType,
      | 'objectTypeId'
      | 'name'
      | 'singular'
      | 'defaultProperties'
      | 'searchableProperties'
      | 'requiredProperties'
      | 'fullyQualifiedName'
      | 'custom'
    >,
  ): ObjectType {
    const type: ObjectType = {
      ...base,
      properties: new Map(),
      groups: new Map(),
      records: new Records(),
      orderedIds: null,
    };
    this.types.set(type.objectTypeId, type);
    return type;
  }

  defineSchema(schema: SeedObjectSchema & { objectTypeId: string }, at: number): ObjectType {
    const type = this.addType({
      objectTypeId: schema.objectTypeId,
      name: schema.name,
      singular: schema.name,
      fullyQualifiedName: `p${this.portalId}_${schema.name}`,
      custom: {
        name: schema.name,
        labels: schema.labels,
        primaryDisplayProperty: schema.primaryDisplayProperty,
        secondaryDisplayProperties: schema.secondaryDisplayProperties,
        createdAt: at,
        updatedAt: at,
      },
      defaultProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
      searchableProperties: schema.searchableProperties,
      requiredProperties: schema.requiredProperties,
    });
    type.groups.set(`${schema.name}_information`, {
      name: `${schema.name}_information`,
      label: `${schema.labels.singular} information`,
      displayOrder: -1,
    });
    for (const property of CUSTOM_OBJECT_SYSTEM_PROPERTIES) type.properties.set(property.name, property);
    for (const property of schema.properties) {
      this.putProperty(type, property, at);
    }
    this.nextObjectTypeNumber = Math.max(this.nextObjectTypeNumber, Number(schema.objectTypeId.slice(2)) + 1);
    return type;
  }

  putProperty(
    type: ObjectType,
    property: Omit<StoredProperty, 'hubspotDefined' | 'displayOrder'> & { displayOrder?: number },
    at: number,
  ): void {
    const existing = type.properties.get(property.name);
    if (!type.groups.has(property.groupName))
      type.groups.set(property.groupName, {
        name: property.groupName,
        label: humanise(property.groupName),
        displayOrder: -1,
      });
    type.properties.set(property.name, {
      ...existing,
      ...property,
      hubspotDefined: existing?.hubspotDefined ?? false,
      displayOrder: property.displayOrder ?? existing?.displayOrder ?? -1,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
    });
    if (property.hasUniqueValue && !type.records.unique.has(property.name)) {
      const index = new Map<string, string>();
      for (const record of type.records.values()) {
        const value = record.properties[property.name];
        if (!record.archived && value !== undefined) index.set(value, record.id);
      }
      type.records.unique.set(property.name, index);
    }
  }

  defineAssociationTypes(types: AssociationType[]): void {
    for (const t of types) {
      this.associationTypes.set(t.typeId, t);
      this.nextAssociationTypeId = Math.max(this.nextAssociationTypeId, t.typeId + 1);
    }
  }

  /** Puts a whole record in place (seeds and snapshots); API writes go through `apply`. */
  insertRecord(type: ObjectType, record: StoredRecord): void {
    record.properties.hs_object_id = record.id;
    type.records.set(record);
    type.orderedIds = null;
    if (!record.archived) this.indexUnique(type, record, Object.keys(record.properties));
    this.nextRecordId = Math.max(this.nextRecordId, Number(record.id) + 1);
  }

  /** Puts back a record as a snapshot holds it: JSON text, read on first use. */
  restoreRecord(type: ObjectType, id: string, json: string): void {
    type.records.restore(id, json);
    type.orderedIds = null;
    this.nextRecordId = Math.max(this.nextRecordId, Number(id) + 1);
  }

  // ---- changes -------------------------------------------------------------------------------

  apply(m: Mutation): void {
    switch (m.op) {
      case 'createRecord': {
        const type = this.typeOf(m.type);
        const iso = isoInstant(m.at);
        const record: StoredRecord = {
          id: m.id,
          properties: {},
          history: {},
          createdAt: m.at,
          updatedAt: m.at,
          archived: false,
        };
        for (const name of ['hs_createdate', 'createdate'])
          if (type.properties.has(name)) record.properties[name] = iso;
        this.writeProperties(record, m.properties, m.at, m.sourceType);
        this.touch(type, record, m.at);
        this.insertRecord(type, record);
        return;
      }
      case 'updateRecord': {
        const type = this.typeOf(m.type);
        const record = this.recordOf(type, m.id);
        this.unindexUnique(type, record, Object.keys(m.properties));
        this.writeProperties(record, m.properties, m.at, m.sourceType);
        this.touch(type, record, m.at);
        this.indexUnique(type, record, Object.keys(m.properties));
        return;
      }
      case 'archiveRecord': {
        const type = this.typeOf(m.type);
        const record = this.recordOf(type, m.id);
        this.unindexUnique(type, record, Object.keys(record.properties));
        record.archived = true;
        record.archivedAt = m.at;
        this.links.dropRecord(type.objectTypeId, m.id);
        return;
      }
      case 'associate':
        for (const typeId of m.typeIds) {
          const inverse = this.associationTypes.get(typeId)?.inverseTypeId ?? typeId;
          this.links.add(m.fromType, m.fromId, m.toType, m.toId, typeId);
          this.links.add(m.toType, m.toId, m.fromType, m.fromId, inverse);
        }
        return;
      case 'dissociate': {
        const forward = this.links.of(m.fromType, m.fromId, m.toType)?.get(m.toId);
        const typeIds = m.typeIds ?? [...(forward ?? [])];
        for (const typeId of typeIds) {
          const inverse = this.associationTypes.get(typeId)?.inverseTypeId ?? typeId;
          this.links.remove(m.fromType, m.fromId, m.toType, m.toId, typeId);
          this.links.remove(m.toType, m.toId, m.fromType, m.fromId, inverse);
        }
        return;
      }
      case 'defineSchema':
        this.defineSchema(m.schema, m.at);
        return;
      case 'updateSchema': {
        const type = this.typeOf(m.objectTypeId);
        const custom = type.custom!;
        const { labels, primaryDisplayProperty, secondaryDisplayProperties, requiredProperties, searchableProperties } =
          m.changes;
        if (labels) custom.labels = labels;
        if (primaryDisplayProperty !== undefined) custom.primaryDisplayProperty = primaryDisplayProperty;
        if (secondaryDisplayProperties) custom.secondaryDisplayProperties = secondaryDisplayProperties;
        if (requiredProperties) type.requiredProperties = requiredProperties;
        if (searchableProperties) type.searchableProperties = searchableProperties;
        custom.updatedAt = m.at;
        return;
      }
      case 'archiveSchema': {
        this.types.delete(m.objectTypeId);
        for (const t of [...this.associationTypes.values()]) {
          if (t.fromTypeId === m.objectTypeId || t.toTypeId === m.objectTypeId) this.associationTypes.delete(t.typeId);
        }
        return;
      }
      case 'putProperty':
        this.putProperty(this.typeOf(m.type), m.property, m.at);
        return;
      case 'archiveProperty': {
        const type = this.typeOf(m.type);
        type.properties.delete(m.name);
        type.records.unique.delete(m.name);
        return;
      }
      case 'putGroup':
        this.typeOf(m.type).groups.set(m.group.name, m.group);
        return;
      case 'archiveGroup':
        this.typeOf(m.type).groups.delete(m.name);
        return;
      case 'defineAssociationTypes':
        this.defineAssociationTypes(m.types);
        return;
      case 'relabelAssociationType': {
        const type = this.associationTypes.get(m.typeId);
        if (!type) return;
        type.label = m.label;
        const inverse = this.associationTypes.get(type.inverseTypeId);
        if (inverse && inverse !== type) inverse.label = m.inverseLabel ?? m.label;
        return;
      }
      case 'removeAssociationTypes': {
        const type = this.associationTypes.get(m.typeId);
        if (!type) return;
        for (const typeId of new Set([type.typeId, type.inverseTypeId])) {
          this.associationTypes.delete(typeId);
          this.links.dropType(typeId);
        }
        return;
      }
    }
  }

  private typeOf(objectTypeId: string): ObjectType {
    const type = this.types.get(objectTypeId);
    if (!type) throw new Error(`Unknown object type ${objectTypeId}`);
    return type;
  }

  private recordOf(type: ObjectType, id: string): StoredRecord {
    const record = type.records.get(id);
    if (!record) throw new Error(`Unknown ${type.singular} ${id}`);
    return record;
  }

  private writeProperties(
    record: StoredRecord,
    properties: Record<string, string>,
    at: number,
    sourceType: string,
  ): void {
    for (const [name, value] of Object.entries(properties)) {
      const previous = record.properties[name];
      // Keep the value a record was created with, which the history ledger otherwise leaves implicit.
      const history = (record.history[name] ??=
        previous === undefined ? [] : [{ value: previous, timestamp: record.createdAt, sourceType: 'CRM_UI' }]);
      history.unshift({ value, timestamp: at, sourceType });
      if (value === '') delete record.properties[name];
      else record.properties[name] = value;
    }
  }

  private touch(type: ObjectType, record: StoredRecord, at: number): void {
    record.updatedAt = at;
    const iso = isoInstant(at);
    for (const name of ['hs_lastmodifieddate', 'lastmodifieddate'])
      if (type.properties.has(name)) record.properties[name] = iso;
  }

  private indexUnique(type: ObjectType, record: StoredRecord, names: string[]): void {
    for (const name of names) {
      const value = record.properties[name];
      if (value !== undefined) type.records.unique.get(name)?.set(value, record.id);
    }
  }

  private unindexUnique(type: ObjectType, record: StoredRecord, names: string[]): void {
    for (const name of names) {
      const value = record.properties[name];
      const index = type.records.unique.get(name);
      if (value !== undefined && index?.get(value) === record.id) index.delete(value);
    }
  }
}
