import { verifyCaller } from '../../keystone/access/index.ts';
import { portfolioOverview, readPortfolioRecords } from '../../keystone/portfolio/index.ts';
import { storedSnapshot } from '../../keystone/portfolio-recalculation/index.ts';
import { loadSettingsRecord, storedSettingsOf } from '../../keystone/settings/index.ts';
import { defineFunction } from './define-function.ts';
import { portfolioOverviewParametersSchema } from '../../contracts/portfolio-overview.ts';

export const main = defineFunction(
  'portfolio_overview',
  { parameters: portfolioOverviewParametersSchema },
  async ({ userId, quarter }, { client, objectTypes, now }) => {
    // The settings record holds the portfolio snapshot too: one read for both.
    const record = await loadSettingsRecord(client, objectTypes);
    const { settings, portal } = storedSettingsOf(record);
    // Every user of the portal sees the programme and its report, read-only unless a manager.
    const caller = await verifyCaller(client, userId, settings.access);
    const records = await readPortfolioRecords(client, objectTypes, portal);
    const stored = storedSnapshot(record?.portfolioSnapshot);
    return portfolioOverview(records, { stored, settings, now, quarter, canAct: caller.isManager });
  },
);
