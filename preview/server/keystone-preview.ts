import { randomUUID } from 'node:crypto';
import type { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/companies/index.js';
import { createHubSpotClient } from '../../src/crm/client.ts';
import { COMPANY_PROPERTY } from '../../src/crm/model/company-properties.ts';
import { ObjectTypeResolver } from '../../src/crm/object-types.ts';
import type { Settings } from '../../src/kam/settings/index.ts';
import { loadSettingsRecord } from '../../src/keystone/settings/index.ts';
import { DEMO_TEAMS } from '../../sandbox/demo/firm.ts';
import type { SandboxSeedInput } from '../../sandbox/seed.ts';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.ts';
import { bundlePreview } from '../build/bundle.ts';
import { appFunctions, PROJECT_ROOT } from '../build/project.ts';
import { createFunctionRunner, serverlessCallSchema } from './app-functions.ts';
import { createPortalReader, readInUserSession, type PreviewUser } from './portal.ts';
import { startPreviewServer } from './server.ts';

// Keystone running locally: the sandbox (persisted), the app functions in this process pointed at it,
// and the preview web server around the real cards and settings page.

export type KeystonePreviewOptions = {
  /** Where the sandbox keeps the portal; null keeps it in memory. */
  dataFile: string | null;
  /** The portal on first start, when the data file does not exist yet. */
  seed: () => SandboxSeedInput;
  port?: number;
  /** The HubSpot project whose cards and functions run; this repository by default. */
  projectRoot?: string;
  log?: (line: string) => void;
  /** The time the sandbox stamps records with and the functions run at; the real clock when omitted. */
  clock?: () => number;
};

export type KeystonePreview = { url: string; sandbox: RunningSandbox; close: () => Promise<void> };

type FunctionAnswer = { status: 'ok' } & Record<string, unknown>;
type PortalSettings = { settings: Settings; revision: number; setup: { upToDate: boolean } };

export async function startKeystonePreview({
  dataFile,
  seed,
  port,
  projectRoot = PROJECT_ROOT,
  log = () => undefined,
  clock = Date.now,
}: KeystonePreviewOptions): Promise<KeystonePreview> {
  // A fresh token per run: only this process can talk to the sandbox, as only HubSpot holds an app's token.
  const token = `preview-${randomUUID()}`;
  const bundling = bundlePreview(projectRoot);
  // Awaited below; until then a failed build must not count as an unhandled rejection.
  bundling.catch(() => undefined);
  // The preview is for people clicking around, so HubSpot's rate limits (tested elsewhere) are off.
  const sandbox = await startSandbox({ dataFile, seed, requiredToken: token, rateLimit: false, clock });
  try {
    // App functions read these, exactly as they read what HubSpot sets for them.
    process.env.HUBSPOT_API_BASE_URL = sandbox.baseUrl;
    process.env.PRIVATE_APP_ACCESS_TOKEN = token;
    const client = createHubSpotClient({ accessToken: token, baseUrl: sandbox.baseUrl });
    const portal = createPortalReader(client, sandbox.portalId);
    const runFunction = createFunctionRunner(await appFunctions(projectRoot), portal.record, clock);
    const callKeystone = async <T>(uid: string, parameters: Record<string, unknown>): Promise<T & FunctionAnswer> => {
      const answer = (await runFunction(uid, serverlessCallSchema.parse({ parameters }))) as
        | FunctionAnswer
        | { status: 'error'; code: string; message: string };
      if (answer.status !== 'ok') throw new Error(`${uid} failed: ${answer.code}: ${answer.message}`);
      return answer as T & FunctionAnswer;
    };

    const everyone = await portal.users({ adminUserIds: [], managerUserIds: [], managerTeamIds: [] });
    await prepareDemoPortal(callKeystone, everyone, () => portfolioIsScored(client), log);
    const bundle = await bundling;
    const server = await startPreviewServer({
      port,
      bundle,
      portal: {
        ...portal,
        sessionRecord: (read) => readInUserSession(sandbox.baseUrl, read),
        // Roles follow the settings in force, so the switch changes when an admin edits the manager lists.
        users: async () =>
          portal.users(
            (await callKeystone<PortalSettings>('get_settings', { userId: firstUser(everyone).userId })).settings
              .access,
          ),
      },
      runFunction,
    });
    return {
      url: server.url,
      sandbox,
      close: async () => {
        await server.close();
        await sandbox.close();
      },
    };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}

const firstUser = (users: PreviewUser[]): PreviewUser => {
  const [user] = users;
  if (!user) throw new Error('The portal has no users: the preview needs at least one HubSpot owner with a user id');
  return user;
};

// Whether any company carries a recalculated score and a complete run stored the portfolio snapshot
// (a portal from before snapshots has scores only). The demo portal ships with its settings saved but
// its portfolio unscored, so "first run" is judged by the scores, not by the settings revision.
async function portfolioIsScored(client: ReturnType<typeof createHubSpotClient>): Promise<boolean> {
  if (!(await loadSettingsRecord(client, new ObjectTypeResolver(client)))?.portfolioSnapshot) return false;
  const { total } = await client.crm.companies.searchApi.doSearch({
    filterGroups: [
      { filters: [{ propertyName: COMPANY_PROPERTY.scoredAt, operator: 'HAS_PROPERTY' as FilterOperatorEnum }] },
    ],
    properties: [COMPANY_PROPERTY.scoredAt],
    limit: 1,
  });
  return total > 0;
}

// First run on a portal: set Keystone up, name the demo firm's first partner as admin and its partners
// and key account managers as managers unless an admin already saved settings (so the "viewing as"
// switch has all three roles), and score the portfolio unless it is scored.
async function prepareDemoPortal(
  callKeystone: <T>(uid: string, parameters: Record<string, unknown>) => Promise<T>,
  users: PreviewUser[],
  isScored: () => Promise<boolean>,
  log: (line: string) => void,
) {
  const partners = users.filter((user) => user.teams.some((team) => String(team.id) === DEMO_TEAMS.partners.id));
  const admin = partners[0] ?? firstUser(users);
  const current = await callKeystone<PortalSettings>('get_settings', { userId: admin.userId });
  if (!current.setup.upToDate) {
    log('Setting Keystone up in the portal…');
    await callKeystone('run_setup', { userId: admin.userId });
  }
  if (current.revision === 0) {
    log(`Naming ${admin.name} the Keystone admin, partners and key account managers as managers…`);
    const access = {
      adminUserIds: [String(admin.userId)],
      managerUserIds: [],
      managerTeamIds: [DEMO_TEAMS.partners.id, DEMO_TEAMS.keyAccounts.id],
    };
    await callKeystone('save_settings', {
      userId: admin.userId,
      expectedRevision: 0,
      settings: { ...current.settings, access },
    });
  }
  if (!(await isScored())) {
    // What an admin does next on the settings page: score every company, so the list shows scores.
    log('Scoring the portfolio…');
    let cursor: string | null = null;
    do {
      ({ cursor } = await callKeystone<{ cursor: string | null }>('recalculate_portfolio', {
        userId: admin.userId,
        cursor,
      }));
    } while (cursor !== null);
  }
}
