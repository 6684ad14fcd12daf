import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main as cardDataMain } from '../../../src/app/functions/card_data.ts';
import { main as saveAccountPlanMain } from '../../../src/app/functions/save_account_plan.ts';
import type { CardData, PlanInput, SaveAccountPlanParameters } from '../../../src/contracts/index.ts';
import { COMPANY_PROPERTY, CONTACT_PROPERTY, KEY_ACCOUNT_PLAN, PORTAL_SETTINGS } from '../../../src/crm/model/index.ts';
import { ObjectTypeResolver } from '../../../src/crm/object-types.ts';
import { writeSettingsRecord } from '../../../src/crm/settings-record.ts';
import {
  DAY,
  NOW,
  anOwner,
  companyTasks,
  configureAccess,
  loadAccount,
  startSandboxPortal,
  type SandboxPortal,
} from './account-portal.ts';
import { onTestClock } from '../../clock.ts';
import { meetingMonths } from '../../../src/kam/objectives/index.ts';
import { toHubSpotDateTime } from '../../../src/crm/records.ts';

const cardData = onTestClock(cardDataMain);
const saveAccountPlan = onTestClock(saveAccountPlanMain);

const admin = anOwner({ firstName: 'Ada', lastName: 'Admin' });
const manager = anOwner({
  firstName: 'Max',
  lastName: 'Manager',
  teams: [{ id: '77', name: 'Key accounts', primary: true }],
});
const partner = anOwner({
  firstName: 'Pat',
  lastName: 'Partner',
  teams: [{ id: '77', name: 'Key accounts', primary: true }],
});
const salesperson = anOwner({ firstName: 'Sal', lastName: 'Seller' });

const fiscalYear = new Date(NOW).getUTCFullYear();

/** A plan as the card's editor sends it, with overrides. */
function aPlan(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    businessObjective: 'Become their main adviser on supply-chain risk',
    team: { relationshipPartner: partner.id, accountManager: manager.id, researcher: null },
    objectives: [
      { title: 'Meet the new COO', measure: 'Meeting held', ownerId: partner.id, dueAt: NOW + 30 * DAY },
      {
        title: 'Win the logistics review',
        measure: 'Signed engagement letter',
        ownerId: manager.id,
        dueAt: NOW - 10 * DAY,
      },
    ],
    quarterlyTargets: {
      fiscalYear,
      rows: [
        {
          metric: 'friends_and_allies',
          label: 'Friends and allies',
          unit: 'count',
          targets: { Q1: 2, Q2: 8, Q3: 12, Q4: 15 },
        },
        { metric: 'meetings', label: 'Meetings per quarter', unit: 'count', targets: { Q1: 2, Q2: 3, Q3: 3, Q4: 3 } },
        {
          metric: 'custom_services',
          label: 'New services used',
          unit: 'count',
          targets: { Q1: 0, Q2: 1, Q3: 3, Q4: 4 },
          actuals: { Q1: 0 },
        },
      ],
    },
    ...overrides,
  };
}

describe('save_account_plan', () => {
  let portal: SandboxPortal;
  let companyId: string;
  const save = (parameters: Partial<SaveAccountPlanParameters> = {}) =>
    saveAccountPlan({
      parameters: { companyId, userId: manager.userId, baseRevision: 0, plan: aPlan(), ...parameters },
    });
  const readPlan = async (): Promise<CardData['plan']> => {
    const answer = await cardData({ parameters: { companyId, userId: manager.userId } });
    if (answer.status !== 'ok') throw new Error(answer.message);
    return answer.plan;
  };

  beforeAll(async () => {
    portal = await startSandboxPortal({}, { attempts: 3 });
    portal.useForFunctions();
  });
  afterAll(() => portal.close());
  beforeEach(async () => {
    ({ companyId } = await loadAccount(portal, {
      owners: [admin, manager, partner, salesperson],
      // A key account: its plan's review-due task follows the review cycle, which only key accounts are in.
      // A recalculation a day ago counted the meeting three days ago.
      company: {
        [COMPANY_PROPERTY.status]: 'key',
        [COMPANY_PROPERTY.meetingsByMonth]: JSON.stringify(meetingMonths([NOW - 3 * DAY], NOW - DAY)),
        [COMPANY_PROPERTY.scoredAt]: toHubSpotDateTime(NOW - DAY),
      },
      contacts: [
        { id: '701', firstname: 'Ann', properties: { [CONTACT_PROPERTY.stance]: 'ally' } },
        // A protester until yesterday.
        {
          id: '702',
          firstname: 'Ben',
          properties: { [CONTACT_PROPERTY.stance]: 'supporter' },
          stanceHistory: [['protester', 300]],
        },
      ],
      activities: [{ type: 'meetings', ownerId: manager.id, contactIds: ['701'], daysAgo: 3 }],
    }));
    await configureAccess(admin, { managerTeamIds: ['77'] });
    await portal.control.clearFaults();
  });

  it('saves the whole plan and card_data shows it, with the team by name, the objectives with their due dates and derived actuals', async () => {
    const answer = await save();

    expect(answer).toMatchObject({ status: 'ok', revision: 1, savedBy: { name: 'Max Manager' }, objectiveCount: 2 });
    const plan = await readPlan();
    expect(plan).toMatchObject({
      revision: 1,
      businessObjective: 'Become their main adviser on supply-chain risk',
      savedBy: { name: 'Max Manager' },
      team: { relationshipPartner: { name: 'Pat Partner' }, accountManager: { name: 'Max Manager' }, researcher: null },
    });
    expect(plan.objectives.map((o) => [o.title, o.owner?.name, o.status, o.dueAt !== null && o.dueAt < NOW])).toEqual([
      ['Meet the new COO', 'Pat Partner', 'open', false],
      ['Win the logistics review', 'Max Manager', 'open', true],
    ]);
    const rows = Object.fromEntries(plan.quarterlyTargets.rows.map((r) => [r.metric, r]));
    const currentQuarter = (['Q1', 'Q2', 'Q3', 'Q4'] as const).find(
      (q, i, all) =>
        plan.quarterlyTargets.quarterStarts[q] <= NOW &&
        (i === 3 || plan.quarterlyTargets.quarterStarts[all[i + 1]!] > NOW),
    )!;
    expect(rows.friends_and_allies).toMatchObject({ derived: true, measure: 'level', targets: { Q4: 15 } });
    expect(rows.friends_and_allies!.actuals[currentQuarter]).toBe(2);
    // The quarter before (NOW is in Q4), counted at its end from the stance history: Ben was still a protester.
    expect(currentQuarter).toBe('Q4');
    expect(rows.friends_and_allies!.actuals.Q3).toBe(1);
    expect(rows.meetings).toMatchObject({ derived: true, measure: 'per_quarter' });
    expect(rows.meetings!.actuals[currentQuarter]).toBe(1);
    expect(plan.quarterlyTargets.meetingsCountedAt).toBe(NOW - DAY);
    expect(rows.custom_services).toMatchObject({ derived: false, actuals: { Q1: 0, Q2: null } });
  });

  it("prices currency targets in the portal's currency the settings record holds, with no call to HubSpot's account details", async () => {
    // HubSpot's account details say GBP; the settings record (as setup or a settings save left it) says EUR.
    const objectTypes = new ObjectTypeResolver(portal.client);
    await writeSettingsRecord(portal.client, await objectTypes.objectTypeId('settings'), {
      [PORTAL_SETTINGS.property.portalCurrency]: 'EUR',
    });
    await portal.control.resetStats();

    const income = {
      metric: 'income_increase',
      label: 'Increase in income',
      unit: 'currency' as const,
      targets: { Q1: 10_000, Q2: 20_000, Q3: 30_000, Q4: 40_000 },
    };
    expect(await save({ plan: aPlan({ quarterlyTargets: { fiscalYear, rows: [income] } }) })).toMatchObject({
      status: 'ok',
      revision: 1,
    });

    expect((await portal.control.stats()).byRoute['GET /account-info/v3/details']).toBeUndefined();
    const plans = await portal.client.crm.objects.basicApi.getPage(
      await objectTypes.objectTypeId('plan'),
      100,
      undefined,
      [KEY_ACCOUNT_PLAN.property.quarterlyTargets, KEY_ACCOUNT_PLAN.property.companyId],
    );
    const saved = plans.results.find((p) => p.properties[KEY_ACCOUNT_PLAN.property.companyId] === companyId)!;
    expect(saved.properties[KEY_ACCOUNT_PLAN.property.quarterlyTargets]).toContain('"currency":"EUR"');
  });

  it('keeps objectives by key across saves and replaces the rest', async () => {
    await save();
    const first = await readPlan();
    const kept = first.objectives[0]!;

    const answer = await save({
      baseRevision: 1,
      plan: aPlan({
        objectives: [
          {
            objectiveKey: kept.objectiveKey,
            title: kept.title,
            measure: kept.measure,
            ownerId: partner.id,
            dueAt: kept.dueAt,
            status: 'achieved',
          },
        ],
      }),
    });

    expect(answer).toMatchObject({ status: 'ok', revision: 2, objectiveCount: 1 });
    const second = await readPlan();
    expect(second.objectives).toEqual([
      expect.objectContaining({ objectiveKey: kept.objectiveKey, status: 'achieved', achievedAt: expect.any(Number) }),
    ]);
  });

  it('refuses a save started from an older revision: someone else saved in between', async () => {
    await save();
    const stale = await save({ plan: aPlan({ businessObjective: 'Something else' }) });
    expect(stale).toMatchObject({
      status: 'error',
      code: 'KAM.PLAN_CHANGED_ELSEWHERE',
      message: expect.stringContaining('Someone else saved this plan'),
    });
    expect((await readPlan()).businessObjective).toBe('Become their main adviser on supply-chain risk');
  });

  it('lets only one of two managers saving at the same moment win; the other is told, not overwritten', async () => {
    for (const baseRevision of [0, 1]) {
      const answers = await Promise.all([
        save({ baseRevision, plan: aPlan({ businessObjective: `Max's plan ${baseRevision}` }) }),
        saveAccountPlan({
          parameters: {
            companyId,
            userId: partner.userId,
            baseRevision,
            plan: aPlan({ businessObjective: `Pat's plan ${baseRevision}` }),
          },
        }),
      ]);
      const winners = answers.filter((a) => a.status === 'ok');
      expect(winners).toHaveLength(1);
      expect(answers.filter((a) => a.status === 'error')).toEqual([
        expect.objectContaining({ code: 'KAM.PLAN_CHANGED_ELSEWHERE' }),
      ]);
      const plan = await readPlan();
      expect(plan.revision).toBe(baseRevision + 1);
      expect(plan.businessObjective).toBe(
        answers[0]!.status === 'ok' ? `Max's plan ${baseRevision}` : `Pat's plan ${baseRevision}`,
      );
      expect(plan.objectives).toHaveLength(2);
    }
  });

  it('leaves the previous plan whole when HubSpot fails in the middle of a save, and the next save goes through', async () => {
    await save();
    const before = await readPlan();
    // Every update of the plan record (the commit) fails, after the new objective rows were written.
    await portal.control.injectFault({
      kind: 'serverError',
      status: 500,
      method: 'PATCH',
      path: '/crm/v3/objects/2-*',
    });

    const failed = await save({
      baseRevision: 1,
      plan: aPlan({
        businessObjective: 'Half a plan',
        objectives: [{ title: 'Only one', measure: '', ownerId: manager.id, dueAt: NOW }],
      }),
    });

    expect(failed).toMatchObject({ status: 'error', code: 'KAM.HUBSPOT_UNAVAILABLE' });
    await portal.control.clearFaults();
    const after = await readPlan();
    expect(after).toEqual(before);
    expect(await save({ baseRevision: 1, plan: aPlan({ businessObjective: 'Whole plan' }) })).toMatchObject({
      status: 'ok',
      revision: 2,
    });
    expect((await readPlan()).objectives).toHaveLength(2);
  });

  describe('when HubSpot’s answer is lost', () => {
    const revisionClaims = async () =>
      `/crm/v3/objects/${await new ObjectTypeResolver(portal.client).objectTypeId('planRevision')}`;

    it('completes a save whose claim was made but answered 502, instead of calling its own claim someone else’s', async () => {
      await save({ actionId: 'press-first-save' });
      await portal.control.injectFault({
        kind: 'lostAnswer',
        mode: 'badGateway',
        method: 'POST',
        path: await revisionClaims(),
        times: 1,
      });

      expect(await save({ baseRevision: 1, actionId: 'press-second-save' })).toMatchObject({
        status: 'ok',
        revision: 2,
      });
      expect((await readPlan()).objectives).toHaveLength(2);
    });

    it('lets the user’s retry of the same press complete the save: no false conflict, no duplicate objectives or tasks', async () => {
      await save({ actionId: 'press-first-save' });
      // The claim is made, then the connection drops: the save fails, its claim left in HubSpot.
      await portal.control.injectFault({
        kind: 'lostAnswer',
        mode: 'drop',
        method: 'POST',
        path: await revisionClaims(),
        times: 1,
      });
      const plan = aPlan({ businessObjective: 'Saved on the second try' });
      const failed = await save({ baseRevision: 1, plan, actionId: 'press-second-try' });
      expect(failed).toMatchObject({ status: 'error', code: 'KAM.HUBSPOT_UNAVAILABLE' });
      expect(await save({ baseRevision: 1, plan, actionId: 'press-second-try' })).toMatchObject({
        status: 'ok',
        revision: 2,
        tasks: { synced: true },
      });
      // Pressed again after a lost answer on a save that went through: answered as saved, nothing made twice.
      expect(await save({ baseRevision: 1, plan, actionId: 'press-second-try' })).toMatchObject({
        status: 'ok',
        revision: 2,
      });
      const after = await readPlan();
      expect(after.businessObjective).toBe('Saved on the second try');
      expect(after.objectives).toHaveLength(2);
      const tasks = await portal.client.crm.associations.v4.basicApi.getPage('companies', companyId, 'tasks');
      // One task per open objective and one review-due task.
      expect(tasks.results).toHaveLength(3);
    });
  });

  it('refuses someone who is not a manager, and writes nothing', async () => {
    await portal.control.resetStats();
    expect(
      await saveAccountPlan({ parameters: { companyId, userId: salesperson.userId, baseRevision: 0, plan: aPlan() } }),
    ).toMatchObject({ status: 'error', code: 'KAM.NOT_A_MANAGER' });
    expect(await portal.writes()).toEqual([]);
  });

  it('rejects an incomplete or hostile plan with the path of each problem, and writes nothing', async () => {
    await portal.control.resetStats();
    const answer = await save({
      plan: aPlan({
        objectives: [
          { title: '', ownerId: null, dueAt: null },
          { title: 'Fine', ownerId: manager.id, dueAt: NOW, status: 'won' as never },
        ],
        quarterlyTargets: {
          fiscalYear,
          rows: [
            { metric: 'Meetings!', label: 'x', unit: 'count' },
            { metric: 'meetings', label: 'y'.repeat(81), unit: 'parsecs' as never },
          ],
        },
      }),
    });
    expect(answer).toMatchObject({ status: 'error', code: 'KAM.INVALID_PARAMETERS' });
    expect(answer.status === 'error' && answer.issues?.map((i) => i.path).sort()).toEqual([
      'plan.objectives.0.title',
      'plan.objectives.1.status',
      'plan.quarterlyTargets.rows.0.metric',
      'plan.quarterlyTargets.rows.1.label',
      'plan.quarterlyTargets.rows.1.unit',
    ]);
    expect((await portal.control.stats()).total).toBe(0);
  });

  it('asks for an owner and a due date on every objective (SMART), and writes nothing', async () => {
    await portal.control.resetStats();
    const answer = await save({ plan: aPlan({ objectives: [{ title: 'Someday', ownerId: null, dueAt: null }] }) });
    expect(answer).toMatchObject({ status: 'error', code: 'KAM.INVALID_PARAMETERS' });
    expect(answer.status === 'error' && answer.issues).toEqual([
      { path: 'plan.objectives.0.ownerId', message: 'pick who owns this objective' },
      { path: 'plan.objectives.0.dueAt', message: 'pick when this objective is due' },
    ]);
    expect((await portal.control.stats()).total).toBe(0);
  });

  it('refuses a due date outside the years 2000 to 2099 before writing anything', async () => {
    await portal.control.resetStats();
    const objective = { title: 'Far off', ownerId: manager.id, dueAt: Number.MAX_SAFE_INTEGER };
    const answer = await save({ plan: aPlan({ objectives: [objective] }) });
    expect(answer).toMatchObject({ status: 'error', code: 'KAM.INVALID_PARAMETERS' });
    expect(answer.status === 'error' && answer.issues).toEqual([
      { path: 'plan.objectives.0.dueAt', message: 'must be a date in the years 2000 to 2099' },
    ]);
    expect((await portal.control.stats()).total).toBe(0);
  });

  it('rejects a derived metric read in a way its CRM facts cannot fill, and writes nothing', async () => {
    await portal.control.resetStats();
    const answer = await save({
      plan: aPlan({
        quarterlyTargets: { fiscalYear, rows: [{ metric: 'meetings', label: 'Meetings', unit: 'currency' }] },
      }),
    });
    expect(answer).toMatchObject({
      status: 'error',
      code: 'KAM.INVALID_PARAMETERS',
      issues: [expect.objectContaining({ path: 'plan.quarterlyTargets.rows.0.unit' })],
    });
    expect(await portal.writes()).toEqual([]);
  });

  it('refuses 2.5 meetings saying a count is whole, naming the row and quarter in words, and writes nothing', async () => {
    await portal.control.resetStats();
    const meetings = {
      metric: 'meetings',
      label: 'Meetings per quarter',
      unit: 'count' as const,
      targets: { Q1: 2.5 },
    };
    const answer = await save({ plan: aPlan({ quarterlyTargets: { fiscalYear, rows: [meetings] } }) });
    expect(answer).toMatchObject({
      status: 'error',
      code: 'KAM.INVALID_PARAMETERS',
      message:
        'The quarterly targets cannot be saved: Meetings per quarter, Q1 target: a count is a whole number (not 2.5)',
      issues: [{ path: 'plan.quarterlyTargets.rows.0.targets.Q1', message: 'a count is a whole number (not 2.5)' }],
    });
    expect(await portal.writes()).toEqual([]);
  });

  it('refuses −4 meetings a quarter and more hours than a quarter holds, saying why in words, and writes nothing', async () => {
    await portal.control.resetStats();
    const meetings = { metric: 'meetings', label: 'Meetings per quarter', unit: 'count' as const, targets: { Q1: -4 } };
    const answer = await save({
      plan: {
        ...aPlan({ quarterlyTargets: { fiscalYear, rows: [meetings] } }),
        investment: { hours: { Q2: 100_000_000, Q3: -1 } },
      },
    });
    expect(answer).toMatchObject({ status: 'error', code: 'KAM.INVALID_PARAMETERS' });
    expect(answer.status === 'error' && answer.issues).toEqual([
      {
        path: 'plan.quarterlyTargets.rows.0.targets.Q1',
        message: 'a count cannot be negative (-4): only a change since the plan year began can be',
      },
      {
        path: 'plan.investment.hours.Q2',
        message: 'a quarter holds at most 2,208 hours (92 days of 24 hours), not 100,000,000',
      },
      { path: 'plan.investment.hours.Q3', message: 'hours spent cannot be negative (-1)' },
    ]);
    expect((await portal.control.stats()).total).toBe(0);
  });

  it('takes a count that falls where the row reads the change since the plan year began: three fewer enemies', async () => {
    const enemies = {
      metric: 'enemies_and_protesters',
      label: 'Enemies and protesters',
      unit: 'count' as const,
      targets: { Q1: -1, Q2: -3 },
    };
    expect(await save({ plan: aPlan({ quarterlyTargets: { fiscalYear, rows: [enemies] } }) })).toMatchObject({
      status: 'ok',
    });
    expect((await readPlan()).quarterlyTargets.rows[0]).toMatchObject({
      measure: 'change',
      targets: { Q1: -1, Q2: -3 },
    });
  });

  it('states the limits in words: figures at most a trillion either way, the objective at most 2,000 characters', async () => {
    await portal.control.resetStats();
    const answer = await save({
      plan: aPlan({
        businessObjective: 'x'.repeat(2_001),
        quarterlyTargets: {
          fiscalYear,
          rows: [{ metric: 'meetings', label: 'Meetings per quarter', unit: 'count', targets: { Q1: 1e20 } }],
        },
      }),
    });
    expect(answer.status === 'error' && answer.issues).toEqual([
      { path: 'plan.businessObjective', message: 'must be at most 2,000 characters' },
      { path: 'plan.quarterlyTargets.rows.0.targets.Q1', message: 'must be at most 1,000,000,000,000 either way' },
    ]);
    expect((await portal.control.stats()).total).toBe(0);
  });

  it('shows a plan saved without any spend as spending nothing, with no ratio', async () => {
    expect(await save({ plan: aPlan() })).toMatchObject({ status: 'ok' });
    expect((await readPlan()).investment.year).toEqual({
      hours: 0,
      money: 0,
      incomeGained: 0,
      incomePerMoneySpent: null,
    });
  });

  it('refuses team members and objective owners who are not active users, and writes nothing', async () => {
    await portal.control.resetStats();
    const answer = await save({ plan: aPlan({ team: { researcher: '123456789' } }) });
    expect(answer).toMatchObject({
      status: 'error',
      code: 'KAM.OWNER_NOT_FOUND',
      issues: [{ path: 'plan.team.researcher' }],
    });
    expect(await portal.writes()).toEqual([]);
  });
  describe('HubSpot tasks for the plan', () => {
    type ObjectiveInput = PlanInput['objectives'][number];
    /** The saved objectives as the editor sends them back (keys kept), with changes by title. */
    const objectivesAsSaved = async (
      changes: Record<string, Partial<ObjectiveInput>> = {},
    ): Promise<ObjectiveInput[]> =>
      (await readPlan()).objectives.map((o) => ({
        objectiveKey: o.objectiveKey,
        title: o.title,
        measure: o.measure,
        ownerId: o.owner?.ownerId ?? null,
        dueAt: o.dueAt,
        status: o.status,
        ...changes[o.title],
      }));
    const open = (tasks: Awaited<ReturnType<typeof companyTasks>>) => tasks.filter((t) => t.status !== 'COMPLETED');

    it("puts each open objective in its owner's task queue and the next review in the account manager's; saving again makes no second task", async () => {
      const answer = await save();

      expect(answer).toMatchObject({ status: 'ok', tasks: { synced: true, message: null } });
      const tasks = await companyTasks(portal, companyId);
      const card = await cardData({ parameters: { companyId, userId: manager.userId } });
      const nextReviewDueAt = card.status === 'ok' ? card.reviews.nextDueAt : null;
      expect(tasks.map((t) => [t.subject, t.ownerId, t.dueAt, t.status, t.type])).toEqual([
        ['Meet the new COO', partner.id, NOW + 30 * DAY, 'NOT_STARTED', 'TODO'],
        ['Win the logistics review', manager.id, NOW - 10 * DAY, 'NOT_STARTED', 'TODO'],
        ['Key account review due: Acme Ltd', manager.id, nextReviewDueAt, 'NOT_STARTED', 'TODO'],
      ]);
      expect(tasks[1]!.body).toContain('How we measure it: Signed engagement letter');

      expect(await save({ baseRevision: 1, plan: aPlan({ objectives: await objectivesAsSaved() }) })).toMatchObject({
        status: 'ok',
        revision: 2,
        tasks: { synced: true },
      });
      expect(await companyTasks(portal, companyId)).toEqual(tasks);
    });

    it('writes the tasks in batches, never one call per objective', async () => {
      const many = Array.from({ length: 40 }, (_, i) => ({
        title: `Objective ${i + 1}`,
        measure: '',
        ownerId: i % 2 ? partner.id : manager.id,
        dueAt: NOW + (i + 1) * DAY,
      }));
      await portal.control.resetStats();

      expect(await save({ plan: aPlan({ objectives: many }) })).toMatchObject({
        status: 'ok',
        tasks: { synced: true },
      });

      // Reads aside: a save that made the review-due task looks the account's open ones up once after.
      const taskCalls = Object.entries((await portal.control.stats()).byRoute).filter(
        ([route]) => route.includes('/tasks') && !route.includes('/read'),
      );
      expect(taskCalls).toEqual([['POST /crm/v3/objects/tasks/batch/create', 1]]);
      expect(await companyTasks(portal, companyId)).toHaveLength(41);
    });

    it('completes an achieved objective’s task, archives a dropped or removed one, and updates an edited one in place', async () => {
      const third = { title: 'Map the board', measure: 'Org chart', ownerId: partner.id, dueAt: NOW + 60 * DAY };
      await save({ plan: aPlan({ objectives: [...aPlan().objectives, third] }) });
      const before = Object.fromEntries((await companyTasks(portal, companyId)).map((t) => [t.subject, t]));

      const edited = await objectivesAsSaved({
        'Meet the new COO': { status: 'achieved' },
        'Win the logistics review': { title: 'Win the logistics tender', ownerId: partner.id, dueAt: NOW + 90 * DAY },
      });
      const answer = await save({
        baseRevision: 1,
        plan: aPlan({ objectives: edited.filter((o) => o.title !== 'Map the board') }),
      });

      expect(answer).toMatchObject({ status: 'ok', tasks: { synced: true } });
      const after = await companyTasks(portal, companyId);
      expect(after.map((t) => [t.id, t.subject, t.status])).toEqual([
        [before['Meet the new COO']!.id, 'Meet the new COO', 'COMPLETED'],
        [before['Win the logistics review']!.id, 'Win the logistics tender', 'NOT_STARTED'],
        [before['Key account review due: Acme Ltd']!.id, 'Key account review due: Acme Ltd', 'NOT_STARTED'],
      ]);
      expect(after[1]).toMatchObject({ ownerId: partner.id, dueAt: NOW + 90 * DAY });

      await save({
        baseRevision: 2,
        plan: aPlan({ objectives: await objectivesAsSaved({ 'Win the logistics tender': { status: 'dropped' } }) }),
      });
      expect((await companyTasks(portal, companyId)).map((t) => [t.subject, t.status])).toEqual([
        ['Meet the new COO', 'COMPLETED'],
        ['Key account review due: Acme Ltd', 'NOT_STARTED'],
      ]);
    });

    it('creates again a task someone deleted in HubSpot, and leaves one they started as they set it', async () => {
      await save();
      const [coo, logistics] = await companyTasks(portal, companyId);
      await portal.client.crm.objects.tasks.basicApi.archive(coo!.id);
      await portal.client.crm.objects.tasks.basicApi.update(logistics!.id, {
        properties: { hs_task_status: 'IN_PROGRESS' },
      });

      await save({ baseRevision: 1, plan: aPlan({ objectives: await objectivesAsSaved() }) });

      const tasks = await companyTasks(portal, companyId);
      expect(tasks.map((t) => [t.subject, t.status])).toEqual([
        ['Win the logistics review', 'IN_PROGRESS'],
        ['Key account review due: Acme Ltd', 'NOT_STARTED'],
        ['Meet the new COO', 'NOT_STARTED'],
      ]);
      expect(tasks[0]!.id).toBe(logistics!.id);
      expect(tasks[2]!.id).not.toBe(coo!.id);
    });

    it('keeps the plan when HubSpot refuses the tasks, says so, and the next save repairs them', async () => {
      await portal.control.injectFault({ kind: 'serverError', status: 503, path: '/crm/v3/objects/tasks/batch/*' });

      const answer = await save();

      expect(answer).toMatchObject({
        status: 'ok',
        revision: 1,
        tasks: { synced: false, message: expect.stringContaining('Saving again repairs them') },
      });
      expect((await readPlan()).revision).toBe(1);
      expect(await companyTasks(portal, companyId)).toEqual([]);

      await portal.control.clearFaults();
      expect(await save({ baseRevision: 1, plan: aPlan({ objectives: await objectivesAsSaved() }) })).toMatchObject({
        status: 'ok',
        revision: 2,
        tasks: { synced: true },
      });
      expect(open(await companyTasks(portal, companyId)).map((t) => t.subject)).toEqual([
        'Meet the new COO',
        'Win the logistics review',
        'Key account review due: Acme Ltd',
      ]);
    });

    it('remembers the tasks it made even when updating others failed beside them, so the repair makes no duplicates', async () => {
      await save();
      const added = {
        title: 'Present at their board',
        measure: 'Slot on the agenda',
        ownerId: manager.id,
        dueAt: NOW + 45 * DAY,
      };
      const edited = [
        ...(await objectivesAsSaved({ 'Meet the new COO': { title: 'Meet the new COO and CFO' } })),
        added,
      ];
      await portal.control.injectFault({
        kind: 'serverError',
        status: 503,
        path: '/crm/v3/objects/tasks/batch/update',
      });

      expect(await save({ baseRevision: 1, plan: aPlan({ objectives: edited }) })).toMatchObject({
        status: 'ok',
        revision: 2,
        tasks: { synced: false },
      });

      await portal.control.clearFaults();
      expect(await save({ baseRevision: 2, plan: aPlan({ objectives: await objectivesAsSaved() }) })).toMatchObject({
        status: 'ok',
        tasks: { synced: true },
      });
      expect((await companyTasks(portal, companyId)).map((t) => t.subject)).toEqual([
        'Meet the new COO and CFO',
        'Win the logistics review',
        'Key account review due: Acme Ltd',
        'Present at their board',
      ]);
    });

    it('adopts the tasks it made but could not remember, so the save after `synced: false` repairs without duplicates', async () => {
      // Remembering the task ids on the objective rows fails: the tasks stand, unremembered.
      await portal.control.injectFault({
        kind: 'serverError',
        status: 503,
        method: 'POST',
        path: '/crm/v3/objects/2-*/batch/update',
      });

      expect(await save()).toMatchObject({ status: 'ok', tasks: { synced: false } });
      const made = (await companyTasks(portal, companyId)).map((t) => t.id).sort();
      expect(made).toHaveLength(3);

      await portal.control.clearFaults();
      expect(await save({ baseRevision: 1, plan: aPlan({ objectives: await objectivesAsSaved() }) })).toMatchObject({
        status: 'ok',
        tasks: { synced: true },
      });
      expect((await companyTasks(portal, companyId)).map((t) => t.id).sort()).toEqual(made);
    });

    it('makes each task once when HubSpot makes them but its answer is lost (502), and the next try adopts them', async () => {
      await portal.control.injectFault({
        kind: 'lostAnswer',
        mode: 'badGateway',
        method: 'POST',
        path: '/crm/v3/objects/tasks/batch/create',
        times: 1,
      });
      // The tasks pass is tried again at once, and adopts the tasks its first try made.
      const first = await save({ actionId: 'press-save-once' });
      expect(first).toMatchObject({ status: 'ok', tasks: { synced: true } });
      expect(await companyTasks(portal, companyId)).toHaveLength(3);

      expect(await save({ actionId: 'press-save-once' })).toMatchObject({ status: 'ok', tasks: { synced: true } });
      expect(await companyTasks(portal, companyId)).toHaveLength(3);
    });

    it("leaves the committed plan whole when the commit's answer is lost and HubSpot cannot be asked whether it happened", async () => {
      const planType = await new ObjectTypeResolver(portal.client).objectTypeId('plan');
      // The commit is applied each time it is sent, and each time HubSpot's edge loses the answer.
      const attempts = 3;
      await portal.control.injectFault({
        kind: 'lostAnswer',
        mode: 'badGateway',
        method: 'PATCH',
        path: `/crm/v3/objects/${planType}/*`,
        times: attempts,
      });
      const saving = save({ actionId: 'press-commit-lost' });
      // Once the commit is applied, the look that follows, whether it happened, fails too.
      while ((await portal.control.faults()).some((f) => f.kind === 'lostAnswer' && f.fired === 0))
        await new Promise((resolve) => setTimeout(resolve, 10));
      await portal.control.injectFault({
        kind: 'serverError',
        status: 500,
        method: 'GET',
        path: `/crm/v3/objects/${planType}/*`,
        times: attempts,
      });
      const unsure = await saving;
      await portal.control.clearFaults();
      expect((await readPlan()).objectives).toHaveLength(2);
      expect(unsure).toMatchObject({ status: 'error', code: 'KAM.HUBSPOT_UNAVAILABLE' });
      expect((unsure as { message: string }).message).toMatch(/did not confirm whether the plan was saved/);

      expect(await save({ actionId: 'press-commit-lost' })).toMatchObject({ status: 'ok', revision: 1 });
      expect((await readPlan()).objectives).toHaveLength(2);
      expect(await companyTasks(portal, companyId)).toHaveLength(3);
    });
  });
});
