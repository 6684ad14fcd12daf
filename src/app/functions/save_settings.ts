import { identityAmong, withBootstrapRoles } from '../../keystone/access/index.ts';
import { KeystoneError } from '../../errors/keystone-error.ts';
import { readOwners } from '../../keystone/readers/portal-reads.ts';
import { loadSettings, saveSettings } from '../../keystone/settings/index.ts';
import { saveSettingsParametersSchema } from '../../contracts/save-settings.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(
  'save_settings',
  { parameters: saveSettingsParametersSchema },
  async (
    { userId, settings, expectedRevision, actionId, confirmRemovingLastOtherAdmin },
    { client, objectTypes, now },
  ) => {
    // The portal's active owners tell who is saving (as one owner's read would) and go on the settings
    // record with the save, for the cards, at no call of their own.
    const [current, owners] = await Promise.all([loadSettings(client, objectTypes), readOwners(client)]);
    const identity = identityAmong(owners, userId);
    if (!identity) throw new KeystoneError('KAM.UNKNOWN_USER');
    // Roles come from the settings in force, never from the document being saved.
    const caller = await withBootstrapRoles(client, identity, current.settings.access);
    return saveSettings(client, objectTypes, {
      caller,
      document: settings,
      expectedRevision,
      actionId,
      now,
      previousAdmins: current.settings.access.adminUserIds,
      confirmRemovingLastOtherAdmin: confirmRemovingLastOtherAdmin === true,
      owners,
    });
  },
);
