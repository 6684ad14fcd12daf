import { describe, expect, it } from 'vitest';
import { CONTACT_PROPERTY } from '../../../src/crm/model/contact-properties.ts';
import { BUYING_ROLES } from '../../../src/kam/shared/buying-role.ts';
import { STANCES } from '../../../src/kam/shared/stance.ts';
import { HUBSPOT_DEFINED_ASSOCIATIONS } from '../../../sandbox/catalog.ts';
import { DEMO_FIRM } from '../../../sandbox/demo/firm.ts';
import { KEYSTONE_SEED_PROPERTIES } from '../../../sandbox/demo/keystone-properties.ts';
import { demoPortal, indexPortal, type ObjectType } from './portal-index.ts';

describe('the demo portal hangs together', () => {
  const { seed } = demoPortal();
  const index = indexPortal(seed);
  const ids = (type: ObjectType): Set<string> => new Set((seed.objects[type] ?? []).map((r) => r.id));
  const ownerIds = new Set(seed.owners.map((o) => o.id));

  it('links only records that exist, with a HubSpot-defined or declared type for that pair of objects', () => {
    const known = Object.fromEntries(Object.keys(seed.objects).map((type) => [type, ids(type as ObjectType)]));
    const broken = seed.associations.filter((a) => !known[a.fromType]?.has(a.fromId) || !known[a.toType]?.has(a.toId));
    const types = [
      ...HUBSPOT_DEFINED_ASSOCIATIONS.map((d) => `HUBSPOT_DEFINED ${d.from}>${d.to}#${d.typeId}`),
      ...seed.associationDefinitions.flatMap((d) => [
        `USER_DEFINED ${d.fromType}>${d.toType}#${d.typeId}`,
        `USER_DEFINED ${d.toType}>${d.fromType}#${d.inverseTypeId}`,
      ]),
      // A custom object's default link to a type it is associated with: its type id is assigned when the schema is created.
      ...seed.schemas.flatMap((s) =>
        s.associatedObjects.map(
          (o) => `USER_DEFINED ${s.name}>${o === 'COMPANY' ? 'companies' : 'contacts'}#undefined`,
        ),
      ),
    ];
    const untyped = seed.associations.filter(
      (a) => !types.includes(`${a.associationCategory} ${a.fromType}>${a.toType}#${a.associationTypeId}`),
    );
    expect(broken).toEqual([]);
    expect(untyped).toEqual([]);
  });

  it('never stores the same link twice', () => {
    const keys = seed.associations.map((a) => `${a.fromType}/${a.fromId}>${a.toType}/${a.toId}#${a.associationTypeId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('uses unique ids across every object type', () => {
    const all = Object.values(seed.objects).flatMap((records) => records.map((r) => r.id));
    expect(new Set(all).size).toBe(all.length);
  });

  it('gives every contact a unique email and a primary company that matches its association', () => {
    const emails = seed.objects.contacts.map((c) => c.properties.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const contact of seed.objects.contacts) {
      expect(index.linked('contacts', contact.id, 'companies')).toEqual([contact.properties.associatedcompanyid]);
      expect(
        contact.properties.email?.endsWith(
          `@${index.record('companies', contact.properties.associatedcompanyid ?? '').properties.domain}`,
        ),
      ).toBe(true);
    }
  });

  it('keeps reporting lines inside the company and free of loops', () => {
    const contacts = new Map(seed.objects.contacts.map((c) => [c.id, c]));
    const withManager = seed.objects.contacts.filter((c) => c.properties[CONTACT_PROPERTY.reportsTo]);
    expect(withManager.length).toBeGreaterThan(seed.objects.contacts.length / 2);
    for (const contact of withManager) {
      const seen = new Set<string>();
      for (let current = contact; current.properties[CONTACT_PROPERTY.reportsTo]; ) {
        const manager = contacts.get(current.properties[CONTACT_PROPERTY.reportsTo] ?? '');
        expect(manager?.properties.associatedcompanyid).toBe(contact.properties.associatedcompanyid);
        expect(seen.has(current.id)).toBe(false);
        seen.add(current.id);
        current = manager as typeof contact;
      }
    }
  });

  it('replaces every departed contact with someone else at the same company', () => {
    const left = seed.objects.contacts.filter((c) => c.properties[CONTACT_PROPERTY.leftCompany] === 'true');
    expect(left.length).toBeGreaterThanOrEqual(3);
    for (const contact of left) {
      const successor = index.record('contacts', contact.properties[CONTACT_PROPERTY.replacedBy] ?? '');
      expect(successor.properties.associatedcompanyid).toBe(contact.properties.associatedcompanyid);
      expect(successor.id).not.toBe(contact.id);
      expect(Date.parse(contact.properties[CONTACT_PROPERTY.leftAt] ?? '')).toBeGreaterThan(
        Date.parse(contact.createdAt),
      );
    }
  });

  it('logs no activity with a contact before they were in the CRM or after they left', () => {
    for (const type of ['meetings', 'calls', 'emails'] as const) {
      for (const activity of seed.objects[type]) {
        const when = Date.parse(activity.properties.hs_timestamp ?? '');
        for (const contactId of index.linked(type, activity.id, 'contacts')) {
          const contact = index.record('contacts', contactId);
          expect(Date.parse(contact.createdAt)).toBeLessThanOrEqual(when);
          const leftAt = contact.properties[CONTACT_PROPERTY.leftAt];
          if (leftAt) expect(Date.parse(leftAt)).toBeGreaterThan(when);
        }
      }
    }
  });

  it('assigns companies, deals and activities to owners that exist', () => {
    const owned = (['companies', 'deals', 'meetings', 'calls', 'emails'] as const).flatMap(
      (type) => seed.objects[type],
    );
    expect(owned.filter((r) => !ownerIds.has(r.properties.hubspot_owner_id ?? ''))).toEqual([]);
    const activityOwners = new Set(seed.objects.meetings.map((m) => m.properties.hubspot_owner_id));
    expect(activityOwners.size).toBeGreaterThan(10);
  });

  it('puts our people in teams, with emails on the firm’s domain', () => {
    expect(new Set(seed.owners.flatMap((o) => o.teams.map((t) => t.name)))).toEqual(
      new Set(['Partners', 'Key Account Managers', 'Sales – North', 'Sales – South', 'Research']),
    );
    expect(new Set(seed.owners.map((o) => o.email.split('@')[1]))).toEqual(new Set([DEMO_FIRM.domain]));
  });

  it('declares every Keystone property it fills in, with values among the declared options', () => {
    for (const type of ['companies', 'contacts'] as const) {
      const declared = new Map(KEYSTONE_SEED_PROPERTIES[type].map((p) => [p.name, p]));
      for (const record of seed.objects[type]) {
        for (const [name, value] of Object.entries(record.properties)) {
          if (!name.startsWith('keystone_')) continue;
          const property = declared.get(name);
          expect(property, name).toBeDefined();
          if (property?.type === 'enumeration') expect(property.options?.map((o) => o.value)).toContain(value);
          if (property?.type === 'number') expect(Number.isFinite(Number(value))).toBe(true);
        }
      }
    }
  });

  it('writes buying roles as semicolon-separated HubSpot values and stances from the five Keystone ones', () => {
    const roles = seed.objects.contacts.flatMap((c) => c.properties.hs_buying_role?.split(';') ?? []);
    expect(roles.length).toBeGreaterThan(500);
    expect(roles.filter((r) => !(BUYING_ROLES as readonly string[]).includes(r))).toEqual([]);
    const history = seed.objects.contacts.flatMap((c) => c.propertyHistory?.[CONTACT_PROPERTY.stance] ?? []);
    expect(history.filter((h) => !(STANCES as readonly string[]).includes(h.value))).toEqual([]);
  });

  it('lists property history newest first, with the current value on top', () => {
    for (const record of [...seed.objects.companies, ...seed.objects.contacts]) {
      for (const [name, entries] of Object.entries(record.propertyHistory ?? {})) {
        const times = entries.map((e) => Date.parse(e.timestamp));
        expect(times).toEqual([...times].sort((a, b) => b - a));
        expect(entries[0]?.value).toBe(record.properties[name]);
        expect(times[times.length - 1]).toBeGreaterThanOrEqual(Date.parse(record.createdAt));
      }
    }
  });
});
