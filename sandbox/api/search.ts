import { z } from 'zod';
import { validationError } from '../http/errors.ts';
import { wildcardRegExp } from '../http/wildcard.ts';
import type { Route } from '../http/router.ts';
import type { ObjectType, StoredProperty, StoredRecord } from '../store/model.ts';
import { byNumericId } from '../store/model.ts';
import type { Portal } from '../store/portal.ts';
import type { ApiContext } from './context.ts';
import { parseBody, recordView, resolveType } from './records.ts';

// POST /crm/v3/objects/{type}/search: filter groups (OR) of filters (AND), one sort, a free-text
// query, 1 to 200 per page and no further than the 10,000th result. Works over the live records (no copies).

const MAX_GROUPS = 5;
const MAX_FILTERS_PER_GROUP = 6;
const MAX_FILTERS = 18;
const MAX_PAGE = 200;
const MAX_RESULTS = 10_000;
/** HubSpot's search guide gives no figure for these; the stricter readings bound what one request may ask. */
const MAX_VALUES_PER_FILTER = 100;
const MAX_QUERY_LENGTH = 3_000;

const OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const;
type Operator = (typeof OPERATORS)[number];

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const filterSchema = z.object({
  propertyName: z.string().min(1),
  operator: z.enum(OPERATORS),
  value: scalar.optional(),
  highValue: scalar.optional(),
  values: z
    .array(scalar)
    .max(MAX_VALUES_PER_FILTER, `IN and NOT_IN take at most ${MAX_VALUES_PER_FILTER} values`)
    .optional(),
});
type Filter = z.output<typeof filterSchema>;

const searchSchema = z.object({
  filterGroups: z
    .array(z.object({ filters: z.array(filterSchema) }))
    .max(MAX_GROUPS, `At most ${MAX_GROUPS} filter groups are allowed`)
    .default([]),
  sorts: z
    .array(
      z.union([
        z.string().transform((propertyName) => ({ propertyName, direction: 'ASCENDING' as const })),
        z.object({ propertyName: z.string(), direction: z.enum(['ASCENDING', 'DESCENDING']).default('ASCENDING') }),
      ]),
    )
    .max(1, 'Only one sort is allowed')
    .default([]),
  query: z.string().max(MAX_QUERY_LENGTH, `query may be at most ${MAX_QUERY_LENGTH} characters`).optional(),
  properties: z.array(z.string()).default([]),
  // A page of none would answer the same cursor for ever; HubSpot's guide gives no lower bound, so this
  // is the stricter reading.
  limit: z
    .number()
    .int()
    .min(1, 'limit must be at least 1')
    .max(MAX_PAGE, `limit may be at most ${MAX_PAGE}`)
    .default(10),
  after: z
    .union([z.string().regex(/^\d+$/, 'after must be the paging cursor of an earlier page'), z.number().int().min(0)])
    .transform(Number)
    .default(0),
});

type Predicate = (record: StoredRecord) => boolean;

const tokens = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
const isTemporal = (p: StoredProperty) => p.type === 'datetime' || p.type === 'date';
const toEpoch = (value: string) => (/^-?\d+$/.test(value) ? Number(value) : Date.parse(value));

/** The value a property compares by: numbers and instants as numbers, everything else as lower-case text. */
function comparable(property: StoredProperty | undefined, value: string): number | string {
  if (property?.type === 'number') return Number(value);
  if (property && isTemporal(property)) return toEpoch(value);
  return value.toLowerCase();
}

function containsToken(stored: string, wanted: string): boolean {
  if (wanted.includes('*')) {
    const pattern = wildcardRegExp(wanted, 'i');
    return pattern.test(stored) || tokens(stored).some((t) => pattern.test(t));
  }
  const have = new Set(tokens(stored));
  return tokens(wanted).every((t) => have.has(t));
}

function compileFilter(portal: Portal, type: ObjectType, filter: Filter): Predicate {
  const { propertyName, operator } = filter;
  const need = (field: 'value' | 'highValue'): string => {
    const v = filter[field];
    if (v === undefined) throw validationError(`Filter on ${propertyName}: operator ${operator} needs a ${field}`);
    return v;
  };
  const needValues = (): string[] => {
    if (!filter.values) throw validationError(`Filter on ${propertyName}: operator ${operator} needs values`);
    return filter.values;
  };

  if (propertyName.startsWith('associations.')) return associationFilter(portal, type, filter);
  const property = type.properties.get(propertyName);
  if (!property)
    throw validationError(`Filter on ${propertyName}: property ${propertyName} does not exist on ${type.singular}`, [
      {
        message: `Property "${propertyName}" does not exist`,
        code: 'PROPERTY_DOESNT_EXIST',
        context: { propertyName: [propertyName] },
      },
    ]);
  const read = (r: StoredRecord) => r.properties[propertyName];
  const multi = property.type === 'enumeration';
  const key = (v: string) => comparable(property, v);
  const equalsAny = (stored: string, wanted: Set<number | string>) =>
    (multi ? stored.split(';') : [stored]).some((part) => wanted.has(key(part)));
  const ordered = (test: (a: number | string, b: number | string) => boolean, value: string): Predicate => {
    const target = key(value);
    return (r) => {
      const v = read(r);
      return v !== undefined && test(key(v), target);
    };
  };

  switch (operator as Operator) {
    case 'EQ': {
      const wanted = new Set([key(need('value'))]);
      return (r) => {
        const v = read(r);
        return v !== undefined && equalsAny(v, wanted);
      };
    }
    case 'NEQ': {
      const wanted = new Set([key(need('value'))]);
      return (r) => {
        const v = read(r);
        return v === undefined || !equalsAny(v, wanted);
      };
    }
    case 'IN': {
      const wanted = new Set(needValues().map(key));
      return (r) => {
        const v = read(r);
        return v !== undefined && equalsAny(v, wanted);
      };
    }
    case 'NOT_IN': {
      const wanted = new Set(needValues().map(key));
      return (r) => {
        const v = read(r);
        return v === undefined || !equalsAny(v, wanted);
      };
    }
    case 'LT':
      return ordered((a, b) => a < b, need('value'));
    case 'LTE':
      return ordered((a, b) => a <= b, need('value'));
    case 'GT':
      return ordered((a, b) => a > b, need('value'));
    case 'GTE':
      return ordered((a, b) => a >= b, need('value'));
    case 'BETWEEN': {
      const low = key(need('value'));
      const high = key(need('highValue'));
      return (r) => {
        const v = read(r);
        if (v === undefined) return false;
        const k = key(v);
        return k >= low && k <= high;
      };
    }
    case 'HAS_PROPERTY':
      return (r) => read(r) !== undefined;
    case 'NOT_HAS_PROPERTY':
      return (r) => read(r) === undefined;
    case 'CONTAINS_TOKEN': {
      const wanted = need('value');
      return (r) => {
        const v = read(r);
        return v !== undefined && containsToken(v, wanted);
      };
    }
    case 'NOT_CONTAINS_TOKEN': {
      const wanted = need('value');
      return (r) => {
        const v = read(r);
        return v === undefined || !containsToken(v, wanted);
      };
    }
  }
}

/** `associations.company EQ 123`: records associated with that company (HubSpot's pseudo-property). */
function associationFilter(portal: Portal, type: ObjectType, filter: Filter): Predicate {
  const other = portal.resolve(filter.propertyName.slice('associations.'.length));
  if (!other) throw validationError(`Filter on ${filter.propertyName}: unknown object type`);
  const ids =
    filter.operator === 'EQ' && filter.value !== undefined
      ? [filter.value]
      : filter.operator === 'IN' && filter.values
        ? filter.values
        : undefined;
  if (!ids) throw validationError(`Filter on ${filter.propertyName}: only EQ and IN are supported on associations`);
  const linked = new Set<string>();
  for (const id of ids)
    for (const toId of portal.associationsOf(other, id, type.objectTypeId)?.keys() ?? []) linked.add(toId);
  return (r) => linked.has(r.id);
}

function queryMatcher(type: ObjectType, query: string): Predicate {
  const wanted = tokens(query);
  return (r) => {
    const have = type.searchableProperties.flatMap((name) => tokens(r.properties[name] ?? ''));
    return wanted.every((w) => have.some((h) => h.startsWith(w)));
  };
}

export const searchRoutes: Route<ApiContext>[] = [
  {
    method: 'POST',
    pattern: '/crm/v3/objects/:type/search',
    handle({ params, body }, context) {
      const portal = context.store.portal;
      const type = resolveType(portal, params.type!);
      const input = parseBody(searchSchema, body ?? {});
      const groupsTooBig = input.filterGroups.findIndex((g) => g.filters.length > MAX_FILTERS_PER_GROUP);
      if (groupsTooBig >= 0)
        throw validationError(
          `filterGroups.${groupsTooBig}: at most ${MAX_FILTERS_PER_GROUP} filters are allowed in a group`,
        );
      if (input.filterGroups.reduce((n, g) => n + g.filters.length, 0) > MAX_FILTERS)
        throw validationError(`At most ${MAX_FILTERS} filters are allowed in all`);
      if (input.after >= MAX_RESULTS)
        throw validationError(
          `Search returns at most ${MAX_RESULTS} results; page ${input.after} is beyond them. Narrow the filters instead.`,
        );

      const groups = input.filterGroups
        .filter((g) => g.filters.length > 0)
        .map((g) => g.filters.map((f) => compileFilter(portal, type, f)));
      const query = input.query?.trim() ? queryMatcher(type, input.query) : undefined;
      const matches: StoredRecord[] = [];
      for (const record of type.records.values()) {
        if (record.archived) continue;
        if (groups.length > 0 && !groups.some((group) => group.every((test) => test(record)))) continue;
        if (query && !query(record)) continue;
        matches.push(record);
      }
      sortRecords(type, matches, input.sorts[0]);

      const end = Math.min(input.after + input.limit, matches.length, MAX_RESULTS);
      const properties = input.properties.length > 0 ? input.properties : undefined;
      const results = matches.slice(input.after, end).map((r) => recordView(portal, type, r, { properties }));
      // A cursor past the 10,000th result too: a client that follows it meets the 400 above instead of
      // stopping as if it had every match.
      const more = end < matches.length;
      return {
        status: 200,
        body: {
          total: matches.length,
          results,
          ...(more ? { paging: { next: { after: String(end), link: `?after=${end}` } } } : {}),
        },
      };
    },
  },
];

function sortRecords(
  type: ObjectType,
  records: StoredRecord[],
  sort: { propertyName: string; direction: 'ASCENDING' | 'DESCENDING' } | undefined,
): void {
  if (!sort || sort.propertyName === 'hs_object_id') {
    records.sort((a, b) => byNumericId(a.id, b.id));
    if (sort?.direction === 'DESCENDING') records.reverse();
    return;
  }
  const property = type.properties.get(sort.propertyName);
  if (!property)
    throw validationError(
      `Sort on ${sort.propertyName}: property ${sort.propertyName} does not exist on ${type.singular}`,
    );
  const sign = sort.direction === 'DESCENDING' ? -1 : 1;
  const keys = new Map(
    records.map((r) => [
      r,
      r.properties[sort.propertyName] === undefined
        ? undefined
        : comparable(property, r.properties[sort.propertyName]!),
    ]),
  );
  records.sort((a, b) => {
    const x = keys.get(a);
    const y = keys.get(b);
    // Records without the property come last either way; ties fall back to id order.
    if (x === undefined || y === undefined) return x === y ? byNumericId(a.id, b.id) : x === undefined ? 1 : -1;
    return x < y ? -sign : x > y ? sign : byNumericId(a.id, b.id);
  });
}
