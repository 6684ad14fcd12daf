import type { CrmRecord } from '../../../src/crm/records.ts';
import { COMPANY_PROPERTY } from '../../../src/crm/model/index.ts';
import type { RelationshipContact } from '../../../src/keystone/account/relationships.ts';
import { fromHubSpotNumber } from '../../../src/crm/records.ts';
import { distributionOf } from '../../../src/kam/portfolio/index.ts';
import { defaultSettings } from '../../../src/kam/settings/index.ts';
import type { FiscalQuarter, PortfolioOverview } from '../../../src/contracts/index.ts';
import { portfolioOverview, type PortfolioRecords } from '../../../src/keystone/portfolio/index.ts';
import type { StoredSnapshot } from '../../../src/keystone/portfolio-recalculation/index.ts';

// Portals as the portfolio overview reads them (readPortfolioRecords' answer and the stored portfolio
// snapshot), and overviews made from them by the real service, so the report and page tests work on
// figures the backend can actually produce.

export const NOW = Date.UTC(2026, 10, 24, 12);
const DAY = 86_400_000;
let nextId = 900;

export function aScoredCompany(
  name: string,
  status: string,
  suggested: string,
  score: number,
  revenue: number,
  extra: Record<string, string> = {},
): CrmRecord {
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

/** A portal of these companies: the overview's reads, and the snapshot a complete recalculation of all of them stored. */
export interface PortalOverrides extends Partial<PortfolioRecords> {
  /** Every company in the portal; unless told otherwise, the programme's companies are those of them in the programme. */
  companies?: CrmRecord[];
  stored?: StoredSnapshot;
}

export function records(overrides: Omit<PortalOverrides, 'stored'> = {}): PortfolioRecords {
  const { companies = [], ...rest } = overrides;
  const inProgramme = (c: CrmRecord) =>
    [c.properties[COMPANY_PROPERTY.status], c.properties[COMPANY_PROPERTY.suggestedStatus]].some(
      (s) => s === 'key' || s === 'candidate',
    );
  return {
    programmeCompanies: companies.filter(inProgramme),
    plans: [],
    objectives: [],
    reviews: [],
    owners: [],
    portal: { currency: 'GBP', timeZone: 'Europe/London' },
    keyAccountDeals: new Map(),
    keyAccountContacts: new Map(),
    keyAccountHistory: new Map(),
    companyNames: new Map(),
    actionTasks: new Map(),
    ...rest,
  };
}

/** The snapshot a recalculation that finished a day before NOW stored, of the 12-month revenue on these companies. */
export function snapshotOf(companies: readonly CrmRecord[]): StoredSnapshot {
  const revenues = companies.map((c) => fromHubSpotNumber(c.properties[COMPANY_PROPERTY.revenueLast12Months]) ?? 0);
  return {
    snapshot: {
      version: 1,
      startedAt: NOW - DAY,
      completedAt: NOW - DAY + 60_000,
      companiesScored: companies.length,
      distribution: distributionOf(revenues),
    },
    unreadable: null,
  };
}

export function overview(
  overrides: PortalOverrides = {},
  quarter: FiscalQuarter | null = null,
  now = NOW,
): PortfolioOverview {
  const { stored, ...portal } = overrides;
  const snapshot = stored ?? snapshotOf(portal.companies ?? []);
  // As a manager sees it: the lists with their actions.
  return portfolioOverview(records(portal), {
    stored: snapshot,
    settings: defaultSettings(),
    now,
    quarter,
    canAct: true,
  });
}

/** A contact as the overview reads it: names and the date its record was created, no property history, not labelled "Key contact". */
export function aContact(
  firstname: string,
  lastname: string,
  createdate: string,
  extra: Record<string, string> = {},
): RelationshipContact {
  return {
    id: String(nextId++),
    properties: { firstname, lastname, email: null, createdate, ...extra },
    history: {},
    taggedKeyContact: false,
  };
}

/** A record of one of Keystone's custom objects, from its fields (`toProperties` of its model). */
export function aRecord(properties: Record<string, string>): CrmRecord {
  return { id: String(nextId++), properties };
}
