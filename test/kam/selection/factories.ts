import { companyFactsSchema, type CompanyFacts, type CompanyFactsInput } from '../../../src/kam/selection/index.ts';
import { parseSettings, type SelectionSettings } from '../../../src/kam/settings/index.ts';

/** A company where every criterion is known; override to take fields away (`null`) or change them. */
export function companyFacts(overrides: Partial<CompanyFactsInput> = {}): CompanyFacts {
  return companyFactsSchema.parse({
    companyId: '101',
    name: 'Acme Ltd',
    revenueLast12Months: 125_000,
    openPipeline: 40_000,
    annualRevenue: 20_000_000,
    referralCount: 2,
    potentialRevenue: 300_000,
    totalSpendInOurArea: 500_000,
    marginPercent: 20,
    prestige: 8,
    strategicFit: 6,
    ...overrides,
  });
}

/** Selection settings as the defaults ship them (weights 3/2/1/2/1/1/2, full score at 250k / 40% / 5 referrals), with overrides. */
export function selectionSettings(selection: Record<string, unknown> = {}): SelectionSettings {
  const parsed = parseSettings({ selection });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
  return parsed.data.selection;
}

/** Only the named criteria weigh 1; the rest are switched off. */
export function onlyWeights(...criteria: string[]): Record<string, number> {
  const all = [
    'historicPurchases',
    'potentialPurchases',
    'shareOfWallet',
    'profitability',
    'prestige',
    'advocacy',
    'strategicFit',
  ];
  return Object.fromEntries(all.map((c) => [c, criteria.includes(c) ? 1 : 0]));
}
