import type { Settings } from '../settings/schema.ts';
import type { PortfolioAccount } from './accounts.ts';
import { accountRisks, singlePersonDependence, type AccountRisk, type SinglePersonDependence } from './dependence.ts';
import { paretoAnalysis, type ParetoAnalysis } from './pareto.ts';

export * from './accounts.ts';
export * from './pareto.ts';
export * from './dependence.ts';

export interface PortfolioConcentration {
  pareto: ParetoAnalysis;
  accounts: AccountRisk[];
  singlePersonDependence: SinglePersonDependence;
  /** The headline: how much revenue hangs on one contract, and on one person of ours. */
  revenueDependingOnOneContract: number;
  revenueDependingOnOnePerson: number;
}

/** Everything the portfolio page shows, from parsed accounts and the admin's portfolio settings. */
export function portfolioConcentration(accounts: readonly PortfolioAccount[], settings: Settings['portfolio']): PortfolioConcentration {
  const risks = accountRisks(accounts, settings.singleContractShareWarning);
  const revenueWhere = (flag: (risk: AccountRisk) => boolean) => risks.reduce((sum, r) => (flag(r) ? sum + r.revenueAtRisk : sum), 0);
  return {
    pareto: paretoAnalysis(accounts.map((a) => a.revenue)),
    accounts: risks,
    singlePersonDependence: singlePersonDependence(accounts),
    revenueDependingOnOneContract: revenueWhere((r) => r.dependsOnOneContract),
    revenueDependingOnOnePerson: revenueWhere((r) => r.dependsOnOnePerson),
  };
}
