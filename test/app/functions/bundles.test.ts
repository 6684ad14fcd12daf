import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { functionEntries } from '../../../scripts/build-functions.ts';
import { readProject, REPOSITORY_ROOT } from '../../../scripts/project.ts';
import { ADMIN_FUNCTIONS } from '../../../src/contracts/index.ts';
import { ensureFunctionBundles } from '../function-bundles.ts';

const require = createRequire(import.meta.url);
const entries = functionEntries(readProject(REPOSITORY_ROOT).srcDir);
type Main = (
  context: unknown,
) => Promise<{ status: string; code?: string; issues?: Array<{ path: string; message: string }> }>;

describe('function bundles', () => {
  beforeAll(ensureFunctionBundles);

  it('exist for every admin function of the contract', () => {
    expect(entries.map((e) => e.uid)).toEqual(expect.arrayContaining(Object.values(ADMIN_FUNCTIONS)));
  });

  it.each(entries.map((e) => [e.uid, e.bundle] as const))(
    '%s loads with require() and exports main',
    (_uid, bundle) => {
      expect(typeof (require(bundle) as { main?: unknown }).main).toBe('function');
    },
  );

  it.each(entries.map((e) => [e.uid, e.bundle] as const))(
    '%s answers a validation error naming the bad parameter, without calling HubSpot',
    async (_uid, bundle) => {
      // No token and no base URL are configured here: reaching HubSpot would fail differently.
      const answer = await (require(bundle) as { main: Main }).main({ parameters: { userId: 'not-a-number' } });
      expect(answer).toMatchObject({ status: 'error', code: 'KAM.INVALID_PARAMETERS' });
      expect(answer.issues).toContainEqual(expect.objectContaining({ path: 'userId' }));
    },
  );
});
