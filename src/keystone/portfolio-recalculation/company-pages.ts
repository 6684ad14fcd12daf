import type { Client } from '@hubspot/api-client';
import { batchRead, batchReadAssociations, hubspotCall } from '../../crm/batch.ts';
import { burstWindowFrom, type BurstWindow } from '../../crm/rate-limit.ts';
import type { CompanyFacts } from '../../kam/selection/index.ts';
import { companyFacts, dealAmounts, DEAL_PROPERTIES, FACT_PROPERTIES } from '../readers/company-facts.ts';

// Reading the portfolio a page at a time: the list endpoint (never search: it stops at 10,000) with
// each company's deal ids, then the deals in batches. Shared by recalculation and the settings preview.

const PAGE_SIZE = 100;

export interface ListedCompany {
  id: string;
  properties: Record<string, string | null>;
  associations?: { [type: string]: { results: Array<{ id: string }>; paging?: { next?: { after?: string } } } };
}

export interface CompanyPage { results: ListedCompany[]; paging?: { next?: { after?: string } }; burstWindow: BurstWindow | null }

/** One page of companies with the properties selection reads, the ids of their deals and HubSpot's burst window. */
export async function listCompanies(client: Client, after: string | undefined): Promise<CompanyPage> {
  const answer = await hubspotCall(() => client.crm.objects.basicApi.getPageWithHttpInfo('companies', PAGE_SIZE, after, [...FACT_PROPERTIES], undefined, ['deals'], false));
  const { results, paging } = answer.data as unknown as Omit<CompanyPage, 'burstWindow'>;
  return { results, paging, burstWindow: burstWindowFrom(answer.headers) };
}

/** The selection facts of a page of companies: two or three calls for 100 companies. */
export async function factsOf(client: Client, companies: readonly ListedCompany[], now: number): Promise<CompanyFacts[]> {
  const dealIds = await dealIdsOf(client, companies);
  const { records: deals } = await batchRead(client, 'deals', [...new Set([...dealIds.values()].flat())], DEAL_PROPERTIES);
  const dealsById = new Map(deals.map((d) => [d.id, d.properties]));
  return companies.map((company) => {
    const companyDeals = (dealIds.get(company.id) ?? []).map((id) => dealsById.get(id)).filter((deal) => deal !== undefined);
    return companyFacts(company.id, company.properties, dealAmounts(companyDeals, now));
  });
}

// The list answer carries each company's deal ids; only a company with more deals than fit inline
// (its association list has a next page) needs the associations API.
async function dealIdsOf(client: Client, companies: readonly ListedCompany[]): Promise<Map<string, string[]>> {
  const ids = new Map<string, string[]>();
  const truncated: string[] = [];
  for (const company of companies) {
    const deals = company.associations?.deals;
    ids.set(company.id, [...new Set((deals?.results ?? []).map((d) => String(d.id)))]);
    if (deals?.paging?.next?.after) truncated.push(company.id);
  }
  if (truncated.length > 0) {
    for (const [companyId, dealIds] of await batchReadAssociations(client, 'companies', 'deals', truncated)) ids.set(companyId, dealIds);
  }
  return ids;
}
