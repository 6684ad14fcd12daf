import { describe, expect, it } from 'vitest';
import {
  ASSOCIATION_LABELS,
  COMPANY_PROPERTIES,
  CONTACT_PROPERTIES,
  KEYSTONE_OBJECTS,
  fullyQualifiedName,
  planRevisionKey,
} from '../../src/crm/model/index.ts';

const objects = Object.values(KEYSTONE_OBJECTS);

describe('Keystone custom objects', () => {
  it.each(objects.map((o) => [o.name, o] as const))(
    '%s names every property in HubSpot form, once, never with the reserved hs_ prefix',
    (_name, object) => {
      const names = Object.values(object.properties).map((p) => p.name);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name).toMatch(/^(?!hs_)[a-z][a-z0-9_]*$/);
    },
  );

  it.each(objects.map((o) => [o.name, o] as const))(
    '%s maps each field to the name of its own property definition',
    (_name, object) => {
      for (const [field, spec] of Object.entries(object.properties))
        expect(object.property[field as keyof typeof object.property]).toBe(spec.name);
    },
  );

  it('gives every object a distinct schema name and a title property that exists', () => {
    expect(new Set(objects.map((o) => o.name)).size).toBe(objects.length);
    for (const object of objects) expect(object.properties).toHaveProperty(object.primaryField);
  });

  it('makes the keys that guard against duplicate plans, revisions and settings records unique in HubSpot', () => {
    expect(KEYSTONE_OBJECTS.plan.properties.companyId.hasUniqueValue).toBe(true);
    expect(KEYSTONE_OBJECTS.planRevision.properties.revisionKey.hasUniqueValue).toBe(true);
    expect(KEYSTONE_OBJECTS.settings.properties.settingsKey.hasUniqueValue).toBe(true);
  });
});

describe('Keystone properties on companies and contacts', () => {
  it("prefix every property with keystone_ so they never clash with a portal's own", () => {
    for (const spec of [...Object.values(COMPANY_PROPERTIES), ...Object.values(CONTACT_PROPERTIES)])
      expect(spec.name).toMatch(/^keystone_[a-z0-9_]+$/);
  });

  it('keep enumeration options in display order', () => {
    for (const spec of [...Object.values(COMPANY_PROPERTIES), ...Object.values(CONTACT_PROPERTIES)].filter(
      (s) => s.options,
    )) {
      expect(spec.options!.map((o) => o.displayOrder)).toEqual(spec.options!.map((_o, i) => i));
    }
  });
});

describe('names', () => {
  it("addresses a custom object by HubSpot's fully qualified name", () => {
    expect(fullyQualifiedName(123456, 'keystone_plan')).toBe('p123456_keystone_plan');
  });

  it('keys a plan revision by plan and revision', () => {
    expect(planRevisionKey('901', 7)).toBe('901:7');
  });

  it('gives association labels internal names in HubSpot form', () => {
    for (const label of ASSOCIATION_LABELS) expect(label.name).toMatch(/^[a-z][a-z0-9_]*$/);
  });
});
