import type { PropertySpec } from './property.ts';

// A Keystone custom object as the schemas API takes it. `property` maps each domain field to its
// HubSpot property name; `properties` holds the definitions under the same keys, so a field added
// to one map and not the other fails to compile.
export interface CustomObjectSpec<Field extends string = string> {
  /** Schema name; HubSpot addresses the object as `p<portalId>_<name>` or by its `2-…` objectTypeId. */
  name: string;
  labels: { singular: string; plural: string };
  description: string;
  /** Field shown as the record's title in HubSpot. */
  primaryField: Field;
  /** Fields HubSpot's own search box matches. */
  searchableFields: readonly Field[];
  property: Readonly<Record<Field, string>>;
  properties: Readonly<Record<Field, PropertySpec>>;
  /** Standard objects every record can be associated with (HubSpot creates the default association types). */
  associatedWith: ReadonlyArray<'companies' | 'contacts'>;
}

export function defineCustomObject<Field extends string>(
  spec: Omit<CustomObjectSpec<Field>, 'property' | 'primaryField' | 'searchableFields'> & {
    primaryField: NoInfer<Field>;
    searchableFields: ReadonlyArray<NoInfer<Field>>;
  },
): CustomObjectSpec<Field> {
  const property = Object.fromEntries(
    Object.entries<PropertySpec>(spec.properties).map(([field, p]) => [field, p.name]),
  ) as Record<Field, string>;
  return { ...spec, property };
}

/**
 * The object as the schemas API creates it: what setup sends, and what the demo portal is seeded
 * with, so a portal set up either way holds the same schema.
 */
export function objectSchemaDefinition(object: CustomObjectSpec) {
  const nameOf = (field: string) => object.property[field] as string;
  return {
    name: object.name,
    labels: object.labels,
    description: object.description,
    primaryDisplayProperty: nameOf(object.primaryField),
    requiredProperties: [nameOf(object.primaryField)],
    searchableProperties: object.searchableFields.map(nameOf),
    secondaryDisplayProperties: [] as string[],
    properties: Object.values<PropertySpec>(object.properties),
    associatedObjects: object.associatedWith.map((t) => (t === 'companies' ? 'COMPANY' : 'CONTACT')),
  };
}

/** HubSpot's fully qualified name for a custom object in a given portal. */
export function fullyQualifiedName(portalId: number, objectName: string): string {
  return `p${portalId}_${objectName}`;
}
