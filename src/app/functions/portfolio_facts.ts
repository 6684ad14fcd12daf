import { requireAdmin, verifyCaller } from '../../keystone/access/index.ts';
import { readPortfolioFacts, type PortfolioFacts } from '../../keystone/portfolio-recalculation/index.ts';
import { loadSettings } from '../../keystone/settings/index.ts';
import { DEFAULT_SLICE_BUDGET_MS, portfolioFactsParametersSchema } from '../../contracts/registry.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(portfolioFactsParametersSchema, async ({ userId }, { client, objectTypes, now }): Promise<PortfolioFacts> => {
  const { settings } = await loadSettings(client, objectTypes);
  requireAdmin(await verifyCaller(client, userId, settings.access));
  return readPortfolioFacts(client, { budgetMs: DEFAULT_SLICE_BUDGET_MS, now, elapsed: () => performance.now() });
});
