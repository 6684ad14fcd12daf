import { requireManager, verifyCaller } from '../../keystone/access/index.ts';
import { portfolioOverview, readPortfolioSnapshot, type PortfolioOverview } from '../../keystone/portfolio/index.ts';
import { loadSettings } from '../../keystone/settings/index.ts';
import { DEFAULT_SLICE_BUDGET_MS } from './contract.ts';
import { defineFunction } from './define-function.ts';
import { portfolioOverviewParametersSchema } from './portfolio-contract.ts';

export const main = defineFunction(portfolioOverviewParametersSchema, async ({ userId, quarter }, { client, objectTypes, now }): Promise<PortfolioOverview> => {
  const { settings } = await loadSettings(client, objectTypes);
  requireManager(await verifyCaller(client, userId, settings.access));
  const snapshot = await readPortfolioSnapshot(client, objectTypes, { budgetMs: DEFAULT_SLICE_BUDGET_MS, elapsed: () => performance.now() });
  return portfolioOverview(snapshot, settings, now, quarter);
});
