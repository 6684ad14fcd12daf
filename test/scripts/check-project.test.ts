import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../scripts/check-project.ts';
import { REPOSITORY_ROOT } from '../../scripts/project.ts';
import { ensureFunctionBundles } from '../app/function-bundles.ts';

const badProject = join(import.meta.dirname, 'fixtures', 'bad-project');

describe('the project check on a broken project', () => {
  let problems: string[];
  beforeAll(async () => {
    problems = await checkProject(badProject);
  });

  it('finds a card outside app/cards, which HubSpot would silently skip', () => {
    expect(problems).toContainEqual(
      expect.stringMatching(/src\/app\/summary-card-hsmeta\.json: a card must be in src\/app\/cards\//),
    );
  });

  it('rejects a uid with characters HubSpot does not allow, and unknown top-level keys', () => {
    expect(problems).toContainEqual(expect.stringMatching(/odd-hsmeta\.json: uid "odd card!" must be/));
    expect(problems).toContainEqual(expect.stringMatching(/odd-hsmeta\.json: unknown key "name"/));
  });

  it('reports card entrypoints that do not exist and cards that name no record type', () => {
    expect(problems).toContainEqual(
      expect.stringMatching(/summary-card-hsmeta\.json: entrypoint \/app\/cards\/Summary\.tsx does not exist/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/odd-hsmeta\.json: config\.objectTypes must list/));
  });

  it('requires functions to point at a bundle, list their secrets, and have a package.json beside them', () => {
    expect(problems).toContainEqual(
      expect.stringMatching(/greet-hsmeta\.json: a function's entrypoint must be a bundled/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/greet-hsmeta\.json: config\.secretKeys must be a list/));
    expect(problems).toContainEqual(expect.stringMatching(/src\/app\/functions\/package\.json is missing/));
  });

  it("passes on what HubSpot's own parser rejects", () => {
    expect(problems).toContainEqual(
      expect.stringMatching(/^HubSpot's parser rejected the project: .*functions\/package\.json does not exist/),
    );
  });

  it('names both files that use the same uid', () => {
    expect(problems).toContainEqual(
      expect.stringMatching(/-hsmeta\.json: uid "greet" is already used by src\/app\/functions\/\w+-hsmeta\.json/),
    );
  });

  it('names HubSpot scopes the code uses but the app does not declare', () => {
    expect(problems).toContainEqual(
      'scope crm.objects.owners.read is used by src/app/functions/greet.ts but not declared in app-hsmeta.json requiredScopes',
    );
    expect(problems).toContainEqual(
      'scope crm.objects.contacts.read is used by src/app/functions/greet.ts but not declared in app-hsmeta.json requiredScopes',
    );
    expect(problems.join('\n')).not.toContain('crm.objects.companies.read');
  });
});

describe("the project check on Keystone's own project", () => {
  beforeAll(ensureFunctionBundles);

  it('finds nothing wrong once the functions are built', async () => {
    expect(await checkProject(REPOSITORY_ROOT)).toEqual([]);
  });
});
