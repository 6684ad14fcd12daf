import { verifyCaller } from '../../keystone/access/index.ts';
import { portalDirectory } from '../../keystone/access/directory.ts';
import { readOwners } from '../../keystone/account/portal-reads.ts';
import { loadSettings } from '../../keystone/settings/index.ts';
import { getSettingsParametersSchema, type PortalSettings } from './contract.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(getSettingsParametersSchema, async ({ userId }, { client, objectTypes }): Promise<PortalSettings> => {
  const [stored, owners] = await Promise.all([loadSettings(client, objectTypes), readOwners(client)]);
  const caller = await verifyCaller(client, userId, stored.settings.access);
  return { ...stored, canEdit: caller.isAdmin, directory: portalDirectory(owners) };
});
