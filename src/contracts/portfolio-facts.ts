import type { z } from 'zod';
import type { CompanyFacts } from '../kam/selection/index.ts';
import { callerSchema } from './shared.ts';

/**
 * `portfolio_facts`: every company's selection facts (ratings from the company, revenue over the last
 * 12 months and open pipeline from its deals), so the settings page can rescore the portfolio live as
 * the admin moves a weight. Admins only: the app's token sees every company, whatever the user's own
 * HubSpot permissions. A portal too large for one invocation answers what was read, `complete: false`.
 * Errors: KAM.INVALID_PARAMETERS, KAM.NOT_AN_ADMIN, KAM.UNKNOWN_USER, HubSpot failure codes.
 */
export const portfolioFactsParametersSchema = callerSchema.strict();
export type PortfolioFactsParameters = z.input<typeof portfolioFactsParametersSchema>;

export interface PortfolioFacts {
  companies: CompanyFacts[];
  /** False when the portal was too large to read in one call: `companies` are the first of them. */
  complete: boolean;
}
