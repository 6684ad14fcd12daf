import { describe, expect, it } from 'vitest';
import { COMPANY_PROPERTIES } from '../../../src/crm/model/index.ts';
import { propertyChanges } from '../../../src/crm/setup/property-changes.ts';

const status = COMPANY_PROPERTIES.status;
const asInPortal = (overrides: Record<string, unknown> = {}) => ({
  ...status,
  groupName: 'keystone',
  options: status.options!.map((o) => ({ ...o, hidden: false })),
  ...overrides,
});

describe('propertyChanges', () => {
  it('finds nothing to change when the portal matches the model', () => {
    expect(propertyChanges(status, asInPortal(), 'keystone')).toBeNull();
  });

  it('updates only what differs: label, description, group and options', () => {
    const changes = propertyChanges(
      status,
      asInPortal({ label: 'Old label', groupName: 'companyinformation', options: [] }),
      'keystone',
    );
    expect(changes).toEqual({ label: status.label, groupName: 'keystone', options: status.options });
  });

  it('refuses to change a property type in place and says what to do', () => {
    const changes = propertyChanges(status, asInPortal({ type: 'string' }), 'keystone');
    expect(changes).toMatchObject({ typeMismatch: expect.stringContaining('Rename or delete') });
  });
});
