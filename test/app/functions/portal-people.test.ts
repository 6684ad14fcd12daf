import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main as cardDataMain } from '../../../src/app/functions/card_data.ts';
import { main as cardSectionMain } from '../../../src/app/functions/card_section.ts';
import { main as recalculatePortfolioMain } from '../../../src/app/functions/recalculate_portfolio.ts';
import { main as runSetupMain } from '../../../src/app/functions/run_setup.ts';
import { main as saveSettingsMain } from '../../../src/app/functions/save_settings.ts';
import { main as tagKeyAccountMain } from '../../../src/app/functions/tag_key_account.ts';
import { PORTAL_SETTINGS } from '../../../src/crm/model/index.ts';
import { SETUP_VERSION } from '../../../src/crm/setup/setup-version.ts';
import { ObjectTypeResolver } from '../../../src/crm/object-types.ts';
import { readSettingsRecord, writeSettingsRecord } from '../../../src/crm/settings-record.ts';
import { defaultSettings } from '../../../src/kam/settings/index.ts';
import {
  PORTAL_PEOPLE_MAX_AGE_MS,
  portalPeopleProperties,
  storedPortalPeople,
} from '../../../src/keystone/readers/portal-people.ts';
import { readOwners, type OwnerRecord } from '../../../src/keystone/readers/portal-reads.ts';
import { PORTAL_ID } from '../../crm/sandbox-portal.ts';
import { onTestClock, testClock } from '../../clock.ts';
import {
  NOW,
  anOwner,
  configureAccess,
  loadAccount,
  startSandboxPortal,
  type SandboxPortal,
} from './account-portal.ts';

const cardData = onTestClock(cardDataMain);
const cardSection = onTestClock(cardSectionMain);
const recalculatePortfolio = onTestClock(recalculatePortfolioMain);
const runSetup = onTestClock(runSetupMain);
const saveSettings = onTestClock(saveSettingsMain);
const tagKeyAccount = onTestClock(tagKeyAccountMain);

const HOUR = 3_600_000;
const team = { id: '77', name: 'Key Account Managers' };
const manager = anOwner({ firstName: 'Max', lastName: 'Manager', teams: [{ ...team, primary: true }] });
const colleague = anOwner({ firstName: 'Cleo', lastName: 'Colleague', teams: [{ ...team, primary: true }] });
const reader = anOwner({ firstName: 'Rita', lastName: 'Reader' });
const OWNERS_READ = 'GET /crm/v3/owners';

/**
 * The portal's people stored on the settings record (by setup, a settings save and recalculation) stand
 * in for the owners read of a card's Status section while they are fresh and know the user.
 */
describe("the portal's people stored with the settings", () => {
  let portal: SandboxPortal;
  let companyId: string;
  let settingsType: string;
  beforeAll(async () => {
    portal = await startSandboxPortal();
    portal.useForFunctions();
    ({ companyId } = await loadAccount(portal, {
      owners: [manager, colleague, reader],
      deals: [{ amount: '1000', dealstage: 'closedwon', hs_is_closed_won: 'true', hs_is_closed: 'true' }],
    }));
    settingsType = await new ObjectTypeResolver(portal.client).objectTypeId('settings');
    // Managers by team: the card's permissions come from the stored teams when it uses them.
    await configureAccess(manager, { managerTeamIds: [team.id] });
  });
  afterAll(() => portal.close());
  afterEach(() => testClock.set(NOW));

  const stored = async () => (await readSettingsRecord(portal.client, settingsType))?.portalPeople ?? null;
  const store = (properties: Record<string, string>) => writeSettingsRecord(portal.client, settingsType, properties);
  const storeNone = () => store({ [PORTAL_SETTINGS.property.portalPeople]: '' });

  async function status(userId = colleague.userId) {
    await portal.control.resetStats();
    const answer = await cardSection({ parameters: { companyId, userId, portalId: PORTAL_ID, section: 'status' } });
    if (answer.status !== 'ok') throw new Error(`card_section failed: ${answer.code} ${answer.message}`);
    const { total, byRoute } = await portal.control.stats();
    return { answer, total, ownersRead: byRoute[OWNERS_READ] ?? 0 };
  }

  it("Status takes the owners from the settings a save stored them with: 3 calls, the same answer as HubSpot's owners give", async () => {
    const fromStored = await status();
    expect(fromStored).toMatchObject({ total: 3, ownersRead: 0 });
    expect(fromStored.answer.permissions).toMatchObject({ canEdit: true, isAdmin: false });

    await storeNone();
    const live = await status();
    expect(live).toMatchObject({ total: 5, ownersRead: 1 }); // read live, then stored for the next card
    // Each answer seals its own session (a fresh one every time): the rest is what the card shows.
    const { readAt: _a, session: _s, ...storedAnswer } = fromStored.answer;
    const { readAt: _b, session: _l, ...liveAnswer } = live.answer;
    expect(storedAnswer).toEqual(liveAnswer);
  });

  it('the whole card (card_data) takes them too', async () => {
    await saveAgain();
    await portal.control.resetStats();
    const answer = await cardData({ parameters: { companyId, userId: colleague.userId, portalId: PORTAL_ID } });
    expect(answer.status).toBe('ok');
    expect((await portal.control.stats()).byRoute[OWNERS_READ]).toBeUndefined();
  });

  it('reads the owners live when the stored people do not know the user (someone who joined since), and stores them for the next card', async () => {
    const owners = await readOwners(portal.client);
    await store(portalPeopleProperties(withoutUser(owners, colleague.userId), NOW));
    const { answer, total, ownersRead } = await status();
    expect({ total, ownersRead }).toEqual({ total: 5, ownersRead: 1 }); // and the write that stores them
    expect(answer.permissions).toMatchObject({ canEdit: true });
    expect(await status()).toMatchObject({ total: 3, ownersRead: 0 });
  });

  it('reads the owners live once the stored people are a day old, uses them just before, and stores them afresh', async () => {
    await store(portalPeopleProperties(await readOwners(portal.client), NOW));
    testClock.set(NOW + PORTAL_PEOPLE_MAX_AGE_MS - HOUR);
    expect(await status()).toMatchObject({ total: 3, ownersRead: 0 });
    testClock.set(NOW + PORTAL_PEOPLE_MAX_AGE_MS);
    expect(await status()).toMatchObject({ total: 5, ownersRead: 1 });
    // The people keep themselves fresh while the cards are used, whoever last ran a recalculation.
    expect(await status()).toMatchObject({ total: 3, ownersRead: 0 });
  });

  it('reads the owners live, storing nothing, on a portal set up before the people were stored', async () => {
    await store({ [PORTAL_SETTINGS.property.portalPeople]: '', [PORTAL_SETTINGS.property.setupVersion]: '8' });
    try {
      expect(await status()).toMatchObject({ total: 4, ownersRead: 1 });
      expect(await status()).toMatchObject({ total: 4, ownersRead: 1 });
    } finally {
      await store({ [PORTAL_SETTINGS.property.setupVersion]: String(SETUP_VERSION) });
    }
  });

  it('never lets a write through on what it holds: a tag checks the user against HubSpot itself', async () => {
    // As stored (out of date), the reader is in the managers' team; HubSpot has them in none.
    const owners = await readOwners(portal.client);
    const asManager = owners.map((o) =>
      o.userId === reader.userId ? { ...o, teamIds: [team.id], teams: [{ teamId: team.id, name: team.name }] } : o,
    );
    await store(portalPeopleProperties(asManager, NOW));
    expect((await status(reader.userId)).answer.permissions.canEdit).toBe(true);
    const tag = await tagKeyAccount({
      parameters: { companyId, userId: reader.userId, status: 'key', expectedStatus: 'none', reason: 'Stored team' },
    });
    expect(tag).toMatchObject({ status: 'error', code: 'KAM.NOT_A_MANAGER' });
  });

  it('is stored by a settings save, read when the save checks who is saving (no call more than before)', async () => {
    await storeNone();
    await portal.control.resetStats();
    await saveAgain();
    const { byRoute } = await portal.control.stats();
    expect(byRoute[OWNERS_READ]).toBe(1);
    expect(byRoute['GET /crm/v3/owners/:ownerId']).toBeUndefined();
    const people = storedPortalPeople(await stored(), { now: NOW, userId: colleague.userId });
    expect(people?.map((o) => o.ownerId).sort()).toEqual(
      (await readOwners(portal.client)).map((o) => o.ownerId).sort(),
    );
    expect(people?.find((o) => o.userId === colleague.userId)).toMatchObject({
      firstName: 'Cleo',
      lastName: 'Colleague',
      teams: [{ teamId: team.id, name: team.name }],
    });
  });

  it('is stored by setup (run_setup) with its version, and by a recalculation run', async () => {
    await storeNone();
    testClock.set(NOW + HOUR);
    expect(await runSetup({ parameters: { userId: manager.userId } })).toMatchObject({ status: 'ok' });
    expect(storedPortalPeople(await stored(), { now: NOW + HOUR, userId: colleague.userId })).not.toBeNull();
    expect(JSON.parse((await stored())!)).toMatchObject({ readAt: NOW + HOUR });

    await storeNone();
    testClock.set(NOW + 2 * HOUR);
    expect(await recalculatePortfolio({ parameters: { userId: manager.userId } })).toMatchObject({ done: true });
    expect(JSON.parse((await stored())!)).toMatchObject({ readAt: NOW + 2 * HOUR });
  });

  async function saveAgain() {
    const record = await readSettingsRecord(portal.client, settingsType);
    const settings = {
      ...defaultSettings(),
      access: { adminUserIds: [String(manager.userId)], managerUserIds: [], managerTeamIds: [team.id] },
    };
    const answer = await saveSettings({
      parameters: { userId: manager.userId, settings, expectedRevision: Number(record?.revision ?? 0) },
    });
    if (answer.status !== 'ok') throw new Error(`save_settings failed: ${answer.message}`);
  }
});

describe('a portal whose people do not fit in one HubSpot property', () => {
  // Long names and addresses: 600 people take more than HubSpot's 65,536 characters a property holds.
  const long = 'x'.repeat(40);
  const admin = anOwner({ firstName: 'Ada', lastName: 'Admin' });
  const crowd = Array.from({ length: 600 }, (_, i) =>
    anOwner({ firstName: `${long}${i}`, lastName: long, email: `${long}.${i}@firm.example` }),
  );
  let portal: SandboxPortal;
  let companyId: string;
  beforeAll(async () => {
    portal = await startSandboxPortal();
    portal.useForFunctions();
    ({ companyId } = await loadAccount(portal, { owners: [admin, ...crowd] }));
    await configureAccess(admin, {});
  });
  afterAll(() => portal.close());

  it('stores none, and the save, the recalculation and the cards go on reading the owners live', async () => {
    const owners = await readOwners(portal.client);
    expect(owners.length).toBe(601);
    // Cleared rather than left as it was: an older, smaller list would miss the newest people.
    expect(portalPeopleProperties(owners, NOW)).toEqual({ [PORTAL_SETTINGS.property.portalPeople]: '' });
    const settingsType = await new ObjectTypeResolver(portal.client).objectTypeId('settings');

    expect((await readSettingsRecord(portal.client, settingsType))?.portalPeople || null).toBeNull();
    expect(await recalculatePortfolio({ parameters: { userId: admin.userId } })).toMatchObject({ done: true });
    expect((await readSettingsRecord(portal.client, settingsType))?.portalPeople || null).toBeNull();

    await portal.control.resetStats();
    const answer = await cardSection({
      parameters: { companyId, userId: admin.userId, portalId: PORTAL_ID, section: 'status' },
    });
    expect(answer.status).toBe('ok');
    expect((await portal.control.stats()).byRoute[OWNERS_READ]).toBe(2); // 500 a page
  });
});

function withoutUser(owners: readonly OwnerRecord[], userId: number): OwnerRecord[] {
  return owners.filter((o) => o.userId !== userId);
}
