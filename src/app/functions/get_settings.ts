import { verifyCaller } from '../../keystone/access/index.ts';
import { portalDirectory } from '../../keystone/access/directory.ts';
import { readOwners } from '../../keystone/account/portal-reads.ts';
import { storedSnapshot } from '../../keystone/portfolio-recalculation/index.ts';
import { loadSettingsRecord, storedSettingsOf } from '../../keystone/settings/index.ts';
import { getSettingsParametersSchema, type PortalSettings } from './contract.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(getSettingsParametersSchema, async ({ userId }, { client, objectTypes }): Promise<PortalSettings> => {
  const [record, owners] = await Promise.all([loadSettingsRecord(client, objectTypes), readOwners(client)]);
  const stored = storedSettingsOf(record);
  const caller = await verifyCaller(client, userId, stored.settings.access);
  const { snapshot } = storedSnapshot(record?.portfolioSnapshot);
  return {
    ...stored,
    canEdit: caller.isAdmin,
    directory: portalDirectory(owners),
    lastRecalculation: snapshot && { startedAt: snapshot.startedAt, completedAt: snapshot.completedAt, companiesScored: snapshot.companiesScored },
  };
});
