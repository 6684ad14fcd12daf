import { z } from 'zod';
import { conflict, notFound, validationError } from '../http/errors.ts';
import type { Route } from '../http/router.ts';
import { associatedObjectName } from '../catalog.ts';
import type { ObjectType } from '../store/model.ts';
import { isoInstant } from '../store/model.ts';
import type { Mutation } from '../store/mutations.ts';
import type { Portal } from '../store/portal.ts';
import { newAssociationTypes } from './associations.ts';
import type { ApiContext } from './context.ts';
import { propertyCreateSchema, propertyView } from './properties.ts';
import { parseBody, resolveType } from './records.ts';

// /crm-object-schemas/v3/schemas: custom object types, addressed by objectTypeId (`2-…`) or
// fully qualified name (`p<portalId>_<name>`).

const displayFields = {
  labels: z.object({ singular: z.string().min(1), plural: z.string().min(1) }),
  primaryDisplayProperty: z.string().optional(),
  secondaryDisplayProperties: z.array(z.string()).default([]),
  requiredProperties: z.array(z.string()).default([]),
  searchableProperties: z.array(z.string()).default([]),
};
const schemaCreateSchema = z.object({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'object names are lower case letters, digits and underscores, starting with a letter'),
  ...displayFields,
  description: z.string().optional(),
  properties: z.array(propertyCreateSchema.extend({ groupName: z.string().optional() })).min(1),
  associatedObjects: z.array(z.string()).default([]),
});
const schemaUpdateSchema = z.object({
  labels: displayFields.labels.optional(),
  primaryDisplayProperty: z.string().optional(),
  secondaryDisplayProperties: z.array(z.string()).optional(),
  requiredProperties: z.array(z.string()).optional(),
  searchableProperties: z.array(z.string()).optional(),
  description: z.string().optional(),
});
const associationDefinitionSchema = z.object({
  fromObjectTypeId: z.string(),
  toObjectTypeId: z.string(),
  name: z.string().optional(),
});

function requireSchema(portal: Portal, identifier: string): ObjectType {
  const type = resolveType(portal, identifier);
  if (!type.custom) throw notFound(`${identifier} is a standard object, not a custom object schema`);
  return type;
}

function checkNamedProperties(
  known: (name: string) => boolean,
  fields: {
    primaryDisplayProperty?: string;
    secondaryDisplayProperties?: string[];
    requiredProperties?: string[];
    searchableProperties?: string[];
  },
): void {
  const named = {
    primaryDisplayProperty: fields.primaryDisplayProperty ? [fields.primaryDisplayProperty] : [],
    secondaryDisplayProperties: fields.secondaryDisplayProperties ?? [],
    requiredProperties: fields.requiredProperties ?? [],
    searchableProperties: fields.searchableProperties ?? [],
  };
  for (const [field, names] of Object.entries(named)) {
    const unknown = names.filter((n) => !known(n));
    if (unknown.length > 0)
      throw validationError(
        `${field}: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a property' : 'are not properties'} of this object`,
      );
  }
}

function associatedType(portal: Portal, name: string): ObjectType {
  const type = portal.resolve(associatedObjectName(name));
  if (!type) throw validationError(`associatedObjects: ${name} is not an object type`);
  return type;
}

export function schemaView(portal: Portal, type: ObjectType) {
  const custom = type.custom!;
  return {
    id: type.objectTypeId.slice(2),
    objectTypeId: type.objectTypeId,
    fullyQualifiedName: type.fullyQualifiedName,
    name: custom.name,
    labels: custom.labels,
    primaryDisplayProperty: custom.primaryDisplayProperty,
    secondaryDisplayProperties: custom.secondaryDisplayProperties,
    requiredProperties: type.requiredProperties,
    searchableProperties: type.searchableProperties,
    properties: [...type.properties.values()].map(propertyView),
    associations: [...portal.associationTypes.values()]
      // One entry per pair: the direction it was defined in.
      .filter(
        (t) =>
          t.category === 'USER_DEFINED' &&
          t.label === null &&
          t.typeId <= t.inverseTypeId &&
          (t.fromTypeId === type.objectTypeId || t.toTypeId === type.objectTypeId),
      )
      .map((t) => ({
        id: String(t.typeId),
        fromObjectTypeId: t.fromTypeId,
        toObjectTypeId: t.toTypeId,
        name: t.name ?? `${portal.types.get(t.fromTypeId)?.singular}_to_${portal.types.get(t.toTypeId)?.singular}`,
      })),
    metaType: 'PORTAL_SPECIFIC',
    createdAt: isoInstant(custom.createdAt),
    updatedAt: isoInstant(custom.updatedAt),
    archived: false,
  };
}

export const schemaRoutes: Route<ApiContext>[] = [
  {
    method: 'GET',
    pattern: '/crm-object-schemas/v3/schemas',
    handle(_, context) {
      const portal = context.store.portal;
      return {
        status: 200,
        body: { results: [...portal.types.values()].filter((t) => t.custom).map((t) => schemaView(portal, t)) },
      };
    },
  },
  {
    method: 'POST',
    pattern: '/crm-object-schemas/v3/schemas',
    handle({ body }, context) {
      const portal = context.store.portal;
      const input = parseBody(schemaCreateSchema, body);
      if (portal.bySeedName(input.name)) throw conflict(`An object type named ${input.name} already exists`);
      const names = new Set(input.properties.map((p) => p.name));
      checkNamedProperties((n) => names.has(n) || n === 'hs_object_id', input);
      const objectTypeId = `2-${portal.nextObjectTypeNumber}`;
      const at = context.now();
      const group = `${input.name}_information`;
      const defineSchema: Mutation = {
        op: 'defineSchema',
        at,
        schema: {
          ...input,
          objectTypeId,
          properties: input.properties.map((p) => ({ ...p, groupName: p.groupName ?? group })),
        },
      };
      // Describe the new type to plan its associations before it exists.
      const placeholder = { objectTypeId, singular: input.name } as ObjectType;
      const associations = input.associatedObjects.map((name, i) => {
        const other = associatedType(portal, name);
        return newAssociationTypes(
          portal,
          placeholder,
          other,
          null,
          null,
          `${input.name}_to_${other.singular}`,
          portal.nextAssociationTypeId + 2 * i,
        );
      });
      context.store.commit([defineSchema, ...associations]);
      return { status: 201, body: schemaView(portal, portal.types.get(objectTypeId)!) };
    },
  },
  {
    method: 'GET',
    pattern: '/crm-object-schemas/v3/schemas/:objectType',
    handle: ({ params }, context) => ({
      status: 200,
      body: schemaView(context.store.portal, requireSchema(context.store.portal, params.objectType!)),
    }),
  },
  {
    method: 'PATCH',
    pattern: '/crm-object-schemas/v3/schemas/:objectType',
    handle({ params, body }, context) {
      const portal = context.store.portal;
      const type = requireSchema(portal, params.objectType!);
      const { description: _d, ...changes } = parseBody(schemaUpdateSchema, body);
      checkNamedProperties((n) => type.properties.has(n), changes);
      context.store.commit([{ op: 'updateSchema', objectTypeId: type.objectTypeId, changes, at: context.now() }]);
      return { status: 200, body: schemaView(portal, type) };
    },
  },
  {
    method: 'DELETE',
    pattern: '/crm-object-schemas/v3/schemas/:objectType',
    handle({ params }, context) {
      const type = requireSchema(context.store.portal, params.objectType!);
      if ([...type.records.values()].some((r) => !r.archived))
        throw validationError(`${type.custom!.name} still has records; archive them before deleting the schema`);
      context.store.commit([{ op: 'archiveSchema', objectTypeId: type.objectTypeId }]);
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    pattern: '/crm-object-schemas/v3/schemas/:objectType/associations',
    handle({ params, body }, context) {
      const portal = context.store.portal;
      requireSchema(portal, params.objectType!);
      const input = parseBody(associationDefinitionSchema, body);
      const from = resolveType(portal, input.fromObjectTypeId);
      const to = resolveType(portal, input.toObjectTypeId);
      if (portal.associationTypesBetween(from.objectTypeId, to.objectTypeId).some((t) => t.label === null))
        throw conflict(`${from.singular} and ${to.singular} are already associated`);
      const name = input.name ?? `${from.singular}_to_${to.singular}`;
      const mutation = newAssociationTypes(portal, from, to, null, null, name);
      context.store.commit([mutation]);
      return {
        status: 201,
        body: {
          id: String(mutation.types[0].typeId),
          fromObjectTypeId: from.objectTypeId,
          toObjectTypeId: to.objectTypeId,
          name,
        },
      };
    },
  },
  {
    method: 'DELETE',
    pattern: '/crm-object-schemas/v3/schemas/:objectType/associations/:associationId',
    handle({ params }, context) {
      const portal = context.store.portal;
      const type = requireSchema(portal, params.objectType!);
      const association = portal.associationTypes.get(Number(params.associationId));
      if (
        !association ||
        association.category !== 'USER_DEFINED' ||
        (association.fromTypeId !== type.objectTypeId && association.toTypeId !== type.objectTypeId)
      ) {
        throw notFound(`No association ${params.associationId} on ${type.custom!.name}`);
      }
      context.store.commit([{ op: 'removeAssociationTypes', typeId: association.typeId }]);
      return { status: 204 };
    },
  },
];
