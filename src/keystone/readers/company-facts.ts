import { COMPANY_PROPERTY } from '../../crm/model/index.ts';
import { fromHubSpotDateTime, fromHubSpotNumber } from '../../crm/records.ts';
import type { CrmProperties } from '../../crm/records.ts';
import { addMonths } from '../../kam/shared/time.ts';
import { companyFactsSchema, type CompanyFacts } from '../../kam/selection/index.ts';

// Turns what HubSpot holds about a company and its deals into the selection's facts. Pure.

export const FACT_PROPERTIES = [
  'name',
  'annualrevenue',
  COMPANY_PROPERTY.status,
  COMPANY_PROPERTY.potentialRevenue,
  COMPANY_PROPERTY.totalSpendInOurArea,
  COMPANY_PROPERTY.marginPercent,
  COMPANY_PROPERTY.prestige,
  COMPANY_PROPERTY.strategicFit,
  COMPANY_PROPERTY.referralCount,
] as const;

export const DEAL_PROPERTIES = ['amount', 'closedate', 'dealstage', 'hs_is_closed', 'hs_is_closed_won'] as const;

/** What the company's deals say; null only where the deals were not read (the selection then lists it as missing). */
interface DealAmounts {
  revenueLast12Months: number | null;
  openPipeline: number | null;
}

/**
 * Closed-won revenue over the 12 months up to `now` and the value of open deals. Revenue is 0, not
 * unknown, when none of the deals read was won in that window: the company bought nothing. Pipeline
 * stays null without open deals, because it only stands in for an estimate of potential and no open
 * deal says nothing about what the client could buy.
 */
export function dealAmounts(deals: readonly CrmProperties[], now: number): DealAmounts {
  const yearAgo = addMonths(now, -12);
  let revenue = 0;
  let pipeline: number | null = null;
  for (const deal of deals) {
    const amount = fromHubSpotNumber(deal.amount) ?? 0;
    const won = deal.hs_is_closed_won === 'true' || deal.dealstage === 'closedwon';
    const closed = won || deal.hs_is_closed === 'true' || deal.dealstage === 'closedlost';
    const closedAt = fromHubSpotDateTime(deal.closedate);
    if (won && closedAt !== null && closedAt > yearAgo && closedAt <= now) revenue += amount;
    if (!closed) pipeline = (pipeline ?? 0) + amount;
  }
  return { revenueLast12Months: revenue, openPipeline: pipeline };
}

/**
 * The selection facts of one company. A value HubSpot holds that the selection cannot use (a prestige
 * of 15, a negative revenue) is treated as unknown, so one bad field never stops the portfolio run.
 */
export function companyFacts(companyId: string, company: CrmProperties, deals: DealAmounts): CompanyFacts {
  const candidate: Record<string, unknown> = {
    companyId,
    name: company.name ?? '',
    status: company[COMPANY_PROPERTY.status] || 'none',
    ...deals,
    annualRevenue: fromHubSpotNumber(company.annualrevenue),
    referralCount: fromHubSpotNumber(company[COMPANY_PROPERTY.referralCount]),
    potentialRevenue: fromHubSpotNumber(company[COMPANY_PROPERTY.potentialRevenue]),
    totalSpendInOurArea: fromHubSpotNumber(company[COMPANY_PROPERTY.totalSpendInOurArea]),
    marginPercent: fromHubSpotNumber(company[COMPANY_PROPERTY.marginPercent]),
    prestige: fromHubSpotNumber(company[COMPANY_PROPERTY.prestige]),
    strategicFit: fromHubSpotNumber(company[COMPANY_PROPERTY.strategicFit]),
  };
  for (;;) {
    const parsed = companyFactsSchema.safeParse(candidate);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      // The id and name always parse; anything else unusable becomes unknown (status falls back to none).
      candidate[field] = field === 'status' ? 'none' : null;
    }
  }
}
