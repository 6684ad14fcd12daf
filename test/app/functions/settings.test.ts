import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main as getSettingsMain } from '../../../src/app/functions/get_settings.ts';
import { main as runSetupMain } from '../../../src/app/functions/run_setup.ts';
import { main as saveSettingsMain } from '../../../src/app/functions/save_settings.ts';
import { main as recalculateMain } from '../../../src/app/functions/recalculate_portfolio.ts';
import { SETUP_VERSION } from '../../../src/crm/setup/index.ts';
import { defaultSettings } from '../../../src/kam/settings/index.ts';
import { anOwner, startSandboxPortal, type SandboxPortal } from '../../crm/sandbox-portal.ts';
import { onTestClock, testClock } from '../../clock.ts';

const getSettings = onTestClock(getSettingsMain);
const runSetup = onTestClock(runSetupMain);
const saveSettings = onTestClock(saveSettingsMain);
const recalculate = onTestClock(recalculateMain);

const admin = anOwner({ firstName: 'Ada' });
const manager = anOwner({ firstName: 'Max', teams: [{ id: '77', name: 'Key accounts', primary: true }] });
const leaver = anOwner({ archived: true });

/** A settings document that makes `admin` the one admin and the team of `manager` managers. */
const settingsDocument = (overrides: Record<string, unknown> = {}) => ({
  ...defaultSettings(),
  access: { adminUserIds: [String(admin.userId)], managerUserIds: [], managerTeamIds: ['77'] },
  ...overrides,
});

describe('settings functions', () => {
  let portal: SandboxPortal;
  beforeAll(async () => {
    portal = await startSandboxPortal({ owners: [admin, manager, leaver] });
    portal.useForFunctions();
  });
  afterAll(() => portal.close());
  beforeEach(() => portal.control.reset());

  it('answers the defaults on a new portal, says setup is needed, and lets only a HubSpot super admin configure it', async () => {
    // The portal's super admin (HubSpot's users API says so) sees the access pickers.
    const answer = await getSettings({ parameters: { userId: admin.userId } });
    expect(answer).toEqual({
      status: 'ok',
      settings: defaultSettings(),
      revision: 0,
      savedByUserId: null,
      savedAt: null,
      portal: { currency: null, timeZone: null },
      setup: { appliedVersion: 0, currentVersion: SETUP_VERSION, upToDate: false },
      canEdit: true,
      accessShown: true,
      // Active users and their teams by name, for the access pickers; the leaver is not offered.
      directory: {
        users: [admin, manager].map((o) => ({
          userId: String(o.userId),
          name: `${o.firstName} ${o.lastName}`,
          email: o.email,
        })),
        teams: [{ teamId: '77', name: 'Key accounts', members: 1 }],
      },
      adminActions: [],
      lastRecalculation: null,
    });
    // Anyone else reads the settings, but may not change them, and sees no one's roles nor the directory.
    expect(await getSettings({ parameters: { userId: manager.userId } })).toMatchObject({
      status: 'ok',
      canEdit: false,
      accessShown: false,
      settings: { access: { adminUserIds: [], managerUserIds: [], managerTeamIds: [] } },
      directory: { users: [], teams: [] },
      adminActions: [],
    });
  });

  it('never makes the first user to click an admin: a rep is refused setup and the first settings, the super admin is not', async () => {
    await portal.control.resetStats();
    const byRep = await runSetup({ parameters: { userId: manager.userId } });
    expect(byRep).toMatchObject({ status: 'error', code: 'KAM.NOT_AN_ADMIN' });
    expect(byRep.status === 'error' && byRep.message).toMatch(/only a HubSpot super admin/);
    expect(await portal.writes()).toEqual([]);

    expect(await runSetup({ parameters: { userId: admin.userId } })).toMatchObject({ status: 'ok' });
    await portal.control.resetStats();
    const repNamesThemself = await saveSettings({
      parameters: {
        userId: manager.userId,
        settings: {
          ...defaultSettings(),
          access: { adminUserIds: [String(manager.userId)], managerUserIds: [], managerTeamIds: [] },
        },
        expectedRevision: 0,
      },
    });
    expect(repNamesThemself).toMatchObject({ status: 'error', code: 'KAM.NOT_AN_ADMIN' });
    expect(await recalculate({ parameters: { userId: manager.userId } })).toMatchObject({
      status: 'error',
      code: 'KAM.NOT_AN_ADMIN',
    });
    expect(await portal.writes()).toEqual([]);

    expect(
      await saveSettings({ parameters: { userId: admin.userId, settings: settingsDocument(), expectedRevision: 0 } }),
    ).toMatchObject({ status: 'ok', revision: 1 });
  });

  it('refuses a user id that is not an active user of the portal', async () => {
    expect(await getSettings({ parameters: { userId: 999_999 } })).toMatchObject({
      status: 'error',
      code: 'KAM.UNKNOWN_USER',
    });
    expect(await getSettings({ parameters: { userId: leaver.userId } })).toMatchObject({
      status: 'error',
      code: 'KAM.UNKNOWN_USER',
    });
  });

  it('asks for setup before the first save', async () => {
    const answer = await saveSettings({
      parameters: { userId: admin.userId, settings: settingsDocument(), expectedRevision: 0 },
    });
    expect(answer).toMatchObject({ status: 'error', code: 'KAM.SETUP_REQUIRED' });
  });

  describe('once set up', () => {
    beforeEach(async () => {
      expect(await runSetup({ parameters: { userId: admin.userId } })).toMatchObject({
        status: 'ok',
        version: SETUP_VERSION,
      });
    });

    it('saves settings and reads them back as the next revision, with who saved them', async () => {
      const document = settingsDocument({ coverage: { staleAfterDays: 45 } });
      const saved = await saveSettings({
        parameters: { userId: admin.userId, settings: document, expectedRevision: 0 },
      });
      expect(saved).toMatchObject({ status: 'ok', revision: 1, savedByUserId: String(admin.userId) });

      const read = await getSettings({ parameters: { userId: admin.userId } });
      expect(read).toMatchObject({
        status: 'ok',
        revision: 1,
        savedByUserId: String(admin.userId),
        canEdit: true,
        setup: { upToDate: true },
      });
      expect(read.status === 'ok' && read.settings).toEqual(document);
    });

    it('reads a version 1 document as the current version, then asks for the admin list it lacked', async () => {
      const v1 = { version: 1, keyThreshold: 80, candidateThreshold: 60, managerUserIds: [String(manager.userId)] };
      const answer = await saveSettings({ parameters: { userId: admin.userId, settings: v1, expectedRevision: 0 } });
      expect(answer).toMatchObject({
        status: 'error',
        code: 'KAM.INVALID_SETTINGS',
        issues: [{ path: 'settings.access.adminUserIds' }],
      });
    });

    it('rejects invalid settings with the path of every problem and writes nothing', async () => {
      await portal.control.resetStats();
      const document = settingsDocument({
        selection: { thresholds: { key: 40, candidate: 60 }, weights: { prestige: -1 } },
      });

      const answer = await saveSettings({
        parameters: { userId: admin.userId, settings: document, expectedRevision: 0 },
      });

      expect(answer).toMatchObject({ status: 'error', code: 'KAM.INVALID_SETTINGS' });
      const paths = answer.status === 'error' ? answer.issues?.map((i) => i.path) : [];
      expect(paths).toEqual(
        expect.arrayContaining(['settings.selection.weights.prestige', 'settings.selection.thresholds.candidate']),
      );
      expect(await portal.writes()).toEqual([]);
    });

    it('refuses weights and amounts out of range, naming each field, and writes nothing', async () => {
      await portal.control.resetStats();
      const document = settingsDocument({
        selection: { weights: { prestige: 1e308 }, fullScoreAt: { historicPurchases: 1e308 } },
      });

      const answer = await saveSettings({
        parameters: { userId: admin.userId, settings: document, expectedRevision: 0 },
      });

      expect(answer).toMatchObject({ status: 'error', code: 'KAM.INVALID_SETTINGS' });
      const issues = answer.status === 'error' ? answer.issues : [];
      expect(issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            path: 'settings.selection.weights.prestige',
            message: 'Weights run from 0 to 100',
          }),
          expect.objectContaining({ path: 'settings.selection.fullScoreAt.historicPurchases' }),
        ]),
      );
      expect(await portal.writes()).toEqual([]);
    });

    it('rejects parameters of the wrong shape before reading anything', async () => {
      await portal.control.resetStats();
      const answer = await saveSettings({
        parameters: { userId: admin.userId, settings: 'weights=1', expectedRevision: -1, extra: true },
      });
      expect(answer).toMatchObject({ status: 'error', code: 'KAM.INVALID_PARAMETERS' });
      expect(answer.status === 'error' && answer.issues?.map((i) => i.path).sort()).toEqual([
        '',
        'expectedRevision',
        'settings',
      ]);
      expect((await portal.control.stats()).total).toBe(0);
    });

    it('refuses settings that would leave the saver out of the admins', async () => {
      const document = settingsDocument({
        access: { adminUserIds: [String(manager.userId)], managerUserIds: [], managerTeamIds: [] },
      });
      const answer = await saveSettings({
        parameters: { userId: admin.userId, settings: document, expectedRevision: 0 },
      });
      expect(answer).toMatchObject({
        status: 'error',
        code: 'KAM.INVALID_SETTINGS',
        issues: [{ path: 'settings.access.adminUserIds' }],
      });
    });

    it('lets only admins save once an admin is named, and writes nothing for anyone else', async () => {
      await saveSettings({ parameters: { userId: admin.userId, settings: settingsDocument(), expectedRevision: 0 } });
      await portal.control.resetStats();

      const byManager = await saveSettings({
        parameters: {
          userId: manager.userId,
          settings: settingsDocument({ fiscalYearStartMonth: 4 }),
          expectedRevision: 1,
        },
      });

      expect(byManager).toMatchObject({ status: 'error', code: 'KAM.NOT_AN_ADMIN' });
      expect(await portal.writes()).toEqual([]);
      expect(await getSettings({ parameters: { userId: manager.userId } })).toMatchObject({
        status: 'ok',
        revision: 1,
        canEdit: false,
      });
      expect(await runSetup({ parameters: { userId: manager.userId } })).toMatchObject({
        status: 'error',
        code: 'KAM.NOT_AN_ADMIN',
      });
    });

    it('refuses a save based on an older revision instead of overwriting the newer one', async () => {
      await saveSettings({ parameters: { userId: admin.userId, settings: settingsDocument(), expectedRevision: 0 } });
      const stale = await saveSettings({
        parameters: {
          userId: admin.userId,
          settings: settingsDocument({ fiscalYearStartMonth: 7 }),
          expectedRevision: 0,
        },
      });
      expect(stale).toMatchObject({ status: 'error', code: 'KAM.SETTINGS_CHANGED' });
      const read = await getSettings({ parameters: { userId: admin.userId } });
      expect(read.status === 'ok' && read.settings.fiscalYearStartMonth).toBe(1);
    });

    it('lets one of two admins saving from the same revision at the same moment win, and tells the other', async () => {
      const answers = await Promise.all(
        [7, 10].map((fiscalYearStartMonth) =>
          saveSettings({
            parameters: {
              userId: admin.userId,
              settings: settingsDocument({ fiscalYearStartMonth }),
              expectedRevision: 0,
            },
          }),
        ),
      );

      expect(answers.filter((a) => a.status === 'ok')).toHaveLength(1);
      expect(answers.filter((a) => a.status === 'error')).toEqual([
        expect.objectContaining({ code: 'KAM.SETTINGS_CHANGED' }),
      ]);
      const read = await getSettings({ parameters: { userId: admin.userId } });
      expect(read.status === 'ok' && read.settings.fiscalYearStartMonth).toBe(answers[0]!.status === 'ok' ? 7 : 10);
    });

    it('lets the retry of a save whose claim lost its answer complete it, instead of refusing it as someone else’s', async () => {
      const document = settingsDocument({ fiscalYearStartMonth: 4 });
      await portal.control.injectFault({ kind: 'lostAnswer', mode: 'drop', method: 'POST', times: 1 });
      const parameters = { userId: admin.userId, settings: document, expectedRevision: 0, actionId: 'press-save-1' };
      const failed = await saveSettings({ parameters });
      expect(failed).toMatchObject({ status: 'error', code: 'KAM.HUBSPOT_UNAVAILABLE' });

      expect(await saveSettings({ parameters })).toMatchObject({ status: 'ok', revision: 1 });
      // Once more, as after a lost answer on the save that went through: answered as saved.
      expect(await saveSettings({ parameters })).toMatchObject({ status: 'ok', revision: 1 });
      const read = await getSettings({ parameters: { userId: admin.userId } });
      expect(read).toMatchObject({ status: 'ok', revision: 1 });
      expect(read.status === 'ok' && read.settings.fiscalYearStartMonth).toBe(4);
    });

    it("answers the portal's currency and time zone that setup copied from HubSpot", async () => {
      expect(await getSettings({ parameters: { userId: admin.userId } })).toMatchObject({
        status: 'ok',
        portal: { currency: 'GBP', timeZone: 'Europe/London' },
      });
    });

    it('records every admin action with the user id it claimed, and shows the latest to admins only', async () => {
      const twoAdmins = settingsDocument({
        access: {
          adminUserIds: [String(admin.userId), String(manager.userId)],
          managerUserIds: [],
          managerTeamIds: [],
        },
      });
      const parameters = { userId: admin.userId, settings: twoAdmins, expectedRevision: 0, actionId: 'press-save-log' };
      expect(await saveSettings({ parameters })).toMatchObject({ status: 'ok', revision: 1 });
      // The same press again (its answer lost): recorded once.
      expect(await saveSettings({ parameters })).toMatchObject({ status: 'ok', revision: 1 });
      expect(await recalculate({ parameters: { userId: admin.userId, timeBudgetMs: 500 } })).toMatchObject({
        status: 'ok',
      });

      const read = await getSettings({ parameters: { userId: admin.userId } });
      const actions = read.status === 'ok' ? read.adminActions : [];
      expect(actions.map((a) => [a.kind, a.userId, a.name])).toEqual(
        expect.arrayContaining([
          ['run_setup', String(admin.userId), 'Ada ' + admin.lastName],
          ['save_settings', String(admin.userId), 'Ada ' + admin.lastName],
          ['recalculation', String(admin.userId), 'Ada ' + admin.lastName],
        ]),
      );
      expect(actions.filter((a) => a.kind === 'save_settings')).toEqual([
        expect.objectContaining({ adminsAdded: [String(admin.userId), String(manager.userId)], adminsRemoved: [] }),
      ]);
      // The manager, an admin now, sees them too; nobody else would.
      expect(await getSettings({ parameters: { userId: manager.userId } })).toMatchObject({
        status: 'ok',
        accessShown: true,
        adminActions: expect.arrayContaining([expect.objectContaining({ kind: 'save_settings' })]),
      });
    });

    it('says a save since the last complete recalculation changed what it wrote from, but not a change of who may do what', async () => {
      const save = async (document: Record<string, unknown>, expectedRevision: number) => {
        testClock.advance(60_000);
        const saved = await saveSettings({
          parameters: { userId: admin.userId, settings: document, expectedRevision },
        });
        expect(saved).toMatchObject({ status: 'ok' });
      };
      const lastRecalculation = async () => {
        const read = await getSettings({ parameters: { userId: admin.userId } });
        return read.status === 'ok' ? read.lastRecalculation : undefined;
      };
      await save(settingsDocument(), 0);
      testClock.advance(60_000);
      let cursor: string | null = null;
      for (let slice = 0; slice < 10; slice++) {
        const answer = await recalculate({ parameters: { userId: admin.userId, cursor } });
        if (answer.status !== 'ok' || answer.done) break;
        cursor = answer.cursor;
      }
      expect(await lastRecalculation()).toMatchObject({ settingsChangedAt: null });

      // Who may do what: recalculation writes nothing from it.
      const withManager = settingsDocument({
        access: { adminUserIds: [String(admin.userId)], managerUserIds: [String(manager.userId)], managerTeamIds: [] },
      });
      await save(withManager, 1);
      expect(await lastRecalculation()).toMatchObject({ settingsChangedAt: null });

      await save({ ...withManager, coverage: { staleAfterDays: 45 } }, 2);
      expect(await lastRecalculation()).toMatchObject({ settingsChangedAt: testClock.now() });
    });

    it('asks before removing the last other admin, writes nothing until confirmed, and records the removal', async () => {
      const both = [String(admin.userId), String(manager.userId)];
      await saveSettings({
        parameters: {
          userId: admin.userId,
          settings: settingsDocument({ access: { adminUserIds: both, managerUserIds: [], managerTeamIds: [] } }),
          expectedRevision: 0,
        },
      });
      await portal.control.resetStats();
      const alone = { userId: admin.userId, settings: settingsDocument(), expectedRevision: 1 };
      const asked = await saveSettings({ parameters: alone });
      expect(asked).toMatchObject({
        status: 'error',
        code: 'KAM.INVALID_SETTINGS',
        issues: [{ path: 'confirmRemovingLastOtherAdmin' }],
      });
      expect(asked.status === 'error' && asked.message).toContain(`user ${manager.userId}`);
      expect(await portal.writes()).toEqual([]);

      expect(await saveSettings({ parameters: { ...alone, confirmRemovingLastOtherAdmin: true } })).toMatchObject({
        status: 'ok',
        revision: 2,
      });
      const read = await getSettings({ parameters: { userId: admin.userId } });
      expect(read.status === 'ok' && read.adminActions[0]).toMatchObject({
        kind: 'save_settings',
        adminsRemoved: [String(manager.userId)],
        summary: expect.stringContaining('confirming the removal of the last other admin'),
      });
    });

    it('reports a second setup run as changing nothing', async () => {
      expect(await runSetup({ parameters: { userId: admin.userId } })).toMatchObject({
        status: 'ok',
        changed: 0,
        previousVersion: SETUP_VERSION,
      });
    });
  });
});
