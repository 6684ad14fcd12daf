import { describe, expect, it } from 'vitest';
import { failure, portalSeed, seedRecord, useSandbox } from './helpers.ts';

// Where HubSpot refuses or trims what a kinder stand-in would accept, the sandbox does the same, so a
// green suite means a real portal answers too. Each test names where HubSpot documents the behaviour;
// where it is silent the sandbox takes the stricter reading (sandbox/README.md lists which).

const companyId = '1';
const deals = Array.from({ length: 150 }, (_, i) =>
  seedRecord({ dealname: `Deal ${i}`, amount: '100' }, { id: String(1_000 + i) }),
);
const contacts = Array.from({ length: 120 }, (_, i) =>
  seedRecord({ email: `p${i}@acme.test`, jobtitle: 'Buyer' }, { id: String(5_000 + i) }),
);

const h = useSandbox(() =>
  portalSeed({
    objects: {
      companies: [seedRecord({ name: 'Acme' }, { id: companyId }), seedRecord({ name: 'Globex' }, { id: '2' })],
      deals,
      contacts,
    },
    associations: deals.map((d) => ({
      fromType: 'deals',
      fromId: d.id,
      toType: 'companies',
      toId: companyId,
      associationTypeId: 341,
    })),
  }),
);

const contactIds = (n: number) => contacts.slice(0, n).map((c) => ({ id: c.id }));

describe('reads that ask for property history', () => {
  it("take at most 50 inputs in a batch, with HubSpot's 400 beyond", async () => {
    // HubSpot's 400 VALIDATION_ERROR, as reported in activepieces/activepieces#9359.
    const read = (n: number, withHistory: string[]) =>
      h.client.crm.contacts.batchApi.read({
        inputs: contactIds(n),
        properties: ['email'],
        propertiesWithHistory: withHistory,
      });
    expect((await read(50, ['jobtitle'])).results).toHaveLength(50);
    const error = await failure(read(51, ['jobtitle']));
    expect(error.code).toBe(400);
    expect(error.body).toMatchObject({
      category: 'VALIDATION_ERROR',
      message: 'The maximum number of inputs supported in a batch request for property histories is 50',
    });
    expect((await read(100, [])).results).toHaveLength(100);
  });

  it('list at most 50 records a page (the stricter reading of "fewer")', async () => {
    // HubSpot's reference: propertiesWithHistory reduces the most records a page; a page of 100 with history was refused (HubSpot/hubspot-api-python#143).
    const page = (limit: number) => h.client.crm.contacts.basicApi.getPage(limit, undefined, ['email'], ['jobtitle']);
    expect((await page(50)).results).toHaveLength(50);
    expect((await failure(page(51))).code).toBe(400);
    expect((await h.client.crm.contacts.basicApi.getPage(100, undefined, ['email'])).results).toHaveLength(100);
  });
});

describe('v3 association lists on a record read', () => {
  it('list at most 100 associations per type, then give paging.next.after', async () => {
    // HubSpot's changelog "Announcing a change to how v3 CRM APIs return association data".
    const read = await h.client.crm.companies.basicApi.getById(companyId, ['name'], undefined, ['deals']);
    expect(read.associations?.deals?.results).toHaveLength(100);
    expect(read.associations?.deals?.paging?.next?.after).toBeTruthy();
    const page = await h.client.crm.companies.basicApi.getPage(10, undefined, ['name'], undefined, ['deals']);
    expect(page.results.find((c) => c.id === companyId)?.associations?.deals?.results).toHaveLength(100);
  });

  it('give no paging when every association fits', async () => {
    const read = await h.client.crm.deals.basicApi.getById(deals[0]!.id, ['dealname'], undefined, ['companies']);
    expect(read.associations?.companies).toEqual({ results: [{ id: companyId, type: 'deal_to_company_unlabeled' }] });
  });
});

describe('rate-limit details', () => {
  it('report the per-second share of the burst beside the 10-second window', async () => {
    // The X-HubSpot-RateLimit-Secondly headers quoted in HubSpot/hubspot-api-python#143 (15 beside a Max of 150).
    await h.control.setRateLimit({ burstPer10s: 150, searchPerSecond: 5 });
    const answer = await h.client.crm.companies.basicApi.getByIdWithHttpInfo(companyId);
    expect(answer.headers).toMatchObject({
      'x-hubspot-ratelimit-secondly': '15',
      'x-hubspot-ratelimit-secondly-remaining': '14',
    });
    await h.control.setRateLimit(false);
  });

  it('carry a requestId in the 429 body', async () => {
    // A 429 body with its requestId, as quoted in HGData/mk-node-hubspot#89.
    await h.control.injectFault({ kind: 'rateLimit', policyName: 'SECONDLY', times: 1 });
    const error = await failure(h.client.crm.companies.basicApi.getById(companyId));
    expect(error.body).toMatchObject({
      errorType: 'RATE_LIMIT',
      policyName: 'SECONDLY',
      requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });
});

describe('207 answers', () => {
  it("give each failed part HubSpot's standard error fields", async () => {
    // StandardError in HubSpot's public OpenAPI descriptions of the objects and associations APIs: status, category, message, context, errors, links.
    const read = await h.client.crm.companies.batchApi.read({
      inputs: [{ id: companyId }, { id: '404' }],
      properties: ['name'],
      propertiesWithHistory: [],
    });
    expect('errors' in read && read.errors).toEqual([
      {
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        message: expect.any(String),
        context: { ids: ['404'] },
        errors: [],
        links: {},
      },
    ]);
    const associations = await h.client.crm.associations.v4.batchApi.getPage('companies', 'deals', {
      inputs: [{ id: '2' }],
    });
    expect('errors' in associations && associations.errors).toEqual([
      expect.objectContaining({
        category: 'OBJECT_NOT_FOUND',
        subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
        context: { fromObjectId: ['2'], fromObjectType: ['company'], toObjectType: ['deal'] },
        errors: [],
        links: {},
      }),
    ]);
  });
});

describe('built-in properties', () => {
  it("read null when unset, as a real portal's many built-ins do, instead of disappearing", async () => {
    const read = await h.client.crm.companies.basicApi.getById(companyId, [
      'phone',
      'website',
      'address',
      'state',
      'zip',
      'lifecyclestage',
      'hubspot_owner_assigneddate',
    ]);
    expect(read.properties).toMatchObject({
      phone: null,
      website: null,
      address: null,
      state: null,
      zip: null,
      lifecyclestage: null,
      hubspot_owner_assigneddate: null,
    });
  });
});

describe('values', () => {
  it('are refused over 65,536 characters', async () => {
    // HubSpot's properties guide: a property value holds at most 65,536 characters.
    const error = await failure(
      h.client.crm.companies.basicApi.update(companyId, { properties: { description: 'x'.repeat(65_537) } }),
    );
    expect(error.code).toBe(400);
    await h.client.crm.companies.basicApi.update(companyId, { properties: { description: 'x'.repeat(65_536) } });
  });

  it('of date properties are midnight UTC; datetimes take any instant', async () => {
    // HubSpot's properties guide: a date property holds a date at midnight UTC.
    await h.client.crm.properties.coreApi.create('companies', {
      name: 'contract_start',
      label: 'Contract start',
      type: 'date',
      fieldType: 'date',
      groupName: 'companyinformation',
    } as never);
    const write = (properties: Record<string, string>) =>
      h.client.crm.companies.basicApi.update(companyId, { properties });
    expect((await failure(write({ contract_start: '2026-01-15T10:00:00Z' }))).body.errors?.map((e) => e.code)).toEqual([
      'INVALID_DATE',
    ]);
    expect(
      (await write({ contract_start: String(Date.UTC(2026, 0, 15)), notes_last_updated: '2026-01-15T10:00:00Z' }))
        .properties,
    ).toMatchObject({ contract_start: '2026-01-15', notes_last_updated: '2026-01-15T10:00:00.000Z' });
  });

  it('of numbers are plain decimals (the stricter reading: no exponent, no grouping)', async () => {
    for (const amount of ['1e3', '1,000', ' ']) {
      expect(
        (await failure(h.client.crm.deals.basicApi.update(deals[0]!.id, { properties: { amount } }))).body.errors?.map(
          (e) => e.code,
        ),
      ).toEqual(['INVALID_DECIMAL']);
    }
    expect(
      (await h.client.crm.deals.basicApi.update(deals[0]!.id, { properties: { amount: '-12.50' } })).properties.amount,
    ).toBe('-12.5');
  });
});

describe('batch sizes', () => {
  it('take 1,000 inputs in an association batch read, create and archive, and 100 in a default associate', async () => {
    // Read: HubSpot's changelog "Bug Fix: Batch Read Limit for HubSpot Associations API"
    // (https://developers.hubspot.com/changelog/bug-fix-batch-read-limit-for-hubspot-associations-api).
    // Create and archive: "likewise" in the API contract (/work/shared/docs/hubspot-crm-api.md, Associations v4).
    // Default associate: no figure anywhere, 100 as the stricter reading.
    const { batchApi } = h.client.crm.associations.v4;
    const ids = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(i + 1) }));
    expect((await failure(batchApi.getPage('companies', 'deals', { inputs: ids(1_001) }))).code).toBe(400);
    await batchApi.getPage('companies', 'deals', { inputs: ids(1_000) });

    // Distinct deal-contact pairs: 150 deals, 120 contacts.
    const pair = (i: number) => ({
      deal: deals[i % deals.length]!.id,
      contact: contacts[Math.floor(i / deals.length)]!.id,
    });
    const pairs = (n: number) => Array.from({ length: n }, (_, i) => pair(i));
    const dealToContact = [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 3 }];
    const create = (n: number) =>
      batchApi.create('deals', 'contacts', {
        inputs: pairs(n).map((p) => ({ _from: { id: p.deal }, to: { id: p.contact }, types: dealToContact })),
      });
    expect((await failure(create(1_001))).code).toBe(400);
    expect((await create(1_000)).results).toHaveLength(1_000);
    const archive = (n: number) =>
      batchApi.archive('deals', 'contacts', {
        inputs: pairs(n).map((p) => ({ _from: { id: p.deal }, to: [{ id: p.contact }] })),
      });
    expect((await failure(archive(1_001))).code).toBe(400);
    await archive(1_000);

    const links = (n: number) => contacts.slice(0, n).map((c) => ({ _from: { id: c.id }, to: { id: companyId } }));
    expect((await failure(batchApi.createDefault('contacts', 'companies', { inputs: links(101) }))).code).toBe(400);
    await batchApi.createDefault('contacts', 'companies', { inputs: links(100) });
  });

  it('take 100 properties in a property batch', async () => {
    const inputs = Array.from({ length: 101 }, (_, i) => ({
      name: `field_${i}`,
      label: `Field ${i}`,
      type: 'string',
      fieldType: 'text',
      groupName: 'companyinformation',
    }));
    expect(
      (await failure(h.client.crm.properties.batchApi.create('companies', { inputs: inputs as never }))).code,
    ).toBe(400);
  });
});

describe('search', () => {
  const search = (body: Record<string, unknown>) =>
    h.client.crm.contacts.searchApi.doSearch({
      filterGroups: [],
      sorts: [],
      properties: ['email'],
      limit: 10,
      after: '0',
      ...body,
    } as never);
  const filter = { propertyName: 'jobtitle', operator: 'EQ', value: 'Buyer' };

  it('takes 5 filter groups, 6 filters a group and 18 in all', async () => {
    // HubSpot's "Search the CRM" guide (limits); its 2024 changelog announced 5 / 10 / 25, the guide's lower figures are the stricter reading.
    expect(
      (await failure(search({ filterGroups: Array.from({ length: 6 }, () => ({ filters: [filter] })) }))).code,
    ).toBe(400);
    expect((await failure(search({ filterGroups: [{ filters: Array.from({ length: 7 }, () => filter) }] }))).code).toBe(
      400,
    );
    expect(
      (
        await failure(
          search({
            filterGroups: Array.from({ length: 4 }, () => ({ filters: Array.from({ length: 5 }, () => filter) })),
          }),
        )
      ).code,
    ).toBe(400);
    expect(
      (
        await search({
          filterGroups: Array.from({ length: 3 }, () => ({ filters: Array.from({ length: 6 }, () => filter) })),
        })
      ).total,
    ).toBe(120);
  });

  it('sorts by one property only', async () => {
    expect(
      (
        await failure(
          search({
            sorts: [
              { propertyName: 'email', direction: 'ASCENDING' },
              { propertyName: 'jobtitle', direction: 'ASCENDING' },
            ],
          }),
        )
      ).code,
    ).toBe(400);
  });

  it('pages at most 200 and goes no further than the 10,000th result', async () => {
    expect((await failure(search({ limit: 201 }))).code).toBe(400);
    expect((await failure(search({ after: '10000' }))).code).toBe(400);
  });

  it('takes at most 100 values in an IN filter and a query of at most 3,000 characters (stricter readings)', async () => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);
    expect(
      (
        await failure(
          search({ filterGroups: [{ filters: [{ propertyName: 'email', operator: 'IN', values: values(101) }] }] }),
        )
      ).code,
    ).toBe(400);
    await search({ filterGroups: [{ filters: [{ propertyName: 'email', operator: 'IN', values: values(100) }] }] });
    expect((await failure(search({ query: 'a'.repeat(3_001) }))).code).toBe(400);
  });
});

describe('property definitions', () => {
  const property = (name: string, extra: Record<string, unknown> = {}) =>
    ({ name, label: name, type: 'string', fieldType: 'text', groupName: 'companyinformation', ...extra }) as never;

  it('allow at most 1,000 custom properties per object, counting those a batch makes before each', async () => {
    // HubSpot's Products & Services catalogue (https://legal.hubspot.com/hubspot-product-and-services-catalog): 1,000 custom properties per object.
    const named = (from: number, n: number) => Array.from({ length: n }, (_, i) => property(`field_${from + i}`));
    await h.control.loadSeed(portalSeed({ properties: { companies: named(0, 995) } }));
    const batch = await h.client.crm.properties.batchApi.create('companies', { inputs: named(995, 10) });
    expect(batch.results.map((p) => p.name)).toEqual(['field_995', 'field_996', 'field_997', 'field_998', 'field_999']);
    expect(batch).toMatchObject({ numErrors: 5, errors: Array(5).fill({ category: 'VALIDATION_ERROR' }) });
    const over = await failure(h.client.crm.properties.coreApi.create('companies', property('field_1000')));
    expect(over.code).toBe(400);
    expect(over.body.message).toMatch(/already has 1000 custom properties/);
    // Another object keeps its own 1,000.
    await h.client.crm.properties.coreApi.create(
      'contacts',
      property('field_1000', { groupName: 'contactinformation' }),
    );
  });

  it('allow at most 10 unique-value properties per object, text or number only', async () => {
    // HubSpot's knowledge base on property settings: up to 10 properties per object may require unique values.
    expect(
      (
        await failure(
          h.client.crm.properties.coreApi.create(
            'companies',
            property('unique_flag', { type: 'bool', fieldType: 'booleancheckbox', hasUniqueValue: true }),
          ),
        )
      ).code,
    ).toBe(400);
    for (let i = 0; i < 10; i++)
      await h.client.crm.properties.coreApi.create('companies', property(`unique_${i}`, { hasUniqueValue: true }));
    expect(
      (
        await failure(
          h.client.crm.properties.coreApi.create('companies', property('unique_10', { hasUniqueValue: true })),
        )
      ).code,
    ).toBe(400);
  });
});
