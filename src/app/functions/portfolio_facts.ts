import { requireAdmin, verifyCaller } from '../../keystone/access/index.ts';
import { readPortfolioFacts } from '../../keystone/portfolio-recalculation/index.ts';
import { loadSettings } from '../../keystone/settings/index.ts';
import { portfolioFactsParametersSchema } from '../../contracts/portfolio-facts.ts';
import { DEFAULT_SLICE_BUDGET_MS } from '../../contracts/recalculate-portfolio.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(
  'portfolio_facts',
  { parameters: portfolioFactsParametersSchema },
  async ({ userId }, { client, objectTypes, now }) => {
    const { settings } = await loadSettings(client, objectTypes);
    requireAdmin(await verifyCaller(client, userId, settings.access));
    return readPortfolioFacts(client, { budgetMs: DEFAULT_SLICE_BUDGET_MS, now, elapsed: () => performance.now() });
  },
);
