import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHubSpotClient } from '../src/crm/client.ts';
import { generateDemoPortal } from '../sandbox/demo/generate.ts';
import { sandboxControl } from '../sandbox/control.ts';
import { startSandbox } from '../sandbox/server.ts';

// The sandbox on the demo portal (~2,000 companies), driven through the real client: how long
// the calls Keystone leans on take, so the stand-in never becomes the bottleneck of other benchmarks.

async function timed(label: string, runs: number, call: () => Promise<unknown>): Promise<void> {
  await call();
  const started = performance.now();
  for (let i = 0; i < runs; i++) await call();
  console.log(`${label}: ${((performance.now() - started) / runs).toFixed(1)} ms per call (${runs} calls)`);
}

export default async function sandboxBench(): Promise<void> {
  const seedStarted = performance.now();
  const seed = generateDemoPortal({ now: Date.UTC(2026, 0, 15) });
  const sandbox = await startSandbox({ seed, rateLimit: false });
  console.log(
    `demo portal generated and loaded: ${(performance.now() - seedStarted).toFixed(0)} ms, ${(await sandboxControl(sandbox.baseUrl).health()).records} records`,
  );
  const client = createHubSpotClient({ accessToken: 'bench', baseUrl: sandbox.baseUrl, attempts: 1 });
  try {
    const companyIds = (await client.crm.companies.basicApi.getPage(100)).results.map((c) => c.id);
    await timed('search companies (filter + sort, 200 per page)', 20, () =>
      client.crm.companies.searchApi.doSearch({
        filterGroups: [{ filters: [{ propertyName: 'annualrevenue', operator: 'GT' as never, value: '0' }] }],
        sorts: [{ propertyName: 'annualrevenue', direction: 'DESCENDING' }] as never,
        properties: ['name', 'annualrevenue'],
        limit: 200,
        after: '0',
      }),
    );
    await timed('search companies (free-text query)', 20, () =>
      client.crm.companies.searchApi.doSearch({
        query: 'group',
        filterGroups: [],
        sorts: [],
        properties: ['name'],
        limit: 100,
        after: '0',
      }),
    );
    await timed('list companies (100 per page)', 20, () =>
      client.crm.companies.basicApi.getPage(100, undefined, ['name', 'annualrevenue']),
    );
    await timed('batch read 100 companies', 20, () =>
      client.crm.companies.batchApi.read({
        inputs: companyIds.map((id) => ({ id })),
        properties: ['name'],
        propertiesWithHistory: [],
      }),
    );
    await timed('associations v4 batch read, 100 companies to contacts', 20, () =>
      client.crm.associations.v4.batchApi.getPage('companies', 'contacts', {
        inputs: companyIds.map((id) => ({ id })),
      }),
    );
    await timed('update one company (in memory)', 50, () =>
      client.crm.companies.basicApi.update(companyIds[0]!, { properties: { description: `note ${Math.random()}` } }),
    );
  } finally {
    await sandbox.close();
  }

  // Persisted: every answered write is journaled and fsynced first.
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-bench-'));
  const persisted = await startSandbox({ dataFile: join(dir, 'portal.json'), rateLimit: false });
  const writer = createHubSpotClient({ accessToken: 'bench', baseUrl: persisted.baseUrl, attempts: 1 });
  try {
    await timed('create one company (persisted, fsync per write)', 50, () =>
      writer.crm.companies.basicApi.create({ properties: { name: 'Bench Ltd' }, associations: [] }),
    );
  } finally {
    await persisted.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
