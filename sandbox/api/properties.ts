import { z } from 'zod';
import { ApiError, conflict, notFound, validationError } from '../http/errors.ts';
import type { Route } from '../http/router.ts';
import type { ObjectType, StoredProperty } from '../store/model.ts';
import { isoInstant } from '../store/model.ts';
import type { Mutation } from '../store/mutations.ts';
import { isSystemProperty } from '../store/portal.ts';
import type { ApiContext } from './context.ts';
import { batchBody, batchError, parseBody, resolveType } from './records.ts';

// /crm/v3/properties/{type}: property definitions and their groups, for standard and custom objects.

const FIELD_TYPES: Record<StoredProperty['type'], string[]> = {
  string: ['text', 'textarea', 'html', 'phonenumber', 'file'],
  number: ['number', 'calculation_equation'],
  date: ['date'],
  datetime: ['date'],
  enumeration: ['select', 'radio', 'checkbox', 'booleancheckbox', 'calculation_equation'],
  bool: ['booleancheckbox', 'calculation_equation'],
};

/** Property batches: HubSpot's reference gives no figure, so the stricter reading takes the 100 of the object batches. */
const BATCH_LIMIT = 100;
const batchOf = <T extends z.ZodType>(input: T) =>
  z.array(input).max(BATCH_LIMIT, `Too many inputs: a property batch takes at most ${BATCH_LIMIT}`);
/**
 * 10 unique-value properties per object (HubSpot's knowledge base on property settings) and 1,000 custom
 * properties per object (HubSpot's Products & Services catalogue).
 */
const UNIQUE_PROPERTIES_PER_OBJECT = 10;
const CUSTOM_PROPERTIES_PER_OBJECT = 1_000;

const optionSchema = z.object({
  label: z.string(),
  value: z.string(),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean().optional(),
  description: z.string().optional(),
});
const definitionFields = {
  label: z.string().min(1),
  type: z.enum(['string', 'number', 'date', 'datetime', 'enumeration', 'bool']),
  fieldType: z.string(),
  groupName: z.string(),
  description: z.string().optional(),
  options: z.array(optionSchema).optional(),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
};
export const propertyCreateSchema = z.object({
  name: z
    .string()
    .regex(
      /^[a-z][a-z0-9_]*$/,
      'property names are lower case letters, digits and underscores, starting with a letter',
    ),
  ...definitionFields,
  hasUniqueValue: z.boolean().optional(),
});
export type PropertyCreate = z.output<typeof propertyCreateSchema>;
const propertyUpdateSchema = z.object(definitionFields).partial();
const groupSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  displayOrder: z.number().int().default(-1),
});

export function propertyView(property: StoredProperty) {
  return {
    name: property.name,
    label: property.label,
    type: property.type,
    fieldType: property.fieldType,
    description: property.description ?? '',
    groupName: property.groupName,
    options: (property.options ?? []).map((o, i) => ({
      label: o.label,
      value: o.value,
      displayOrder: o.displayOrder ?? i,
      hidden: o.hidden ?? false,
    })),
    displayOrder: property.displayOrder,
    calculated: false,
    externalOptions: false,
    hasUniqueValue: property.hasUniqueValue ?? false,
    hidden: property.hidden ?? false,
    formField: property.formField ?? false,
    ...(property.hubspotDefined ? { hubspotDefined: true } : {}),
    modificationMetadata: {
      archivable: !property.hubspotDefined,
      readOnlyDefinition: property.hubspotDefined,
      readOnlyValue: isSystemProperty(property.name),
    },
    ...(property.createdAt === undefined ? {} : { createdAt: isoInstant(property.createdAt) }),
    ...(property.updatedAt === undefined ? {} : { updatedAt: isoInstant(property.updatedAt) }),
    archived: false,
  };
}

function checkDefinition(
  type: ObjectType,
  property: Pick<StoredProperty, 'name' | 'type' | 'fieldType' | 'groupName'>,
): void {
  if (!FIELD_TYPES[property.type].includes(property.fieldType)) {
    throw validationError(
      `Property ${property.name}: fieldType ${property.fieldType} does not fit type ${property.type} (use ${FIELD_TYPES[property.type].join(', ')})`,
    );
  }
  if (!type.groups.has(property.groupName))
    throw validationError(
      `Property ${property.name}: property group ${property.groupName} does not exist on ${type.singular}`,
    );
}

/**
 * Checks a new property for a type and returns its mutation. `planned`: the properties earlier inputs of
 * the same batch create, which count against the limits as if already made.
 */
export function planPropertyCreate(
  type: ObjectType,
  input: PropertyCreate,
  at: number,
  planned: readonly PropertyCreate[] = [],
): Mutation {
  if (type.properties.has(input.name))
    throw conflict(`A property named ${input.name} already exists on ${type.singular}`);
  checkDefinition(type, input);
  const own = [...[...type.properties.values()].filter((p) => !p.hubspotDefined), ...planned];
  if (own.length >= CUSTOM_PROPERTIES_PER_OBJECT)
    throw validationError(
      `${type.singular} already has ${CUSTOM_PROPERTIES_PER_OBJECT} custom properties, the most HubSpot allows`,
    );
  if (input.hasUniqueValue) {
    if (input.type !== 'string' && input.type !== 'number')
      throw validationError(`Property ${input.name}: only text and number properties can require unique values`);
    if (own.filter((p) => p.hasUniqueValue).length >= UNIQUE_PROPERTIES_PER_OBJECT)
      throw validationError(
        `${type.singular} already has ${UNIQUE_PROPERTIES_PER_OBJECT} unique-value properties, the most HubSpot allows`,
      );
  }
  return { op: 'putProperty', type: type.objectTypeId, property: input, at };
}

function requireProperty(type: ObjectType, name: string): StoredProperty {
  const property = type.properties.get(name);
  if (!property) throw notFound(`No property ${name} on ${type.singular}`);
  return property;
}

function requireGroup(type: ObjectType, name: string) {
  const group = type.groups.get(name);
  if (!group) throw notFound(`No property group ${name} on ${type.singular}`);
  return group;
}

const groupView = (group: { name: string; label: string; displayOrder: number }) => ({ ...group, archived: false });

export const propertyRoutes: Route<ApiContext>[] = [
  // Groups first: `/groups` would otherwise read as a property name.
  {
    method: 'GET',
    pattern: '/crm/v3/properties/:type/groups',
    handle: ({ params }, context) => ({
      status: 200,
      body: { results: [...resolveType(context.store.portal, params.type!).groups.values()].map(groupView) },
    }),
  },
  {
    method: 'POST',
    pattern: '/crm/v3/properties/:type/groups',
    handle({ params, body }, context) {
      const type = resolveType(context.store.portal, params.type!);
      const group = parseBody(groupSchema, body);
      if (type.groups.has(group.name))
        throw conflict(`A property group named ${group.name} already exists on ${type.singular}`);
      context.store.commit([{ op: 'putGroup', type: type.objectTypeId, group }]);
      return { status: 201, body: groupView(group) };
    },
  },
  {
    method: 'GET',
    pattern: '/crm/v3/properties/:type/groups/:groupName',
    handle: ({ params }, context) => ({
      status: 200,
      body: groupView(requireGroup(resolveType(context.store.portal, params.type!), params.groupName!)),
    }),
  },
  {
    method: 'PATCH',
    pattern: '/crm/v3/properties/:type/groups/:groupName',
    handle({ params, body }, context) {
      const type = resolveType(context.store.portal, params.type!);
      const group = {
        ...requireGroup(type, params.groupName!),
        ...parseBody(groupSchema.omit({ name: true }).partial(), body),
      };
      context.store.commit([{ op: 'putGroup', type: type.objectTypeId, group }]);
      return { status: 200, body: groupView(group) };
    },
  },
  {
    method: 'DELETE',
    pattern: '/crm/v3/properties/:type/groups/:groupName',
    handle({ params }, context) {
      const type = resolveType(context.store.portal, params.type!);
      requireGroup(type, params.groupName!);
      if ([...type.properties.values()].some((p) => p.groupName === params.groupName))
        throw validationError(`Property group ${params.groupName} still holds properties; move or archive them first`);
      context.store.commit([{ op: 'archiveGroup', type: type.objectTypeId, name: params.groupName! }]);
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    pattern: '/crm/v3/properties/:type',
    handle({ params, query }, context) {
      const type = resolveType(context.store.portal, params.type!);
      // Archived properties are gone for good here, so the archived listing is empty.
      const results = query.get('archived') === 'true' ? [] : [...type.properties.values()].map(propertyView);
      return { status: 200, body: { results } };
    },
  },
  {
    method: 'POST',
    pattern: '/crm/v3/properties/:type',
    handle({ params, body }, context) {
      const type = resolveType(context.store.portal, params.type!);
      const mutation = planPropertyCreate(type, parseBody(propertyCreateSchema, body), context.now());
      context.store.commit([mutation]);
      return {
        status: 201,
        body: propertyView(type.properties.get((mutation as { property: { name: string } }).property.name)!),
      };
    },
  },
  {
    method: 'GET',
    pattern: '/crm/v3/properties/:type/:name',
    handle: ({ params }, context) => ({
      status: 200,
      body: propertyView(requireProperty(resolveType(context.store.portal, params.type!), params.name!)),
    }),
  },
  {
    method: 'PATCH',
    pattern: '/crm/v3/properties/:type/:name',
    handle({ params, body }, context) {
      const type = resolveType(context.store.portal, params.type!);
      const existing = requireProperty(type, params.name!);
      const changes = parseBody(propertyUpdateSchema, body);
      if (existing.hubspotDefined && (changes.type || changes.fieldType))
        throw validationError(`${existing.name} is defined by HubSpot; its type cannot change`);
      const { hubspotDefined: _h, createdAt: _c, updatedAt: _u, ...current } = existing;
      const next = { ...current, ...changes };
      checkDefinition(type, next);
      context.store.commit([{ op: 'putProperty', type: type.objectTypeId, property: next, at: context.now() }]);
      return { status: 200, body: propertyView(type.properties.get(existing.name)!) };
    },
  },
  {
    method: 'DELETE',
    pattern: '/crm/v3/properties/:type/:name',
    handle({ params }, context) {
      const type = resolveType(context.store.portal, params.type!);
      const property = type.properties.get(params.name!);
      if (property?.hubspotDefined)
        throw validationError(`${property.name} is defined by HubSpot and cannot be archived`);
      if (property) context.store.commit([{ op: 'archiveProperty', type: type.objectTypeId, name: property.name }]);
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    pattern: '/crm/v3/properties/:type/batch/create',
    handle({ params, body }, context) {
      const startedAt = context.now();
      const type = resolveType(context.store.portal, params.type!);
      const { inputs } = parseBody(z.object({ inputs: batchOf(propertyCreateSchema) }), body);
      const mutations: Mutation[] = [];
      const errors: unknown[] = [];
      const planned: PropertyCreate[] = [];
      for (const input of inputs) {
        try {
          if (planned.some((p) => p.name === input.name))
            throw conflict(`A property named ${input.name} appears twice in the batch`);
          mutations.push(planPropertyCreate(type, input, startedAt, planned));
          planned.push(input);
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          errors.push(batchError(error.category, error.message, { name: [input.name] }));
        }
      }
      context.store.commit(mutations);
      return {
        status: errors.length > 0 ? 207 : 201,
        body: batchBody(
          planned.map((p) => propertyView(type.properties.get(p.name)!)),
          startedAt,
          context.now(),
          errors,
        ),
      };
    },
  },
  {
    method: 'POST',
    pattern: '/crm/v3/properties/:type/batch/read',
    handle({ params, body }, context) {
      const startedAt = context.now();
      const type = resolveType(context.store.portal, params.type!);
      const { inputs } = parseBody(
        z.object({ inputs: batchOf(z.object({ name: z.string() })), archived: z.boolean().default(false) }),
        body,
      );
      const found = inputs.map((i) => type.properties.get(i.name)).filter((p): p is StoredProperty => p !== undefined);
      const missing = inputs.filter((i) => !type.properties.has(i.name)).map((i) => i.name);
      const errors =
        missing.length > 0
          ? [batchError('OBJECT_NOT_FOUND', `No such properties on ${type.singular}`, { name: missing })]
          : [];
      return {
        status: errors.length > 0 ? 207 : 200,
        body: batchBody(found.map(propertyView), startedAt, context.now(), errors),
      };
    },
  },
  {
    method: 'POST',
    pattern: '/crm/v3/properties/:type/batch/archive',
    handle({ params, body }, context) {
      const type = resolveType(context.store.portal, params.type!);
      const { inputs } = parseBody(z.object({ inputs: batchOf(z.object({ name: z.string() })) }), body);
      const builtIn = inputs.find((i) => type.properties.get(i.name)?.hubspotDefined);
      if (builtIn) throw validationError(`${builtIn.name} is defined by HubSpot and cannot be archived`);
      context.store.commit(
        inputs
          .filter((i) => type.properties.has(i.name))
          .map((i): Mutation => ({ op: 'archiveProperty', type: type.objectTypeId, name: i.name })),
      );
      return { status: 204 };
    },
  },
];
