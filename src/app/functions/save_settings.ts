import { verifyCaller } from '../../keystone/access/index.ts';
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
    const current = await loadSettings(client, objectTypes);
    // Roles come from the settings in force, never from the document being saved.
    const caller = await verifyCaller(client, userId, current.settings.access);
    return saveSettings(client, objectTypes, {
      caller,
      document: settings,
      expectedRevision,
      actionId,
      now,
      previousAdmins: current.settings.access.adminUserIds,
      confirmRemovingLastOtherAdmin: confirmRemovingLastOtherAdmin === true,
    });
  },
);
