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
  const property = Object.fromEntries(Object.entries<PropertySpec>(spec.properties).map(([field, p]) => [field, p.name])) as Record<Field, string>;
  return { ...spec, property };
}

/** HubSpot's fully qualified name for a custom object in a given portal. */
export function fullyQualifiedName(portalId: number, objectName: string): string {
  return `p${portalId}_${objectName}`;
}
