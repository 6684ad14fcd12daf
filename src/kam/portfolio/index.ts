import type { Settings } from '../settings/schema.ts';
import type { PortfolioAccount } from './accounts.ts';
import { accountRisks, singlePersonDependence, type AccountRisk, type SinglePersonDependence } from './dependence.ts';
import type { ParetoAnalysis } from './pareto.ts';
import { distributionPareto, type RevenueDistribution } from './revenue-distribution.ts';

export * from './accounts.ts';
export * from './pareto.ts';
export * from './revenue-distribution.ts';
export * from './dependence.ts';

interface PortfolioConcentration {
  /** Null when the portfolio's revenue distribution is not known yet. */
  pareto: ParetoAnalysis | null;
  accounts: AccountRisk[];
  singlePersonDependence: SinglePersonDependence;
  /** The headline: how much revenue hangs on one contract, and on one person of ours. */
  revenueDependingOnOneContract: number;
  revenueDependingOnOnePerson: number;
}

/**
 * Everything the portfolio page shows: the 80/20 picture of the whole portfolio from its revenue
 * distribution (null when there is none yet), and the dependence of the accounts given (parsed, any
 * subset of the portfolio, such as the key accounts) with their shares of the whole portfolio's revenue.
 */
export function portfolioConcentration(
  portfolio: RevenueDistribution | null,
  accounts: readonly PortfolioAccount[],
  settings: Settings['portfolio'],
): PortfolioConcentration {
  const portfolioRevenue = portfolio?.revenue ?? null;
  const risks = accountRisks(accounts, settings.singleContractShareWarning, portfolioRevenue);
  const revenueWhere = (flag: (risk: AccountRisk) => boolean) =>
    risks.reduce((sum, r) => (flag(r) ? sum + r.revenueAtRisk : sum), 0);
  return {
    pareto: portfolio ? distributionPareto(portfolio) : null,
    accounts: risks,
    singlePersonDependence: singlePersonDependence(accounts, portfolioRevenue),
    revenueDependingOnOneContract: revenueWhere((r) => r.dependsOnOneContract),
    revenueDependingOnOnePerson: revenueWhere((r) => r.dependsOnOnePerson),
  };
}
