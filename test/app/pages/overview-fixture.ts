import type { CrmRecord } from '../../../src/crm/batch.ts';
import { COMPANY_PROPERTY } from '../../../src/crm/model/index.ts';
import { defaultSettings } from '../../../src/kam/settings/index.ts';
import { portfolioOverview, type PortfolioOverview, type PortfolioSnapshot } from '../../../src/keystone/portfolio/index.ts';

// Overviews for the page tests, made by the real service from a snapshot, so the page is tested on
// figures the backend can actually produce.

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

export function snapshot(overrides: Partial<PortfolioSnapshot> = {}): PortfolioSnapshot {
  return {
    companies: [],
    complete: true,
    plans: [],
    objectives: [],
    reviews: [],
    owners: [],
    portal: { currency: 'GBP', timeZone: 'Europe/London' },
    keyAccountDeals: new Map(),
    ...overrides,
  };
}

export function overview(overrides: Partial<PortfolioSnapshot> = {}): PortfolioOverview {
  return portfolioOverview(snapshot(overrides), defaultSettings(), NOW);
}
