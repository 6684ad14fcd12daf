import type { PublicObjectSearchRequest } from '@hubspot/api-client/lib/codegen/crm/companies/index.js';
import { describe, expect, it } from 'vitest';
import { failure, portalSeed, seedRecord, useSandbox } from './helpers.ts';

const company = (id: string, properties: Record<string, string>) => seedRecord(properties, { id });
const companies = [
  company('1', {
    name: 'Acme Holdings',
    domain: 'acme.test',
    industry: 'Retail',
    annualrevenue: '5000000',
    city: 'Leeds',
    createdate: '2024-01-10T00:00:00.000Z',
  }),
  company('2', {
    name: 'Globex Corporation',
    domain: 'globex.test',
    industry: 'Energy',
    annualrevenue: '12000000',
    createdate: '2024-03-01T00:00:00.000Z',
  }),
  company('3', {
    name: 'Initech',
    domain: 'initech.test',
    industry: 'Software',
    annualrevenue: '800000',
    city: 'York',
    createdate: '2025-02-01T00:00:00.000Z',
  }),
  company('4', { name: 'Umbrella Retail Group', industry: 'Retail', createdate: '2025-06-01T00:00:00.000Z' }),
];

const h = useSandbox(() =>
  portalSeed({
    objects: {
      companies,
      contacts: [
        seedRecord({ email: 'kim@acme.test', hs_buying_role: 'CHAMPION;DECISION_MAKER' }, { id: '50' }),
        seedRecord({ email: 'lee@globex.test', hs_buying_role: 'END_USER' }, { id: '51' }),
      ],
    },
    associations: [{ fromType: 'contacts', fromId: '50', toType: 'companies', toId: '1', associationTypeId: 279 }],
  }),
);

type Filter = { propertyName: string; operator: string; value?: string; values?: string[]; highValue?: string };
const search = (filters: Filter[][], extra: Partial<PublicObjectSearchRequest> = {}) =>
  h.client.crm.companies.searchApi.doSearch({
    filterGroups: filters.map((f) => ({ filters: f })),
    sorts: [],
    properties: ['name'],
    limit: 100,
    after: '0',
    ...extra,
  } as PublicObjectSearchRequest);
const ids = async (filters: Filter[][], extra: Partial<PublicObjectSearchRequest> = {}) =>
  (await search(filters, extra)).results.map((r) => r.id);

describe('search filters', () => {
  it.each([
    ['EQ (case-insensitive)', { propertyName: 'industry', operator: 'EQ', value: 'retail' }, ['1', '4']],
    [
      'NEQ (records without the property included)',
      { propertyName: 'industry', operator: 'NEQ', value: 'Retail' },
      ['2', '3'],
    ],
    ['LT on numbers', { propertyName: 'annualrevenue', operator: 'LT', value: '5000000' }, ['3']],
    ['LTE on numbers', { propertyName: 'annualrevenue', operator: 'LTE', value: '5000000' }, ['1', '3']],
    ['GT on numbers, not text', { propertyName: 'annualrevenue', operator: 'GT', value: '900000' }, ['1', '2']],
    ['GTE on numbers', { propertyName: 'annualrevenue', operator: 'GTE', value: '12000000' }, ['2']],
    [
      'BETWEEN on datetimes given as epoch ms',
      {
        propertyName: 'createdate',
        operator: 'BETWEEN',
        value: String(Date.UTC(2024, 0, 1)),
        highValue: String(Date.UTC(2024, 11, 31)),
      },
      ['1', '2'],
    ],
    ['IN', { propertyName: 'industry', operator: 'IN', values: ['energy', 'software'] }, ['2', '3']],
    ['NOT_IN', { propertyName: 'industry', operator: 'NOT_IN', values: ['retail'] }, ['2', '3']],
    ['HAS_PROPERTY', { propertyName: 'city', operator: 'HAS_PROPERTY' }, ['1', '3']],
    ['NOT_HAS_PROPERTY', { propertyName: 'domain', operator: 'NOT_HAS_PROPERTY' }, ['4']],
    ['CONTAINS_TOKEN on a word', { propertyName: 'name', operator: 'CONTAINS_TOKEN', value: 'retail' }, ['4']],
    [
      'CONTAINS_TOKEN with a wildcard',
      { propertyName: 'domain', operator: 'CONTAINS_TOKEN', value: '*.test' },
      ['1', '2', '3'],
    ],
    ['NOT_CONTAINS_TOKEN', { propertyName: 'name', operator: 'NOT_CONTAINS_TOKEN', value: 'group' }, ['1', '2', '3']],
  ])('%s', async (_, filter, expected) => {
    expect(await ids([[filter]])).toEqual(expected);
  });

  it('ANDs filters in a group and ORs the groups', async () => {
    const retailInLeeds = [
      { propertyName: 'industry', operator: 'EQ', value: 'Retail' },
      { propertyName: 'city', operator: 'EQ', value: 'Leeds' },
    ];
    expect(await ids([retailInLeeds])).toEqual(['1']);
    expect(await ids([retailInLeeds, [{ propertyName: 'industry', operator: 'EQ', value: 'Energy' }]])).toEqual([
      '1',
      '2',
    ]);
  });

  it('matches one value of a multiple-choice property', async () => {
    const result = await h.client.crm.contacts.searchApi.doSearch({
      filterGroups: [
        { filters: [{ propertyName: 'hs_buying_role', operator: 'IN' as never, values: ['DECISION_MAKER'] }] },
      ],
      sorts: [],
      properties: ['email'],
      limit: 10,
      after: '0',
    });
    expect(result.results.map((r) => r.properties.email)).toEqual(['kim@acme.test']);
  });

  it('finds records associated with a given record', async () => {
    const result = await h.client.crm.contacts.searchApi.doSearch({
      filterGroups: [{ filters: [{ propertyName: 'associations.company', operator: 'EQ' as never, value: '1' }] }],
      sorts: [],
      properties: ['email'],
      limit: 10,
      after: '0',
    });
    expect(result.results.map((r) => r.id)).toEqual(['50']);
  });

  it('matches the free-text query against the searchable properties by word prefix', async () => {
    expect(await ids([], { query: 'glob' })).toEqual(['2']);
  });

  it('returns requested but unset properties as null, beside the system fields', async () => {
    const result = await search([[{ propertyName: 'name', operator: 'EQ', value: 'Initech' }]], {
      properties: ['name', 'numberofemployees'],
    });
    expect(result.results[0]?.properties).toEqual({
      name: 'Initech',
      numberofemployees: null,
      createdate: '2025-02-01T00:00:00.000Z',
      hs_lastmodifieddate: '2025-06-01T00:00:00.000Z',
      hs_object_id: '3',
    });
  });
});

describe('search sorting and paging', () => {
  it('sorts by one property, records without it last', async () => {
    expect(await ids([], { sorts: [{ propertyName: 'annualrevenue', direction: 'DESCENDING' }] as never })).toEqual([
      '2',
      '1',
      '3',
      '4',
    ]);
  });

  it('pages with after until there is no next page, reporting the total', async () => {
    const seen: string[] = [];
    let after = '0';
    for (;;) {
      const page = await search([], { limit: 3, after });
      expect(page.total).toBe(4);
      seen.push(...page.results.map((r) => r.id));
      if (!page.paging?.next?.after) break;
      after = page.paging.next.after;
    }
    expect(seen).toEqual(['1', '2', '3', '4']);
  });

  it('answers no further than the 10,000th result, so a loop over every page ends in a 400, not in silence', async () => {
    // HubSpot's "Search the CRM" guide (limitations) and the API contract (/work/shared/docs/hubspot-crm-api.md,
    // Search): at most 10,000 results per query, a page beyond them answered 400.
    const many = Array.from({ length: 10_050 }, (_, i) => seedRecord({ name: `Company ${i}` }, { id: String(i + 1) }));
    await h.control.loadSeed(portalSeed({ objects: { companies: many } }));
    const last = await search([], { limit: 200, after: '9800' });
    expect(last.total).toBe(10_050);
    expect(last.results).toHaveLength(200);
    expect(last.paging?.next?.after).toBe('10000');

    const seen: string[] = [];
    let after: string | undefined = '0';
    const loop = async () => {
      while (after !== undefined) {
        const page = await search([], { limit: 200, after });
        seen.push(...page.results.map((r) => r.id));
        after = page.paging?.next?.after;
      }
    };
    const beyond = await failure(loop());
    expect(beyond.code).toBe(400);
    expect(beyond.body.category).toBe('VALIDATION_ERROR');
    expect(after).toBe('10000');
    expect(seen).toHaveLength(10_000);
  });

  it('ends without a next page when exactly 10,000 records match', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => seedRecord({ name: `Company ${i}` }, { id: String(i + 1) }));
    await h.control.loadSeed(portalSeed({ objects: { companies: many } }));
    const last = await search([], { limit: 200, after: '9800' });
    expect(last.results).toHaveLength(200);
    expect(last.paging).toBeUndefined();
  });
});

describe('search limits', () => {
  const oneFilter = { propertyName: 'name', operator: 'HAS_PROPERTY' };

  it.each([
    ['more than 200 per page', () => search([], { limit: 201 })],
    // A page of none would hand back the same cursor for ever; HubSpot's guide gives no lower bound (stricter).
    ['a page of no results (limit 0)', () => search([], { limit: 0 })],
    [
      'two sorts',
      () =>
        search([], {
          sorts: [
            { propertyName: 'name', direction: 'ASCENDING' },
            { propertyName: 'city', direction: 'ASCENDING' },
          ] as never,
        }),
    ],
    ['six filter groups', () => search(Array.from({ length: 6 }, () => [oneFilter]))],
    ['seven filters in a group', () => search([Array.from({ length: 7 }, () => oneFilter)])],
    [
      'nineteen filters in all',
      () => search([...Array.from({ length: 3 }, () => Array.from({ length: 6 }, () => oneFilter)), [oneFilter]]),
    ],
    [
      'a filter on a property that does not exist',
      () => search([[{ propertyName: 'shoe_size', operator: 'EQ', value: '9' }]]),
    ],
    ['an operator without its value', () => search([[{ propertyName: 'name', operator: 'EQ' }]])],
  ])('refuses %s with 400 VALIDATION_ERROR', async (_, call) => {
    const error = await failure(call());
    expect(error.code).toBe(400);
    expect(error.body.category).toBe('VALIDATION_ERROR');
  });
});
