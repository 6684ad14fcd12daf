import type { PropertySpec } from '../model/index.ts';

// What setup must change so an existing HubSpot property matches Keystone's definition. Pure, so the
// comparison is tested without a portal.
export interface ExistingProperty {
  name: string;
  label: string;
  description?: string;
  type: string;
  fieldType: string;
  groupName?: string;
  options?: Array<{ label: string; value: string; displayOrder?: number }>;
  hasUniqueValue?: boolean;
}

type PropertyUpdate = Partial<Pick<PropertySpec, 'label' | 'description' | 'fieldType' | 'options'>> & {
  groupName?: string;
};

/** The fields to update, or null when the property already matches. A changed type cannot be updated in place. */
export function propertyChanges(
  spec: PropertySpec,
  existing: ExistingProperty,
  groupName: string | undefined,
): PropertyUpdate | { typeMismatch: string } | null {
  if (existing.type !== spec.type)
    return {
      typeMismatch: `${spec.name} is a ${existing.type} property in this portal; Keystone needs ${spec.type}. Rename or delete the portal's property, then run setup again.`,
    };
  const update: PropertyUpdate = {};
  if (existing.label !== spec.label) update.label = spec.label;
  if ((existing.description ?? '') !== spec.description) update.description = spec.description;
  if (existing.fieldType !== spec.fieldType) update.fieldType = spec.fieldType;
  if (groupName && existing.groupName !== groupName) update.groupName = groupName;
  if (spec.options && !sameOptions(spec.options, existing.options ?? [])) update.options = spec.options;
  return Object.keys(update).length > 0 ? update : null;
}

function sameOptions(
  wanted: NonNullable<PropertySpec['options']>,
  existing: NonNullable<ExistingProperty['options']>,
): boolean {
  return (
    wanted.length === existing.length &&
    wanted.every(
      (o, i) =>
        existing[i]?.value === o.value &&
        existing[i]?.label === o.label &&
        (existing[i]?.displayOrder ?? i) === o.displayOrder,
    )
  );
}
