// Association labels Keystone defines between standard objects. Keystone's own objects use HubSpot's
// default association types with companies and contacts (created with each schema), so they need none.
export interface AssociationLabelSpec {
  fromObject: 'companies' | 'contacts';
  toObject: 'companies' | 'contacts';
  /** Internal name, stable across label wording changes. */
  name: string;
  label: string;
  inverseLabel?: string;
}

export const KEY_CONTACT_LABEL: AssociationLabelSpec = {
  fromObject: 'companies',
  toObject: 'contacts',
  name: 'keystone_key_contact',
  label: 'Key contact',
  inverseLabel: 'Key account',
};

export const ASSOCIATION_LABELS: readonly AssociationLabelSpec[] = [KEY_CONTACT_LABEL];
