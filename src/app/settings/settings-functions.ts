import type { ADMIN_FUNCTIONS, PortfolioFactsResult, PREVIEW_FUNCTIONS } from '../../contracts/registry.ts';

// The settings page's functions, checked against the backend's lists at compile time (the lists live
// in a module that imports zod, which this folder does not install).
export const SETTINGS_FUNCTION = {
  getSettings: 'get_settings',
  saveSettings: 'save_settings',
  runSetup: 'run_setup',
  recalculatePortfolio: 'recalculate_portfolio',
} as const satisfies typeof ADMIN_FUNCTIONS;

export const PREVIEW_FUNCTION = { portfolioFacts: 'portfolio_facts' } as const satisfies typeof PREVIEW_FUNCTIONS;

/** Every company's selection facts, for the live preview; `complete: false` when the portal was too large to read in one call. */
export type PortfolioFactsAnswer = Extract<PortfolioFactsResult, { status: 'ok' }>;
