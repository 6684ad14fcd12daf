import { describe, expect, it } from 'vitest';
import { COMPANY_PROPERTY } from '../../../src/crm/model/company-properties.ts';
import { KEY_CONTACT_LABEL } from '../../../src/crm/model/associations.ts';
import { CONTACT_PROPERTY } from '../../../src/crm/model/contact-properties.ts';
import { QUIET_ALLY_DAYS } from '../../../sandbox/demo/activities.ts';
import { ACQUISITION_AGE_DAYS, HANDOVER_AGE_DAYS } from '../../../sandbox/demo/companies.ts';
import { RECENT_DEPARTURE_DAYS } from '../../../sandbox/demo/contacts.ts';
import { demoStoriesSchema } from '../../../sandbox/demo/stories.ts';
import { ACTIVITY_TYPES, at, DAY, DEMO_NOW, demoPortal, indexPortal } from './portal-index.ts';

describe('the demo stories', () => {
  const { seed, stories } = demoPortal();
  const index = indexPortal(seed);
  const company = (id: string) => index.record('companies', id);
  const status = (id: string) => company(id).properties[COMPANY_PROPERTY.status];
  const feeRanks = new Map([...index.closedWonFees()].sort((a, b) => b[1] - a[1]).map(([id], rank) => [id, rank]));
  const recentFees = index.closedWonFees(DEMO_NOW - 365 * DAY);
  const lastActivity = (companyId: string) =>
    Math.max(...index.activitiesOf(companyId).map((a) => at(a.properties.hs_timestamp)));
  const engagedContacts = (companyId: string) =>
    new Set(
      ACTIVITY_TYPES.flatMap((type) =>
        index.linked('companies', companyId, type).flatMap((id) => index.linked(type, id, 'contacts')),
      ),
    );
  const activityOwners = (companyId: string) =>
    new Set(index.activitiesOf(companyId).map((a) => a.properties.hubspot_owner_id));

  it('names every story with ids that exist in the portal', () => {
    expect(demoStoriesSchema.safeParse(stories).success).toBe(true);
    const companyIds = [
      ...stories.clearlyKey,
      ...stories.shouldBeKey,
      ...stories.noLongerQualifies,
      ...stories.formerKey,
      ...stories.singleThreaded.map((s) => s.companyId),
      stories.singlePersonDependency.companyId,
      stories.allyGoneQuiet.companyId,
      stories.keyContactLeft.companyId,
      stories.newAccountManager.companyId,
      stories.newParentCompany.companyId,
      stories.newParentCompany.parentCompanyId,
    ];
    for (const id of companyIds) expect(company(id).id).toBe(id);
  });

  it('has a few clearly key accounts: top clients, tagged key with a reason, broadly and recently covered', () => {
    expect(stories.clearlyKey.length).toBeGreaterThanOrEqual(3);
    for (const id of stories.clearlyKey) {
      expect(status(id)).toBe('key');
      expect(company(id).properties[COMPANY_PROPERTY.statusReason]?.length).toBeGreaterThan(20);
      expect(company(id).properties.hs_is_target_account).toBe('true');
      expect(feeRanks.get(id)).toBeLessThan(10);
      expect(engagedContacts(id).size).toBeGreaterThanOrEqual(5);
      expect(activityOwners(id).size).toBeGreaterThanOrEqual(3);
      expect(lastActivity(id)).toBeGreaterThan(DEMO_NOW - 30 * DAY);
    }
  });

  it('tags about one client in a hundred as key, and shows how each got there in the status history', () => {
    const key = seed.objects.companies.filter((c) => c.properties[COMPANY_PROPERTY.status] === 'key');
    expect(key.length).toBeGreaterThanOrEqual(15);
    expect(key.length).toBeLessThanOrEqual(40);
    for (const c of key)
      expect(c.propertyHistory?.[COMPANY_PROPERTY.status]?.map((h) => h.value)).toEqual(['key', 'candidate']);
  });

  it('tags the senior people of every key account as key contacts, through the label setup creates', () => {
    const [definition] = seed.associationDefinitions;
    expect(definition).toMatchObject({
      fromType: 'companies',
      toType: 'contacts',
      name: KEY_CONTACT_LABEL.name,
      label: KEY_CONTACT_LABEL.label,
    });
    const keyContactsOf = (companyId: string) =>
      seed.associations
        .filter((a) => a.fromId === companyId && a.associationTypeId === definition?.typeId)
        .map((a) => a.toId);
    for (const c of seed.objects.companies.filter((x) => x.properties[COMPANY_PROPERTY.status] === 'key')) {
      const tagged = keyContactsOf(c.id);
      expect(tagged.length).toBeGreaterThanOrEqual(2);
      for (const id of tagged) expect(index.record('contacts', id).properties.associatedcompanyid).toBe(c.id);
    }
    expect(keyContactsOf(stories.keyContactLeft.companyId)).toContain(stories.keyContactLeft.leftContactId);
    expect(keyContactsOf(stories.allyGoneQuiet.companyId)).toContain(stories.allyGoneQuiet.contactId);
  });

  it('has big, high-potential clients that should be key and are not tagged', () => {
    expect(stories.shouldBeKey.length).toBeGreaterThanOrEqual(2);
    for (const id of stories.shouldBeKey) {
      expect(status(id)).toBeUndefined();
      expect(feeRanks.get(id)).toBeLessThan(15);
      expect(Number(company(id).properties[COMPANY_PROPERTY.potentialRevenue])).toBeGreaterThan(
        ((index.closedWonFees().get(id) ?? 0) / 3) * 2,
      );
    }
  });

  it('has key accounts that no longer qualify: tagged years ago, no fees this year, nobody in touch lately', () => {
    expect(stories.noLongerQualifies.length).toBeGreaterThanOrEqual(2);
    for (const id of stories.noLongerQualifies) {
      expect(status(id)).toBe('key');
      expect(at(company(id).properties[COMPANY_PROPERTY.statusChangedAt])).toBeLessThan(DEMO_NOW - 2 * 365 * DAY);
      expect(recentFees.get(id) ?? 0).toBe(0);
      expect(feeRanks.get(id)).toBeGreaterThan(100);
      expect(lastActivity(id)).toBeLessThan(DEMO_NOW - 180 * DAY);
    }
  });

  it('has former key accounts whose history shows them tagged key first', () => {
    for (const id of stories.formerKey) {
      expect(company(id).propertyHistory?.[COMPANY_PROPERTY.status]?.map((h) => h.value)).toEqual(['former', 'key']);
    }
  });

  it('has single-threaded accounts: several contacts known, all activity with one of them', () => {
    expect(stories.singleThreaded.length).toBeGreaterThanOrEqual(2);
    for (const { companyId, contactId } of stories.singleThreaded) {
      expect(index.contactsOf(companyId).length).toBeGreaterThanOrEqual(5);
      expect([...engagedContacts(companyId)]).toEqual([contactId]);
    }
  });

  it('has a key account that only one of our people ever talks to', () => {
    const { companyId, ownerId } = stories.singlePersonDependency;
    expect(status(companyId)).toBe('key');
    expect(index.activitiesOf(companyId).length).toBeGreaterThan(10);
    expect([...activityOwners(companyId)]).toEqual([ownerId]);
    expect(engagedContacts(companyId).size).toBeGreaterThan(3);
  });

  it('has an ally nobody has been in touch with for months, on an account otherwise in regular contact', () => {
    const { companyId, contactId } = stories.allyGoneQuiet;
    const ally = index.record('contacts', contactId);
    expect(ally.properties[CONTACT_PROPERTY.stance]).toBe('ally');
    const withAlly = ACTIVITY_TYPES.flatMap((type) =>
      index.linked('contacts', contactId, type).map((id) => at(index.record(type, id).properties.hs_timestamp)),
    );
    expect(withAlly.length).toBeGreaterThan(0);
    expect(Math.max(...withAlly)).toBeLessThan(DEMO_NOW - QUIET_ALLY_DAYS * DAY);
    expect(lastActivity(companyId)).toBeGreaterThan(DEMO_NOW - 30 * DAY);
  });

  it('has a key contact who left three weeks ago, replaced by a protester since promoted and won over (seed 003)', () => {
    const { companyId, leftContactId, replacedById } = stories.keyContactLeft;
    const leaver = index.record('contacts', leftContactId);
    const successor = index.record('contacts', replacedById);
    expect(status(companyId)).toBe('key');
    expect(leaver.properties[CONTACT_PROPERTY.leftCompany]).toBe('true');
    expect(at(leaver.properties[CONTACT_PROPERTY.leftAt])).toBe(DEMO_NOW - RECENT_DEPARTURE_DAYS * DAY);
    expect(leaver.properties[CONTACT_PROPERTY.replacedBy]).toBe(replacedById);
    expect(leaver.properties[CONTACT_PROPERTY.decisionPower]).toBe('decides');
    expect(successor.propertyHistory?.[CONTACT_PROPERTY.stance]?.map((h) => h.value)).toEqual([
      'supporter',
      'protester',
    ]);
    expect(successor.propertyHistory?.jobtitle?.[0]?.value).toBe(leaver.properties.jobtitle);
    expect(successor.propertyHistory?.[CONTACT_PROPERTY.reportsTo]?.[1]?.value).toBe(leftContactId);
    expect(seed.objects.contacts.filter((c) => c.properties[CONTACT_PROPERTY.reportsTo] === leftContactId)).toEqual([]);
  });

  it('has a key account handed to a new account manager three weeks ago', () => {
    const { companyId, ownerId, previousOwnerId } = stories.newAccountManager;
    const owners = company(companyId).propertyHistory?.hubspot_owner_id;
    expect(status(companyId)).toBe('key');
    expect(company(companyId).properties.hubspot_owner_id).toBe(ownerId);
    expect(owners?.map((h) => h.value)).toEqual([ownerId, previousOwnerId]);
    expect(at(owners?.[0]?.timestamp)).toBe(DEMO_NOW - HANDOVER_AGE_DAYS * DAY);
    expect(seed.owners.map((o) => o.id)).toEqual(expect.arrayContaining([ownerId, previousOwnerId]));
  });

  it('has a key account just acquired by a large group we have never worked for', () => {
    const { companyId, parentCompanyId } = stories.newParentCompany;
    const child = company(companyId);
    const parent = company(parentCompanyId);
    expect(status(companyId)).toBe('key');
    expect(seed.associations).toContainEqual(
      expect.objectContaining({
        fromType: 'companies',
        fromId: companyId,
        toType: 'companies',
        toId: parentCompanyId,
        associationTypeId: 14,
      }),
    );
    expect(child.properties.hs_parent_company_id).toBe(parentCompanyId);
    expect(at(child.propertyHistory?.hs_parent_company_id?.[0]?.timestamp)).toBe(DEMO_NOW - ACQUISITION_AGE_DAYS * DAY);
    expect(Number(parent.properties.annualrevenue)).toBeGreaterThan(Number(child.properties.annualrevenue));
    expect(index.closedWonFees().has(parentCompanyId)).toBe(false);
  });

  it('keeps the same story ids whatever `now` is, so a sandbox seeded today can be found from the seed alone', () => {
    expect(demoPortal({ now: DEMO_NOW + 400 * DAY }).stories).toEqual(stories);
  });

  it('plays the same stories on a small portal', () => {
    const small = demoPortal({ seed: 5, companies: 60 });
    expect(small.stories.clearlyKey).toHaveLength(3);
    expect(small.stories.singleThreaded).toHaveLength(3);
    expect(new Set(small.seed.objects.companies.map((c) => c.id))).toContain(
      small.stories.newParentCompany.parentCompanyId,
    );
  });
});
