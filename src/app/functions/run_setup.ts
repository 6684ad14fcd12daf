import { runSetup } from '../../crm/setup/index.ts';
import { requireAdmin, verifyCaller } from '../../keystone/access/index.ts';
import { loadSettings, recordAdminAction } from '../../keystone/settings/index.ts';
import { portalPeopleNow } from '../../keystone/readers/portal-people.ts';
import { runSetupParametersSchema } from '../../contracts/run-setup.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(
  'run_setup',
  { parameters: runSetupParametersSchema },
  async ({ userId }, { client, objectTypes, now }) => {
    const { settings } = await loadSettings(client, objectTypes);
    const caller = await verifyCaller(client, userId, settings.access);
    requireAdmin(caller);
    // Setup stores the portal's people with its version, for the cards.
    const result = await runSetup(client, { now, settingsRecord: await portalPeopleNow(client, now) });
    // Setup may have just made Keystone's objects: the object types read before it are out of date.
    objectTypes.forget();
    // After setup, which makes the settings object the log lives on (setup itself is safe to run again).
    const summary = `Ran setup (version ${result.version}, ${result.changed} changes)`;
    await recordAdminAction(client, objectTypes, {
      caller,
      now,
      entry: { kind: 'run_setup', summary, adminsAdded: [], adminsRemoved: [] },
    });
    return result;
  },
);
