import type { Client } from '@hubspot/api-client';
import { associatedIds, type AssociationList } from '../../crm/association-lists.ts';
import { batchRead, hubspotCall } from '../../crm/batch.ts';
import { COMPANY_PROPERTY } from '../../crm/model/index.ts';
import { presentProperties } from '../../crm/records.ts';
import { burstWindowFrom, type BurstWindow } from '../../crm/rate-limit.ts';
import type { CompanyFacts } from '../../kam/selection/index.ts';
import { companyFacts, dealAmounts, DEAL_PROPERTIES, FACT_PROPERTIES } from '../readers/company-facts.ts';

// Reading the portfolio a page at a time: the list endpoint (never search: it stops at 10,000) with
// each company's deal ids, then the deals in batches. Shared by recalculation and the settings preview.

const PAGE_SIZE = 100;
// With the facts, the suggested status the last scoring wrote: recalculation's relationships follow
// its scores, and weigh the companies those put in the programme.
const LISTED_PROPERTIES = [...FACT_PROPERTIES, COMPANY_PROPERTY.suggestedStatus];

export interface ListedCompany {
  id: string;
  properties: Record<string, string | null>;
  associations?: { [type: string]: AssociationList };
}

export interface CompanyPage {
  results: ListedCompany[];
  paging?: { next?: { after?: string } };
  burstWindow: BurstWindow | null;
}

/** One page of companies with the properties selection reads (and the suggested status), the ids of their deals and HubSpot's burst window. */
export async function listCompanies(client: Client, after: string | undefined): Promise<CompanyPage> {
  const answer = await hubspotCall(() =>
    client.crm.objects.basicApi.getPageWithHttpInfo(
      'companies',
      PAGE_SIZE,
      after,
      LISTED_PROPERTIES,
      undefined,
      ['deals'],
      false,
    ),
  );
  const { results, paging } = answer.data as unknown as Omit<CompanyPage, 'burstWindow'>;
  return {
    results: results.map((c) => ({ ...c, id: String(c.id), properties: presentProperties(c.properties) })),
    paging,
    burstWindow: burstWindowFrom(answer.headers),
  };
}

/** The selection facts of a page of companies: two calls for 100 companies, one more when a company has over 100 deals. */
export async function factsOf(
  client: Client,
  companies: readonly ListedCompany[],
  now: number,
): Promise<CompanyFacts[]> {
  const dealIds = await associatedIds(client, {
    fromType: 'companies',
    toType: 'deals',
    records: companies.map((c) => ({ id: c.id, list: c.associations?.deals })),
  });
  const { records: deals } = await batchRead(client, {
    objectType: 'deals',
    ids: [...new Set([...dealIds.values()].flat())],
    properties: DEAL_PROPERTIES,
  });
  const dealsById = new Map(deals.map((d) => [d.id, d.properties]));
  return companies.map((company) => {
    const companyDeals = (dealIds.get(company.id) ?? [])
      .map((id) => dealsById.get(id))
      .filter((deal) => deal !== undefined);
    return companyFacts(company.id, company.properties, dealAmounts(companyDeals, now));
  });
}
