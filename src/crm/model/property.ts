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

export const textProperty = (name: string, label: string, description: string, long = false): PropertySpec => ({
  name, label, description, type: 'string', fieldType: long ? 'textarea' : 'text',
});

export const numberProperty = (name: string, label: string, description: string): PropertySpec => ({
  name, label, description, type: 'number', fieldType: 'number',
});

export const datetimeProperty = (name: string, label: string, description: string): PropertySpec => ({
  name, label, description, type: 'datetime', fieldType: 'date',
});

export const boolProperty = (name: string, label: string, description: string): PropertySpec => ({
  name, label, description, type: 'bool', fieldType: 'booleancheckbox',
  options: [{ label: 'Yes', value: 'true', displayOrder: 0 }, { label: 'No', value: 'false', displayOrder: 1 }],
});

/** A single- or multi-choice property whose values are a domain list (stances, statuses…). */
export const choiceProperty = (
  name: string, label: string, description: string, values: readonly string[], labels: Record<string, string>, multiple = false,
): PropertySpec => ({
  name, label, description, type: 'enumeration', fieldType: multiple ? 'checkbox' : 'select',
  options: values.map((value, displayOrder) => ({ value, label: labels[value] ?? value, displayOrder })),
});
