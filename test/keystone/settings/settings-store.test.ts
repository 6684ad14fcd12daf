import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PORTAL_SETTINGS, settingsRevisionKey } from '../../../src/crm/model/index.ts';
import { ObjectTypeResolver } from '../../../src/crm/object-types.ts';
import { fromHubSpotDateTime } from '../../../src/crm/records.ts';
import { REVISION_CLAIM_EXPIRY_MS } from '../../../src/crm/revision-claim.ts';
import { writeSettingsRecord } from '../../../src/crm/settings-record.ts';
import { runSetup } from '../../../src/crm/setup/index.ts';
import { defaultSettings, type Settings } from '../../../src/kam/settings/index.ts';
import { withRoles, type Caller } from '../../../src/keystone/access/index.ts';
import { loadSettings, saveSettings } from '../../../src/keystone/settings/index.ts';
import { startSandboxPortal, type SandboxPortal } from '../../crm/sandbox-portal.ts';

const now = Date.UTC(2026, 10, 24, 9);
const MINUTE = 60_000;

/** An admin of settings that name both test admins. */
function anAdmin(userId: string): Caller {
  return withRoles(
    { userId, ownerId: null, name: `Admin ${userId}`, teamIds: [] },
    { adminUserIds: [userId], managerUserIds: [], managerTeamIds: [] },
  );
}
const ada = anAdmin('51001');
const bob = anAdmin('51002');

/** Settings both admins may save, with overrides. */
function settingsDocument(overrides: Partial<Settings> = {}): Settings {
  return {
    ...defaultSettings(),
    access: { adminUserIds: [ada.userId, bob.userId], managerUserIds: [], managerTeamIds: [] },
    ...overrides,
  };
}

describe('the settings store', () => {
  let portal: SandboxPortal;
  let objectTypeId: string;
  const resolver = () => new ObjectTypeResolver(portal.client);
  const save = (caller: Caller, expectedRevision: number, document: Settings, at = now) =>
    saveSettings(portal.client, resolver(), { caller, document, expectedRevision, now: at });
  const load = () => loadSettings(portal.client, resolver());
  /** Every record of the settings object, the settings in force and the record of each save. */
  const settingsRecords = async () =>
    (
      await portal.client.crm.objects.basicApi.getPage(
        objectTypeId,
        100,
        undefined,
        Object.values(PORTAL_SETTINGS.property),
      )
    ).results;

  beforeAll(async () => {
    portal = await startSandboxPortal({ currency: 'EUR', timeZone: 'America/New_York' });
  });
  afterAll(() => portal.close());
  beforeEach(async () => {
    await portal.control.reset();
    await runSetup(portal.client, { now });
    objectTypeId = await resolver().objectTypeId('settings');
  });

  it("lets exactly one of two admins saving from the same revision at the same moment win; the other is told and the winner's settings stand", async () => {
    await save(ada, 0, settingsDocument());
    const outcomes = await Promise.allSettled([
      save(ada, 1, settingsDocument({ fiscalYearStartMonth: 4 })),
      save(bob, 1, settingsDocument({ fiscalYearStartMonth: 7 })),
    ]);

    const won = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    expect(won).toHaveLength(1);
    expect(outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []))).toEqual([
      expect.objectContaining({ code: 'KAM.SETTINGS_CHANGED' }),
    ]);
    const stored = await load();
    expect(stored).toMatchObject({ revision: 2, savedByUserId: won[0]!.savedByUserId });
    expect(stored.settings.fiscalYearStartMonth).toBe(won[0]!.settings.fiscalYearStartMonth);
  });

  it('keeps the settings in force when their write fails after the claim, and the next save goes through at once', async () => {
    await save(ada, 0, settingsDocument({ fiscalYearStartMonth: 4 }));
    await portal.control.injectFault({
      kind: 'serverError',
      status: 503,
      method: 'POST',
      path: '/crm/v3/objects/2-*/batch/upsert',
      times: 1,
    });

    await expect(save(bob, 1, settingsDocument({ fiscalYearStartMonth: 7 }))).rejects.toMatchObject({
      code: 'KAM.HUBSPOT_UNAVAILABLE',
    });

    expect(await load()).toMatchObject({
      revision: 1,
      savedByUserId: ada.userId,
      settings: { fiscalYearStartMonth: 4 },
    });
    // The failed save withdrew its claim: nobody has to wait for it.
    expect(await save(bob, 1, settingsDocument({ fiscalYearStartMonth: 10 }), now + MINUTE)).toMatchObject({
      revision: 2,
    });
    expect((await load()).settings.fiscalYearStartMonth).toBe(10);
  });

  it('holds a revision a stopped save could not withdraw only until its claim expires', async () => {
    await save(ada, 0, settingsDocument({ fiscalYearStartMonth: 4 }));
    // The write fails, and so does every attempt to withdraw the claim: as if the function had stopped.
    await portal.control.injectFault({
      kind: 'serverError',
      status: 503,
      method: 'POST',
      path: '/crm/v3/objects/2-*/batch/upsert',
      times: 1,
    });
    await portal.control.injectFault({
      kind: 'serverError',
      status: 503,
      method: 'DELETE',
      path: '/crm/v3/objects/2-*',
      times: 3,
    });
    await expect(save(bob, 1, settingsDocument({ fiscalYearStartMonth: 7 }))).rejects.toMatchObject({
      code: 'KAM.HUBSPOT_UNAVAILABLE',
    });
    expect(await load()).toMatchObject({ revision: 1, settings: { fiscalYearStartMonth: 4 } });

    const tooSoon = save(ada, 1, settingsDocument({ fiscalYearStartMonth: 10 }), now + REVISION_CLAIM_EXPIRY_MS - 1);
    await expect(tooSoon).rejects.toMatchObject({
      code: 'KAM.SETTINGS_CHANGED',
      message: expect.stringContaining('stopped part-way less than 2 minutes ago'),
    });

    expect(
      await save(ada, 1, settingsDocument({ fiscalYearStartMonth: 10 }), now + REVISION_CLAIM_EXPIRY_MS),
    ).toMatchObject({ revision: 2 });
    expect(await load()).toMatchObject({
      revision: 2,
      savedByUserId: ada.userId,
      settings: { fiscalYearStartMonth: 10 },
    });
  });

  it('keeps a record of each save — who, when and what — while loading reads only the settings in force', async () => {
    await save(ada, 0, settingsDocument({ fiscalYearStartMonth: 4 }), now);
    await save(bob, 1, settingsDocument({ fiscalYearStartMonth: 7 }), now + MINUTE);

    const records = await settingsRecords();
    const history = [1, 2].map(
      (revision) =>
        records.find((r) => r.properties[PORTAL_SETTINGS.property.settingsKey] === settingsRevisionKey(revision))
          ?.properties,
    );
    expect(
      history.map((p) => [
        p?.[PORTAL_SETTINGS.property.savedBy],
        fromHubSpotDateTime(p?.[PORTAL_SETTINGS.property.savedAt]),
        JSON.parse(p?.[PORTAL_SETTINGS.property.settings] ?? 'null').fiscalYearStartMonth,
      ]),
    ).toEqual([
      [ada.userId, now, 4],
      [bob.userId, now + MINUTE, 7],
    ]);
    // The settings in force, a record of each revision, and the admins' log entry of each save.
    const keys = records.map((r) => r.properties[PORTAL_SETTINGS.property.settingsKey] ?? '');
    expect(keys.filter((k) => !k.startsWith('admin-action:'))).toHaveLength(3);
    expect(keys.filter((k) => k.startsWith('admin-action:'))).toHaveLength(2);
    expect(await load()).toMatchObject({
      revision: 2,
      savedByUserId: bob.userId,
      savedAt: now + MINUTE,
      settings: { fiscalYearStartMonth: 7 },
    });
  });

  it("gives the portal's currency and time zone as setup copied them from HubSpot, and refreshes them on every save", async () => {
    expect((await load()).portal).toEqual({ currency: 'EUR', timeZone: 'America/New_York' });
    // As if the portal's currency had changed in HubSpot since setup.
    await writeSettingsRecord(portal.client, objectTypeId, { [PORTAL_SETTINGS.property.portalCurrency]: 'USD' });
    expect((await load()).portal.currency).toBe('USD');

    const saved = await save(ada, 0, settingsDocument());

    expect(saved.portal).toEqual({ currency: 'EUR', timeZone: 'America/New_York' });
    expect((await load()).portal).toEqual({ currency: 'EUR', timeZone: 'America/New_York' });
  });

  it("saves without HubSpot's account details when they cannot be read, keeping the portal's details it had", async () => {
    await portal.control.injectFault({ kind: 'serverError', status: 503, path: '/account-info/v3/details' });
    expect(await save(ada, 0, settingsDocument())).toMatchObject({
      revision: 1,
      portal: { currency: 'EUR', timeZone: 'America/New_York' },
    });
    expect((await load()).portal).toEqual({ currency: 'EUR', timeZone: 'America/New_York' });
    await portal.control.clearFaults();
  });

  it('knows no portal details before setup', async () => {
    await portal.control.reset();
    expect((await load()).portal).toEqual({ currency: null, timeZone: null });
  });
});
