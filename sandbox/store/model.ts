import type { PropertyDefinition } from '../catalog.ts';
import type { SeedOwner } from '../seed.ts';
import type { Records } from './records.ts';

// The in-memory shape of one portal. Timestamps are epoch ms; every property value is a string.

export interface HistoryEntry {
  value: string;
  timestamp: number;
  sourceType: string;
  sourceId?: string;
}

export interface StoredRecord {
  id: string;
  properties: Record<string, string>;
  /** Newest first. A property without an entry here was set once, when the record was created. */
  history: Record<string, HistoryEntry[]>;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt?: number;
}

export interface StoredProperty extends Omit<PropertyDefinition, 'fieldType'> {
  fieldType: string;
  hubspotDefined: boolean;
  displayOrder: number;
  createdAt?: number;
  updatedAt?: number;
}

export interface PropertyGroup {
  name: string;
  label: string;
  displayOrder: number;
}

export interface CustomSchemaInfo {
  name: string;
  labels: { singular: string; plural: string };
  primaryDisplayProperty?: string;
  secondaryDisplayProperties: string[];
  createdAt: number;
  updatedAt: number;
}

export interface ObjectType {
  objectTypeId: string;
  /** The path name of a standard type (`companies`) or a custom schema's name. */
  name: string;
  /** `company`, or a custom schema's name; used in association type names. */
  singular: string;
  /** Custom objects only: `p<portalId>_<name>`. */
  fullyQualifiedName?: string;
  custom?: CustomSchemaInfo;
  defaultProperties: string[];
  searchableProperties: string[];
  requiredProperties: string[];
  properties: Map<string, StoredProperty>;
  groups: Map<string, PropertyGroup>;
  records: Records;
  /** Record ids in ascending numeric order; rebuilt lazily after a create. */
  orderedIds: string[] | null;
}

export interface AssociationType {
  typeId: number;
  category: 'HUBSPOT_DEFINED' | 'USER_DEFINED';
  fromTypeId: string;
  toTypeId: string;
  label: string | null;
  /** Internal name of a user-defined label. */
  name?: string;
  inverseTypeId: number;
}

export type Owner = SeedOwner;

export const isoInstant = (epochMs: number) => new Date(epochMs).toISOString();

export const recordKey = (objectTypeId: string, id: string) => `${objectTypeId}:${id}`;

export const byNumericId = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
