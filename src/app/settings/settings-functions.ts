import type { CompanyFacts } from '../../kam/selection/company-facts.ts';
import type { ADMIN_FUNCTIONS } from '../functions/contract.ts';

// The settings page's functions, checked against the backend's list at compile time (the list lives
// in a module that imports zod, which this folder does not install).
export const SETTINGS_FUNCTION = {
  getSettings: 'get_settings',
  saveSettings: 'save_settings',
  runSetup: 'run_setup',
  recalculatePortfolio: 'recalculate_portfolio',
} as const satisfies typeof ADMIN_FUNCTIONS;

/**
 * Not in the backend contract yet: the portfolio's selection facts, so the preview can rescore every
 * company as the admin moves a weight. Until it exists the preview says so and the form still works.
 */
export const PORTFOLIO_FACTS_FUNCTION = 'portfolio_facts';
export type PortfolioFacts = { companies: CompanyFacts[] };
