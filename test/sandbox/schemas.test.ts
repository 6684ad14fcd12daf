import type { ObjectSchemaEgg } from '@hubspot/api-client/lib/codegen/crm/schemas/index.js';
import { describe, expect, it } from 'vitest';
import { failure, PORTAL_ID, useSandbox } from './helpers.ts';

const h = useSandbox();

function planSchema(overrides: Partial<ObjectSchemaEgg> = {}): ObjectSchemaEgg {
  return {
    name: 'account_plan',
    labels: { singular: 'Account plan', plural: 'Account plans' },
    primaryDisplayProperty: 'plan_name',
    requiredProperties: ['plan_name'],
    searchableProperties: ['plan_name'],
    secondaryDisplayProperties: [],
    properties: [
      { name: 'plan_name', label: 'Plan name', type: 'string', fieldType: 'text' },
      { name: 'plan_key', label: 'Plan key', type: 'string', fieldType: 'text', hasUniqueValue: true },
      { name: 'plan_year', label: 'Year', type: 'number', fieldType: 'number' },
    ],
    associatedObjects: ['COMPANY'],
    ...overrides,
  } as ObjectSchemaEgg;
}

/** Creates the schema; HubSpot always answers with both identifiers. */
async function createPlanSchema(overrides: Partial<ObjectSchemaEgg> = {}) {
  const schema = await h.client.crm.schemas.coreApi.create(planSchema(overrides));
  return { ...schema, objectTypeId: schema.objectTypeId!, fullyQualifiedName: schema.fullyQualifiedName! };
}

describe('custom object schemas', () => {
  it('creates a schema with an objectTypeId and a fully qualified name', async () => {
    const schema = await createPlanSchema();
    expect(schema.objectTypeId).toMatch(/^2-\d+$/);
    expect(schema.fullyQualifiedName).toBe(`p${PORTAL_ID}_account_plan`);
    expect(schema.properties.map((p) => p.name)).toEqual(
      expect.arrayContaining(['plan_name', 'plan_key', 'hs_object_id']),
    );
    expect(schema.associations).toEqual([
      expect.objectContaining({ fromObjectTypeId: schema.objectTypeId, toObjectTypeId: '0-2' }),
    ]);
  });

  it('lists, reads by objectTypeId and by fully qualified name, and updates', async () => {
    const created = await createPlanSchema();
    expect((await h.client.crm.schemas.coreApi.getAll()).results.map((s) => s.name)).toEqual(['account_plan']);
    expect((await h.client.crm.schemas.coreApi.getById(created.objectTypeId)).name).toBe('account_plan');
    expect((await h.client.crm.schemas.coreApi.getById(created.fullyQualifiedName)).objectTypeId).toBe(
      created.objectTypeId,
    );
    const updated = await h.client.crm.schemas.coreApi.update(created.objectTypeId, {
      labels: { singular: 'Plan', plural: 'Plans' },
      searchableProperties: ['plan_name', 'plan_key'],
    });
    expect(updated.labels.singular).toBe('Plan');
    expect(updated.searchableProperties).toEqual(['plan_name', 'plan_key']);
  });

  it('refuses a second schema with the same name with 409', async () => {
    await createPlanSchema();
    expect((await failure(h.client.crm.schemas.coreApi.create(planSchema()))).code).toBe(409);
  });

  it('refuses required properties the schema does not define', async () => {
    const error = await failure(
      h.client.crm.schemas.coreApi.create(planSchema({ requiredProperties: ['owner_name'] })),
    );
    expect(error.code).toBe(400);
    expect(error.body.message).toContain('owner_name');
  });

  it('defines an association with another object type and removes it with 204', async () => {
    const created = await createPlanSchema({ associatedObjects: [] });
    const definition = await h.client.crm.schemas.coreApi.createAssociation(created.objectTypeId, {
      fromObjectTypeId: created.objectTypeId,
      toObjectTypeId: '0-1',
      name: 'plan_to_contact',
    });
    expect(definition).toMatchObject({
      fromObjectTypeId: created.objectTypeId,
      toObjectTypeId: '0-1',
      name: 'plan_to_contact',
    });
    expect(
      (await h.client.crm.associations.v4.schema.definitionsApi.getAll(created.objectTypeId, 'contacts')).results,
    ).toEqual([{ category: 'USER_DEFINED', typeId: Number(definition.id), label: null }]);
    await h.client.crm.schemas.coreApi.archiveAssociation(created.objectTypeId, definition.id);
    expect((await h.client.crm.schemas.coreApi.getById(created.objectTypeId)).associations).toEqual([]);
  });

  it('refuses to delete a schema that still has records', async () => {
    const created = await createPlanSchema();
    await h.client.crm.objects.basicApi.create(created.objectTypeId, {
      properties: { plan_name: 'A' },
      associations: [],
    });
    expect((await failure(h.client.crm.schemas.coreApi.archive(created.objectTypeId))).code).toBe(400);
  });

  it('deletes a schema without records with 204', async () => {
    const created = await createPlanSchema();
    await h.client.crm.schemas.coreApi.archive(created.objectTypeId);
    expect((await h.client.crm.schemas.coreApi.getAll()).results).toEqual([]);
  });
});

describe('custom object records', () => {
  it('stores records addressed by objectTypeId, fully qualified name or p_ short name, and rejects the bare name', async () => {
    const schema = await createPlanSchema();
    const created = await h.client.crm.objects.basicApi.create(schema.objectTypeId, {
      properties: { plan_name: 'Acme FY26', plan_year: '2026' },
      associations: [],
    });
    const read = await h.client.crm.objects.basicApi.getById(schema.fullyQualifiedName, created.id, [
      'plan_name',
      'plan_year',
    ]);
    expect(read.properties).toMatchObject({ plan_name: 'Acme FY26', plan_year: '2026' });
    expect((await h.client.crm.objects.basicApi.getById('p_account_plan', created.id)).id).toBe(created.id);
    const bare = await failure(h.client.crm.objects.basicApi.getById('account_plan', created.id));
    expect(bare.code).toBe(400);
    expect(bare.body.message).toBe('Unable to infer object type from: account_plan');
  });

  it('enforces the schema’s required properties and unique values', async () => {
    const schema = await createPlanSchema();
    expect(
      (
        await failure(
          h.client.crm.objects.basicApi.create(schema.objectTypeId, {
            properties: { plan_year: '2026' },
            associations: [],
          }),
        )
      ).code,
    ).toBe(400);
    await h.client.crm.objects.basicApi.create(schema.objectTypeId, {
      properties: { plan_name: 'A', plan_key: 'acme-26' },
      associations: [],
    });
    const duplicate = await failure(
      h.client.crm.objects.basicApi.create(schema.objectTypeId, {
        properties: { plan_name: 'B', plan_key: 'acme-26' },
        associations: [],
      }),
    );
    expect(duplicate.code).toBe(409);
  });

  it('associates a record with a company through the schema’s default association', async () => {
    const schema = await createPlanSchema();
    const company = await h.client.crm.companies.basicApi.create({ properties: { name: 'Acme' }, associations: [] });
    const plan = await h.client.crm.objects.basicApi.create(schema.objectTypeId, {
      properties: { plan_name: 'A' },
      associations: [],
    });
    await h.client.crm.associations.v4.basicApi.createDefault(schema.objectTypeId, plan.id, 'companies', company.id);
    const fromCompany = await h.client.crm.associations.v4.basicApi.getPage(
      'companies',
      company.id,
      schema.fullyQualifiedName,
    );
    expect(fromCompany.results.map((r) => [r.toObjectId, r.associationTypes[0]?.category])).toEqual([
      [Number(plan.id), 'USER_DEFINED'],
    ]);
  });

  it('finds custom records by the free-text query on their searchable properties', async () => {
    const schema = await createPlanSchema();
    await h.client.crm.objects.batchApi.create(schema.objectTypeId, {
      inputs: [
        { properties: { plan_name: 'Acme growth' }, associations: [] },
        { properties: { plan_name: 'Globex retention' }, associations: [] },
      ],
    });
    const found = await h.client.crm.objects.searchApi.doSearch(schema.objectTypeId, {
      query: 'acme',
      filterGroups: [],
      sorts: [],
      properties: ['plan_name'],
      limit: 10,
      after: '0',
    });
    expect(found.results.map((r) => r.properties.plan_name)).toEqual(['Acme growth']);
  });
});

describe('properties and groups', () => {
  const marginProperty = {
    name: 'gross_margin',
    label: 'Gross margin',
    type: 'number',
    fieldType: 'number',
    groupName: 'companyinformation',
  };

  it('creates a property with 201, reads it, updates it and archives it with 204', async () => {
    const created = await h.client.crm.properties.coreApi.create('companies', marginProperty as never);
    expect(created).toMatchObject({ name: 'gross_margin', type: 'number', hasUniqueValue: false });
    expect((await h.client.crm.properties.coreApi.getByName('companies', 'gross_margin')).label).toBe('Gross margin');
    expect(
      (await h.client.crm.properties.coreApi.update('companies', 'gross_margin', { label: 'Margin %' })).label,
    ).toBe('Margin %');
    await h.client.crm.properties.coreApi.archive('companies', 'gross_margin');
    expect((await failure(h.client.crm.properties.coreApi.getByName('companies', 'gross_margin'))).code).toBe(404);
  });

  it('lists built-in and added properties together', async () => {
    await h.client.crm.properties.coreApi.create('companies', marginProperty as never);
    const names = (await h.client.crm.properties.coreApi.getAll('companies')).results.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['name', 'domain', 'gross_margin']));
  });

  it('lets records use a property once it exists', async () => {
    expect(
      (await failure(h.client.crm.companies.basicApi.create({ properties: { gross_margin: '0.4' }, associations: [] })))
        .code,
    ).toBe(400);
    await h.client.crm.properties.coreApi.create('companies', marginProperty as never);
    const company = await h.client.crm.companies.basicApi.create({
      properties: { gross_margin: '0.4' },
      associations: [],
    });
    expect(company.properties.gross_margin).toBe('0.4');
  });

  it('refuses a duplicate property with 409, an unknown group and a field type that does not fit', async () => {
    await h.client.crm.properties.coreApi.create('companies', marginProperty as never);
    expect((await failure(h.client.crm.properties.coreApi.create('companies', marginProperty as never))).code).toBe(
      409,
    );
    expect(
      (
        await failure(
          h.client.crm.properties.coreApi.create('companies', {
            ...marginProperty,
            name: 'x1',
            groupName: 'nowhere',
          } as never),
        )
      ).code,
    ).toBe(400);
    expect(
      (
        await failure(
          h.client.crm.properties.coreApi.create('companies', {
            ...marginProperty,
            name: 'x2',
            fieldType: 'select',
          } as never),
        )
      ).code,
    ).toBe(400);
  });

  it('refuses to archive a HubSpot-defined property', async () => {
    expect((await failure(h.client.crm.properties.coreApi.archive('companies', 'name'))).code).toBe(400);
  });

  it('creates properties in a batch, reporting the failing ones as 207', async () => {
    const result = await h.client.crm.properties.batchApi.create('contacts', {
      inputs: [
        {
          ...marginProperty,
          name: 'stance',
          type: 'enumeration',
          fieldType: 'select',
          groupName: 'contactinformation',
          options: [{ label: 'Ally', value: 'ally', displayOrder: 0, hidden: false }],
        },
        { ...marginProperty, name: 'email', groupName: 'contactinformation' },
      ] as never,
    });
    expect(result.results.map((p) => p.name)).toEqual(['stance']);
    expect(result).toMatchObject({ numErrors: 1 });
  });

  it('reads properties in a batch, reporting unknown names as 207, and archives them in a batch', async () => {
    await h.client.crm.properties.coreApi.create('companies', marginProperty as never);
    const read = await h.client.crm.properties.batchApi.read('companies', {
      inputs: [{ name: 'gross_margin' }, { name: 'nonexistent' }],
      archived: false,
    });
    expect(read.results.map((p) => p.name)).toEqual(['gross_margin']);
    expect(read).toMatchObject({ numErrors: 1 });
    await h.client.crm.properties.batchApi.archive('companies', { inputs: [{ name: 'gross_margin' }] });
    expect((await failure(h.client.crm.properties.coreApi.getByName('companies', 'gross_margin'))).code).toBe(404);
  });

  it('creates, lists, updates and archives property groups', async () => {
    const group = await h.client.crm.properties.groupsApi.create('companies', {
      name: 'keystone',
      label: 'Keystone',
      displayOrder: 5,
    });
    expect(group).toMatchObject({ name: 'keystone', label: 'Keystone', displayOrder: 5 });
    expect((await h.client.crm.properties.groupsApi.getAll('companies')).results.map((g) => g.name)).toContain(
      'keystone',
    );
    expect(
      (await h.client.crm.properties.groupsApi.update('companies', 'keystone', { label: 'Key accounts' })).label,
    ).toBe('Key accounts');
    await h.client.crm.properties.groupsApi.archive('companies', 'keystone');
    expect((await failure(h.client.crm.properties.groupsApi.getByName('companies', 'keystone'))).code).toBe(404);
  });

  it('makes a unique-value property refuse duplicates with 409', async () => {
    await h.client.crm.properties.coreApi.create('companies', {
      name: 'erp_code',
      label: 'ERP code',
      type: 'string',
      fieldType: 'text',
      groupName: 'companyinformation',
      hasUniqueValue: true,
    } as never);
    await h.client.crm.companies.basicApi.create({ properties: { erp_code: 'E-1' }, associations: [] });
    const error = await failure(
      h.client.crm.companies.basicApi.create({ properties: { erp_code: 'E-1' }, associations: [] }),
    );
    expect(error.code).toBe(409);
    expect(error.body.category).toBe('CONFLICT');
  });
});
