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
}

/** Everything the portfolio page shows, from parsed accounts and the admin's portfolio settings. */
export function portfolioConcentration(accounts: readonly PortfolioAccount[], settings: Settings['portfolio']): PortfolioConcentration {
  return {
    pareto: paretoAnalysis(accounts.map((a) => a.revenue)),
    accounts: accountRisks(accounts, settings.singleContractShareWarning),
    singlePersonDependence: singlePersonDependence(accounts),
  };
}
