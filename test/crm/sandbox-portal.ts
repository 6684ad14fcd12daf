import type { Client } from '@hubspot/api-client';
import { sandboxControl, type SandboxControl } from '../../sandbox/control.ts';
import type { SandboxSeedInput } from '../../sandbox/seed.ts';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.ts';
import { createHubSpotClient } from '../../src/crm/client.ts';
import { testClock } from '../clock.ts';

// A sandbox portal for backend tests and benchmarks, reached through the real @hubspot/api-client.

export const TEST_TOKEN = 'keystone-test-token';
export const PORTAL_ID = 7_700_001;

type SeedOwner = SandboxSeedInput['owners'][number];
type SeedRecord = NonNullable<SandboxSeedInput['objects']['companies']>[number];

let nextId = 1_000;
const createdAt = '2025-01-01T00:00:00.000Z';

export function anOwner(overrides: Partial<SeedOwner> = {}): SeedOwner {
  const id = nextId++;
  return {
    id: String(id),
    userId: id + 50_000,
    email: `user${id}@firm.example`,
    firstName: 'Sam',
    lastName: `Owner ${id}`,
    teams: [],
    archived: false,
    ...overrides,
  };
}

/**
 * The owners with one of them a HubSpot super admin: the first, unless one is marked already. Every
 * real portal has one, and only a super admin names Keystone's first admins.
 */
export function withSuperAdmin(owners: readonly SeedOwner[]): SeedOwner[] {
  if (owners.some((o) => o.superAdmin)) return [...owners];
  return owners.map((o, i) => (i === 0 ? { ...o, superAdmin: true } : o));
}

export function aCompany(properties: Record<string, string> = {}, id = String(nextId++)): SeedRecord {
  return { id, properties: { name: `Client ${id}`, ...properties }, createdAt };
}

export function aDeal(properties: Record<string, string> = {}, id = String(nextId++)): SeedRecord {
  return {
    id,
    properties: {
      dealname: `Deal ${id}`,
      amount: '1000',
      dealstage: 'closedwon',
      hs_is_closed_won: 'true',
      hs_is_closed: 'true',
      ...properties,
    },
    createdAt,
  };
}

/** A contact whose record was created at `createdAt` (HubSpot's `createdate`). */
export function aContact(properties: Record<string, string> = {}, at = createdAt, id = String(nextId++)): SeedRecord {
  return { id, properties: { firstname: 'Alex', lastname: `Contact ${id}`, ...properties }, createdAt: at };
}

export interface PortalContents {
  /** The portal's company currency and time zone (HubSpot's account details); GBP and Europe/London when left out. */
  currency?: string;
  timeZone?: string;
  owners?: SeedOwner[];
  companies?: SeedRecord[];
  deals?: SeedRecord[];
  contacts?: SeedRecord[];
  /** Deal id → company id. */
  dealCompanies?: Array<[string, string]>;
  /** Contact id → company id. */
  contactCompanies?: Array<[string, string]>;
  meetings?: SeedRecord[];
  /** Meeting id → contact id. */
  meetingContacts?: Array<[string, string]>;
}

export function portalSeed(contents: PortalContents = {}): SandboxSeedInput {
  return {
    portalId: PORTAL_ID,
    ...(contents.currency ? { currency: contents.currency } : {}),
    ...(contents.timeZone ? { timeZone: contents.timeZone } : {}),
    owners: withSuperAdmin(contents.owners ?? []),
    objects: {
      companies: contents.companies ?? [],
      deals: contents.deals ?? [],
      contacts: contents.contacts ?? [],
      meetings: contents.meetings ?? [],
    },
    associations: [
      ...(contents.meetingContacts ?? []).map(([meetingId, contactId]) => ({
        fromType: 'meetings',
        fromId: meetingId,
        toType: 'contacts',
        toId: contactId,
        associationTypeId: 200,
      })),
      ...(contents.dealCompanies ?? []).map(([dealId, companyId]) => ({
        fromType: 'deals',
        fromId: dealId,
        toType: 'companies',
        toId: companyId,
        associationTypeId: 341,
      })),
      ...(contents.contactCompanies ?? []).map(([contactId, companyId]) => ({
        fromType: 'contacts',
        fromId: contactId,
        toType: 'companies',
        toId: companyId,
        associationTypeId: 279,
      })),
    ],
  };
}

export interface SandboxPortal {
  sandbox: RunningSandbox;
  control: SandboxControl;
  client: Client;
  /** Points the app functions (which read process.env, as in HubSpot) at this sandbox. */
  useForFunctions(): void;
  /** Requests that changed something (everything but reads, searches and batch reads) since the last stats reset. */
  writes(): Promise<string[]>;
  close(): Promise<void>;
}

export async function startSandboxPortal(
  contents: PortalContents = {},
  options: { attempts?: number; rateLimit?: false } = {},
): Promise<SandboxPortal> {
  // The portal stamps what it stores on the test file's clock, the one its app functions run on.
  const sandbox = await startSandbox({
    dataFile: null,
    seed: portalSeed(contents),
    rateLimit: options.rateLimit ?? false,
    requiredToken: TEST_TOKEN,
    clock: testClock.now,
  });
  const control = sandboxControl(sandbox.baseUrl);
  return {
    sandbox,
    control,
    client: createHubSpotClient({ accessToken: TEST_TOKEN, baseUrl: sandbox.baseUrl, attempts: options.attempts ?? 1 }),
    useForFunctions() {
      process.env.HUBSPOT_API_BASE_URL = sandbox.baseUrl;
      process.env.PRIVATE_APP_ACCESS_TOKEN = TEST_TOKEN;
    },
    async writes() {
      const { byRoute } = await control.stats();
      return Object.entries(byRoute)
        .filter(([route]) => !route.startsWith('GET ') && !route.endsWith('/batch/read') && !route.endsWith('/search'))
        .flatMap(([route, count]) => Array<string>(count).fill(route));
    },
    close: () => sandbox.close(),
  };
}
