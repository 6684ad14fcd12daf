import { describe, expect, it } from 'vitest';
import { COMPANY_PROPERTY } from '../../../src/crm/model/company-properties.ts';
import { paretoAnalysis } from '../../../src/kam/portfolio/pareto.ts';
import { parsePortfolioFacts, scorePortfolio, selectionDrift, type CompanyFactsInput } from '../../../src/kam/selection/index.ts';
import { defaultSettings } from '../../../src/kam/settings/index.ts';
import { DAY, DEMO_NOW, demoPortal, indexPortal } from './portal-index.ts';

// Keystone's own domain, fed from the demo portal, should see the stories the demo means to tell.
describe("Keystone's reading of the demo portal", () => {
  const { seed, stories } = demoPortal();
  const index = indexPortal(seed);
  const lastYear = index.closedWonFees(DEMO_NOW - 365 * DAY);
  const pipeline = new Map<string, number>();
  for (const deal of seed.objects.deals.filter((d) => d.properties.hs_is_closed === 'false')) {
    for (const id of index.linked('deals', deal.id, 'companies')) pipeline.set(id, (pipeline.get(id) ?? 0) + Number(deal.properties.amount));
  }
  const known = (value: string | undefined): number | null => (value === undefined ? null : Number(value));
  const facts = seed.objects.companies.map((c): CompanyFactsInput => ({
    companyId: c.id,
    status: (c.properties[COMPANY_PROPERTY.status] ?? 'none') as CompanyFactsInput['status'],
    revenueLast12Months: lastYear.get(c.id) ?? 0,
    openPipeline: pipeline.get(c.id) ?? 0,
    annualRevenue: known(c.properties.annualrevenue),
    referralCount: known(c.properties[COMPANY_PROPERTY.referralCount]),
    potentialRevenue: known(c.properties[COMPANY_PROPERTY.potentialRevenue]),
    totalSpendInOurArea: known(c.properties[COMPANY_PROPERTY.totalSpendInOurArea]),
    marginPercent: known(c.properties[COMPANY_PROPERTY.marginPercent]),
    prestige: known(c.properties[COMPANY_PROPERTY.prestige]),
    strategicFit: known(c.properties[COMPANY_PROPERTY.strategicFit]),
  }));
  const parsed = parsePortfolioFacts(facts);
  if (!parsed.success) throw new Error(`Demo facts do not parse: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  const drift = selectionDrift(scorePortfolio(parsed.data, defaultSettings().selection));
  const ids = (list: Array<{ companyId: string }>) => list.map((s) => s.companyId);

  it('puts the accounts that should be key at the top of "qualifies but not tagged"', () => {
    expect(new Set(ids(drift.qualifiesButNotTagged).slice(0, stories.shouldBeKey.length))).toEqual(new Set(stories.shouldBeKey));
  });

  it('lists the accounts that no longer qualify as "tagged but no longer qualifies"', () => {
    expect(ids(drift.taggedButNoLongerQualifies)).toEqual(expect.arrayContaining(stories.noLongerQualifies));
  });

  it('finds no drift on the clearly key accounts', () => {
    const drifting = new Set([...ids(drift.taggedButNoLongerQualifies), ...ids(drift.taggedWithoutEnoughData)]);
    for (const id of stories.clearlyKey) expect(drifting.has(id)).toBe(false);
  });

  it('sees about 80 % of revenue coming from the top fifth of clients', () => {
    const share = paretoAnalysis([...index.closedWonFees().values()]).revenueShareOfTopTwentyPercent;
    expect(share).toBeGreaterThan(0.75);
    expect(share).toBeLessThan(0.85);
  });
});
