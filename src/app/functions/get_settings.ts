import { identityAmong, withRoles } from '../../keystone/access/index.ts';
import { portalDirectory } from '../../keystone/access/directory.ts';
import { readOwners } from '../../keystone/readers/portal-reads.ts';
import { KeystoneError } from '../../errors/keystone-error.ts';
import { storedSnapshot } from '../../keystone/portfolio-recalculation/index.ts';
import { loadSettingsRecord, storedSettingsOf } from '../../keystone/settings/index.ts';
import { getSettingsParametersSchema } from '../../contracts/get-settings.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(
  'get_settings',
  { parameters: getSettingsParametersSchema },
  async ({ userId }, { client, objectTypes }) => {
    const [record, owners] = await Promise.all([loadSettingsRecord(client, objectTypes), readOwners(client)]);
    const stored = storedSettingsOf(record);
    // The owners read for the access pickers also tells who is asking: no call of its own.
    const identity = identityAmong(owners, userId);
    if (!identity) throw new KeystoneError('KAM.UNKNOWN_USER');
    const caller = withRoles(identity, stored.settings.access);
    const { snapshot } = storedSnapshot(record?.portfolioSnapshot);
    return {
      ...stored,
      canEdit: caller.isAdmin,
      directory: portalDirectory(owners),
      lastRecalculation: snapshot && {
        startedAt: snapshot.startedAt,
        completedAt: snapshot.completedAt,
        companiesScored: snapshot.companiesScored,
      },
    };
  },
);
