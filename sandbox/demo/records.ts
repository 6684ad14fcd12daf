import { HUBSPOT_DEFINED_ASSOCIATIONS } from '../catalog.ts';
import type { SandboxSeedInput, SeedRecord } from '../seed.ts';

export type SeedAssociationInput = SandboxSeedInput['associations'][number];

// Small builders for the seed's plain-data records.

export const DAY = 86_400_000;
export const YEAR = 365 * DAY;

export const iso = (at: number): string => new Date(at).toISOString();

/** Hands out numeric string ids from a per-type range, as HubSpot's ids are numeric strings. */
export function idSequence(first: number): () => string {
  let next = first;
  return () => String(next++);
}

export interface HistoryEntry {
  value: string;
  at: number;
  /** The user who made the change; HubSpot reports it as `userId:<id>`. */
  byUserId?: number;
}

/** A property's values, newest first, including the current one so its timestamp is known. */
function history(entries: readonly HistoryEntry[]): NonNullable<SeedRecord['propertyHistory']>[string] {
  return [...entries]
    .sort((a, b) => b.at - a.at)
    .map((e) => ({
      value: e.value,
      timestamp: iso(e.at),
      sourceType: 'CRM_UI',
      ...(e.byUserId === undefined ? {} : { sourceId: `userId:${e.byUserId}` }),
    }));
}

/** A record; `updatedAt` (its latest change) only when it changed after creation. */
export function seedRecord(
  id: string,
  properties: Record<string, string>,
  createdAt: number,
  propertyHistory?: Record<string, readonly HistoryEntry[]>,
): SeedRecord {
  let updatedAt = createdAt;
  for (const entries of Object.values(propertyHistory ?? {}))
    for (const e of entries) updatedAt = Math.max(updatedAt, e.at);
  return {
    id,
    properties,
    createdAt: iso(createdAt),
    ...(updatedAt > createdAt ? { updatedAt: iso(updatedAt) } : {}),
    ...(propertyHistory && Object.keys(propertyHistory).length > 0
      ? {
          propertyHistory: Object.fromEntries(
            Object.entries(propertyHistory).map(([name, entries]) => [name, history(entries)]),
          ),
        }
      : {}),
  };
}

/** One association per type id: HubSpot lists a primary link under both its unlabeled and its "Primary" type. The category defaults to HUBSPOT_DEFINED. */
export function associate(
  fromType: string,
  fromId: string,
  toType: string,
  toId: string,
  ...typeIds: number[]
): SeedAssociationInput[] {
  return typeIds.map((associationTypeId) => ({ fromType, fromId, toType, toId, associationTypeId }));
}

/** HubSpot's own type id for a link between two object types (`label` null for the unlabeled one), from the catalog. */
export function definedAssociationType(from: string, to: string, label: string | null = null): number {
  const found = HUBSPOT_DEFINED_ASSOCIATIONS.find((a) => a.from === from && a.to === to && a.label === label);
  if (!found) throw new Error(`No HubSpot-defined association from ${from} to ${to} labelled ${String(label)}`);
  return found.typeId;
}
