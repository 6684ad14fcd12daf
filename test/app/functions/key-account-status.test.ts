import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main as cardDataMain } from '../../../src/app/functions/card_data.ts';
import { main as tagKeyAccountMain } from '../../../src/app/functions/tag_key_account.ts';
import { main as untagKeyAccountMain } from '../../../src/app/functions/untag_key_account.ts';
import { main as saveAccountPlanMain } from '../../../src/app/functions/save_account_plan.ts';
import { COMPANY_PROPERTY } from '../../../src/crm/model/index.ts';
import {
  DAY,
  NOW,
  anOwner,
  companyTasks,
  configureAccess,
  loadAccount,
  startSandboxPortal,
  timelineNotes,
  type SandboxPortal,
} from './account-portal.ts';
import { onTestClock, testClock } from '../../clock.ts';

const cardData = onTestClock(cardDataMain);
const tagKeyAccount = onTestClock(tagKeyAccountMain);
const untagKeyAccount = onTestClock(untagKeyAccountMain);
const saveAccountPlan = onTestClock(saveAccountPlanMain);

const admin = anOwner({ firstName: 'Ada', lastName: 'Admin' });
const manager = anOwner({
  firstName: 'Max',
  lastName: 'Manager',
  teams: [{ id: '77', name: 'Key accounts', primary: true }],
});
const salesperson = anOwner({ firstName: 'Sal', lastName: 'Seller' });

const bigClient = {
  [COMPANY_PROPERTY.prestige]: '9',
  [COMPANY_PROPERTY.strategicFit]: '9',
  [COMPANY_PROPERTY.marginPercent]: '45',
  [COMPANY_PROPERTY.potentialRevenue]: '400000',
  [COMPANY_PROPERTY.referralCount]: '6',
};
const wonDeal = {
  amount: '300000',
  dealstage: 'closedwon',
  hs_is_closed_won: 'true',
  hs_is_closed: 'true',
  closedate: new Date(NOW - 20 * DAY).toISOString(),
};

describe('tag_key_account and untag_key_account', () => {
  let portal: SandboxPortal;
  let companyId: string;
  beforeAll(async () => {
    portal = await startSandboxPortal({}, { attempts: 3 });
    portal.useForFunctions();
  });
  afterAll(() => portal.close());
  beforeEach(async () => {
    testClock.set(NOW);
    ({ companyId } = await loadAccount(portal, {
      owners: [admin, manager, salesperson],
      company: bigClient,
      deals: [wonDeal],
    }));
    await configureAccess(admin, { managerTeamIds: ['77'] });
    await portal.control.clearFaults();
  });

  it('tags a key account with who, when and why, syncs HubSpot target account and ICP tier, and notes it on the timeline', async () => {
    const answer = await tagKeyAccount({
      parameters: {
        companyId,
        userId: manager.userId,
        expectedStatus: 'none',
        reason: 'Biggest client <b>in</b> the region',
      },
    });

    expect(answer).toMatchObject({
      status: 'ok',
      companyId,
      keyAccountStatus: 'key',
      previousStatus: 'none',
      isTargetAccount: true,
      changedBy: { userId: manager.userId, name: 'Max Manager' },
      reason: 'Biggest client <b>in</b> the region',
    });
    const card = await cardData({ parameters: { companyId, userId: manager.userId } });
    expect(card.status === 'ok' && card.keyAccount).toMatchObject({
      status: 'key',
      isTargetAccount: true,
      tier: 'tier_1',
      reason: 'Biggest client <b>in</b> the region',
      changedBy: { name: 'Max Manager' },
    });
    const notes = await timelineNotes(portal, companyId);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain('Key account status: Not a key account → Key account');
    expect(notes[0]!.body).toContain('Biggest client &lt;b&gt;in&lt;/b&gt; the region');
    expect(notes[0]!.body).toContain(`Max Manager (HubSpot user ${manager.userId})`);
    expect(notes[0]!.ownerId).toBe(manager.id);
  });

  it('untags a key account as a former one and clears the target-account flag', async () => {
    await tagKeyAccount({
      parameters: { companyId, userId: manager.userId, expectedStatus: 'none', reason: 'Strategic' },
    });

    const answer = await untagKeyAccount({
      parameters: { companyId, userId: manager.userId, expectedStatus: 'key', reason: 'Moved work in-house' },
    });

    expect(answer).toMatchObject({
      status: 'ok',
      keyAccountStatus: 'former',
      previousStatus: 'key',
      isTargetAccount: false,
    });
    const company = await portal.client.crm.companies.basicApi.getById(companyId, [
      COMPANY_PROPERTY.status,
      'hs_is_target_account',
      COMPANY_PROPERTY.statusReason,
    ]);
    expect(company.properties).toMatchObject({
      [COMPANY_PROPERTY.status]: 'former',
      hs_is_target_account: 'false',
      [COMPANY_PROPERTY.statusReason]: 'Moved work in-house',
    });
    expect((await timelineNotes(portal, companyId)).map((n) => n.body)).toEqual([
      expect.stringContaining('Not a key account → Key account'),
      expect.stringContaining('Key account → Former key account'),
    ]);
  });

  it("archives the plan's open review-due task when the account leaves key status, and leaves the objectives' tasks", async () => {
    await tagKeyAccount({
      parameters: { companyId, userId: manager.userId, expectedStatus: 'none', reason: 'Strategic' },
    });
    const plan = {
      businessObjective: 'Grow',
      team: { accountManager: manager.id },
      objectives: [
        {
          title: 'Win the audit tender',
          measure: 'Signed contract',
          ownerId: manager.id,
          dueAt: NOW + 60 * DAY,
          status: 'open' as const,
        },
      ],
      quarterlyTargets: { fiscalYear: 2026, rows: [] },
    };
    expect(
      await saveAccountPlan({ parameters: { companyId, userId: manager.userId, baseRevision: 0, plan } }),
    ).toMatchObject({ status: 'ok', tasks: { synced: true } });
    expect((await companyTasks(portal, companyId)).map((t) => t.subject)).toEqual([
      'Win the audit tender',
      'Key account review due: Acme Ltd',
    ]);

    const answer = await untagKeyAccount({
      parameters: { companyId, userId: manager.userId, expectedStatus: 'key', reason: 'Moved work in-house' },
    });

    expect(answer).toMatchObject({ status: 'ok', keyAccountStatus: 'former', tasks: { synced: true, message: null } });
    expect((await companyTasks(portal, companyId)).map((t) => [t.subject, t.status])).toEqual([
      ['Win the audit tender', 'NOT_STARTED'],
    ]);
  });

  describe("the plan's review-due task, for an account made key again", () => {
    const plan = {
      businessObjective: 'Grow',
      team: { accountManager: salesperson.id },
      objectives: [],
      quarterlyTargets: { fiscalYear: 2026, rows: [] },
    };
    const reviewTasks = async () =>
      (await companyTasks(portal, companyId)).filter((t) => t.subject === 'Key account review due: Acme Ltd');
    const storedNextReview = async () =>
      Date.parse(
        (await portal.client.crm.companies.basicApi.getById(companyId, [COMPANY_PROPERTY.nextReviewDue])).properties[
          COMPANY_PROPERTY.nextReviewDue
        ] ?? '',
      );
    const ways = [
      {
        status: 'former',
        leave: () =>
          untagKeyAccount({
            parameters: { companyId, userId: manager.userId, expectedStatus: 'key', reason: 'Moved work in-house' },
          }),
      },
      {
        status: 'candidate',
        leave: () =>
          tagKeyAccount({
            parameters: {
              companyId,
              userId: manager.userId,
              status: 'candidate',
              expectedStatus: 'key',
              reason: 'Weighing its future',
            },
          }),
      },
    ] as const;

    /** A key account with a saved plan, then out of key status: its review-due task as the plan's save made it. */
    async function outOfKeyStatus(leave: () => Promise<unknown>) {
      await tagKeyAccount({ parameters: { companyId, userId: manager.userId, expectedStatus: 'none', reason: 'Key' } });
      expect(
        await saveAccountPlan({ parameters: { companyId, userId: manager.userId, baseRevision: 0, plan } }),
      ).toMatchObject({ status: 'ok', tasks: { synced: true } });
      const [made] = await reviewTasks();
      testClock.set(NOW + 10 * DAY);
      expect(await leave()).toMatchObject({ status: 'ok', tasks: { synced: true } });
      expect(await reviewTasks()).toEqual([]);
      testClock.set(NOW + 20 * DAY);
      return made!;
    }

    it.each(ways)(
      'brings it back at once when the account, now $status, is tagged key, as the plan saved it, and once however often',
      async ({ status, leave }) => {
        const made = await outOfKeyStatus(leave);
        const parameters = { companyId, userId: manager.userId, expectedStatus: status, reason: 'Won them back' };

        expect(await tagKeyAccount({ parameters })).toMatchObject({
          status: 'ok',
          keyAccountStatus: 'key',
          tasks: { synced: true, message: null },
        });

        // In the account manager's queue, due on the next review date the company kept, saying what the plan's save said.
        const [back, ...others] = await reviewTasks();
        expect(others).toEqual([]);
        expect(back).toEqual({ ...made, id: back!.id, status: 'NOT_STARTED' });
        expect(back!.ownerId).toBe(salesperson.id);
        expect(back!.dueAt).toBe(await storedNextReview());

        // The same change pressed again, another reason for the status it already has, then the plan's next save.
        expect(await tagKeyAccount({ parameters })).toMatchObject({ status: 'ok', tasks: { synced: true } });
        expect(await tagKeyAccount({ parameters: { ...parameters, reason: 'Won them back again' } })).toMatchObject({
          status: 'error',
          code: 'KAM.STATUS_UNCHANGED',
        });
        expect(
          await saveAccountPlan({ parameters: { companyId, userId: manager.userId, baseRevision: 1, plan } }),
        ).toMatchObject({ status: 'ok', tasks: { synced: true } });
        expect((await reviewTasks()).map((t) => [t.id, t.status])).toEqual([[back!.id, 'NOT_STARTED']]);
      },
    );

    it('keeps the account key when HubSpot refuses the task, says so, and pressing the change again brings it back', async () => {
      await outOfKeyStatus(ways[0].leave);
      const parameters = { companyId, userId: manager.userId, expectedStatus: 'former' as const, reason: 'Won back' };
      await portal.control.injectFault({ kind: 'serverError', status: 503, path: '/crm/v3/objects/tasks/batch/*' });

      expect(await tagKeyAccount({ parameters })).toMatchObject({
        status: 'ok',
        keyAccountStatus: 'key',
        previousStatus: 'former',
        tasks: { synced: false, message: expect.stringContaining('could not be brought up to date') as unknown },
      });
      await portal.control.clearFaults();
      const company = await portal.client.crm.companies.basicApi.getById(companyId, [COMPANY_PROPERTY.status]);
      expect(company.properties[COMPANY_PROPERTY.status]).toBe('key');
      expect(await reviewTasks()).toEqual([]);

      expect(await tagKeyAccount({ parameters })).toMatchObject({ status: 'ok', tasks: { synced: true } });
      expect((await reviewTasks()).map((t) => [t.status, t.ownerId])).toEqual([['NOT_STARTED', salesperson.id]]);
      expect((await timelineNotes(portal, companyId)).map((n) => n.body)).toEqual([
        expect.stringContaining('Not a key account → Key account'),
        expect.stringContaining('Key account → Former key account'),
        expect.stringContaining('Former key account → Key account'),
      ]);
    });
  });

  it('untags an account without a plan with nothing to archive', async () => {
    await tagKeyAccount({
      parameters: { companyId, userId: manager.userId, expectedStatus: 'none', reason: 'Strategic' },
    });
    expect(
      await untagKeyAccount({
        parameters: { companyId, userId: manager.userId, expectedStatus: 'key', reason: 'Moved work in-house' },
      }),
    ).toMatchObject({ status: 'ok', tasks: { synced: true, message: null } });
    expect(await companyTasks(portal, companyId)).toEqual([]);
  });

  it('refuses someone who is not a manager, and writes nothing', async () => {
    await portal.control.resetStats();
    const answer = await tagKeyAccount({
      parameters: { companyId, userId: salesperson.userId, expectedStatus: 'none', reason: 'I think so' },
    });
    expect(answer).toMatchObject({ status: 'error', code: 'KAM.NOT_A_MANAGER' });
    expect(await portal.writes()).toEqual([]);
  });

  it('rejects a missing or hostile reason and a status tagging cannot set, and writes nothing', async () => {
    await portal.control.resetStats();
    const noReason = await tagKeyAccount({
      parameters: { companyId, userId: manager.userId, expectedStatus: 'none', reason: '  ' },
    });
    const control = await tagKeyAccount({
      parameters: { companyId, userId: manager.userId, expectedStatus: 'none', reason: 'ok\u0000then' },
    });
    const wrongStatus = await tagKeyAccount({
      parameters: { companyId, userId: manager.userId, expectedStatus: 'none', reason: 'Because', status: 'former' },
    });
    const huge = await tagKeyAccount({
      parameters: { companyId, userId: manager.userId, expectedStatus: 'none', reason: 'x'.repeat(501) },
    });

    for (const answer of [noReason, control, wrongStatus, huge])
      expect(answer).toMatchObject({ status: 'error', code: 'KAM.INVALID_PARAMETERS' });
    expect(noReason.status === 'error' && noReason.issues?.map((i) => i.path)).toEqual(['reason']);
    expect(wrongStatus.status === 'error' && wrongStatus.issues?.map((i) => i.path)).toEqual(['status']);
    expect((await portal.control.stats()).total).toBe(0);
  });

  it('says so when the account already has the status, without a second note', async () => {
    await tagKeyAccount({
      parameters: { companyId, userId: manager.userId, expectedStatus: 'none', reason: 'Strategic' },
    });
    const again = await tagKeyAccount({
      parameters: { companyId, userId: manager.userId, expectedStatus: 'none', reason: 'Strategic again' },
    });
    expect(again).toMatchObject({ status: 'error', code: 'KAM.STATUS_UNCHANGED' });
    expect(await timelineNotes(portal, companyId)).toHaveLength(1);
  });

  it('refuses a change from a status the account no longer has, naming who changed it and when, and writes nothing', async () => {
    // 23:30 UTC on a summer evening is already the next day in London, the portal's time zone.
    testClock.set(Date.UTC(2027, 6, 14, 23, 30));
    await tagKeyAccount({
      parameters: { companyId, userId: manager.userId, expectedStatus: 'none', reason: 'Strategic' },
    });
    await portal.control.resetStats();

    // A second card, loaded before the tag, still shows "Not a key account".
    const stale = await tagKeyAccount({
      parameters: { companyId, userId: manager.userId, status: 'candidate', expectedStatus: 'none', reason: 'Maybe' },
    });

    expect(stale).toMatchObject({ status: 'error', code: 'KAM.STATUS_CHANGED' });
    const message = stale.status === 'error' ? stale.message : '';
    // When, as the portal's people read the time: not a UTC timestamp.
    expect(message).toContain('changed by Max Manager on 15 Jul 2027 at 00:30 BST;');
    expect(message).toContain('reload');
    expect(await portal.writes()).toEqual([]);
    expect(await timelineNotes(portal, companyId)).toHaveLength(1);
  });

  it('answers ok to at most one of two changes made at the same moment from the same status', async () => {
    // Both updates are held back, so both pass the check before writing: only the history after tells them apart.
    await portal.control.injectFault({
      kind: 'latency',
      ms: 150,
      path: '/crm/v3/objects/companies/*',
      method: 'PATCH',
    });
    const answers = await Promise.all([
      tagKeyAccount({ parameters: { companyId, userId: manager.userId, expectedStatus: 'none', reason: 'Tag it' } }),
      tagKeyAccount({
        parameters: { companyId, userId: admin.userId, status: 'candidate', expectedStatus: 'none', reason: 'Maybe' },
      }),
    ]);

    expect(answers.filter((a) => a.status === 'ok').length).toBeLessThanOrEqual(1);
    for (const answer of answers.filter((a) => a.status === 'error'))
      expect(answer).toMatchObject({ code: 'KAM.STATUS_CHANGED' });
  });

  it('answers ok to at most one of two changes racing without delays', async () => {
    const answers = await Promise.all([
      tagKeyAccount({ parameters: { companyId, userId: manager.userId, expectedStatus: 'none', reason: 'Tag it' } }),
      tagKeyAccount({
        parameters: { companyId, userId: admin.userId, status: 'candidate', expectedStatus: 'none', reason: 'Maybe' },
      }),
    ]);

    expect(answers.filter((a) => a.status === 'ok').length).toBeLessThanOrEqual(1);
  });

  it('promotes a candidate to key account, and the card lists every change with who, when and why', async () => {
    const steps = [
      { call: tagKeyAccount, status: 'candidate', expectedStatus: 'none', reason: 'Growing fast', by: admin },
      { call: tagKeyAccount, status: 'key', expectedStatus: 'candidate', reason: 'Board sponsor won', by: manager },
      { call: untagKeyAccount, status: 'former', expectedStatus: 'key', reason: 'Moved work in-house', by: manager },
    ] as const;
    for (const [day, step] of steps.entries()) {
      testClock.set(NOW + day * DAY);
      const { call, by, ...change } = step;
      expect(await call({ parameters: { companyId, userId: by.userId, ...change } })).toMatchObject({
        status: 'ok',
        keyAccountStatus: change.status,
        previousStatus: change.expectedStatus,
      });
    }
    testClock.set(NOW);

    const card = await cardData({ parameters: { companyId, userId: manager.userId } });
    expect(card.status === 'ok' && card.keyAccount.history).toEqual([
      {
        status: 'former',
        previousStatus: 'key',
        at: NOW + 2 * DAY,
        changedBy: expect.objectContaining({ name: 'Max Manager' }) as unknown,
        reason: 'Moved work in-house',
      },
      {
        status: 'key',
        previousStatus: 'candidate',
        at: NOW + DAY,
        changedBy: expect.objectContaining({ name: 'Max Manager' }) as unknown,
        reason: 'Board sponsor won',
      },
      {
        status: 'candidate',
        previousStatus: 'none',
        at: NOW,
        changedBy: expect.objectContaining({ name: 'Ada Admin' }) as unknown,
        reason: 'Growing fast',
      },
    ]);
  });

  it('says who set the status and why as its history does, when a workflow changed it after Keystone', async () => {
    await tagKeyAccount({
      parameters: { companyId, userId: manager.userId, status: 'candidate', expectedStatus: 'none', reason: 'Growing' },
    });
    testClock.set(NOW + DAY);
    // A workflow writes the status alone: Keystone's reason, author and time of the change before stay.
    await portal.client.crm.companies.basicApi.update(companyId, { properties: { [COMPANY_PROPERTY.status]: 'key' } });
    testClock.set(NOW);

    const card = await cardData({ parameters: { companyId, userId: manager.userId } });
    if (card.status !== 'ok') throw new Error(card.message);
    const { history, ...header } = card.keyAccount;
    expect(history[0]).toEqual({
      status: 'key',
      previousStatus: 'candidate',
      at: NOW + DAY,
      changedBy: null,
      reason: null,
    });
    expect(header).toMatchObject({ status: 'key', changedAt: NOW + DAY, changedBy: null, reason: null });
  });

  it('refuses a change the programme does not make, naming the ones it does, and writes nothing', async () => {
    await portal.control.resetStats();
    const answer = await untagKeyAccount({
      parameters: { companyId, userId: manager.userId, status: 'former', expectedStatus: 'none', reason: 'Never was' },
    });
    expect(answer).toMatchObject({ status: 'error', code: 'KAM.STATUS_CHANGE_NOT_ALLOWED' });
    expect(answer.status === 'error' && answer.message).toBe(
      'A company that is "Not a key account" can become "Key account" or "Candidate", not "Former key account".',
    );
    expect(await portal.writes()).toEqual([]);
  });

  it("links the timeline note to the card's status history when the card names its portal", async () => {
    await tagKeyAccount({
      parameters: { companyId, userId: manager.userId, expectedStatus: 'none', reason: 'Strategic', portalId: 4242 },
    });
    const [note] = await timelineNotes(portal, companyId);
    expect(note!.body).toContain(
      `<a href="https://app.hubspot.com/contacts/4242/record/0-2/${companyId}">Every status change, with who and why: the Status history on the Key account tab of this company</a>`,
    );
  });

  it('takes a former key account out of the review cycle on the card, and back into it with the date the sidebar reads', async () => {
    await tagKeyAccount({ parameters: { companyId, userId: manager.userId, expectedStatus: 'none', reason: 'Key' } });
    const plan = {
      businessObjective: 'Grow',
      team: { accountManager: manager.id },
      objectives: [],
      quarterlyTargets: { fiscalYear: 2026, rows: [] },
    };
    await saveAccountPlan({ parameters: { companyId, userId: manager.userId, baseRevision: 0, plan } });
    // A year on, the monthly review is long overdue while the account is key.
    testClock.set(NOW + 365 * DAY);
    const overdue = await cardData({ parameters: { companyId, userId: manager.userId } });
    expect(overdue.status === 'ok' && overdue.reviews.status).toBe('overdue');

    await untagKeyAccount({
      parameters: { companyId, userId: manager.userId, expectedStatus: 'key', reason: 'Moved work in-house' },
    });

    const card = await cardData({ parameters: { companyId, userId: manager.userId } });
    expect(card.status === 'ok' && card.reviews).toMatchObject({
      status: 'not_scheduled',
      nextDueAt: null,
      triggered: [],
    });
    // The date stays on the company, where the sidebar ignores it while the account is not key.
    const stored = async () =>
      Date.parse(
        (await portal.client.crm.companies.basicApi.getById(companyId, [COMPANY_PROPERTY.nextReviewDue])).properties[
          COMPANY_PROPERTY.nextReviewDue
        ] ?? '',
      );
    const planned = await stored();
    expect(planned).toBeLessThan(NOW + 365 * DAY);

    // Made key again, the account is back in the cycle: the sidebar's date is the tab's.
    await tagKeyAccount({
      parameters: { companyId, userId: manager.userId, expectedStatus: 'former', reason: 'Won them back' },
    });
    const back = await cardData({ parameters: { companyId, userId: manager.userId } });
    testClock.set(NOW);
    expect(back.status === 'ok' && back.reviews).toMatchObject({ status: 'overdue', nextDueAt: planned });
  });

  it('answers KAM.COMPANY_NOT_FOUND for a company that does not exist', async () => {
    expect(
      await tagKeyAccount({
        parameters: { companyId: '99999999', userId: manager.userId, expectedStatus: 'none', reason: 'Strategic' },
      }),
    ).toMatchObject({ status: 'error', code: 'KAM.COMPANY_NOT_FOUND' });
  });

  it('answers the same change pressed again after its answer was lost as made, with one timeline note', async () => {
    const parameters = { companyId, userId: manager.userId, expectedStatus: 'none' as const, reason: 'Strategic' };
    // The update is applied, then its answer is lost, and so is every look at whether it was.
    // (Each of the client's three sends is applied and answered 502.)
    await portal.control.injectFault({
      kind: 'lostAnswer',
      mode: 'badGateway',
      method: 'PATCH',
      path: '/crm/v3/objects/companies/*',
      times: 3,
    });
    const first = tagKeyAccount({ parameters });
    while ((await portal.control.faults()).some((f) => f.kind === 'lostAnswer' && f.fired === 0))
      await new Promise((resolve) => setTimeout(resolve, 10));
    // Every look at whether it landed fails too: three reads, each sent three times by the client.
    await portal.control.injectFault({
      kind: 'serverError',
      status: 500,
      method: 'GET',
      path: '/crm/v3/objects/companies/*',
      times: 9,
    });
    expect(await first).toMatchObject({ status: 'error', code: 'KAM.HUBSPOT_UNAVAILABLE' });
    await portal.control.clearFaults();

    expect(await tagKeyAccount({ parameters })).toMatchObject({
      status: 'ok',
      keyAccountStatus: 'key',
      previousStatus: 'none',
    });
    const notes = (await timelineNotes(portal, companyId)).filter((n) => n.body.includes('Key account status'));
    expect(notes).toHaveLength(1);
    // Pressed once more: still the same change, and still one note.
    expect(await tagKeyAccount({ parameters })).toMatchObject({ status: 'ok', keyAccountStatus: 'key' });
    expect((await timelineNotes(portal, companyId)).filter((n) => n.body.includes('Key account status'))).toHaveLength(
      1,
    );
  });

  it('withdraws a note put on the timeline whose answer was lost, so the change pressed again leaves one note', async () => {
    const parameters = { companyId, userId: manager.userId, expectedStatus: 'none' as const, reason: 'Strategic' };
    // The note is put on the company timeline, but the answer is lost: the connection drops.
    await portal.control.injectFault({
      kind: 'lostAnswer',
      mode: 'drop',
      method: 'PUT',
      path: '/crm/v4/objects/notes/*/associations/default/companies/*',
      times: 1,
    });
    expect(await tagKeyAccount({ parameters })).toMatchObject({ status: 'error', code: 'KAM.HUBSPOT_UNAVAILABLE' });
    expect(await timelineNotes(portal, companyId)).toEqual([]);

    expect(await tagKeyAccount({ parameters })).toMatchObject({ status: 'ok', keyAccountStatus: 'key' });
    expect((await timelineNotes(portal, companyId)).filter((n) => n.body.includes('Key account status'))).toHaveLength(
      1,
    );
  });

  it('keeps the note of a change whose answer was lost when another change landed on top of it before it was looked up', async () => {
    // The update is made and its answer lost; every read of the company waits, so the other change lands first.
    await portal.control.injectFault({
      kind: 'lostAnswer',
      mode: 'drop',
      method: 'PATCH',
      path: '/crm/v3/objects/companies/*',
      times: 1,
    });
    await portal.control.injectFault({ kind: 'latency', ms: 400, method: 'GET', path: '/crm/v3/objects/companies/*' });
    const tagging = tagKeyAccount({
      parameters: { companyId, userId: manager.userId, expectedStatus: 'none', reason: 'Strategic' },
    });
    while ((await portal.control.faults()).some((f) => f.kind === 'lostAnswer' && f.fired === 0))
      await new Promise((resolve) => setTimeout(resolve, 10));
    await portal.client.crm.companies.basicApi.update(companyId, {
      properties: {
        [COMPANY_PROPERTY.status]: 'none',
        [COMPANY_PROPERTY.statusReason]: 'Not yet',
        [COMPANY_PROPERTY.statusChangedBy]: String(admin.userId),
      },
    });

    // The change was made, and first: it is answered as made (of two changes at once, the later one is the
    // one told), and its note stays with it on the timeline.
    expect(await tagging).toMatchObject({ status: 'ok', keyAccountStatus: 'key', previousStatus: 'none' });
    await portal.control.clearFaults();
    expect((await timelineNotes(portal, companyId)).filter((n) => n.body.includes('Key account status'))).toHaveLength(
      1,
    );
  });

  it("does not take another manager's change at the same moment for its own when its update got no answer and was not made", async () => {
    // The update is lost before HubSpot takes it; every read of the company waits, so the other change lands first.
    await portal.control.injectFault({ kind: 'drop', method: 'PATCH', path: '/crm/v3/objects/companies/*', times: 1 });
    await portal.control.injectFault({ kind: 'latency', ms: 400, method: 'GET', path: '/crm/v3/objects/companies/*' });
    const tagging = tagKeyAccount({
      parameters: { companyId, userId: manager.userId, expectedStatus: 'none', reason: 'Strategic' },
    });
    while ((await portal.control.faults()).some((f) => f.kind === 'drop' && f.fired === 0))
      await new Promise((resolve) => setTimeout(resolve, 10));
    await portal.client.crm.companies.basicApi.update(companyId, {
      properties: {
        [COMPANY_PROPERTY.status]: 'candidate',
        [COMPANY_PROPERTY.statusReason]: 'Maybe',
        [COMPANY_PROPERTY.statusChangedBy]: String(admin.userId),
        [COMPANY_PROPERTY.statusChangedAt]: new Date(testClock.now()).toISOString(),
      },
    });

    expect(await tagging).toMatchObject({ status: 'error', code: 'KAM.HUBSPOT_UNAVAILABLE' });
    await portal.control.clearFaults();
    expect(await timelineNotes(portal, companyId)).toEqual([]);
  });

  it('retries HubSpot rate limits and server errors', async () => {
    await portal.control.injectFault({
      kind: 'rateLimit',
      policyName: 'SECONDLY',
      path: '/crm/v3/objects/companies/*',
      method: 'PATCH',
      times: 1,
    });
    // 503: HubSpot did not take the create, so sending it again makes no second note.
    await portal.control.injectFault({
      kind: 'serverError',
      status: 503,
      path: '/crm/v3/objects/notes',
      method: 'POST',
      times: 1,
    });
    await portal.control.resetStats();

    const answer = await tagKeyAccount({
      parameters: { companyId, userId: manager.userId, expectedStatus: 'none', reason: 'Strategic' },
    });

    expect(answer).toMatchObject({ status: 'ok', isTargetAccount: true });
    expect(await timelineNotes(portal, companyId)).toHaveLength(1);
    // Each refused request was sent again, once.
    const { byRoute } = await portal.control.stats();
    expect([byRoute['PATCH /crm/v3/objects/companies/:id'], byRoute['POST /crm/v3/objects/notes']]).toEqual([2, 2]);
  });

  it('withdraws the note when HubSpot keeps refusing the status update, so the timeline shows no change that did not happen', async () => {
    await portal.control.injectFault({
      kind: 'serverError',
      status: 503,
      path: '/crm/v3/objects/companies/*',
      method: 'PATCH',
    });

    const answer = await tagKeyAccount({
      parameters: { companyId, userId: manager.userId, expectedStatus: 'none', reason: 'Strategic' },
    });

    expect(answer).toMatchObject({ status: 'error', code: 'KAM.HUBSPOT_UNAVAILABLE' });
    await portal.control.clearFaults();
    expect(await timelineNotes(portal, companyId)).toEqual([]);
    const company = await portal.client.crm.companies.basicApi.getById(companyId, [COMPANY_PROPERTY.status]);
    expect(company.properties[COMPANY_PROPERTY.status] ?? null).toBeNull();
  });
});
