import { connectionFromEnvironment, createHubSpotClient, HUBSPOT_API_DEFAULT_BASE_URL } from '../src/crm/client.ts';
import { toKeystoneError } from '../src/crm/errors.ts';
import { runSetup } from '../src/crm/setup/index.ts';

// `npm run setup`: applies Keystone's setup to a portal from the command line. HUBSPOT_ACCESS_TOKEN
// (a private app token) and HUBSPOT_API_BASE_URL (the sandbox; the real HubSpot when unset) come from
// the environment. Safe to run again: it changes only what is missing or different.

const SETUP_SILENCE_LIMIT_MS = 60_000;

async function main(): Promise<number> {
  let connection;
  try {
    connection = connectionFromEnvironment(process.env);
  } catch (error) {
    console.error(
      `${(error as Error).message}. Set HUBSPOT_ACCESS_TOKEN to the private app's access token (and HUBSPOT_API_BASE_URL for the sandbox).`,
    );
    return 2;
  }
  const target = connection.baseUrl === HUBSPOT_API_DEFAULT_BASE_URL ? 'HubSpot' : connection.baseUrl;
  console.log(`Keystone setup → ${target}`);
  try {
    // No function time limit here: HubSpot may take its time creating a custom object's schema.
    const report = await runSetup(createHubSpotClient({ ...connection, silenceLimitMs: SETUP_SILENCE_LIMIT_MS }), {
      now: Date.now(),
      onStep: (step) => console.log(`  ${step.action.padEnd(9)} ${step.target}`),
    });
    console.log(
      report.changed === 0
        ? `Nothing to do: setup version ${report.version} is in place.`
        : `Done: ${report.changed} change(s); setup version ${report.previousVersion} → ${report.version}.`,
    );
    return 0;
  } catch (error) {
    const keystoneError = toKeystoneError(error);
    console.error(`Setup stopped (${keystoneError.code}): ${keystoneError.message}`);
    console.error(
      'What was done stays in place; the portal only counts as set up once every step is. Run `npm run setup` again to finish.',
    );
    return 1;
  }
}

process.exitCode = await main();
