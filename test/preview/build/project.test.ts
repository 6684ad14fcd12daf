import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appFunctions, uiExtensions } from '../../../preview/build/project.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/project');

describe("reading the project's hsmeta files", () => {
  it('finds each card with its location, title and entry module', async () => {
    expect(await uiExtensions(FIXTURE)).toEqual([
      {
        uid: 'fixture_greeting',
        kind: 'card',
        location: 'crm.record.tab',
        title: 'Greeting',
        file: path.join(FIXTURE, 'src/app/cards/GreetingCard.tsx'),
      },
    ]);
  });

  it("maps each function's bundled entrypoint back to the TypeScript module it is built from", async () => {
    expect(await appFunctions(FIXTURE)).toEqual([
      { uid: 'broken', file: path.join(FIXTURE, 'src/app/functions/broken.ts') },
      { uid: 'greet', file: path.join(FIXTURE, 'src/app/functions/greet.ts') },
    ]);
  });

  it('refuses a card without a location', async () => {
    await expect(uiExtensions(path.resolve(import.meta.dirname, '../fixtures/no-location'))).rejects.toThrow(
      'src/app/cards/nowhere-hsmeta.json: a card needs config.location',
    );
  });

  it("finds this repository's tab card, sidebar card and settings page", async () => {
    const found = (await uiExtensions()).map(({ kind, location }) => `${kind}:${location}`);
    expect(found).toEqual(
      expect.arrayContaining(['card:crm.record.tab', 'card:crm.record.sidebar', 'settings:settings']),
    );
  });
});
