import { describe, expect, it } from 'vitest';
import { failure, NOW, owner, portalSeed, seedRecord, useSandbox } from './helpers.ts';

const acme = seedRecord({ name: 'Acme Ltd', domain: 'acme.test', industry: 'Retail' }, { id: '101' });
const globex = seedRecord({ name: 'Globex', domain: 'globex.test' }, { id: '102' });
const ada = seedRecord(
  { firstname: 'Ada', lastname: 'Lovelace', email: 'ada@acme.test', jobtitle: 'CFO' },
  {
    id: '201',
    updatedAt: '2025-09-01T00:00:00.000Z',
    propertyHistory: {
      jobtitle: [{ value: 'Finance Director', timestamp: '2025-06-01T00:00:00.000Z', sourceType: 'CRM_UI' }],
    },
  },
);

const h = useSandbox(() =>
  portalSeed({
    owners: [owner()],
    objects: { companies: [acme, globex], contacts: [ada] },
    associations: [{ fromType: 'contacts', fromId: '201', toType: 'companies', toId: '101', associationTypeId: 279 }],
  }),
);

describe('single records', () => {
  it('creates a record with 201, string values and the system properties HubSpot adds', async () => {
    const created = await h.client.crm.companies.basicApi.create({
      properties: { name: 'Initech', annualrevenue: 1200000 as unknown as string },
      associations: [],
    });
    expect(created.properties).toMatchObject({
      name: 'Initech',
      annualrevenue: '1200000',
      hs_object_id: created.id,
      createdate: new Date(NOW).toISOString(),
    });
    expect(created.createdAt).toEqual(new Date(NOW));
    const read = await h.client.crm.companies.basicApi.getById(created.id, ['name', 'annualrevenue']);
    expect(read.properties.annualrevenue).toBe('1200000');
  });

  it('returns the default properties, with null for unset ones, when none are asked for', async () => {
    const read = await h.client.crm.companies.basicApi.getById('102');
    expect(read.properties).toEqual({
      name: 'Globex',
      domain: 'globex.test',
      createdate: '2025-06-01T00:00:00.000Z',
      hs_lastmodifieddate: '2025-06-01T00:00:00.000Z',
      hs_object_id: '102',
    });
  });

  it('returns requested properties that are unset as null, ignores unknown ones and adds the system fields', async () => {
    // The create date, last-modified date and record id come back whatever was asked for (HubSpot/hubspot-api-python#357).
    const read = await h.client.crm.companies.basicApi.getById('101', ['name', 'city', 'no_such_property']);
    expect(read.properties).toEqual({
      name: 'Acme Ltd',
      city: null,
      createdate: '2025-06-01T00:00:00.000Z',
      hs_lastmodifieddate: '2025-06-01T00:00:00.000Z',
      hs_object_id: '101',
    });
    const contact = await h.client.crm.contacts.basicApi.getById('201', ['email']);
    expect(contact.properties).toEqual({
      email: 'ada@acme.test',
      createdate: '2025-06-01T00:00:00.000Z',
      lastmodifieddate: '2025-09-01T00:00:00.000Z',
      hs_object_id: '201',
    });
  });

  it('answers a read naming only property history with the system fields and that property, not the defaults', async () => {
    // As a list read with propertiesWithHistory alone answers in HubSpot/hubspot-api-nodejs#154.
    const read = await h.client.crm.contacts.basicApi.getById('201', undefined, ['jobtitle']);
    expect(read.properties).toEqual({
      jobtitle: 'CFO',
      createdate: '2025-06-01T00:00:00.000Z',
      lastmodifieddate: '2025-09-01T00:00:00.000Z',
      hs_object_id: '201',
    });
    expect(read.propertiesWithHistory?.jobtitle?.map((e) => e.value)).toEqual(['CFO', 'Finance Director']);
  });

  it('keeps the history of every write, newest first, with its source', async () => {
    await h.client.crm.contacts.basicApi.update('201', { properties: { jobtitle: 'CEO' } });
    const read = await h.client.crm.contacts.basicApi.getById('201', ['jobtitle'], ['jobtitle']);
    expect(read.propertiesWithHistory?.jobtitle?.map((e) => [e.value, e.sourceType])).toEqual([
      ['CEO', 'INTEGRATION'],
      ['CFO', 'CRM_UI'],
      ['Finance Director', 'CRM_UI'],
    ]);
    expect(read.propertiesWithHistory?.jobtitle?.[0]?.timestamp).toEqual(new Date(NOW));
  });

  it("reads associations in the v3 shape, each also as unlabeled and the primary one by the pair's name", async () => {
    // HubSpot's changelog on v3 association data: `<from>_to_<to>_unlabeled` for every association, `<from>_to_<to>` for the primary one.
    const read = await h.client.crm.companies.basicApi.getById('101', ['name'], undefined, ['contacts']);
    expect(read.associations?.contacts?.results.map((r) => ({ ...r }))).toEqual([
      { id: '201', type: 'company_to_contact_unlabeled' },
    ]);
    await h.client.crm.associations.v4.basicApi.create('contacts', '201', 'companies', '101', [
      { associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 1 },
    ]);
    const fromContact = await h.client.crm.contacts.basicApi.getById('201', ['email'], undefined, ['companies']);
    expect(fromContact.associations?.companies?.results.map((r) => ({ ...r }))).toEqual([
      { id: '101', type: 'contact_to_company_unlabeled' },
      { id: '101', type: 'contact_to_company' },
    ]);
  });

  it('names a custom association label by its internal name', async () => {
    const [label] = (
      await h.client.crm.associations.v4.schema.definitionsApi.create('contacts', 'companies', {
        name: 'billing_contact',
        label: 'Billing contact',
      })
    ).results;
    await h.client.crm.associations.v4.basicApi.create('contacts', '201', 'companies', '102', [
      { associationCategory: 'USER_DEFINED' as never, associationTypeId: label!.typeId },
    ]);
    const read = await h.client.crm.contacts.basicApi.getById('201', ['email'], undefined, ['companies']);
    expect(read.associations?.companies?.results.filter((r) => r.id === '102').map((r) => r.type)).toEqual([
      'contact_to_company_unlabeled',
      'billing_contact',
    ]);
  });

  it('clears a property written as an empty string, which reads back as "" while one never set reads null', async () => {
    // HubSpot clears with "" (HubSpot/hubspot-api-nodejs#324) and may answer a cleared value as "".
    await h.client.crm.companies.basicApi.update('101', { properties: { industry: '' } });
    const read = await h.client.crm.companies.basicApi.getById('101', ['industry', 'city']);
    expect([read.properties.industry, read.properties.city]).toEqual(['', null]);
  });

  it('answers 200 to a null value and leaves the value as it was', async () => {
    // HubSpot/hubspot-api-nodejs#324: writing null succeeds and changes nothing.
    await h.client.crm.companies.basicApi.update('101', {
      properties: { industry: null as unknown as string, city: 'Leeds' },
    });
    expect((await h.client.crm.companies.basicApi.getById('101', ['industry', 'city'])).properties).toMatchObject({
      industry: 'Retail',
      city: 'Leeds',
    });
  });

  it('archives with 204, answers 404 afterwards and still shows the record with archived=true', async () => {
    await h.client.crm.companies.basicApi.archive('102');
    expect((await failure(h.client.crm.companies.basicApi.getById('102'))).code).toBe(404);
    const archived = await h.client.crm.companies.basicApi.getById('102', undefined, undefined, undefined, true);
    expect(archived.archived).toBe(true);
  });

  it('answers 404 with OBJECT_NOT_FOUND and a correlation id for an unknown id', async () => {
    const error = await failure(h.client.crm.companies.basicApi.getById('999999'));
    expect(error.code).toBe(404);
    expect(error.body.category).toBe('OBJECT_NOT_FOUND');
    expect(error.headers['x-hubspot-correlation-id']).toBe(error.body.correlationId);
  });

  it('refuses an unknown property with 400 PROPERTY_DOESNT_EXIST and writes nothing', async () => {
    const error = await failure(
      h.client.crm.companies.basicApi.update('101', { properties: { name: 'Renamed', favourite_colour: 'blue' } }),
    );
    expect(error.code).toBe(400);
    expect(error.body.category).toBe('VALIDATION_ERROR');
    expect(error.body.errors?.map((e) => e.code)).toEqual(['PROPERTY_DOESNT_EXIST']);
    expect((await h.client.crm.companies.basicApi.getById('101', ['name'])).properties.name).toBe('Acme Ltd');
  });

  it('refuses a value that is not one of an enumeration’s options', async () => {
    const error = await failure(
      h.client.crm.deals.basicApi.create({ properties: { dealname: 'Renewal', dealstage: 'maybe' }, associations: [] }),
    );
    expect(error.body.errors?.map((e) => e.code)).toEqual(['INVALID_OPTION']);
  });

  it('refuses a second contact with the same email with 409 naming the existing id', async () => {
    const error = await failure(
      h.client.crm.contacts.basicApi.create({ properties: { email: 'ada@acme.test' }, associations: [] }),
    );
    expect(error.code).toBe(409);
    expect(error.body.category).toBe('CONFLICT');
    expect(error.body.message).toContain('Existing ID: 201');
  });

  it('finds a record by a unique property with idProperty', async () => {
    const read = await h.client.crm.contacts.basicApi.getById(
      'ada@acme.test',
      ['firstname'],
      undefined,
      undefined,
      false,
      'email',
    );
    expect(read.id).toBe('201');
  });

  it('rejects an object type it cannot infer', async () => {
    const error = await failure(h.client.crm.objects.basicApi.getPage('widgets'));
    expect(error.code).toBe(400);
    expect(error.body.message).toBe('Unable to infer object type from: widgets');
  });

  it('addresses standard objects by objectTypeId too', async () => {
    expect((await h.client.crm.objects.basicApi.getById('0-2', '101', ['name'])).properties.name).toBe('Acme Ltd');
  });
});

describe('listing', () => {
  it('pages through every record in id order until there is no next page', async () => {
    await h.client.crm.companies.batchApi.create({
      inputs: Array.from({ length: 23 }, (_, i) => ({ properties: { name: `Company ${i}` }, associations: [] })),
    });
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await h.client.crm.companies.basicApi.getPage(10, after, ['name']);
      seen.push(...page.results.map((r) => r.id));
      after = page.paging?.next?.after;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(seen.slice(0, 2)).toEqual(['101', '102']);
  });

  // The objects reference gives a page of at most 100; asking for more is refused (the stricter reading).
  it('lists at most 100 records a page, and refuses a larger page', async () => {
    await h.client.crm.companies.batchApi.create({
      inputs: Array.from({ length: 100 }, (_, i) => ({ properties: { name: `Company ${i}` }, associations: [] })),
    });
    await h.client.crm.companies.basicApi.create({ properties: { name: 'Company 100' }, associations: [] });
    const page = await h.client.crm.companies.basicApi.getPage(100);
    expect(page.results).toHaveLength(100);
    expect(page.paging?.next?.after).toBeDefined();
    await expect(h.client.crm.companies.basicApi.getPage(101)).rejects.toMatchObject({ code: 400 });
  });
});

describe('batches', () => {
  it('reads a batch and reports missing ids as a 207 partial failure', async () => {
    const result = await h.client.crm.companies.batchApi.read({
      inputs: [{ id: '101' }, { id: '404404' }],
      properties: ['name'],
      propertiesWithHistory: [],
    });
    expect(result.results.map((r) => r.properties.name)).toEqual(['Acme Ltd']);
    expect(result).toMatchObject({
      numErrors: 1,
      errors: [{ category: 'OBJECT_NOT_FOUND', context: { ids: ['404404'] } }],
    });
  });

  it('creates a batch with 201', async () => {
    const result = await h.client.crm.contacts.batchApi.create({
      inputs: [
        { properties: { email: 'a@x.test' }, associations: [] },
        { properties: { email: 'b@x.test' }, associations: [] },
      ],
    });
    expect(result.results.map((r) => r.properties.email).sort()).toEqual(['a@x.test', 'b@x.test']);
  });

  it('refuses more than 100 inputs with 400 and creates none', async () => {
    const inputs = Array.from({ length: 101 }, (_, i) => ({ properties: { name: `C${i}` }, associations: [] }));
    expect((await failure(h.client.crm.companies.batchApi.create({ inputs }))).code).toBe(400);
    expect((await h.client.crm.companies.basicApi.getPage(100)).results).toHaveLength(2);
  });

  it('fails a whole batch create when one input repeats a unique value', async () => {
    const error = await failure(
      h.client.crm.contacts.batchApi.create({
        inputs: [
          { properties: { email: 'same@x.test' }, associations: [] },
          { properties: { email: 'same@x.test' }, associations: [] },
        ],
      }),
    );
    expect(error.code).toBe(409);
    expect((await h.client.crm.contacts.basicApi.getPage(100)).results).toHaveLength(1);
  });

  it('updates a batch and reports unknown ids as 207', async () => {
    const result = await h.client.crm.companies.batchApi.update({
      inputs: [
        { id: '101', properties: { city: 'Leeds' } },
        { id: '777', properties: { city: 'York' } },
      ],
    });
    expect(result.results.map((r) => r.properties.city)).toEqual(['Leeds']);
    expect(result).toMatchObject({ numErrors: 1 });
  });

  it('upserts by a unique property, creating what is new and updating what exists', async () => {
    const result = await h.client.crm.contacts.batchApi.upsert({
      inputs: [
        { id: 'ada@acme.test', idProperty: 'email', properties: { jobtitle: 'Chair' } },
        { id: 'new@acme.test', idProperty: 'email', properties: { firstname: 'Neo' } },
      ],
    });
    const byEmail = Object.fromEntries(result.results.map((r) => [r.properties.email, r]));
    expect(byEmail['ada@acme.test']).toMatchObject({ id: '201', _new: false });
    expect(byEmail['new@acme.test']).toMatchObject({ _new: true });
  });

  it('archives a batch with 204', async () => {
    await h.client.crm.companies.batchApi.archive({ inputs: [{ id: '101' }, { id: '102' }] });
    expect((await h.client.crm.companies.basicApi.getPage()).results).toEqual([]);
  });
});

describe('batches that name one id twice', () => {
  // HubSpot's answer to a contacts batch update naming one id twice, as recorded in
  // rudderlabs/rudder-transformer (test/integrations/destinations/hs/dataDelivery/business.ts); a batch
  // upsert naming one id twice is refused as well (segmentio/action-destinations#3969).
  const duplicateIds = (ids: string[]) => ({
    code: 400,
    body: {
      category: 'VALIDATION_ERROR',
      message: `Duplicate IDs found in batch input: [${ids.join(', ')}]. IDs must be unique`,
      context: { ids },
    },
  });
  const cities = async () =>
    (await h.client.crm.companies.basicApi.getPage(10, undefined, ['city'])).results.map((c) => c.properties.city);

  it('refuses a batch update with 400 and writes none of it', async () => {
    const error = await failure(
      h.client.crm.companies.batchApi.update({
        inputs: [
          { id: '101', properties: { city: 'Leeds' } },
          { id: '102', properties: { city: 'Hull' } },
          { id: '101', properties: { city: 'York' } },
        ],
      }),
    );
    expect(error).toMatchObject(duplicateIds(['101']));
    expect(await cities()).toEqual([null, null]);
  });

  it('refuses a batch upsert with 400, not a conflict with its own record, and creates nothing', async () => {
    const error = await failure(
      h.client.crm.contacts.batchApi.upsert({
        inputs: [
          { id: 'neo@acme.test', idProperty: 'email', properties: { firstname: 'Neo' } },
          { id: 'ada@acme.test', idProperty: 'email', properties: { jobtitle: 'Chair' } },
          { id: 'neo@acme.test', idProperty: 'email', properties: { firstname: 'Thomas' } },
        ],
      }),
    );
    expect(error).toMatchObject(duplicateIds(['neo@acme.test']));
    const contacts = (await h.client.crm.contacts.basicApi.getPage(10, undefined, ['jobtitle'])).results;
    expect(contacts.map((c) => c.properties.jobtitle)).toEqual(['CFO']);
  });

  it('refuses a batch read and a batch archive the same way (the stricter reading: HubSpot documents neither)', async () => {
    const twice = { inputs: [{ id: '101' }, { id: '102' }, { id: '102' }, { id: '101' }] };
    expect(
      await failure(
        h.client.crm.companies.batchApi.read({ ...twice, properties: ['name'], propertiesWithHistory: [] }),
      ),
    ).toMatchObject(duplicateIds(['102', '101']));
    expect(await failure(h.client.crm.companies.batchApi.archive(twice))).toMatchObject(duplicateIds(['102', '101']));
    expect(await cities()).toHaveLength(2);
  });
});

describe('engagements', () => {
  it('creates a meeting owned by an owner and associated with a company and a contact', async () => {
    const meeting = await h.client.crm.objects.meetings.basicApi.create({
      properties: { hs_timestamp: '2026-01-10T10:00:00Z', hs_meeting_title: 'QBR', hubspot_owner_id: '501' },
      associations: [
        { to: { id: '101' }, types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 188 }] },
        { to: { id: '201' }, types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 200 }] },
      ],
    });
    const fromCompany = await h.client.crm.associations.v4.basicApi.getPage('companies', '101', 'meetings');
    expect(fromCompany.results).toEqual([
      expect.objectContaining({
        toObjectId: Number(meeting.id),
        associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 187, label: null }],
      }),
    ]);
    const read = await h.client.crm.objects.meetings.basicApi.getById(meeting.id, ['hubspot_owner_id', 'hs_timestamp']);
    expect(read.properties).toMatchObject({ hubspot_owner_id: '501', hs_timestamp: '2026-01-10T10:00:00.000Z' });
  });

  it('refuses an engagement without a timestamp', async () => {
    const error = await failure(
      h.client.crm.objects.notes.basicApi.create({ properties: { hs_note_body: 'hello' }, associations: [] }),
    );
    expect(error.code).toBe(400);
    expect(error.body.errors?.map((e) => e.code)).toEqual(['REQUIRED_PROPERTY']);
  });

  it('refuses an association type that does not start from the record’s type', async () => {
    const error = await failure(
      h.client.crm.objects.calls.basicApi.create({
        properties: { hs_timestamp: '2026-01-10T10:00:00Z' },
        associations: [
          { to: { id: '101' }, types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 188 }] },
        ],
      }),
    );
    expect(error.code).toBe(400);
  });
});
