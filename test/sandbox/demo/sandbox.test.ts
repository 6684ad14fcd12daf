import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/companies/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubSpotClient } from '../../../src/crm/client.ts';
import { KEY_CONTACT_LABEL } from '../../../src/crm/model/associations.ts';
import { COMPANY_PROPERTY } from '../../../src/crm/model/company-properties.ts';
import { CONTACT_PROPERTY } from '../../../src/crm/model/contact-properties.ts';
import { ObjectTypeResolver } from '../../../src/crm/object-types.ts';
import { readSettingsRecord } from '../../../src/crm/settings-record.ts';
import { STATUS_AUDIT_PROPERTIES, statusAuditOf } from '../../../src/keystone/account/status-audit.ts';
import { batchReadWithHistory } from '../../../src/keystone/readers/hubspot-reads.ts';
import { statusHistory } from '../../../src/kam/selection/index.ts';
import { storedPortalPeople } from '../../../src/keystone/readers/portal-people.ts';
import { readOwners } from '../../../src/keystone/readers/portal-reads.ts';
import { generateDemo } from '../../../sandbox/demo/generate.ts';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server.ts';
import { DEMO_NOW } from './portal-index.ts';

// The demo portal loaded into the real sandbox, read back through the official client as Keystone reads it.
describe('the demo portal in the sandbox', () => {
  const { portal, stories } = generateDemo({ now: DEMO_NOW });
  let sandbox: RunningSandbox;
  let client: ReturnType<typeof createHubSpotClient>;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: portal, dataFile: null });
    client = createHubSpotClient({ accessToken: 'demo', baseUrl: sandbox.baseUrl });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('serves a key account with its Keystone status and status history', async () => {
    const [companyId] = stories.clearlyKey;
    const company = await client.crm.companies.basicApi.getById(
      companyId ?? '',
      ['name', 'domain', COMPANY_PROPERTY.status, COMPANY_PROPERTY.statusReason],
      [COMPANY_PROPERTY.status],
    );
    expect(company.properties[COMPANY_PROPERTY.status]).toBe('key');
    expect(company.properties.domain).toMatch(/\.example$/);
    expect(company.propertiesWithHistory?.[COMPANY_PROPERTY.status]?.map((h) => h.value)).toEqual(['key', 'candidate']);
  });

  it('pairs every status change in the history with the author and reason Keystone wrote with it, as the status shows them', async () => {
    const tagged = (portal.objects?.companies ?? []).filter((c) => c.properties[COMPANY_PROPERTY.status]);
    const companies = await batchReadWithHistory(client, {
      objectType: 'companies',
      ids: tagged.map((c) => c.id),
      properties: [...STATUS_AUDIT_PROPERTIES],
      withHistory: STATUS_AUDIT_PROPERTIES,
    });
    expect(companies).toHaveLength(tagged.length);
    for (const company of companies) {
      const changes = statusHistory(statusAuditOf(company));
      expect(changes.length, `status history of company ${company.id}`).toBeGreaterThan(0);
      expect(changes[0]).toMatchObject({
        status: company.properties[COMPANY_PROPERTY.status],
        at: Date.parse(company.properties[COMPANY_PROPERTY.statusChangedAt] ?? ''),
        changedByUserId: company.properties[COMPANY_PROPERTY.statusChangedBy],
        reason: company.properties[COMPANY_PROPERTY.statusReason],
      });
      // Each was made through Keystone: none reads as made outside it, with no who or why.
      for (const change of changes) expect(change.changedByUserId && change.reason).toBeTruthy();
    }
  });

  it("lists the company's contacts through associations v4 and reads them in a batch", async () => {
    const [companyId] = stories.clearlyKey;
    const links = await client.crm.associations.v4.basicApi.getPage(
      'companies',
      companyId ?? '',
      'contacts',
      undefined,
      500,
    );
    const contactIds = links.results.map((l) => String(l.toObjectId));
    expect(contactIds.length).toBeGreaterThanOrEqual(5);
    const batch = await client.crm.contacts.batchApi.read({
      inputs: contactIds.map((id) => ({ id })),
      properties: ['email', 'jobtitle', CONTACT_PROPERTY.reportsTo],
      propertiesWithHistory: [],
    });
    expect(batch.results).toHaveLength(contactIds.length);
    for (const contact of batch.results) {
      const manager = contact.properties[CONTACT_PROPERTY.reportsTo];
      if (manager) expect(contactIds).toContain(manager);
    }
  });

  it('labels the key contacts of a key account "Key contact"', async () => {
    const { companyId, contactId } = stories.allyGoneQuiet;
    const links = await client.crm.associations.v4.basicApi.getPage('companies', companyId, 'contacts', undefined, 500);
    const ally = links.results.find((l) => String(l.toObjectId) === contactId);
    expect(ally?.associationTypes.map((t) => t.label)).toContain(KEY_CONTACT_LABEL.label);
  });

  it("shows the promoted successor's stance history, newest first", async () => {
    const contact = await client.crm.contacts.basicApi.getById(
      stories.keyContactLeft.replacedById,
      [CONTACT_PROPERTY.stance],
      [CONTACT_PROPERTY.stance, 'jobtitle'],
    );
    expect(contact.propertiesWithHistory?.[CONTACT_PROPERTY.stance]?.map((h) => h.value)).toEqual([
      'supporter',
      'protester',
    ]);
    expect(contact.propertiesWithHistory?.jobtitle).toHaveLength(2);
  });

  it('lists our people with their teams', async () => {
    const owners = await client.crm.owners.ownersApi.getPage(undefined, undefined, 100);
    expect(owners.results).toHaveLength(portal.owners.length);
    expect(owners.results.every((o) => (o.teams ?? []).length === 1)).toBe(true);
  });

  it("keeps our people on the settings record as the cards read them, fresh for the demo's day", async () => {
    const settingsType = (await new ObjectTypeResolver(client).find('settings'))!.objectTypeId;
    const record = await readSettingsRecord(client, settingsType);
    const owners = await readOwners(client);
    const user = owners[0]!.userId!;
    expect(storedPortalPeople(record?.portalPeople, { now: DEMO_NOW, userId: user })).toEqual(owners);
  });

  it('finds the key accounts with a search', async () => {
    const found = await client.crm.companies.searchApi.doSearch({
      filterGroups: [
        { filters: [{ propertyName: COMPANY_PROPERTY.status, operator: FilterOperatorEnum.Eq, value: 'key' }] },
      ],
      properties: ['name'],
      limit: 100,
      after: '0',
      sorts: [],
    });
    const key = (portal.objects?.companies ?? []).filter((c) => c.properties[COMPANY_PROPERTY.status] === 'key');
    expect(found.total).toBe(key.length);
  });
});
