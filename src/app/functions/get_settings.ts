import { identityAmong, withBootstrapRoles } from '../../keystone/access/index.ts';
import { portalDirectory } from '../../keystone/access/directory.ts';
import { readOwners } from '../../keystone/readers/portal-reads.ts';
import { KeystoneError } from '../../errors/keystone-error.ts';
import { storedSnapshot } from '../../keystone/portfolio-recalculation/index.ts';
import { latestAdminActions, loadSettingsRecord, storedSettingsOf } from '../../keystone/settings/index.ts';
import { getSettingsParametersSchema } from '../../contracts/get-settings.ts';
import { defineFunction } from './define-function.ts';

const NO_ACCESS_LISTS = { adminUserIds: [], managerUserIds: [], managerTeamIds: [] };

export const main = defineFunction(
  'get_settings',
  { parameters: getSettingsParametersSchema },
  async ({ userId }, { client, objectTypes }) => {
    const [record, owners] = await Promise.all([loadSettingsRecord(client, objectTypes), readOwners(client)]);
    const stored = storedSettingsOf(record);
    // The owners read for the access pickers also tells who is asking: no call of its own.
    const identity = identityAmong(owners, userId);
    if (!identity) throw new KeystoneError('KAM.UNKNOWN_USER');
    const caller = await withBootstrapRoles(client, identity, stored.settings.access);
    const { snapshot } = storedSnapshot(record?.portfolioSnapshot);
    // Who may do what, and the portal's user directory, are the admins' to see: the others' page shows
    // the scoring settings only.
    const shown = caller.isAdmin ? stored : { ...stored, settings: { ...stored.settings, access: NO_ACCESS_LISTS } };
    // The log is read only once setup has made the settings object (it lives there).
    const adminActions = caller.isAdmin && record !== null ? await latestAdminActions(client, objectTypes) : [];
    return {
      ...shown,
      canEdit: caller.isAdmin,
      accessShown: caller.isAdmin,
      directory: caller.isAdmin ? portalDirectory(owners) : { users: [], teams: [] },
      adminActions,
      lastRecalculation: snapshot && {
        startedAt: snapshot.startedAt,
        completedAt: snapshot.completedAt,
        companiesScored: snapshot.companiesScored,
        // What the run stored follows the settings it began with: a save since that changed them says so.
        settingsChangedAt:
          adminActions.find((a) => a.kind === 'save_settings' && a.needsRecalculation && a.at > snapshot.startedAt)
            ?.at ?? null,
      },
    };
  },
);
