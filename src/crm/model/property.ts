// A HubSpot property definition as the properties and schemas APIs take it.
export interface PropertySpec {
  name: string;
  label: string;
  description: string;
  type: 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool';
  fieldType: 'text' | 'textarea' | 'number' | 'date' | 'select' | 'checkbox' | 'booleancheckbox';
  options?: Array<{ label: string; value: string; displayOrder: number }>;
  hasUniqueValue?: boolean;
}

export const KEYSTONE_GROUP = { name: 'keystone', label: 'Keystone key account management' } as const;

// Each builder takes the property as the portal shows it, by name: its internal name, the label users
// see and the description under it, plus what its kind needs (the choices, long text or not).
type PropertyWording = Pick<PropertySpec, 'name' | 'label' | 'description'>;

/** A text property; `long` text gets a multi-line box. */
export const textProperty = ({
  name,
  label,
  description,
  long = false,
}: PropertyWording & { long?: boolean }): PropertySpec => ({
  name,
  label,
  description,
  type: 'string',
  fieldType: long ? 'textarea' : 'text',
});

export const numberProperty = ({ name, label, description }: PropertyWording): PropertySpec => ({
  name,
  label,
  description,
  type: 'number',
  fieldType: 'number',
});

export const datetimeProperty = ({ name, label, description }: PropertyWording): PropertySpec => ({
  name,
  label,
  description,
  type: 'datetime',
  fieldType: 'date',
});

export const boolProperty = ({ name, label, description }: PropertyWording): PropertySpec => ({
  name,
  label,
  description,
  type: 'bool',
  fieldType: 'booleancheckbox',
  options: [
    { label: 'Yes', value: 'true', displayOrder: 0 },
    { label: 'No', value: 'false', displayOrder: 1 },
  ],
});

/**
 * A single- or multi-choice property whose values are a domain list (stances, statuses…), offered in
 * that order under their `labels` (a value without one shows as itself).
 */
export const choiceProperty = ({
  name,
  label,
  description,
  values,
  labels,
  multiple = false,
}: PropertyWording & {
  values: readonly string[];
  labels: Record<string, string>;
  multiple?: boolean;
}): PropertySpec => ({
  name,
  label,
  description,
  type: 'enumeration',
  fieldType: multiple ? 'checkbox' : 'select',
  options: values.map((value, displayOrder) => ({ value, label: labels[value] ?? value, displayOrder })),
});
