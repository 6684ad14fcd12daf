import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../scripts/project.ts';
import { startSandboxPortal, TEST_TOKEN, type SandboxPortal } from '../crm/sandbox-portal.ts';

const run = promisify(execFile);
const tsx = join(REPOSITORY_ROOT, 'node_modules', '.bin', 'tsx');
const setupCommand = (env: Record<string, string>) =>
  run(tsx, [join(REPOSITORY_ROOT, 'scripts', 'setup.ts')], { env: { PATH: process.env.PATH ?? '', ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );

describe('npm run setup', () => {
  let portal: SandboxPortal;
  beforeAll(async () => {
    portal = await startSandboxPortal();
  });
  afterAll(() => portal.close());

  it('sets up the portal at HUBSPOT_API_BASE_URL, printing each step, and says there is nothing to do the second time', async () => {
    const env = { HUBSPOT_ACCESS_TOKEN: TEST_TOKEN, HUBSPOT_API_BASE_URL: portal.sandbox.baseUrl };

    const first = await setupCommand(env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Keystone setup → ${portal.sandbox.baseUrl}`);
    expect(first.stdout).toMatch(/created\s+custom object keystone_plan/);

    const second = await setupCommand(env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Nothing to do');
  });

  it('explains a missing token instead of calling HubSpot', async () => {
    const answer = await setupCommand({ HUBSPOT_API_BASE_URL: portal.sandbox.baseUrl });
    expect(answer.code).toBe(2);
    expect(answer.stderr).toContain('Set HUBSPOT_ACCESS_TOKEN');
  });

  it('says which code HubSpot failed with and how to continue', async () => {
    const answer = await setupCommand({
      HUBSPOT_ACCESS_TOKEN: 'wrong-token',
      HUBSPOT_API_BASE_URL: portal.sandbox.baseUrl,
    });
    expect(answer.code).toBe(1);
    expect(answer.stderr).toContain('Setup stopped (KAM.HUBSPOT_ACCESS_DENIED)');
    expect(answer.stderr).toContain('npm run setup');
  });
});
