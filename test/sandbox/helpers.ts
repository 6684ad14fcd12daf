import type { Client } from '@hubspot/api-client';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createHubSpotClient } from '../../src/crm/client.ts';
import { sandboxControl } from '../../sandbox/control.ts';
import type { SandboxControl } from '../../sandbox/control.ts';
import type { SandboxSeedInput, SeedRecord } from '../../sandbox/seed.ts';
import { startSandbox } from '../../sandbox/server.ts';
import type { RunningSandbox, SandboxOptions } from '../../sandbox/server.ts';

// One in-memory sandbox per test file, driven through the project's own client factory.

export const PORTAL_ID = 4242;
export const NOW = Date.UTC(2026, 0, 15, 9, 0, 0);

export interface SandboxHarness {
  sandbox: RunningSandbox;
  client: Client;
  control: SandboxControl;
}

/** Starts a sandbox before the file's tests and resets it to `seed` after each one. */
export function useSandbox(
  seed: () => SandboxSeedInput = () => portalSeed(),
  options: SandboxOptions = {},
): SandboxHarness {
  const harness = {} as SandboxHarness;
  beforeAll(async () => {
    harness.sandbox = await startSandbox({
      seed,
      clock: () => NOW,
      deterministicIds: true,
      rateLimit: false,
      ...options,
    });
    harness.client = createHubSpotClient({ accessToken: 'test-token', baseUrl: harness.sandbox.baseUrl, attempts: 1 });
    harness.control = sandboxControl(harness.sandbox.baseUrl);
  });
  afterEach(async () => {
    await harness.control.clearFaults();
    await harness.control.reset();
  });
  afterAll(async () => {
    await harness.sandbox.close();
  });
  return harness;
}

export function portalSeed(overrides: Partial<SandboxSeedInput> = {}): SandboxSeedInput {
  return { portalId: PORTAL_ID, owners: [], objects: {}, associations: [], ...overrides };
}

let nextSeedId = 9000;
export function seedRecord(properties: Record<string, string>, overrides: Partial<SeedRecord> = {}): SeedRecord {
  return { id: String(nextSeedId++), properties, createdAt: '2025-06-01T00:00:00.000Z', ...overrides };
}

/** A small portal that uses every part of the seed format: a custom object, paired labels, history, an archived record. */
export function richSeed(): SandboxSeedInput {
  return portalSeed({
    schemas: [
      {
        name: 'account_plan',
        labels: { singular: 'Plan', plural: 'Plans' },
        properties: [{ name: 'plan_name', label: 'Name', type: 'string', fieldType: 'text', groupName: 'plan' }],
        associatedObjects: ['COMPANY'],
      },
    ],
    associationDefinitions: [
      {
        fromType: 'contacts',
        toType: 'contacts',
        typeId: 900,
        inverseTypeId: 901,
        label: 'Manager',
        inverseLabel: 'Reports to',
      },
    ],
    objects: {
      companies: [seedRecord({ name: 'Acme' }, { id: '1' })],
      contacts: [
        seedRecord(
          { jobtitle: 'CFO' },
          {
            id: '10',
            propertyHistory: {
              jobtitle: [{ value: 'Controller', timestamp: '2024-01-01T00:00:00.000Z', sourceType: 'CRM_UI' }],
            },
          },
        ),
        seedRecord({ jobtitle: 'Analyst' }, { id: '11', archived: true }),
        seedRecord({ jobtitle: 'Buyer' }, { id: '12' }),
      ],
      account_plan: [seedRecord({ plan_name: 'FY26' }, { id: '20' })],
    },
    associations: [
      { fromType: 'contacts', fromId: '10', toType: 'companies', toId: '1', associationTypeId: 279 },
      { fromType: 'contacts', fromId: '10', toType: 'contacts', toId: '12', associationTypeId: 900 },
      { fromType: 'account_plan', fromId: '20', toType: 'companies', toId: '1' },
    ],
  });
}

export function owner(overrides: Partial<SandboxSeedInput['owners'][number]> = {}): SandboxSeedInput['owners'][number] {
  return {
    id: '501',
    userId: 9001,
    email: 'ada@firm.test',
    firstName: 'Ada',
    lastName: 'Byron',
    teams: [{ id: '7', name: 'Key accounts', primary: true }],
    ...overrides,
  };
}

/** The error the client threw, for asserting HubSpot's status and body (`code` is a network error's name when no answer came). */
export async function failure(call: Promise<unknown>): Promise<{
  code: number | string;
  body: {
    category?: string;
    message: string;
    errors?: Array<{ code?: string }>;
    correlationId?: string;
    policyName?: string;
    subCategory?: string;
  };
  headers: Record<string, string>;
}> {
  try {
    await call;
  } catch (error) {
    const e = error as { code: number | string; body: unknown; headers: Record<string, string> };
    const body = typeof e.body === 'string' ? JSON.parse(e.body) : e.body;
    return { code: e.code, body, headers: e.headers };
  }
  throw new Error('Expected the call to fail, but it succeeded');
}
