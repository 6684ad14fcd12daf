import type { SelectionSettings } from '../settings/schema.ts';
import type { CompanyFacts } from './company-facts.ts';
import type { SelectionCriterion } from '../shared/selection-criteria.ts';

// Where each criterion's raw value comes from and how it becomes 0..1: linear up to the admin's
// "full score at" level, ratings out of 10, share of wallet as room to grow.

export const CRITERION_SOURCES = {
  closedWonDeals: (f: CompanyFacts) => f.revenueLast12Months,
  potentialEstimate: (f: CompanyFacts) => f.potentialRevenue,
  openPipeline: (f: CompanyFacts) => f.openPipeline,
  spendInOurArea: (f: CompanyFacts) => shareOfWallet(f.revenueLast12Months, f.totalSpendInOurArea),
  annualRevenueEstimate: (f: CompanyFacts, s: SelectionSettings) =>
    s.spendInOurAreaPercentOfAnnualRevenue === null || f.annualRevenue === null
      ? null
      : shareOfWallet(f.revenueLast12Months, (f.annualRevenue * s.spendInOurAreaPercentOfAnnualRevenue) / 100),
  marginPercent: (f: CompanyFacts) => f.marginPercent,
  prestigeRating: (f: CompanyFacts) => f.prestige,
  referralCount: (f: CompanyFacts) => f.referralCount,
  strategicFitRating: (f: CompanyFacts) => f.strategicFit,
} satisfies Record<string, (facts: CompanyFacts, settings: SelectionSettings) => number | null>;

/** Where a criterion's value came from, so the card can say "from open pipeline". */
export type CriterionSource = keyof typeof CRITERION_SOURCES;

export interface CriterionRule {
  /** Tried in order; the first known value is used (recorded values before stand-ins). */
  sources: readonly CriterionSource[];
  normalise: (raw: number, settings: SelectionSettings) => number;
}

export const CRITERION_RULES: Record<SelectionCriterion, CriterionRule> = {
  historicPurchases: {
    sources: ['closedWonDeals'],
    normalise: (raw, s) => clamp01(raw / s.fullScoreAt.historicPurchases),
  },
  // The team's estimate of annual potential is a considered view; open pipeline stands in without one.
  potentialPurchases: {
    sources: ['potentialEstimate', 'openPipeline'],
    normalise: (raw, s) => clamp01(raw / s.fullScoreAt.potentialPurchases),
  },
  // Potential read as "current spend as a proportion of total spend in that area": the smaller
  // our share of the client's wallet, the more room to grow.
  shareOfWallet: { sources: ['spendInOurArea', 'annualRevenueEstimate'], normalise: (raw) => 1 - clamp01(raw) },
  profitability: {
    sources: ['marginPercent'],
    normalise: (raw, s) => clamp01(raw / s.fullScoreAt.profitabilityMarginPercent),
  },
  prestige: { sources: ['prestigeRating'], normalise: (raw) => raw / 10 },
  advocacy: { sources: ['referralCount'], normalise: (raw, s) => clamp01(raw / s.fullScoreAt.referrals) },
  strategicFit: { sources: ['strategicFitRating'], normalise: (raw) => raw / 10 },
};

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

// Our revenue as a share of what the client spends in our area; unknown when either side is, or
// when the spend is 0 (a recorded spend of 0 next to our own revenue is a data error, not a share).
function shareOfWallet(ourRevenue: number | null, spend: number | null): number | null {
  return ourRevenue === null || spend === null || spend === 0 ? null : ourRevenue / spend;
}
