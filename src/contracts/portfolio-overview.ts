import { z } from 'zod';
import type { PortfolioOverview } from '../keystone/portfolio/index.ts';
export type {
  AccountQuarter, CoverageRiskKind, FiscalQuarter, KeyAccountRisk, PortfolioOverview, ProgrammeAccount, QuarterlyReport, ReviewDue, TargetInQuarter,
} from '../keystone/portfolio/index.ts';
import { callerSchema } from './card-data.ts';
import type { FunctionResult } from './registry.ts';

// The portfolio pages' function. Its payload types are the service's (one source).

export const PORTFOLIO_FUNCTIONS = { portfolioOverview: 'portfolio_overview' } as const;

/**
 * `portfolio_overview`: the portfolio home page in one call — the Pareto curve and concentration
 * (top 1/5/10/20% shares, HHI), revenue at risk per key account, single-contract and single-person
 * dependence with names, key accounts and candidates, the drift lists, reviews due and coverage risks.
 * Never lists every company: the Pareto picture (curve, 80% point, top shares within
 * `pareto.shareErrorBound`, exact HHI) comes from the portfolio snapshot the last complete
 * recalculation stored on the settings record, read with the settings (`freshness.snapshot`: when that
 * run started and completed and how many companies it scored; null before the first, and `pareto` then
 * null too), and each key account's revenue at risk is a share of the snapshot's revenue. The programme
 * (key accounts, candidates, drift, reviews, report) comes from a search for the companies tagged or
 * suggested key or candidate, whole whatever the portal's size, with the scores recalculation left on them.
 * `quarter` picks the fiscal quarter of the quarterly programme report (`quarterlyReport`); the current
 * one when null. Its introductions are each key account's contacts whose record was created in the
 * quarter (read for key accounts only, in batches). `reviews.open` lists, per key account, the review
 * triggers no review has answered yet (the account card's, from property history read in batches: key
 * contacts told by their roles, as the "key contact" association label is not read across accounts);
 * the report counts those fired in its quarter among its triggers.
 * Managers only (admins are managers): the app's token sees every company's revenue.
 * Errors: KAM.INVALID_PARAMETERS, KAM.NOT_A_MANAGER, KAM.UNKNOWN_USER, KAM.SETUP_REQUIRED, HubSpot failure codes.
 */
export const portfolioOverviewParametersSchema = callerSchema
  .extend({
    quarter: z
      .object({
        fiscalYear: z.number().int('must be a whole year').min(2000, 'must be 2000 or later').max(2100, 'must be 2100 or earlier'),
        quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], 'must be 1, 2, 3 or 4'),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type PortfolioOverviewParameters = z.input<typeof portfolioOverviewParametersSchema>;
export type PortfolioOverviewResult = FunctionResult<PortfolioOverview>;
