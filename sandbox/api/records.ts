import type { z } from 'zod';
import type { ApiError, ErrorDetail } from '../http/errors.ts';
import { conflict, missingScopes, notFound, validationError } from '../http/errors.ts';
import { READ_ONLY_OBJECT_TYPES } from '../catalog.ts';
import type { ObjectType, StoredProperty, StoredRecord } from '../store/model.ts';
import { isoInstant } from '../store/model.ts';
import type { Portal } from '../store/portal.ts';
import { v3Associations } from './v3-associations.ts';

// What every record endpoint shares: finding the object type and the record, checking and
// normalising property writes, and shaping a record the way HubSpot returns it.

/** Request bodies are checked with zod; a mismatch is HubSpot's 400 with the path that is wrong. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ message: i.message, in: i.path.join('.') || '(body)' }));
  throw validationError(`Invalid input JSON: ${issues.map((i) => `${i.in}: ${i.message}`).join('; ')}`, issues);
}

/** Standard names, objectTypeIds and fully qualified names; a custom object's bare name is refused, as HubSpot now does. */
export function resolveType(portal: Portal, identifier: string): ObjectType {
  const type = portal.resolve(identifier);
  if (!type) throw validationError(`Unable to infer object type from: ${identifier}`);
  return type;
}

/**
 * The object type a write names, refused when HubSpot's API only reads it (survey responses). No
 * write scope exists for such an object, so HubSpot's answer is taken to be its 403 for a scope the
 * app cannot hold (the write scope the name would have); the scope and wording are the sandbox's reading.
 */
export function writableType(portal: Portal, identifier: string): ObjectType {
  const type = resolveType(portal, identifier);
  if (READ_ONLY_OBJECT_TYPES.has(type.objectTypeId))
    throw missingScopes(
      [`crm.objects.${type.name}.write`],
      `The ${type.name} API is read-only: HubSpot records survey responses itself and no app can create, update or delete them.`,
    );
  return type;
}

export function positiveInt(raw: string | null, fallback: number, name: string): number {
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw validationError(`${name}: "${raw}" is not a positive whole number`);
  return value;
}

export function findRecord(type: ObjectType, id: string, idProperty?: string): StoredRecord | undefined {
  if (!idProperty || idProperty === 'hs_object_id') return type.records.get(id);
  const index = type.records.unique.get(idProperty);
  if (!index)
    throw validationError(
      `Property ${idProperty} is not a unique property of ${type.singular} and cannot be used as idProperty`,
    );
  const found = index.get(id);
  return found === undefined ? undefined : type.records.get(found);
}

export function requireRecord(
  type: ObjectType,
  id: string,
  options: { archived?: boolean; idProperty?: string } = {},
): StoredRecord {
  const record = findRecord(type, id, options.idProperty);
  if (!record || record.archived !== (options.archived ?? false))
    throw notFound(`Object not found.  objectId are usually numeric.`);
  return record;
}

export type PropertyInput = Record<string, string | number | boolean | null>;

/** HubSpot refuses a value longer than this; a long text field holds at most 64 KiB. */
export const MAX_VALUE_LENGTH = 65_536;

/**
 * Checks a write against the type's properties and returns HubSpot's stored strings (numbers and
 * booleans as text, datetimes as ISO instants, "" which clears). A `null` is left out: HubSpot
 * answers 200 to it and keeps the value, so only "" clears.
 */
export function normaliseWrite(type: ObjectType, input: PropertyInput): Record<string, string> {
  const problems: ErrorDetail[] = [];
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(input)) {
    const property = type.properties.get(name);
    if (!property) {
      problems.push({
        message: `Property "${name}" does not exist`,
        code: 'PROPERTY_DOESNT_EXIST',
        context: { propertyName: [name] },
      });
      continue;
    }
    if (name === 'hs_object_id') {
      problems.push({
        message: `Property "${name}" is read only`,
        code: 'READ_ONLY_VALUE',
        context: { propertyName: [name] },
      });
      continue;
    }
    if (raw === null) continue;
    const value = String(raw);
    const result = value === '' ? { ok: value } : normaliseValue(property, value);
    if ('ok' in result) out[name] = result.ok;
    else problems.push({ message: result.error, code: result.code, context: { propertyName: [name] } });
  }
  if (problems.length > 0) throw propertyError(problems);
  return out;
}

export function propertyError(problems: ErrorDetail[]): ApiError {
  return validationError(
    `Property values were not valid: ${JSON.stringify(problems.map((p) => ({ isValid: false, message: p.message, error: p.code, name: p.context?.propertyName?.[0] })))}`,
    problems,
  );
}

function normaliseValue(property: StoredProperty, value: string): { ok: string } | { error: string; code: string } {
  if (value.length > MAX_VALUE_LENGTH)
    return {
      error: `The value of ${property.name} is ${value.length} characters long; at most ${MAX_VALUE_LENGTH} are allowed.`,
      code: 'INVALID_LENGTH',
    };
  switch (property.type) {
    case 'number':
      // Plain decimals only: HubSpot documents no exponent or grouping form, so the stricter reading refuses them.
      return /^-?\d+(\.\d+)?$/.test(value.trim())
        ? { ok: String(Number(value)) }
        : { error: `${value} was not a valid number.`, code: 'INVALID_DECIMAL' };
    case 'bool':
      return /^(true|false)$/i.test(value)
        ? { ok: value.toLowerCase() }
        : { error: `${value} was not a valid boolean.`, code: 'INVALID_BOOLEAN' };
    case 'datetime':
    case 'date': {
      const epoch = /^-?\d+$/.test(value) ? Number(value) : Date.parse(value);
      if (Number.isNaN(epoch)) return { error: `${value} was not a valid date.`, code: 'INVALID_DATE' };
      if (property.type === 'datetime') return { ok: isoInstant(epoch) };
      if (epoch % 86_400_000 !== 0)
        return { error: `${value} is not at midnight UTC, which a date property requires.`, code: 'INVALID_DATE' };
      return { ok: isoInstant(epoch).slice(0, 10) };
    }
    case 'enumeration': {
      const allowed = property.options?.map((o) => o.value) ?? [];
      if (allowed.length === 0) return { ok: value };
      const bad = value.split(';').filter((v) => !allowed.includes(v));
      return bad.length === 0
        ? { ok: value }
        : {
            error: `${bad.join(', ')} was not one of the allowed options: ${allowed.join(', ')}`,
            code: 'INVALID_OPTION',
          };
    }
    default:
      return { ok: value };
  }
}

export function missingRequired(type: ObjectType, properties: Record<string, string>): ErrorDetail[] {
  return type.requiredProperties
    .filter((name) => !properties[name])
    .map((name) => ({
      message: `Required property "${name}" is missing`,
      code: 'REQUIRED_PROPERTY',
      context: { propertyName: [name] },
    }));
}

/**
 * Throws HubSpot's 409 when a unique-value property would repeat. `claimed` holds values taken
 * earlier in the same batch.
 */
export function checkUnique(
  type: ObjectType,
  properties: Record<string, string>,
  ownId: string | undefined,
  claimed = new Map<string, string>(),
): void {
  for (const [name, index] of type.records.unique) {
    const value = properties[name];
    if (value === undefined || value === '') continue;
    const holder = index.get(value) ?? claimed.get(`${name}\u0000${value}`);
    if (holder !== undefined && holder !== ownId) {
      throw conflict(`A ${type.singular} with ${name} "${value}" already exists. Existing ID: ${holder}`);
    }
    if (ownId !== undefined) claimed.set(`${name}\u0000${value}`, ownId);
  }
}

export interface ReadOptions {
  properties?: string[];
  propertiesWithHistory?: string[];
  /** Association targets asked for on read (v3 shape). */
  associations?: string[];
}

/**
 * The type's creation date, last-modified date and record id: HubSpot returns them with every read,
 * whatever was asked for (contacts name them `createdate` and `lastmodifieddate`, companies and
 * deals `createdate` and `hs_lastmodifieddate`, other objects `hs_createdate` and `hs_lastmodifieddate`).
 */
export function systemFields(type: ObjectType): string[] {
  const pick = (...names: string[]) => names.find((n) => type.properties.has(n));
  return [pick('createdate', 'hs_createdate'), pick('lastmodifieddate', 'hs_lastmodifieddate'), 'hs_object_id'].filter(
    (n): n is string => n !== undefined,
  );
}

/** A value as HubSpot reads it back: null when never set, "" once cleared. */
function readValue(record: StoredRecord, name: string): string | null {
  return record.properties[name] ?? (record.history[name]?.[0]?.value === '' ? '' : null);
}

/**
 * A record as HubSpot returns it. The properties asked for (or, with none, the history ones asked
 * for, or else the type's defaults) plus the system fields; a defined, unset property reads null and
 * an unknown one is left out.
 */
export function recordView(
  portal: Portal,
  type: ObjectType,
  record: StoredRecord,
  options: ReadOptions = {},
): Record<string, unknown> {
  const asked = options.properties?.length
    ? options.properties
    : options.propertiesWithHistory?.length
      ? options.propertiesWithHistory
      : type.defaultProperties;
  const properties: Record<string, string | null> = {};
  for (const name of [...asked, ...systemFields(type)]) {
    if (type.properties.has(name)) properties[name] = readValue(record, name);
  }
  properties.hs_object_id = record.id;
  const view: Record<string, unknown> = {
    id: record.id,
    properties,
    createdAt: isoInstant(record.createdAt),
    updatedAt: isoInstant(record.updatedAt),
    archived: record.archived,
    ...(record.archivedAt === undefined ? {} : { archivedAt: isoInstant(record.archivedAt) }),
  };
  if (options.propertiesWithHistory)
    view.propertiesWithHistory = historyView(type, record, options.propertiesWithHistory);
  if (options.associations) view.associations = v3Associations(portal, type, record.id, options.associations);
  return view;
}

function historyView(type: ObjectType, record: StoredRecord, names: string[]) {
  const out: Record<string, unknown[]> = {};
  for (const name of names) {
    if (!type.properties.has(name)) continue;
    const current = record.properties[name];
    const entries =
      record.history[name] ??
      (current === undefined ? [] : [{ value: current, timestamp: record.createdAt, sourceType: 'CRM_UI' }]);
    out[name] = entries.map((e) => ({
      value: e.value,
      timestamp: isoInstant(e.timestamp),
      sourceType: e.sourceType,
      ...(e.sourceId ? { sourceId: e.sourceId } : {}),
    }));
  }
  return out;
}

export function batchBody(results: unknown[], startedAt: number, completedAt: number, errors: unknown[] = []) {
  return {
    status: 'COMPLETE',
    results,
    startedAt: isoInstant(startedAt),
    completedAt: isoInstant(completedAt),
    ...(errors.length > 0 ? { numErrors: errors.length, errors } : {}),
  };
}

/** One failed part of a batch, in HubSpot's standard error shape (its `errors` and `links` always present). */
export function batchError(category: string, message: string, context: Record<string, string[]>, subCategory?: string) {
  return {
    status: 'error',
    category,
    ...(subCategory ? { subCategory } : {}),
    message,
    context,
    errors: [],
    links: {},
  };
}
