import { z } from 'zod';
import { ApiError, validationError } from '../http/errors.ts';
import type { Route } from '../http/router.ts';
import { listParam } from '../http/router.ts';
import { byNumericId } from '../store/model.ts';
import type { ObjectType } from '../store/model.ts';
import type { Mutation } from '../store/mutations.ts';
import { associationSpecSchema, checkAssociationSpecs } from './associations.ts';
import type { ApiContext } from './context.ts';
import type { PropertyInput, ReadOptions } from './records.ts';
import {
  batchBody,
  batchError,
  checkUnique,
  findRecord,
  missingRequired,
  normaliseWrite,
  parseBody,
  positiveInt,
  propertyError,
  recordView,
  requireRecord,
  resolveType,
  writableType,
} from './records.ts';

// /crm/v3/objects/{type}: records of standard and custom objects, one at a time and in batches.

const BATCH_LIMIT = 100;
/**
 * Asking for property history costs: a batch read with it takes at most 50 inputs (HubSpot's 400
 * names the figure), and a list read with it returns fewer records a page. How many fewer HubSpot's
 * reference does not say (a list read of 100 with history was refused with 400); the stricter reading
 * here refuses a page of more than 50 with history, as the batch read does.
 */
export const HISTORY_BATCH_LIMIT = 50;
const API_SOURCE = 'INTEGRATION';

const propertyValues = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
const createInput = z.object({
  properties: propertyValues,
  associations: z
    .array(
      z.object({
        to: z.object({ id: z.union([z.string(), z.number()]).transform(String) }),
        types: z.array(associationSpecSchema).min(1),
      }),
    )
    .default([]),
});
const batchOf = <T extends z.ZodType>(input: T) =>
  z.object({
    inputs: z.array(input).max(BATCH_LIMIT, `Too many inputs: a batch takes at most ${BATCH_LIMIT}`),
  });
const idInput = z.object({ id: z.union([z.string(), z.number()]).transform(String) });
const readBatch = batchOf(idInput).extend({
  properties: z.array(z.string()).default([]),
  propertiesWithHistory: z.array(z.string()).default([]),
  idProperty: z.string().optional(),
});
const updateInput = idInput.extend({ properties: propertyValues, idProperty: z.string().optional() });
const upsertInput = idInput.extend({ properties: propertyValues, idProperty: z.string() });

/** Ids named more than once, each once. */
function repeatedIds(inputs: ReadonlyArray<{ id: string }>): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { id } of inputs) (seen.has(id) ? repeated : seen).add(id);
  return [...repeated];
}

/**
 * A batch body whose inputs name each id once. HubSpot refuses a batch update or upsert that names an
 * id twice with this 400, writing nothing; reads and archives are refused the same way, the stricter
 * reading (HubSpot documents nothing for them).
 */
function parseIdBatch<S extends z.ZodType<{ inputs: Array<{ id: string }> }>>(schema: S, body: unknown): z.output<S> {
  const batch = parseBody(schema, body);
  const repeated = repeatedIds(batch.inputs);
  if (repeated.length > 0)
    throw new ApiError(
      400,
      'VALIDATION_ERROR',
      `Duplicate IDs found in batch input: [${repeated.join(', ')}]. IDs must be unique`,
      { context: { ids: repeated } },
    );
  return batch;
}

function readOptions(query: URLSearchParams): ReadOptions {
  return {
    properties: listParam(query, 'properties'),
    propertiesWithHistory: listParam(query, 'propertiesWithHistory'),
    associations: listParam(query, 'associations'),
  };
}

const archivedParam = (query: URLSearchParams) => query.get('archived') === 'true';

/** HubSpot answers a write with the default properties plus those written. */
const written = (type: ObjectType, properties: Record<string, unknown>): ReadOptions => ({
  properties: [...new Set([...type.defaultProperties, ...Object.keys(properties)])],
});

/** Checks one create and returns its mutations (record, then associations). */
function planCreate(
  context: ApiContext,
  type: ObjectType,
  input: z.output<typeof createInput>,
  claimed: Map<string, string>,
): { id: string; mutations: Mutation[] } {
  const portal = context.store.portal;
  const properties = normaliseWrite(type, input.properties as PropertyInput);
  const missing = missingRequired(type, properties);
  if (missing.length > 0) throw propertyError(missing);
  const links = input.associations.map((a) => ({ toId: a.to.id, ...checkAssociationSpecs(portal, type, a.types) }));
  for (const link of links) {
    if (!findRecord(link.toType, link.toId))
      throw validationError(`${link.toType.singular} ${link.toId} does not exist and cannot be associated`);
  }
  const id = context.nextRecordId();
  checkUnique(type, properties, id, claimed);
  const at = context.now();
  return {
    id,
    mutations: [
      { op: 'createRecord', type: type.objectTypeId, id, at, properties, sourceType: API_SOURCE },
      ...links.map(
        (l): Mutation => ({
          op: 'associate',
          fromType: type.objectTypeId,
          fromId: id,
          toType: l.toType.objectTypeId,
          toId: l.toId,
          typeIds: l.typeIds,
        }),
      ),
    ],
  };
}

const LIST_PAGE_LIMIT = 100;

export const objectRoutes: Route<ApiContext>[] = [
  {
    method: 'GET',
    pattern: '/crm/v3/objects/:type',
    handle({ params, query }, context) {
      const portal = context.store.portal;
      const type = resolveType(portal, params.type!);
      const limit = positiveInt(query.get('limit'), 10, 'limit');
      // HubSpot documents a page of at most 100 and says nothing of more: refused rather than trimmed.
      if (limit > LIST_PAGE_LIMIT)
        throw validationError(`limit may be at most ${LIST_PAGE_LIMIT}; ${limit} asks for more.`);
      const options = readOptions(query);
      if (options.propertiesWithHistory && limit > HISTORY_BATCH_LIMIT) {
        throw validationError(
          `The maximum number of objects that can be read with property histories is ${HISTORY_BATCH_LIMIT}; limit ${limit} asks for more.`,
        );
      }
      const after = query.get('after');
      if (after !== null && !/^\d+$/.test(after))
        throw validationError(`after: "${after}" is not a paging cursor this endpoint handed out`);
      const archived = archivedParam(query);
      const ids = portal.orderedIds(type);
      const results: unknown[] = [];
      let lastId: string | undefined;
      let more = false;
      for (let i = after === null ? 0 : firstAfter(ids, after); i < ids.length; i++) {
        const record = type.records.get(ids[i]!)!;
        if (record.archived !== archived) continue;
        if (results.length === limit) {
          more = true;
          break;
        }
        results.push(recordView(portal, type, record, options));
        lastId = record.id;
      }
      return {
        status: 200,
        body: { results, ...(more && lastId ? { paging: { next: { after: lastId, link: `?after=${lastId}` } } } : {}) },
      };
    },
  },
  {
    method: 'GET',
    pattern: '/crm/v3/objects/:type/:id',
    handle({ params, query }, context) {
      const portal = context.store.portal;
      const type = resolveType(portal, params.type!);
      const record = requireRecord(type, params.id!, {
        archived: archivedParam(query),
        idProperty: query.get('idProperty') ?? undefined,
      });
      return { status: 200, body: recordView(portal, type, record, readOptions(query)) };
    },
  },
  {
    method: 'POST',
    pattern: '/crm/v3/objects/:type',
    handle({ params, body }, context) {
      const portal = context.store.portal;
      const type = writableType(portal, params.type!);
      const input = parseBody(createInput, body);
      const { id, mutations } = planCreate(context, type, input, new Map());
      context.store.commit(mutations);
      return { status: 201, body: recordView(portal, type, type.records.get(id)!, written(type, input.properties)) };
    },
  },
  {
    method: 'PATCH',
    pattern: '/crm/v3/objects/:type/:id',
    handle({ params, query, body }, context) {
      const portal = context.store.portal;
      const type = writableType(portal, params.type!);
      const record = requireRecord(type, params.id!, { idProperty: query.get('idProperty') ?? undefined });
      const properties = normaliseWrite(
        type,
        parseBody(z.object({ properties: propertyValues }), body).properties as PropertyInput,
      );
      checkUnique(type, properties, record.id);
      context.store.commit([
        {
          op: 'updateRecord',
          type: type.objectTypeId,
          id: record.id,
          at: context.now(),
          properties,
          sourceType: API_SOURCE,
        },
      ]);
      return { status: 200, body: recordView(portal, type, record, written(type, properties)) };
    },
  },
  {
    method: 'DELETE',
    pattern: '/crm/v3/objects/:type/:id',
    handle({ params }, context) {
      const type = writableType(context.store.portal, params.type!);
      const record = findRecord(type, params.id!);
      // HubSpot answers 204 for an id that is already gone.
      if (record && !record.archived)
        context.store.commit([{ op: 'archiveRecord', type: type.objectTypeId, id: record.id, at: context.now() }]);
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    pattern: '/crm/v3/objects/:type/batch/read',
    handle({ params, query, body }, context) {
      const startedAt = context.now();
      const portal = context.store.portal;
      const type = resolveType(portal, params.type!);
      const input = parseIdBatch(readBatch, body);
      if (input.propertiesWithHistory.length > 0 && input.inputs.length > HISTORY_BATCH_LIMIT) {
        throw validationError(
          `The maximum number of inputs supported in a batch request for property histories is ${HISTORY_BATCH_LIMIT}`,
        );
      }
      const archived = archivedParam(query);
      const options: ReadOptions = {
        properties: input.properties.length > 0 ? input.properties : undefined,
        propertiesWithHistory: input.propertiesWithHistory.length > 0 ? input.propertiesWithHistory : undefined,
      };
      const results: unknown[] = [];
      const missing: string[] = [];
      for (const { id } of input.inputs) {
        const record = findRecord(type, id, input.idProperty);
        if (record && record.archived === archived) results.push(recordView(portal, type, record, options));
        else missing.push(id);
      }
      const errors =
        missing.length === 0
          ? []
          : [
              batchError(
                'OBJECT_NOT_FOUND',
                `Could not get some ${type.singular.toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
                { ids: missing },
              ),
            ];
      return { status: errors.length > 0 ? 207 : 200, body: batchBody(results, startedAt, context.now(), errors) };
    },
  },
  {
    method: 'POST',
    pattern: '/crm/v3/objects/:type/batch/create',
    handle({ params, body }, context) {
      const startedAt = context.now();
      const portal = context.store.portal;
      const type = writableType(portal, params.type!);
      const claimed = new Map<string, string>();
      // Every input is checked before anything is written: a bad input fails the whole batch, as in HubSpot.
      const inputs = parseBody(batchOf(createInput), body).inputs;
      const plans = inputs.map((input) => planCreate(context, type, input, claimed));
      context.store.commit(plans.flatMap((p) => p.mutations));
      const results = plans.map((p, i) =>
        recordView(portal, type, type.records.get(p.id)!, written(type, inputs[i]!.properties)),
      );
      return { status: 201, body: batchBody(results, startedAt, context.now()) };
    },
  },
  {
    method: 'POST',
    pattern: '/crm/v3/objects/:type/batch/update',
    handle({ params, body }, context) {
      const startedAt = context.now();
      const portal = context.store.portal;
      const type = writableType(portal, params.type!);
      const claimed = new Map<string, string>();
      const missing: string[] = [];
      const at = context.now();
      const mutations: Mutation[] = [];
      const updated: Array<{ id: string; properties: Record<string, string> }> = [];
      for (const input of parseIdBatch(batchOf(updateInput), body).inputs) {
        const record = findRecord(type, input.id, input.idProperty);
        if (!record || record.archived) {
          missing.push(input.id);
          continue;
        }
        const properties = normaliseWrite(type, input.properties as PropertyInput);
        checkUnique(type, properties, record.id, claimed);
        mutations.push({
          op: 'updateRecord',
          type: type.objectTypeId,
          id: record.id,
          at,
          properties,
          sourceType: API_SOURCE,
        });
        updated.push({ id: record.id, properties });
      }
      context.store.commit(mutations);
      const errors =
        missing.length === 0
          ? []
          : [
              batchError(
                'OBJECT_NOT_FOUND',
                `Could not update some ${type.singular.toUpperCase()} objects, they may be deleted or not exist.`,
                { ids: missing },
              ),
            ];
      return {
        status: errors.length > 0 ? 207 : 200,
        body: batchBody(
          updated.map((u) => recordView(portal, type, type.records.get(u.id)!, written(type, u.properties))),
          startedAt,
          context.now(),
          errors,
        ),
      };
    },
  },
  {
    method: 'POST',
    pattern: '/crm/v3/objects/:type/batch/upsert',
    handle({ params, body }, context) {
      const startedAt = context.now();
      const portal = context.store.portal;
      const type = writableType(portal, params.type!);
      const claimed = new Map<string, string>();
      const at = context.now();
      const mutations: Mutation[] = [];
      const outcomes: Array<{ id: string; isNew: boolean; properties: Record<string, string> }> = [];
      for (const input of parseIdBatch(batchOf(upsertInput), body).inputs) {
        if (!type.records.unique.has(input.idProperty))
          throw validationError(`idProperty ${input.idProperty} is not a unique property of ${type.singular}`);
        const record = findRecord(type, input.id, input.idProperty);
        const properties = normaliseWrite(type, { ...input.properties, [input.idProperty]: input.id } as PropertyInput);
        if (record && !record.archived) {
          checkUnique(type, properties, record.id, claimed);
          mutations.push({
            op: 'updateRecord',
            type: type.objectTypeId,
            id: record.id,
            at,
            properties,
            sourceType: API_SOURCE,
          });
          outcomes.push({ id: record.id, isNew: false, properties });
        } else {
          const plan = planCreate(context, type, { properties, associations: [] }, claimed);
          mutations.push(...plan.mutations);
          outcomes.push({ id: plan.id, isNew: true, properties });
        }
      }
      context.store.commit(mutations);
      const results = outcomes.map((o) => ({
        ...recordView(portal, type, type.records.get(o.id)!, written(type, o.properties)),
        new: o.isNew,
      }));
      return { status: 200, body: batchBody(results, startedAt, context.now()) };
    },
  },
  {
    method: 'POST',
    pattern: '/crm/v3/objects/:type/batch/archive',
    handle({ params, body }, context) {
      const type = writableType(context.store.portal, params.type!);
      const at = context.now();
      const mutations: Mutation[] = [];
      for (const { id } of parseIdBatch(batchOf(idInput), body).inputs) {
        const record = type.records.get(id);
        if (record && !record.archived) mutations.push({ op: 'archiveRecord', type: type.objectTypeId, id, at });
      }
      context.store.commit(mutations);
      return { status: 204 };
    },
  },
];

/** Index of the first id greater than `after` in ascending numeric order. */
function firstAfter(ids: string[], after: string): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (byNumericId(ids[mid]!, after) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
