import { z } from 'zod';
import { conflict, notFound, validationError } from '../http/errors.ts';
import type { Route } from '../http/router.ts';
import type { AssociationType, ObjectType } from '../store/model.ts';
import type { Mutation } from '../store/mutations.ts';
import type { Portal } from '../store/portal.ts';
import { userDefinedPair } from '../store/portal.ts';
import type { ApiContext } from './context.ts';
import { batchBody, batchError, findRecord, parseBody, positiveInt, resolveType } from './records.ts';

// Associations v4: records linked by typed, optionally labeled associations, and the label definitions.

const LABELS_PER_PAIR = 10;
const PAGE_LIMIT = 500;
/**
 * HubSpot's changelog on the associations batch read: at most 1,000 ids a request; batch create and
 * archive take as many (the API contract, /work/shared/docs/hubspot-crm-api.md).
 */
const BATCH_LIMIT = 1000;
/** Default associate and label archive: HubSpot gives no figure, so the stricter reading takes the 100 of the object batches. */
const UNDOCUMENTED_BATCH_LIMIT = 100;
const batchOf = <T extends z.ZodType>(input: T, limit = UNDOCUMENTED_BATCH_LIMIT) =>
  z.object({ inputs: z.array(input).max(limit, `Too many inputs: this association batch takes at most ${limit}`) });

export const associationSpecSchema = z.object({
  associationCategory: z.enum(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED']),
  associationTypeId: z.number().int().positive(),
});
type AssociationSpec = z.output<typeof associationSpecSchema>;

const objectId = z.union([z.string(), z.number()]).transform(String);
const idRef = z.object({ id: objectId });

/**
 * Associations one input of a batch read answers before its own `paging.next.after`. HubSpot gives no
 * figure (one was seen answering 600 at once); the stricter reading takes the 500 the v3 API answered.
 */
const ASSOCIATIONS_PER_INPUT_PAGE = 500;
const pagedRef = idRef.extend({
  after: z.string().regex(/^\d+$/, 'after must be the paging cursor of an earlier answer').transform(Number).optional(),
});

/** Checks association types asked for from `fromType`; they must all lead to one object type. */
export function checkAssociationSpecs(
  portal: Portal,
  fromType: ObjectType,
  specs: AssociationSpec[],
  expectedTo?: ObjectType,
): { toType: ObjectType; typeIds: number[] } {
  const types = specs.map((spec) => {
    const type = portal.associationTypes.get(spec.associationTypeId);
    if (
      !type ||
      type.category !== spec.associationCategory ||
      type.fromTypeId !== fromType.objectTypeId ||
      (expectedTo && type.toTypeId !== expectedTo.objectTypeId)
    ) {
      throw validationError(
        `${spec.associationCategory} association type ${spec.associationTypeId} is not valid from ${fromType.singular}${expectedTo ? ` to ${expectedTo.singular}` : ''}`,
      );
    }
    return type;
  });
  const toTypeIds = new Set(types.map((t) => t.toTypeId));
  if (toTypeIds.size !== 1)
    throw validationError('All association types of one association must lead to the same object type');
  return { toType: portal.types.get(types[0]!.toTypeId)!, typeIds: types.map((t) => t.typeId) };
}

const typeView = (t: AssociationType) => ({ category: t.category, typeId: t.typeId, label: t.label });

function associationTypesView(portal: Portal, typeIds: Iterable<number>) {
  return [...typeIds]
    .map((id) => portal.associationTypes.get(id))
    .filter((t): t is AssociationType => t !== undefined)
    .map(typeView);
}

function isActive(type: ObjectType, id: string): boolean {
  const record = findRecord(type, id);
  return record !== undefined && !record.archived;
}

function requireExisting(type: ObjectType, id: string): void {
  if (!isActive(type, id)) throw notFound(`No ${type.singular} with id ${id} exists`);
}

function pairResult(portal: Portal, from: ObjectType, fromId: string, to: ObjectType, toId: string) {
  const typeIds = portal.associationsOf(from, fromId, to.objectTypeId)?.get(toId) ?? [];
  return {
    fromObjectTypeId: from.objectTypeId,
    fromObjectId: Number(fromId),
    toObjectTypeId: to.objectTypeId,
    toObjectId: Number(toId),
    labels: associationTypesView(portal, typeIds)
      .map((t) => t.label)
      .filter((l): l is string => l !== null),
  };
}

function defaultType(portal: Portal, from: ObjectType, to: ObjectType): AssociationType {
  const type = portal.defaultAssociationType(from.objectTypeId, to.objectTypeId);
  if (!type)
    throw validationError(
      `${from.singular} records cannot be associated with ${to.singular} records: no association is defined between them`,
    );
  return type;
}

function defaultResults(from: ObjectType, fromId: string, to: ObjectType, toId: string, type: AssociationType) {
  return [
    {
      from: { id: fromId },
      to: { id: toId },
      associationSpec: { associationCategory: type.category, associationTypeId: type.typeId },
    },
    {
      from: { id: toId },
      to: { id: fromId },
      associationSpec: { associationCategory: type.category, associationTypeId: type.inverseTypeId },
    },
  ].filter((_, i) => i === 0 || from !== to || fromId !== toId);
}

/** A new user-defined pair of association types (both directions), numbered after the portal's last unless told. */
export function newAssociationTypes(
  portal: Portal,
  from: ObjectType,
  to: ObjectType,
  label: string | null,
  inverseLabel: string | null,
  name: string,
  typeId = portal.nextAssociationTypeId,
) {
  return {
    op: 'defineAssociationTypes',
    types: userDefinedPair(from.objectTypeId, to.objectTypeId, typeId, typeId + 1, label, inverseLabel, name),
  } satisfies Mutation;
}

const labelInput = z.object({
  name: z.string().regex(/^[a-z0-9_]+$/i, 'use letters, digits and underscores'),
  label: z.string().min(1),
  inverseLabel: z.string().min(1).optional(),
});
const labelUpdate = z.object({
  associationTypeId: z.number().int().positive(),
  label: z.string().min(1),
  inverseLabel: z.string().min(1).optional(),
});

export const associationRoutes: Route<ApiContext>[] = [
  {
    method: 'GET',
    pattern: '/crm/v4/objects/:type/:id/associations/:toType',
    handle({ params, query }, context) {
      const portal = context.store.portal;
      const from = resolveType(portal, params.type!);
      const to = resolveType(portal, params.toType!);
      const limit = Math.min(positiveInt(query.get('limit'), PAGE_LIMIT, 'limit'), PAGE_LIMIT);
      const offset = query.get('after') === null ? 0 : positiveInt(query.get('after'), 0, 'after');
      const entries = [...(portal.associationsOf(from, params.id!, to.objectTypeId) ?? [])].filter(
        ([, ids]) => ids.size > 0,
      );
      const page = entries.slice(offset, offset + limit);
      const next =
        offset + limit < entries.length
          ? { paging: { next: { after: String(offset + limit), link: `?after=${offset + limit}` } } }
          : {};
      return {
        status: 200,
        body: {
          results: page.map(([toId, ids]) => ({
            toObjectId: Number(toId),
            associationTypes: associationTypesView(portal, ids),
          })),
          ...next,
        },
      };
    },
  },
  {
    method: 'PUT',
    pattern: '/crm/v4/objects/:type/:id/associations/:toType/:toId',
    handle({ params, body }, context) {
      const portal = context.store.portal;
      const from = resolveType(portal, params.type!);
      const to = resolveType(portal, params.toType!);
      const specs = parseBody(z.array(associationSpecSchema).min(1), body);
      const { typeIds } = checkAssociationSpecs(portal, from, specs, to);
      requireExisting(from, params.id!);
      requireExisting(to, params.toId!);
      context.store.commit([
        {
          op: 'associate',
          fromType: from.objectTypeId,
          fromId: params.id!,
          toType: to.objectTypeId,
          toId: params.toId!,
          typeIds,
        },
      ]);
      return { status: 201, body: pairResult(portal, from, params.id!, to, params.toId!) };
    },
  },
  {
    method: 'DELETE',
    pattern: '/crm/v4/objects/:type/:id/associations/:toType/:toId',
    handle({ params }, context) {
      const portal = context.store.portal;
      const from = resolveType(portal, params.type!);
      const to = resolveType(portal, params.toType!);
      context.store.commit([
        {
          op: 'dissociate',
          fromType: from.objectTypeId,
          fromId: params.id!,
          toType: to.objectTypeId,
          toId: params.toId!,
        },
      ]);
      return { status: 204 };
    },
  },
  {
    method: 'PUT',
    pattern: '/crm/v4/objects/:fromType/:fromId/associations/default/:toType/:toId',
    handle({ params }, context) {
      const startedAt = context.now();
      const portal = context.store.portal;
      const from = resolveType(portal, params.fromType!);
      const to = resolveType(portal, params.toType!);
      const type = defaultType(portal, from, to);
      requireExisting(from, params.fromId!);
      requireExisting(to, params.toId!);
      context.store.commit([
        {
          op: 'associate',
          fromType: from.objectTypeId,
          fromId: params.fromId!,
          toType: to.objectTypeId,
          toId: params.toId!,
          typeIds: [type.typeId],
        },
      ]);
      return {
        status: 200,
        body: batchBody(defaultResults(from, params.fromId!, to, params.toId!, type), startedAt, context.now()),
      };
    },
  },
  {
    method: 'POST',
    pattern: '/crm/v4/associations/:fromType/:toType/batch/read',
    handle({ params, body }, context) {
      const startedAt = context.now();
      const portal = context.store.portal;
      const from = resolveType(portal, params.fromType!);
      const to = resolveType(portal, params.toType!);
      const { inputs } = parseBody(batchOf(pagedRef, BATCH_LIMIT), body);
      const results: unknown[] = [];
      const errors: unknown[] = [];
      for (const { id, after = 0 } of inputs) {
        const linked = [...(portal.associationsOf(from, id, to.objectTypeId) ?? [])].filter(([, ids]) => ids.size > 0);
        if (linked.length === 0) {
          // HubSpot reports an id without associations as an error of the batch, not as an empty result.
          errors.push(
            batchError(
              'OBJECT_NOT_FOUND',
              `No ${to.singular} is associated with ${from.singular} ${id}.`,
              { fromObjectId: [id], fromObjectType: [from.singular], toObjectType: [to.singular] },
              'crm.associations.NO_ASSOCIATIONS_FOUND',
            ),
          );
          continue;
        }
        const end = after + ASSOCIATIONS_PER_INPUT_PAGE;
        results.push({
          from: { id },
          to: linked.slice(after, end).map(([toId, ids]) => ({
            toObjectId: Number(toId),
            associationTypes: associationTypesView(portal, ids),
          })),
          ...(end < linked.length ? { paging: { next: { after: String(end) } } } : {}),
        });
      }
      return { status: errors.length > 0 ? 207 : 200, body: batchBody(results, startedAt, context.now(), errors) };
    },
  },
  {
    method: 'POST',
    pattern: '/crm/v4/associations/:fromType/:toType/batch/create',
    handle({ params, body }, context) {
      const startedAt = context.now();
      const portal = context.store.portal;
      const from = resolveType(portal, params.fromType!);
      const to = resolveType(portal, params.toType!);
      const { inputs } = parseBody(
        batchOf(z.object({ from: idRef, to: idRef, types: z.array(associationSpecSchema).min(1) }), BATCH_LIMIT),
        body,
      );
      const mutations: Mutation[] = [];
      const created: Array<[string, string]> = [];
      const errors: unknown[] = [];
      for (const input of inputs) {
        const { typeIds } = checkAssociationSpecs(portal, from, input.types, to);
        const missing = (
          [
            [from, input.from.id],
            [to, input.to.id],
          ] as const
        ).filter(([type, id]) => !isActive(type, id));
        if (missing.length > 0) {
          errors.push(
            batchError(
              'OBJECT_NOT_FOUND',
              `No ${missing.map(([t, id]) => `${t.singular} ${id}`).join(' and no ')} exists`,
              { ids: missing.map(([, id]) => id) },
            ),
          );
          continue;
        }
        mutations.push({
          op: 'associate',
          fromType: from.objectTypeId,
          fromId: input.from.id,
          toType: to.objectTypeId,
          toId: input.to.id,
          typeIds,
        });
        created.push([input.from.id, input.to.id]);
      }
      context.store.commit(mutations);
      const results = created.map(([fromId, toId]) => pairResult(portal, from, fromId, to, toId));
      return { status: errors.length > 0 ? 207 : 201, body: batchBody(results, startedAt, context.now(), errors) };
    },
  },
  {
    method: 'POST',
    pattern: '/crm/v4/associations/:fromType/:toType/batch/associate/default',
    handle({ params, body }, context) {
      const startedAt = context.now();
      const portal = context.store.portal;
      const from = resolveType(portal, params.fromType!);
      const to = resolveType(portal, params.toType!);
      const type = defaultType(portal, from, to);
      const { inputs } = parseBody(batchOf(z.object({ from: idRef, to: idRef })), body);
      for (const input of inputs) {
        requireExisting(from, input.from.id);
        requireExisting(to, input.to.id);
      }
      context.store.commit(
        inputs.map(
          (i): Mutation => ({
            op: 'associate',
            fromType: from.objectTypeId,
            fromId: i.from.id,
            toType: to.objectTypeId,
            toId: i.to.id,
            typeIds: [type.typeId],
          }),
        ),
      );
      return {
        status: 200,
        body: batchBody(
          inputs.flatMap((i) => defaultResults(from, i.from.id, to, i.to.id, type)),
          startedAt,
          context.now(),
        ),
      };
    },
  },
  {
    method: 'POST',
    pattern: '/crm/v4/associations/:fromType/:toType/batch/archive',
    handle({ params, body }, context) {
      const portal = context.store.portal;
      const from = resolveType(portal, params.fromType!);
      const to = resolveType(portal, params.toType!);
      const { inputs } = parseBody(batchOf(z.object({ from: idRef, to: z.array(idRef) }), BATCH_LIMIT), body);
      context.store.commit(
        inputs.flatMap((i) =>
          i.to.map(
            (t): Mutation => ({
              op: 'dissociate',
              fromType: from.objectTypeId,
              fromId: i.from.id,
              toType: to.objectTypeId,
              toId: t.id,
            }),
          ),
        ),
      );
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    pattern: '/crm/v4/associations/:fromType/:toType/batch/labels/archive',
    handle({ params, body }, context) {
      const portal = context.store.portal;
      const from = resolveType(portal, params.fromType!);
      const to = resolveType(portal, params.toType!);
      const { inputs } = parseBody(
        batchOf(z.object({ from: idRef, to: idRef, types: z.array(associationSpecSchema).min(1) })),
        body,
      );
      const mutations = inputs.map(
        (i): Mutation => ({
          op: 'dissociate',
          fromType: from.objectTypeId,
          fromId: i.from.id,
          toType: to.objectTypeId,
          toId: i.to.id,
          typeIds: checkAssociationSpecs(portal, from, i.types, to).typeIds,
        }),
      );
      context.store.commit(mutations);
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    pattern: '/crm/v4/associations/:fromType/:toType/labels',
    handle({ params }, context) {
      const portal = context.store.portal;
      const from = resolveType(portal, params.fromType!);
      const to = resolveType(portal, params.toType!);
      return {
        status: 200,
        body: { results: portal.associationTypesBetween(from.objectTypeId, to.objectTypeId).map(typeView) },
      };
    },
  },
  {
    method: 'POST',
    pattern: '/crm/v4/associations/:fromType/:toType/labels',
    handle({ params, body }, context) {
      const portal = context.store.portal;
      const from = resolveType(portal, params.fromType!);
      const to = resolveType(portal, params.toType!);
      const input = parseBody(labelInput, body);
      const existing = portal
        .associationTypesBetween(from.objectTypeId, to.objectTypeId)
        .filter((t) => t.category === 'USER_DEFINED' && t.label !== null);
      if (existing.some((t) => t.name === input.name))
        throw conflict(
          `An association label named ${input.name} already exists between ${from.singular} and ${to.singular}`,
        );
      if (existing.length >= LABELS_PER_PAIR)
        throw validationError(
          `At most ${LABELS_PER_PAIR} association labels may exist between ${from.singular} and ${to.singular}`,
        );
      const definition = newAssociationTypes(
        portal,
        from,
        to,
        input.label,
        input.inverseLabel ?? input.label,
        input.name,
      );
      context.store.commit([definition]);
      return { status: 200, body: { results: definition.types.map(typeView) } };
    },
  },
  {
    method: 'PUT',
    pattern: '/crm/v4/associations/:fromType/:toType/labels',
    handle({ params, body }, context) {
      const portal = context.store.portal;
      const from = resolveType(portal, params.fromType!);
      const input = parseBody(labelUpdate, body);
      const type = portal.associationTypes.get(input.associationTypeId);
      if (!type || type.category !== 'USER_DEFINED' || type.fromTypeId !== from.objectTypeId)
        throw notFound(`No user-defined association type ${input.associationTypeId} from ${from.singular}`);
      context.store.commit([
        { op: 'relabelAssociationType', typeId: type.typeId, label: input.label, inverseLabel: input.inverseLabel },
      ]);
      return { status: 204 };
    },
  },
  {
    method: 'DELETE',
    pattern: '/crm/v4/associations/:fromType/:toType/labels/:typeId',
    handle({ params }, context) {
      const portal = context.store.portal;
      const from = resolveType(portal, params.fromType!);
      const type = portal.associationTypes.get(Number(params.typeId));
      if (!type || type.category !== 'USER_DEFINED' || type.fromTypeId !== from.objectTypeId)
        throw notFound(`No user-defined association type ${params.typeId} from ${from.singular}`);
      context.store.commit([{ op: 'removeAssociationTypes', typeId: type.typeId }]);
      return { status: 204 };
    },
  },
];
