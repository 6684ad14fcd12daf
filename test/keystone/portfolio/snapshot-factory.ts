import type { CrmRecord } from '../../../src/crm/batch.ts';
import { COMPANY_PROPERTY } from '../../../src/crm/model/index.ts';
import type { RecordWithHistory } from '../../../src/keystone/account/hubspot-reads.ts';
import { defaultSettings } from '../../../src/kam/settings/index.ts';
import { portfolioOverview, type FiscalQuarter, type PortfolioOverview, type PortfolioSnapshot } from '../../../src/keystone/portfolio/index.ts';

// Snapshots as readPortfolioSnapshot answers them, and overviews made from them by the real service,
// so the report and page tests work on figures the backend can actually produce.

export const NOW = Date.UTC(2026, 10, 24, 12);
const DAY = 86_400_000;
let nextId = 900;

export function aScoredCompany(name: string, status: string, suggested: string, score: number, revenue: number, extra: Record<string, string> = {}): CrmRecord {
  return {
    id: String(nextId++),
    properties: {
      name,
      [COMPANY_PROPERTY.status]: status,
      [COMPANY_PROPERTY.suggestedStatus]: suggested,
      [COMPANY_PROPERTY.score]: String(score),
      [COMPANY_PROPERTY.revenueLast12Months]: String(revenue),
      [COMPANY_PROPERTY.scoredAt]: new Date(NOW - DAY).toISOString(),
      ...extra,
    },
  };
}

/** A snapshot of a portal read whole: unless told otherwise, the programme's companies are those of `companies` in the programme. */
export function snapshot(overrides: Partial<PortfolioSnapshot> = {}): PortfolioSnapshot {
  const companies = overrides.companies ?? [];
  const inProgramme = (c: CrmRecord) => [c.properties[COMPANY_PROPERTY.status], c.properties[COMPANY_PROPERTY.suggestedStatus]].some((s) => s === 'key' || s === 'candidate');
  return {
    companies,
    programmeCompanies: companies.filter(inProgramme),
    complete: true,
    plans: [],
    objectives: [],
    reviews: [],
    owners: [],
    portal: { currency: 'GBP', timeZone: 'Europe/London' },
    keyAccountDeals: new Map(),
    keyAccountContacts: new Map(),
    keyAccountHistory: new Map(),
    ...overrides,
  };
}

export function overview(overrides: Partial<PortfolioSnapshot> = {}, quarter: FiscalQuarter | null = null, now = NOW): PortfolioOverview {
  return portfolioOverview(snapshot(overrides), defaultSettings(), now, quarter);
}

/** A contact as the snapshot reads it: names and the date its record was created, no property history. */
export function aContact(firstname: string, lastname: string, createdate: string, extra: Record<string, string> = {}): RecordWithHistory {
  return { id: String(nextId++), properties: { firstname, lastname, email: null, createdate, ...extra }, history: {} };
}

/** A record of one of Keystone's custom objects, from its fields (`toProperties` of its model). */
export function aRecord(properties: Record<string, string>): CrmRecord {
  return { id: String(nextId++), properties };
}
