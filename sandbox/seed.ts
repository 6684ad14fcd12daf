import { z } from 'zod';

// A seed is a whole portal as plain data: what the demo generator produces and what `/__sandbox/seed` loads.
// The store may keep its own snapshot format; it must be able to load this one.

const isoInstant = z.string().datetime({ offset: true });

export const seedPropertyHistoryEntrySchema = z.object({
  value: z.string(),
  timestamp: isoInstant,
  sourceType: z.string().default('CRM_UI'),
  sourceId: z.string().optional(),
});

export const seedRecordSchema = z.object({
  id: z.string().regex(/^\d+$/),
  /** All values are strings, as HubSpot stores them; unset properties are omitted. */
  properties: z.record(z.string(), z.string()),
  createdAt: isoInstant,
  updatedAt: isoInstant.optional(),
  /** Older values, newest first, for properties whose history matters (stance, job title, owner…). The current value need not be repeated. */
  propertyHistory: z.record(z.string(), z.array(seedPropertyHistoryEntrySchema)).optional(),
  /** Archived records stay readable with `archived=true`, as in HubSpot. */
  archived: z.boolean().optional(),
});
export type SeedRecord = z.infer<typeof seedRecordSchema>;

export const seedAssociationSchema = z.object({
  /** A standard type (`companies`) or a custom object's schema name (`key_account_plan`). */
  fromType: z.string(),
  fromId: z.string(),
  toType: z.string(),
  toId: z.string(),
  /**
   * A HubSpot-defined type id from catalog.ts, or a `typeId` from `associationDefinitions`.
   * Omitted: the pair's unlabeled default. The sandbox stores the inverse direction itself.
   */
  associationTypeId: z.number().int().positive().optional(),
  associationCategory: z.enum(['HUBSPOT_DEFINED', 'USER_DEFINED']).default('HUBSPOT_DEFINED'),
});
export type SeedAssociation = z.infer<typeof seedAssociationSchema>;

export const seedOwnerSchema = z.object({
  id: z.string().regex(/^\d+$/),
  userId: z.number().int().positive(),
  email: z.string().email(),
  firstName: z.string(),
  lastName: z.string(),
  teams: z.array(z.object({ id: z.string(), name: z.string(), primary: z.boolean() })).default([]),
  archived: z.boolean().default(false),
  /** A super admin of the portal (HubSpot's user provisioning API says so). */
  superAdmin: z.boolean().default(false),
});
export type SeedOwner = z.infer<typeof seedOwnerSchema>;

export const seedPropertySchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string(),
  type: z.enum(['string', 'number', 'date', 'datetime', 'enumeration', 'bool']),
  fieldType: z.string(),
  groupName: z.string(),
  description: z.string().optional(),
  options: z
    .array(
      z.object({
        label: z.string(),
        value: z.string(),
        displayOrder: z.number().optional(),
        hidden: z.boolean().optional(),
      }),
    )
    .optional(),
  hasUniqueValue: z.boolean().optional(),
});

export type SeedProperty = z.infer<typeof seedPropertySchema>;

export const seedPropertyGroupSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string(),
  displayOrder: z.number().int().default(-1),
});

/** A custom object type, as the schemas API creates it. */
export const seedObjectSchemaSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** `2-…`; assigned when omitted. */
  objectTypeId: z
    .string()
    .regex(/^2-\d+$/)
    .optional(),
  labels: z.object({ singular: z.string().min(1), plural: z.string().min(1) }),
  primaryDisplayProperty: z.string().optional(),
  secondaryDisplayProperties: z.array(z.string()).default([]),
  requiredProperties: z.array(z.string()).default([]),
  searchableProperties: z.array(z.string()).default([]),
  properties: z.array(seedPropertySchema),
  /** Types it can be associated with (`COMPANY`, `CONTACT`, `0-2`, another schema's name); each gets an unlabeled default. */
  associatedObjects: z.array(z.string()).default([]),
  createdAt: isoInstant.optional(),
});
export type SeedObjectSchema = z.infer<typeof seedObjectSchemaSchema>;

/**
 * A user-defined association type between two object types, both directions: unlabeled (a custom
 * object's default), one label seen the same from both sides, or a paired label (`inverseLabel`).
 */
export const seedAssociationDefinitionSchema = z.object({
  fromType: z.string(),
  toType: z.string(),
  typeId: z.number().int().positive(),
  inverseTypeId: z.number().int().positive(),
  name: z.string().optional(),
  label: z.string().optional(),
  inverseLabel: z.string().optional(),
});
export type SeedAssociationDefinition = z.infer<typeof seedAssociationDefinitionSchema>;

export const STANDARD_SEED_TYPES = [
  'companies',
  'contacts',
  'deals',
  'meetings',
  'calls',
  'emails',
  'notes',
  'tasks',
  'feedback_submissions',
] as const;

export const sandboxSeedSchema = z.object({
  portalId: z.number().int().positive(),
  /** ISO 4217 code of the portal's company currency. */
  currency: z.string().length(3).default('GBP'),
  timeZone: z.string().default('Europe/London'),
  owners: z.array(seedOwnerSchema),
  /** Extra (non-built-in) properties on standard objects, e.g. a margin field a firm added. */
  properties: z.record(z.string(), z.array(seedPropertySchema)).default({}),
  /** Property groups beyond the built-in ones, by object type. */
  propertyGroups: z.record(z.string(), z.array(seedPropertyGroupSchema)).default({}),
  /** Custom object types; their records go in `objects` under the schema's name. */
  schemas: z.array(seedObjectSchemaSchema).default([]),
  objects: z
    .object(
      Object.fromEntries(STANDARD_SEED_TYPES.map((t) => [t, z.array(seedRecordSchema).default([])])) as Record<
        (typeof STANDARD_SEED_TYPES)[number],
        z.ZodDefault<z.ZodArray<typeof seedRecordSchema>>
      >,
    )
    .catchall(z.array(seedRecordSchema)),
  associationDefinitions: z.array(seedAssociationDefinitionSchema).default([]),
  associations: z.array(seedAssociationSchema),
});
export type SandboxSeed = z.infer<typeof sandboxSeedSchema>;
export type SandboxSeedInput = z.input<typeof sandboxSeedSchema>;
