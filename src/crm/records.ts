/** A record's properties as Keystone reads them: a cleared or never-set value is null. */
export type CrmProperties = Record<string, string | null>;
export interface CrmRecord {
  id: string;
  properties: CrmProperties;
}

// Conversions between a record's HubSpot properties and Keystone's field names, through the typed
// maps in model/ (e.g. KEY_ACCOUNT_PLAN.property). HubSpot stores every value as a string.

/**
 * A record's properties as Keystone reads them: a value HubSpot answers as "" (as it may answer one that
 * was cleared) is unset, null, like one never set, so nothing downstream tells the two apart.
 */
export function presentProperties(properties: Readonly<Record<string, string | null | undefined>>): CrmProperties {
  return Object.fromEntries(
    Object.entries(properties).map(([name, value]) => [name, value === '' || value === undefined ? null : value]),
  );
}

/** A record from any HubSpot read, its id as text and its properties as Keystone reads them. */
export function toCrmRecord(answer: {
  id: string | number;
  properties: Readonly<Record<string, string | null | undefined>>;
}): CrmRecord {
  return { id: String(answer.id), properties: presentProperties(answer.properties) };
}

/** The property names to request for every field of a map. */
export function propertyNames<Field extends string>(map: Readonly<Record<Field, string>>): string[] {
  return Object.values<string>(map);
}

/** A record's values by field name; unset properties are null. */
export function readFields<Field extends string>(
  properties: CrmProperties,
  map: Readonly<Record<Field, string>>,
): Record<Field, string | null> {
  const fields = {} as Record<Field, string | null>;
  for (const field of Object.keys(map) as Field[]) fields[field] = properties[map[field]] ?? null;
  return fields;
}

/** HubSpot properties for the given field values; `null` clears a property, `undefined` leaves it out. */
export function toProperties<Field extends string>(
  values: Partial<Record<Field, string | number | boolean | null>>,
  map: Readonly<Record<Field, string>>,
): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const [field, value] of Object.entries(values) as Array<[Field, string | number | boolean | null | undefined]>) {
    if (value === undefined) continue;
    properties[map[field]] = value === null ? '' : String(value);
  }
  return properties;
}

/** HubSpot reads a datetime from epoch milliseconds or ISO text; Keystone writes ISO text. */
export function toHubSpotDateTime(at: number): string {
  return new Date(at).toISOString();
}

/** Parses HubSpot's datetime text (ISO or epoch ms) to epoch ms; null when unset or unreadable. */
export function fromHubSpotDateTime(value: string | null | undefined): number | null {
  if (!value) return null;
  const asNumber = Number(value);
  const at = Number.isFinite(asNumber) ? asNumber : Date.parse(value);
  return Number.isFinite(at) ? at : null;
}

/** Parses a HubSpot number property; null when unset or not a number. */
export function fromHubSpotNumber(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}
