import { runSetup } from '../../crm/setup/index.ts';
import { requireAdmin, verifyCaller } from '../../keystone/access/index.ts';
import { loadSettings } from '../../keystone/settings/index.ts';
import { runSetupParametersSchema } from '../../contracts/run-setup.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(
  'run_setup',
  { parameters: runSetupParametersSchema },
  async ({ userId }, { client, objectTypes, now }) => {
    const { settings } = await loadSettings(client, objectTypes);
    requireAdmin(await verifyCaller(client, userId, settings.access));
    return runSetup(client, { now });
  },
);
