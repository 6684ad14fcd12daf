import { COMPANY_PROPERTIES } from '../../src/crm/model/company-properties.ts';
import { CONTACT_PROPERTIES } from '../../src/crm/model/contact-properties.ts';
import { KEYSTONE_GROUP, type PropertySpec } from '../../src/crm/model/property.ts';
import type { SandboxSeedInput } from '../seed.ts';

// The demo portal is one where Keystone's setup has already run: its property group and properties exist.
const inKeystoneGroup = (spec: PropertySpec) => ({ ...spec, groupName: KEYSTONE_GROUP.name });

export const KEYSTONE_SEED_PROPERTIES = {
  companies: Object.values(COMPANY_PROPERTIES).map(inKeystoneGroup),
  contacts: Object.values(CONTACT_PROPERTIES).map(inKeystoneGroup),
} satisfies SandboxSeedInput['properties'];

export const KEYSTONE_SEED_PROPERTY_GROUPS = {
  companies: [{ ...KEYSTONE_GROUP }],
  contacts: [{ ...KEYSTONE_GROUP }],
} satisfies SandboxSeedInput['propertyGroups'];
