import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects/index.js';
import { batchReadAssociations, batchUpdate } from '../../src/crm/batch.ts';
import { SEARCH_RESULT_LIMIT, searchAll } from '../../src/crm/paging.ts';
import { aCompany, aContact, startSandboxPortal, type SandboxPortal } from './sandbox-portal.ts';

// The CRM adapter within HubSpot's documented limits, which the sandbox enforces as HubSpot does.

// HubSpot's search answers at most 10,000 results to one query and refuses a page beyond them
// ("Search the CRM" guide: https://developers.hubspot.com/docs/api/crm/search).
describe('searchAll', () => {
  let portal: SandboxPortal;
  let leedsIds: string[];
  let yorkIds: string[];

  beforeAll(async () => {
    // Every 41st company is in York: the matches are not one unbroken run of ids.
    const companies = Array.from({ length: 10_500 }, (_v, i) => aCompany({ city: i % 41 === 40 ? 'York' : 'Leeds' }));
    const idsIn = (city: string) => companies.filter((c) => c.properties.city === city).map((c) => c.id);
    [leedsIds, yorkIds] = [idsIn('Leeds'), idsIn('York')];
    portal = await startSandboxPortal({ companies });
  });
  afterAll(() => portal.close());

  const search = (groups: Array<{ filters: Array<{ propertyName: string; operator: string; value: string }> }>) =>
    searchAll(
      groups.map((g) => ({ filters: g.filters.map((f) => ({ ...f, operator: f.operator as FilterOperatorEnum })) })),
      (query) =>
        portal.client.crm.objects.searchApi.doSearch('companies', { ...query, properties: ['city'], limit: 200 }),
    );

  it('answers every match past the 10,000 one query gives, each once, in id order', async () => {
    expect(leedsIds.length).toBeGreaterThan(SEARCH_RESULT_LIMIT);
    const found = await search([{ filters: [{ propertyName: 'city', operator: 'EQ', value: 'Leeds' }] }]);
    expect(found.map((r) => r.id)).toEqual([...leedsIds].sort((a, b) => Number(a) - Number(b)));
  });

  it('narrows each of several filter groups to the ids after the last answered', async () => {
    const found = await search([
      { filters: [{ propertyName: 'city', operator: 'EQ', value: 'Leeds' }] },
      { filters: [{ propertyName: 'city', operator: 'EQ', value: 'York' }] },
    ]);
    expect(found).toHaveLength(10_500);
    expect(new Set(found.map((r) => r.id)).size).toBe(10_500);
  });

  it('asks one query, page by page, when fewer match than HubSpot answers', async () => {
    await portal.control.resetStats();
    const found = await search([{ filters: [{ propertyName: 'city', operator: 'EQ', value: 'York' }] }]);
    expect(found.map((r) => r.id)).toEqual(yorkIds);
    const stats = await portal.control.stats();
    expect(stats.total).toBe(2);
  });
});

// HubSpot refuses a whole batch that names one record twice (400 VALIDATION_ERROR, "Duplicate IDs found in
// batch input").
describe('batchUpdate', () => {
  let portal: SandboxPortal;
  const [first, second] = [aCompany({ city: 'Hull' }), aCompany({ city: 'Hull' })];

  beforeAll(async () => {
    portal = await startSandboxPortal({ companies: [first, second] });
  });
  afterAll(() => portal.close());

  it('sends two updates of one record as one, the later over the earlier, in one request', async () => {
    await portal.control.resetStats();
    await batchUpdate(portal.client, {
      objectType: 'companies',
      updates: [
        { id: first.id, properties: { city: 'Leeds', name: 'First Ltd' } },
        { id: second.id, properties: { city: 'Ripon' } },
        { id: first.id, properties: { city: 'York' } },
      ],
    });
    const read = await portal.client.crm.companies.batchApi.read({
      inputs: [{ id: first.id }, { id: second.id }],
      properties: ['city', 'name'],
      propertiesWithHistory: [],
    });
    const byId = new Map(read.results.map((r) => [r.id, r.properties]));
    expect(byId.get(first.id)).toMatchObject({ city: 'York', name: 'First Ltd' });
    expect(byId.get(second.id)).toMatchObject({ city: 'Ripon' });
    expect((await portal.control.stats()).byRoute).toMatchObject({ 'POST /crm/v3/objects/companies/batch/update': 1 });
  });
});

// A v4 batch read answers each input's associations a page at a time, with that input's own cursor.
describe('batchReadAssociations', () => {
  let portal: SandboxPortal;
  const [large, small] = [aCompany(), aCompany()];
  const contacts = Array.from({ length: 653 }, () => aContact());
  const smallOnes = contacts.slice(650);

  beforeAll(async () => {
    portal = await startSandboxPortal({
      companies: [large, small],
      contacts,
      contactCompanies: contacts.map((c, i) => [c.id, i < 650 ? large.id : small.id] as [string, string]),
    });
  });
  afterAll(() => portal.close());

  it("follows each record's own paging to its last association", async () => {
    await portal.control.resetStats();
    const furtherRounds: number[] = [];
    const found = await batchReadAssociations(portal.client, {
      fromType: 'companies',
      toType: 'contacts',
      ids: [large.id, small.id],
      // A caller pacing the burst window hears of the further page before it is asked for.
      beforeFurtherPages: async (calls) => void furtherRounds.push(calls),
    });
    expect(furtherRounds).toEqual([1]);
    expect(found.get(large.id)).toHaveLength(650);
    expect(new Set(found.get(large.id))).toEqual(new Set(contacts.slice(0, 650).map((c) => c.id)));
    expect(found.get(small.id)).toEqual(smallOnes.map((c) => c.id));
    // The second call asks only for the large company's second page.
    expect((await portal.control.stats()).total).toBe(2);
  });
});
