import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/associations/v4/index.js';
import { describe, expect, it } from 'vitest';
import { failure, owner, portalSeed, seedRecord, useSandbox } from './helpers.ts';

const contacts = Array.from({ length: 12 }, (_, i) =>
  seedRecord({ email: `person${i}@acme.test` }, { id: String(300 + i) }),
);
const h = useSandbox(() =>
  portalSeed({
    owners: [owner()],
    objects: {
      companies: [
        seedRecord({ name: 'Acme' }, { id: '1' }),
        seedRecord({ name: 'Globex' }, { id: '2' }),
        seedRecord({ name: 'Acme Europe' }, { id: '3' }),
      ],
      contacts,
      deals: [seedRecord({ dealname: 'Renewal' }, { id: '70' })],
    },
    associations: contacts.map((c) => ({
      fromType: 'contacts',
      fromId: c.id,
      toType: 'companies',
      toId: '1',
      associationTypeId: 279,
    })),
  }),
);

const HUBSPOT = AssociationSpecAssociationCategoryEnum.HubspotDefined;
const USER = AssociationSpecAssociationCategoryEnum.UserDefined;
const v4 = () => h.client.crm.associations.v4;

describe('associations between two records', () => {
  it('stores the inverse direction with HubSpot-defined type ids', async () => {
    const created = await v4().basicApi.create('deals', '70', 'companies', '2', [
      { associationCategory: HUBSPOT, associationTypeId: 5 },
    ]);
    expect(created).toMatchObject({
      fromObjectTypeId: '0-3',
      fromObjectId: 70,
      toObjectTypeId: '0-2',
      toObjectId: 2,
      labels: ['Primary'],
    });
    const fromCompany = await v4().basicApi.getPage('companies', '2', 'deals');
    expect(fromCompany.results).toEqual([
      expect.objectContaining({
        toObjectId: 70,
        associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 6, label: 'Primary' }],
      }),
    ]);
  });

  it('associates by default with the unlabeled type', async () => {
    const result = await v4().basicApi.createDefault('deals', '70', 'contacts', '300');
    expect(result.results[0]?.associationSpec).toEqual({
      associationCategory: 'HUBSPOT_DEFINED',
      associationTypeId: 3,
    });
    const fromContact = await v4().basicApi.getPage('contacts', '300', 'deals');
    expect(fromContact.results[0]?.associationTypes).toEqual([{ category: 'HUBSPOT_DEFINED', typeId: 4, label: null }]);
  });

  it('links a parent company to its child with the hierarchy types', async () => {
    await v4().basicApi.create('companies', '1', 'companies', '3', [
      { associationCategory: HUBSPOT, associationTypeId: 13 },
    ]);
    const fromChild = await v4().basicApi.getPage('companies', '3', 'companies');
    expect(fromChild.results).toEqual([
      expect.objectContaining({
        toObjectId: 1,
        associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 14, label: 'Parent Company' }],
      }),
    ]);
  });

  it('removes every association between two records with 204, both ways', async () => {
    await v4().basicApi.archive('contacts', '300', 'companies', '1');
    expect((await v4().basicApi.getPage('contacts', '300', 'companies')).results).toEqual([]);
    expect((await v4().basicApi.getPage('companies', '1', 'contacts')).results.map((r) => r.toObjectId)).not.toContain(
      300,
    );
  });

  it('pages through many associations to the end', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await v4().basicApi.getPage('companies', '1', 'contacts', after, 5);
      seen.push(...page.results.map((r) => String(r.toObjectId)));
      after = page.paging?.next?.after;
    } while (after);
    expect(seen.sort()).toEqual(contacts.map((c) => c.id).sort());
  });

  it('refuses a type id that does not connect the two object types', async () => {
    const error = await failure(
      v4().basicApi.create('deals', '70', 'companies', '2', [{ associationCategory: HUBSPOT, associationTypeId: 279 }]),
    );
    expect(error.code).toBe(400);
    expect(error.body.category).toBe('VALIDATION_ERROR');
  });

  it('answers 404 when a record does not exist', async () => {
    expect(
      (
        await failure(
          v4().basicApi.create('deals', '70', 'companies', '999', [
            { associationCategory: HUBSPOT, associationTypeId: 5 },
          ]),
        )
      ).code,
    ).toBe(404);
  });
});

describe('association batches', () => {
  it('reads many records’ associations, reporting ids without any as a 207', async () => {
    const result = await v4().batchApi.getPage('companies', 'contacts', { inputs: [{ id: '1' }, { id: '2' }] });
    expect(result.results).toHaveLength(1);
    expect(result.results[0]?._from.id).toBe('1');
    expect(result.results[0]?.to).toHaveLength(12);
    expect(result).toMatchObject({ numErrors: 1 });
  });

  it('refuses a cursor it never handed out', async () => {
    const inputs = [{ id: '1', after: 'not-a-cursor' }];
    expect((await failure(v4().batchApi.getPage('companies', 'contacts', { inputs }))).code).toBe(400);
  });

  it('refuses more than 1,000 inputs with 400', async () => {
    const inputs = Array.from({ length: 1001 }, (_, i) => ({ id: String(i + 1) }));
    expect((await failure(v4().batchApi.getPage('companies', 'contacts', { inputs }))).code).toBe(400);
  });

  it('creates many associations with 201 and archives them with 204', async () => {
    const created = await v4().batchApi.create('deals', 'companies', {
      inputs: [
        { _from: { id: '70' }, to: { id: '1' }, types: [{ associationCategory: HUBSPOT, associationTypeId: 341 }] },
        { _from: { id: '70' }, to: { id: '2' }, types: [{ associationCategory: HUBSPOT, associationTypeId: 341 }] },
      ],
    });
    expect(created.results.map((r) => r.toObjectId).sort()).toEqual([1, 2]);
    await v4().batchApi.archive('deals', 'companies', {
      inputs: [{ _from: { id: '70' }, to: [{ id: '1' }, { id: '2' }] }],
    });
    expect((await v4().basicApi.getPage('deals', '70', 'companies')).results).toEqual([]);
  });

  it('removes one label in a batch and keeps the others', async () => {
    await v4().basicApi.create('deals', '70', 'companies', '1', [
      { associationCategory: HUBSPOT, associationTypeId: 5 },
      { associationCategory: HUBSPOT, associationTypeId: 341 },
    ]);
    await v4().batchApi.archiveLabels('deals', 'companies', {
      inputs: [
        { _from: { id: '70' }, to: { id: '1' }, types: [{ associationCategory: HUBSPOT, associationTypeId: 5 }] },
      ],
    });
    expect((await v4().basicApi.getPage('deals', '70', 'companies')).results[0]?.associationTypes).toEqual([
      { category: 'HUBSPOT_DEFINED', typeId: 341, label: null },
    ]);
  });

  it('associates many pairs by default', async () => {
    await v4().batchApi.createDefault('deals', 'companies', { inputs: [{ _from: { id: '70' }, to: { id: '3' } }] });
    expect((await v4().basicApi.getPage('deals', '70', 'companies')).results.map((r) => r.toObjectId)).toEqual([3]);
  });
});

describe('association labels', () => {
  it('lists the HubSpot-defined types between two objects', async () => {
    const labels = await v4().schema.definitionsApi.getAll('contacts', 'companies');
    expect(labels.results).toEqual(
      expect.arrayContaining([
        { category: 'HUBSPOT_DEFINED', typeId: 279, label: null },
        { category: 'HUBSPOT_DEFINED', typeId: 1, label: 'Primary' },
      ]),
    );
  });

  it('creates a paired label (answering 200) whose two sides read back from each record', async () => {
    const created = await v4().schema.definitionsApi.create('contacts', 'contacts', {
      name: 'manager_report',
      label: 'Manager',
      inverseLabel: 'Reports to',
    });
    const [manager, report] = created.results;
    expect(manager).toMatchObject({ category: 'USER_DEFINED', label: 'Manager' });
    expect(report).toMatchObject({ category: 'USER_DEFINED', label: 'Reports to' });
    await v4().basicApi.create('contacts', '300', 'contacts', '301', [
      { associationCategory: USER, associationTypeId: manager!.typeId },
    ]);
    expect((await v4().basicApi.getPage('contacts', '301', 'contacts')).results[0]?.associationTypes).toEqual([
      { category: 'USER_DEFINED', typeId: report!.typeId, label: 'Reports to' },
    ]);
  });

  it('renames a label with 204 and deletes it with 204', async () => {
    const created = await v4().schema.definitionsApi.create('contacts', 'companies', {
      name: 'decision_maker',
      label: 'Decision maker',
    });
    const typeId = created.results[0]!.typeId;
    await v4().schema.definitionsApi.update('contacts', 'companies', {
      associationTypeId: typeId,
      label: 'Budget holder',
    });
    expect((await v4().schema.definitionsApi.getAll('contacts', 'companies')).results).toContainEqual({
      category: 'USER_DEFINED',
      typeId,
      label: 'Budget holder',
    });
    await v4().schema.definitionsApi.remove('contacts', 'companies', typeId);
    expect(
      (await v4().schema.definitionsApi.getAll('contacts', 'companies')).results.map((l) => l.typeId),
    ).not.toContain(typeId);
  });

  it('allows at most ten labels between two objects', async () => {
    for (let i = 0; i < 10; i++)
      await v4().schema.definitionsApi.create('deals', 'contacts', { name: `role_${i}`, label: `Role ${i}` });
    expect(
      (await failure(v4().schema.definitionsApi.create('deals', 'contacts', { name: 'role_10', label: 'Role 10' })))
        .code,
    ).toBe(400);
  });
});

describe('owners', () => {
  it('lists owners with their teams (the client asks /crm/v3/owners/ with a trailing slash)', async () => {
    const page = await h.client.crm.owners.ownersApi.getPage();
    expect(page.results).toEqual([
      expect.objectContaining({
        id: '501',
        email: 'ada@firm.test',
        userId: 9001,
        teams: [{ id: '7', name: 'Key accounts', primary: true }],
      }),
    ]);
  });

  it('finds an owner by email, by id and by user id', async () => {
    expect((await h.client.crm.owners.ownersApi.getPage('ada@firm.test')).results).toHaveLength(1);
    expect((await h.client.crm.owners.ownersApi.getPage('nobody@firm.test')).results).toHaveLength(0);
    expect((await h.client.crm.owners.ownersApi.getById(501)).firstName).toBe('Ada');
    expect((await h.client.crm.owners.ownersApi.getById(9001, 'userId')).id).toBe('501');
  });

  it('answers 404 for an unknown owner', async () => {
    expect((await failure(h.client.crm.owners.ownersApi.getById(1))).code).toBe(404);
  });
});
