import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main as cardDataMain } from '../../../src/app/functions/card_data.ts';
import { main as logReviewMain } from '../../../src/app/functions/log_review.ts';
import { main as recordDepartureMain } from '../../../src/app/functions/record_contact_departure.ts';
import { main as recordReviewEventMain } from '../../../src/app/functions/record_review_event.ts';
import { BEFORE_THE_LAST_REVIEW } from '../../../src/kam/reviews/last-review.ts';
import { main as saveAccountPlanMain } from '../../../src/app/functions/save_account_plan.ts';
import type { CardData, LogReviewParameters } from '../../../src/contracts/index.ts';
import { COMPANY_PROPERTY, CONTACT_PROPERTY, KEY_ACCOUNT_PLAN } from '../../../src/crm/model/index.ts';
import { ObjectTypeResolver } from '../../../src/crm/object-types.ts';
import { addMonths } from '../../../src/kam/shared/index.ts';
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
const logReview = onTestClock(logReviewMain);
const recordDeparture = onTestClock(recordDepartureMain);
const recordEvent = onTestClock(recordReviewEventMain);
const saveAccountPlan = onTestClock(saveAccountPlanMain);

const admin = anOwner({ firstName: 'Ada', lastName: 'Admin' });
const manager = anOwner({ firstName: 'Max', lastName: 'Manager' });
const salesperson = anOwner({ firstName: 'Sal', lastName: 'Seller' });
const HOUR = 3_600_000;

describe('log_review', () => {
  let portal: SandboxPortal;
  let companyId: string;
  const log = (parameters: Partial<LogReviewParameters> = {}) =>
    logReview({
      parameters: {
        companyId,
        userId: manager.userId,
        kind: 'calendar',
        outcomes: ['plan_updated', 'celebrate'],
        summary: 'Objectives on track; renewal won.',
        ...parameters,
      },
    });
  const readCard = async (): Promise<CardData> => {
    const answer = await cardData({ parameters: { companyId, userId: manager.userId } });
    if (answer.status !== 'ok') throw new Error(answer.message);
    return answer;
  };

  beforeAll(async () => {
    portal = await startSandboxPortal({}, { attempts: 2 });
    portal.useForFunctions();
  });
  afterAll(() => portal.close());
  beforeEach(async () => {
    // The plan is begun an hour before each test's events, so what a test changes comes after it.
    testClock.set(NOW - HOUR);
    ({ companyId } = await loadAccount(portal, {
      owners: [admin, manager, salesperson],
      // A key account: only key accounts are in the review cycle.
      company: {
        [COMPANY_PROPERTY.status]: 'key',
        [COMPANY_PROPERTY.reviewCadence]: 'monthly',
        hubspot_owner_id: manager.id,
      },
      contacts: [
        {
          id: '601',
          firstname: 'Ivy',
          properties: { jobtitle: 'COO', [CONTACT_PROPERTY.decisionPower]: 'decides' },
          titleHistory: [['Head of operations', 200]],
        },
        // Assessed, but given no role: the programme still watches her.
        { id: '603', firstname: 'Rosa', properties: { [CONTACT_PROPERTY.stance]: 'supporter' } },
      ],
      otherCompanies: [{ id: '699', contactIds: ['602'] }],
    }));
    await configureAccess(admin, { managerUserIds: [String(manager.userId)] });
    const plan = {
      businessObjective: 'Grow',
      team: {},
      objectives: [],
      quarterlyTargets: { fiscalYear: new Date(NOW).getUTCFullYear(), rows: [] },
    };
    const saved = await saveAccountPlan({ parameters: { companyId, userId: manager.userId, baseRevision: 0, plan } });
    if (saved.status !== 'ok') throw new Error(saved.message);
    await portal.control.clearFaults();
    testClock.set(NOW);
  });

  it('logs a review with its outcome; the card shows it in the history and the next review a cadence later', async () => {
    const before = NOW;
    const answer = await log({ contactIds: ['601'] });

    expect(answer).toMatchObject({
      status: 'ok',
      review: { kind: 'calendar', outcomes: ['plan_updated', 'celebrate'], reviewedBy: { name: 'Max Manager' } },
    });
    const { reviews } = await readCard();
    expect(reviews.history).toEqual([
      expect.objectContaining({
        kind: 'calendar',
        outcomes: ['plan_updated', 'celebrate'],
        summary: 'Objectives on track; renewal won.',
        reviewedBy: expect.objectContaining({ name: 'Max Manager' }),
      }),
    ]);
    expect(reviews.cadence).toBe('monthly');
    expect(reviews.status).toBe('upcoming');
    expect(reviews.nextDueAt).toBe(addMonths(reviews.history[0]!.reviewedAt, 1));
    expect(reviews.history[0]!.reviewedAt).toBeGreaterThanOrEqual(before);
    const notes = await timelineNotes(portal, companyId);
    expect(notes.at(-1)!.body).toContain('Outcomes: Plan updated, Achievements to celebrate');
    const company = await portal.client.crm.companies.basicApi.getById(companyId, [COMPANY_PROPERTY.nextReviewDue]);
    expect(Date.parse(company.properties[COMPANY_PROPERTY.nextReviewDue]!)).toBe(reviews.nextDueAt);
  });

  it("completes the open review-due task and puts the next one in the company owner's queue (the plan names no account manager), due when the next review is", async () => {
    const [planned] = await companyTasks(portal, companyId);
    expect(planned).toMatchObject({
      subject: 'Key account review due: Acme Ltd',
      status: 'NOT_STARTED',
      ownerId: manager.id,
    });

    const answer = await log();

    expect(answer).toMatchObject({ status: 'ok', tasks: { synced: true, message: null } });
    const tasks = await companyTasks(portal, companyId);
    expect(tasks.map((t) => [t.id, t.status])).toEqual([
      [planned!.id, 'COMPLETED'],
      [expect.any(String), 'NOT_STARTED'],
    ]);
    expect(tasks[1]).toMatchObject({
      subject: 'Key account review due: Acme Ltd',
      ownerId: manager.id,
      type: 'TODO',
      dueAt: answer.status === 'ok' ? answer.nextDueAt : null,
    });
    expect(tasks[1]!.dueAt).toBe((await readCard()).reviews.nextDueAt);

    await log();
    expect((await companyTasks(portal, companyId)).map((t) => t.status)).toEqual([
      'COMPLETED',
      'COMPLETED',
      'NOT_STARTED',
    ]);
  });

  it('makes each outcome a task for its owner on the company, due when it is, and lists it under its own outcome', async () => {
    const due = NOW + 14 * DAY;
    const actions = [
      {
        outcome: 'plan_updated' as const,
        text: 'Dan replaces Jan as buyer in the plan',
        ownerId: manager.id,
        dueAt: due,
      },
      { outcome: 'celebrate' as const, text: 'Thank Dan for coming round', ownerId: salesperson.id, dueAt: due },
      { outcome: 'escalate' as const, text: 'Nobody has talked to Tom for months', ownerId: admin.id, dueAt: due },
    ];
    const answer = await log({ outcomes: [], actions, summary: 'Jan retired; Dan converted; Tom quiet.' });

    expect(answer).toMatchObject({
      status: 'ok',
      tasks: { synced: true },
      review: { outcomes: ['plan_updated', 'celebrate', 'escalate'] },
    });
    const tasks = (await companyTasks(portal, companyId)).filter((t) => !t.subject.startsWith('Key account review'));
    expect(tasks.map((t) => [t.subject, t.ownerId, t.dueAt, t.status])).toEqual([
      [
        'Update the plan and tell the people concerned: Dan replaces Jan as buyer in the plan',
        manager.id,
        due,
        'NOT_STARTED',
      ],
      ['Celebrate: Thank Dan for coming round', salesperson.id, due, 'NOT_STARTED'],
      ['Deal with or escalate a threat: Nobody has talked to Tom for months', admin.id, due, 'NOT_STARTED'],
    ]);
    const [logged] = (await readCard()).reviews.history;
    expect(logged!.actions).toEqual(
      actions.map((a, i) => ({
        outcome: a.outcome,
        text: a.text,
        owner: expect.objectContaining({ ownerId: a.ownerId }),
        dueAt: due,
        taskId: tasks[i]!.id,
      })),
    );
    const notes = await timelineNotes(portal, companyId);
    expect(notes.at(-1)!.body).toContain('Threats to escalate: Nobody has talked to Tom for months (Ada Admin');
    // Days in words, as the cards show them, not ISO dates.
    expect(notes.at(-1)!.body).toMatch(/Calendar review, \d{1,2} [A-Z][a-z]{2} \d{4}/);
    expect(notes.at(-1)!.body).toMatch(/\(Ada Admin, due \d{1,2} [A-Z][a-z]{2} \d{4}\)/);
  });

  it("makes all of a review's outcome tasks in one batch however many there are", async () => {
    const createCalls = async (parameters: Partial<LogReviewParameters>) => {
      await portal.control.resetStats();
      expect(await log(parameters)).toMatchObject({ status: 'ok', tasks: { synced: true } });
      return (await portal.control.stats()).byRoute['POST /crm/v3/objects/tasks/batch/create'];
    };
    const action = (text: string) => ({ outcome: 'exploit' as const, text, ownerId: manager.id, dueAt: NOW + DAY });
    const one = await createCalls({ outcomes: [], actions: [action('First')] });
    testClock.set(NOW + HOUR);
    // The review's own creates (the review-due task, then the outcomes' batch) do not grow with the outcomes.
    expect(await createCalls({ outcomes: [], actions: [action('First'), action('Second'), action('Third')] })).toBe(
      one,
    );
  });

  it('makes each outcome task once when a retry follows an answer HubSpot lost', async () => {
    const actions = [
      { outcome: 'exploit' as const, text: 'Use Dan to meet the new parent', ownerId: manager.id, dueAt: NOW + DAY },
      { outcome: 'escalate' as const, text: 'Tom has gone quiet', ownerId: manager.id, dueAt: NOW + DAY },
    ];
    // The tasks are made, then their answer is lost: the review is logged, its tasks not remembered.
    await portal.control.injectFault({
      kind: 'lostAnswer',
      mode: 'drop',
      method: 'POST',
      path: '/crm/v3/objects/tasks/batch/create',
      times: 2,
    });
    const first = await log({ actionId: 'press-log-review-2', outcomes: [], actions });
    await portal.control.clearFaults();
    const retry = await log({ actionId: 'press-log-review-2', outcomes: [], actions });

    expect(first).toMatchObject({ status: 'ok' });
    expect(retry).toMatchObject({ status: 'ok', tasks: { synced: true } });
    const tasks = (await companyTasks(portal, companyId)).filter((t) => !t.subject.startsWith('Key account review'));
    expect(tasks.map((t) => t.subject)).toEqual([
      'Exploit an opportunity: Use Dan to meet the new parent',
      'Deal with or escalate a threat: Tom has gone quiet',
    ]);
    expect((await readCard()).reviews.history[0]!.actions.map((a) => a.taskId)).toEqual(tasks.map((t) => t.id));
  });

  it('refuses an outcome whose owner is not a user of the portal, and writes nothing', async () => {
    await portal.control.resetStats();
    const answer = await log({
      outcomes: [],
      actions: [{ outcome: 'celebrate', text: 'Thank Dan', ownerId: '424242', dueAt: NOW + DAY }],
    });
    expect(answer).toMatchObject({
      status: 'error',
      code: 'KAM.OWNER_NOT_FOUND',
      issues: [{ path: 'actions.0.ownerId' }],
    });
    expect(await portal.writes()).toEqual([]);
  });

  it('keeps the review logged when HubSpot refuses the tasks, and says so', async () => {
    const before = await companyTasks(portal, companyId);
    await portal.control.injectFault({ kind: 'serverError', status: 503, path: '/crm/v3/objects/tasks/batch/*' });

    const answer = await log();

    expect(answer).toMatchObject({
      status: 'ok',
      tasks: { synced: false, message: expect.stringContaining('could not be brought up to date') },
    });
    await portal.control.clearFaults();
    expect((await readCard()).reviews.history).toHaveLength(1);
    expect(await companyTasks(portal, companyId)).toEqual(before);
  });

  it('shows a contact who became a budget holder since the plan began as a new buyer, with the change in words on the card', async () => {
    await portal.client.crm.contacts.basicApi.update('601', {
      properties: { hs_buying_role: 'BUDGET_HOLDER;INFLUENCER' },
    });
    const { reviews } = await readCard();
    expect(reviews.triggered).toEqual([
      expect.objectContaining({
        kind: 'new_buyer',
        message: 'Ivy Client is a new budget holder',
        evidence: expect.objectContaining({
          objectType: 'contacts',
          objectId: '601',
          property: 'buyingRoles',
          to: 'BUDGET_HOLDER;INFLUENCER',
        }),
      }),
    ]);
  });

  it("shows a change of the client's strategy, as the team recorded it on the company, as a trigger; recording it first is none", async () => {
    await portal.client.crm.companies.basicApi.update(companyId, {
      properties: { [COMPANY_PROPERTY.clientStrategy]: 'Grow in Europe' },
    });
    expect((await readCard()).reviews.triggered).toEqual([]);
    await portal.client.crm.companies.basicApi.update(companyId, {
      properties: { [COMPANY_PROPERTY.clientStrategy]: 'Sell the European arm' },
    });
    const card = await readCard();
    expect(card.keyAccount.clientStrategy).toBe('Sell the European arm');
    expect(card.reviews.triggered).toEqual([
      expect.objectContaining({
        kind: 'client_strategy_changed',
        message: "The client's strategy changed",
        evidence: expect.objectContaining({
          objectType: 'companies',
          property: 'strategy',
          from: 'Grow in Europe',
          to: 'Sell the European arm',
        }),
      }),
    ]);
  });

  it('names the new parent company in its trigger', async () => {
    const parent = await portal.client.crm.companies.basicApi.create({
      properties: { name: 'Megacorp Holdings' },
      associations: [],
    });
    await portal.client.crm.companies.basicApi.update(companyId, { properties: { hs_parent_company_id: parent.id } });
    const { reviews } = await readCard();
    expect(reviews.triggered).toEqual([
      expect.objectContaining({
        kind: 'new_parent_company',
        message: 'The client has a new parent company: Megacorp Holdings',
      }),
    ]);
    // For the evidence line, which names it too.
    expect(reviews.companyNames).toEqual({ [parent.id]: 'Megacorp Holdings' });
  });

  it('shows one departure once, with its reason, however often it was undone and recorded again, for a contact with only a stance', async () => {
    const depart = (left: boolean, at: number, leftAt?: number) => {
      testClock.set(at);
      return recordDeparture({
        parameters: {
          companyId,
          userId: manager.userId,
          contactId: '603',
          left,
          ...(left ? { reason: 'retired' } : {}),
          ...(leftAt === undefined ? {} : { leftAt }),
        },
      });
    };
    expect(await depart(true, NOW)).toMatchObject({ status: 'ok' });
    expect(await depart(false, NOW + HOUR)).toMatchObject({ status: 'ok' });
    expect((await readCard()).reviews.triggered).toEqual([]);
    // Recorded again with the day she left, picked in the form: the trigger is dated by it, and keeps when
    // the departure was first recorded, which a review answers.
    const leftOn = NOW - 17 * DAY;
    expect(await depart(true, NOW + 2 * HOUR, leftOn)).toMatchObject({ status: 'ok' });

    const { reviews } = await readCard();
    expect(reviews.triggered.filter((t) => t.kind === 'key_contact_left')).toEqual([
      expect.objectContaining({
        message: 'Rosa Client retired',
        at: leftOn,
        evidence: expect.objectContaining({ property: 'leftCompany', to: 'true', recordedAt: NOW }),
      }),
    ]);
  });

  it('words a departure by why the contact left, never as leaving the client when they moved to another role', async () => {
    testClock.set(NOW);
    const moved = await recordDeparture({
      parameters: { companyId, userId: manager.userId, contactId: '603', left: true, reason: 'moved_role' },
    });
    expect(moved).toMatchObject({ status: 'ok' });
    const { reviews } = await readCard();
    const messages = reviews.triggered.map((t) => t.message);
    expect(messages).toContain('Rosa Client moved to another role');
    expect(messages.filter((m) => m.includes('left the client'))).toEqual([]);
  });

  it('shows an event HubSpot cannot see, once however often it is sent, as an open trigger until a review covers it', async () => {
    const happened = NOW - 3 * DAY;
    const event = {
      companyId,
      userId: manager.userId,
      kind: 'competitor_strategy_changed' as const,
      at: happened,
      note: 'Their main rival now sells direct',
      actionId: 'press-record-event-1',
    };
    const answer = await recordEvent({ parameters: event });
    expect(await recordEvent({ parameters: event })).toEqual(answer);

    const expected = {
      kind: 'competitor_strategy_changed',
      at: happened,
      message: 'A competitor of the client changed strategy: Their main rival now sells direct',
      evidence: {
        objectType: 'companies',
        objectId: companyId,
        property: 'recordedEvent',
        from: null,
        to: 'Their main rival now sells direct',
      },
    };
    expect(answer).toEqual({ status: 'ok', trigger: expected });
    const { reviews } = await readCard();
    // The card names the manager who recorded it.
    expect(reviews.triggered).toEqual([
      {
        ...expected,
        evidence: {
          ...expected.evidence,
          recordedBy: { userId: manager.userId, ownerId: manager.id, name: 'Max Manager' },
        },
      },
    ]);

    testClock.set(NOW + HOUR);
    expect(await log({ kind: 'triggered', triggers: reviews.triggered })).toMatchObject({ status: 'ok' });
    expect((await readCard()).reviews.triggered).toEqual([]);
  });

  it('refuses an event in the future, without words, or from someone who is not a manager, and writes nothing', async () => {
    await portal.control.resetStats();
    const event = { companyId, userId: manager.userId, kind: 'our_merger' as const, note: 'We bought Rival Ltd' };
    const answers = await Promise.all([
      recordEvent({ parameters: { ...event, at: NOW + 2 * DAY } }),
      recordEvent({ parameters: { ...event, note: ' ' } }),
      recordEvent({ parameters: { ...event, kind: 'weather' } as never }),
      recordEvent({ parameters: { ...event, userId: salesperson.userId } }),
    ]);
    expect(answers.map((a) => a.status === 'error' && [a.code, a.issues?.map((i) => i.path)])).toEqual([
      ['KAM.INVALID_PARAMETERS', ['at']],
      ['KAM.INVALID_PARAMETERS', ['note']],
      ['KAM.INVALID_PARAMETERS', ['kind']],
      ['KAM.NOT_A_MANAGER', undefined],
    ]);
    expect(await portal.writes()).toEqual([]);
  });

  it('refuses an event dated on or before the last review, which would call for none, and records one dated since', async () => {
    expect(await log()).toMatchObject({ status: 'ok' });
    testClock.set(NOW + DAY);
    await portal.control.resetStats();
    const event = {
      companyId,
      userId: manager.userId,
      kind: 'competitor_strategy_changed' as const,
      note: 'Their main rival now sells direct',
    };
    const refused = await recordEvent({ parameters: { ...event, at: Date.UTC(2020, 0, 1, 12) } });
    expect(refused.status === 'error' && [refused.code, refused.issues]).toEqual([
      'KAM.INVALID_PARAMETERS',
      [{ path: 'at', message: BEFORE_THE_LAST_REVIEW }],
    ]);
    expect(await portal.writes()).toEqual([]);
    expect((await readCard()).reviews.triggered).toEqual([]);

    expect(await recordEvent({ parameters: { ...event, at: NOW + HOUR } })).toMatchObject({ status: 'ok' });
    expect((await readCard()).reviews.triggered.map((t) => t.at)).toEqual([NOW + HOUR]);
  });

  it('refuses an event in the future with a note too long in one answer, each beside its field', async () => {
    const answer = await recordEvent({
      parameters: {
        companyId,
        userId: manager.userId,
        kind: 'our_merger',
        at: NOW + 2 * DAY,
        note: 'x'.repeat(501),
      },
    });
    expect(answer.status === 'error' && answer.issues).toEqual([
      { path: 'at', message: 'cannot be in the future' },
      { path: 'note', message: 'must be at most 500 characters' },
    ]);
  });

  it('refuses a review in the future with a summary too short in one answer, each beside its field', async () => {
    const answer = await log({ reviewedAt: NOW + 2 * DAY, summary: 'x' });
    expect(answer.status === 'error' && answer.issues?.map((i) => [i.path, i.message])).toEqual([
      ['reviewedAt', 'cannot be in the future'],
      ['summary', 'say in a few words what was decided (at least 3 characters)'],
    ]);
  });

  it('shows the changes since the last review as triggers, and a triggered review records the ones it answers', async () => {
    // Ivy's change of title happened before the plan began; a new one after it is a reason to review.
    await portal.client.crm.contacts.basicApi.update('601', { properties: { jobtitle: 'Chief executive' } });
    const { reviews } = await readCard();
    expect(reviews.triggered).toEqual([
      expect.objectContaining({
        kind: 'key_contact_title_changed',
        message: 'Ivy Client changed title from COO to Chief executive',
        evidence: expect.objectContaining({
          objectType: 'contacts',
          objectId: '601',
          from: 'COO',
          to: 'Chief executive',
        }),
      }),
    ]);

    expect(await log({ kind: 'triggered', triggers: reviews.triggered })).toMatchObject({
      status: 'ok',
      review: { kind: 'triggered', triggers: reviews.triggered },
    });
    const after = await readCard();
    expect(after.reviews.triggered).toEqual([]);
    expect(after.reviews.history[0]!.triggers).toEqual(reviews.triggered);
  });

  it('rejects a triggered review without triggers, a future date, repeated outcomes and contacts of another company, and writes nothing', async () => {
    await portal.control.resetStats();
    const answers = await Promise.all([
      log({ kind: 'triggered' }),
      log({ reviewedAt: NOW + 2 * DAY }),
      log({ outcomes: ['celebrate', 'celebrate'], summary: 'x' }),
      log({ contactIds: ['602'] }),
      log({ reviewedAt: Number.MAX_SAFE_INTEGER }),
      log({ reviewedAt: Date.UTC(1970, 0, 2) }),
    ]);
    expect(answers.map((a) => a.status === 'error' && [a.code, a.issues?.map((i) => i.path)])).toEqual([
      ['KAM.INVALID_PARAMETERS', ['triggers']],
      ['KAM.INVALID_PARAMETERS', ['reviewedAt']],
      ['KAM.INVALID_PARAMETERS', ['outcomes', 'summary']],
      ['KAM.CONTACT_NOT_AT_COMPANY', ['contactIds.0']],
      ['KAM.INVALID_PARAMETERS', ['reviewedAt']],
      ['KAM.INVALID_PARAMETERS', ['reviewedAt']],
    ]);
    const farOff = answers[4]!;
    expect(farOff.status === 'error' && farOff.issues?.[0]?.message).toContain('years 2000 to 2099');
    expect(await portal.writes()).toEqual([]);
  });

  it('refuses triggers whose evidence is longer than HubSpot stores on a review, and writes nothing', async () => {
    await portal.control.resetStats();
    // Within each field's own bound, but 50 of them with every quote escaped pass the 65,536 characters of a value.
    const long = '"'.repeat(500);
    const triggers = Array.from({ length: 50 }, (_, i) => ({
      kind: 'key_contact_title_changed' as const,
      at: NOW - (i + 1) * HOUR,
      message: long,
      evidence: { objectType: 'contacts' as const, objectId: `60${i}`, property: 'title', from: long, to: long },
    }));
    const answer = await log({ kind: 'triggered', triggers });
    expect(answer).toMatchObject({ status: 'error', code: 'KAM.INVALID_PARAMETERS' });
    expect(answer.status === 'error' && answer.issues?.map((i) => [i.path, i.message])).toEqual([
      ['triggers', expect.stringContaining('longer than HubSpot stores on a review')],
    ]);
    expect(await portal.writes()).toEqual([]);
    // The most a card shows stays well within it.
    const ordinary = triggers.map((t) => ({
      ...t,
      message: 'Jo Bloggs changed title',
      evidence: { ...t.evidence, from: 'CFO', to: 'CEO' },
    }));
    expect(await log({ kind: 'triggered', triggers: ordinary })).toMatchObject({ status: 'ok' });
  });

  it('refuses someone who is not a manager, and writes nothing', async () => {
    await portal.control.resetStats();
    expect(
      await logReview({
        parameters: { companyId, userId: salesperson.userId, kind: 'calendar', outcomes: [], summary: 'Looked at it' },
      }),
    ).toMatchObject({ status: 'error', code: 'KAM.NOT_A_MANAGER' });
    expect(await portal.writes()).toEqual([]);
  });

  it('refuses a review and an event on a company that is no longer a key account, and writes nothing', async () => {
    // The card offered the buttons while the account was key; another manager has since made it a candidate.
    await portal.client.crm.companies.basicApi.update(companyId, {
      properties: { [COMPANY_PROPERTY.status]: 'candidate' },
    });
    await portal.control.resetStats();
    const answers = [
      await log(),
      await recordEvent({
        parameters: { companyId, userId: manager.userId, kind: 'our_merger', note: 'We bought Rival Ltd' },
      }),
    ];
    for (const answer of answers) {
      expect(answer).toMatchObject({ status: 'error', code: 'KAM.NOT_A_KEY_ACCOUNT' });
      expect(answer.status === 'error' && answer.message).toMatch(/not one now/);
    }
    expect(await portal.writes()).toEqual([]);
    expect(await timelineNotes(portal, companyId)).toEqual([]);
  });

  it('withdraws the review and its note when HubSpot fails before it is fully logged', async () => {
    await portal.control.injectFault({
      kind: 'serverError',
      status: 500,
      method: 'PATCH',
      path: '/crm/v3/objects/companies/*',
    });

    expect(await log()).toMatchObject({ status: 'error', code: 'KAM.HUBSPOT_UNAVAILABLE' });

    await portal.control.clearFaults();
    expect((await readCard()).reviews.history).toEqual([]);
    expect((await timelineNotes(portal, companyId)).filter((n) => n.body.includes('review'))).toEqual([]);
    expect((await companyTasks(portal, companyId)).map((t) => t.status)).toEqual(['NOT_STARTED']);
  });

  it('answers a logging whose next-review date was moved but whose answer was lost as logged, with its review and note kept', async () => {
    await portal.control.injectFault({
      kind: 'lostAnswer',
      mode: 'drop',
      method: 'PATCH',
      path: '/crm/v3/objects/companies/*',
      times: 1,
    });

    const answer = await log();

    expect(answer).toMatchObject({ status: 'ok' });
    await portal.control.clearFaults();
    const card = await readCard();
    expect(card.reviews.history).toHaveLength(1);
    expect((await timelineNotes(portal, companyId)).filter((n) => n.body.includes('Calendar review'))).toHaveLength(1);
    const company = await portal.client.crm.companies.basicApi.getById(companyId, [COMPANY_PROPERTY.nextReviewDue]);
    expect(Date.parse(company.properties[COMPANY_PROPERTY.nextReviewDue] ?? '')).toBe(
      answer.status === 'ok' ? answer.nextDueAt : NaN,
    );
  });

  it('writes the note again on the retry when the failed attempt withdrew its note but could not withdraw its review', async () => {
    const parameters = { actionId: 'press-log-review-2' };
    // The review remembers its note, but the answer is lost; withdrawing the review then fails, the note's works.
    await portal.control.injectFault({ kind: 'lostAnswer', mode: 'drop', method: 'PATCH', times: 1 });
    await portal.control.injectFault({
      kind: 'serverError',
      status: 503,
      method: 'POST',
      path: '/crm/v3/objects/*/batch/archive',
    });
    expect(await log(parameters)).toMatchObject({ status: 'error', code: 'KAM.HUBSPOT_UNAVAILABLE' });
    await portal.control.clearFaults();

    expect(await log(parameters)).toMatchObject({ status: 'ok' });
    expect((await readCard()).reviews.history).toHaveLength(1);
    expect((await timelineNotes(portal, companyId)).filter((n) => n.body.includes('Calendar review'))).toHaveLength(1);
  });

  it('lets the retry of a logging whose answer was lost complete it: one review record, one note, one open review-due task', async () => {
    // Every write is applied, then HubSpot's edge answers 502 (the client tries again) or drops the answer.
    await portal.control.injectFault({ kind: 'lostAnswer', mode: 'badGateway', method: 'POST', times: 2 });
    const parameters = { actionId: 'press-log-review-1' };
    const first = await log(parameters);
    await portal.control.clearFaults();
    await portal.control.injectFault({ kind: 'lostAnswer', mode: 'drop', method: 'PATCH', times: 1 });
    const second = await log(parameters);
    await portal.control.clearFaults();
    const third = await log(parameters);

    expect([first, second, third].filter((a) => a.status === 'ok').length).toBeGreaterThan(0);
    expect(third).toMatchObject({ status: 'ok' });
    expect((await readCard()).reviews.history).toHaveLength(1);
    expect((await timelineNotes(portal, companyId)).filter((n) => n.body.includes('Calendar review'))).toHaveLength(1);
    expect((await companyTasks(portal, companyId)).map((t) => t.status)).toEqual(['COMPLETED', 'NOT_STARTED']);
  });

  it('leaves one open review-due task when a plan save and a review on an account without one overlap', async () => {
    // The account's review-due task is gone (someone deleted it) and the plan remembers none.
    const planType = await new ObjectTypeResolver(portal.client).objectTypeId('plan');
    for (const task of await companyTasks(portal, companyId))
      await portal.client.crm.objects.basicApi.archive('tasks', task.id);
    await portal.client.crm.objects.basicApi.update(
      planType,
      companyId,
      { properties: { [KEY_ACCOUNT_PLAN.property.reviewTaskId]: '' } },
      KEY_ACCOUNT_PLAN.property.companyId,
    );
    const plan = {
      businessObjective: 'Grow further',
      team: {},
      objectives: [],
      quarterlyTargets: { fiscalYear: new Date(NOW).getUTCFullYear(), rows: [] },
    };

    // Each remembers the task it made on the plan a moment late, so neither knows of the other's.
    await portal.control.injectFault({
      kind: 'latency',
      ms: 300,
      method: 'PATCH',
      path: `/crm/v3/objects/${planType}/*`,
    });
    // Each remembers the task it made on the plan a moment late, so neither knows of the other's.
    await portal.control.injectFault({
      kind: 'latency',
      ms: 300,
      method: 'PATCH',
      path: `/crm/v3/objects/${planType}/*`,
    });
    const answers = await Promise.all([
      saveAccountPlan({ parameters: { companyId, userId: manager.userId, baseRevision: 1, plan } }),
      log(),
    ]);

    expect(answers).toEqual([expect.objectContaining({ status: 'ok' }), expect.objectContaining({ status: 'ok' })]);
    const open = (await companyTasks(portal, companyId)).filter((t) => t.status !== 'COMPLETED');
    expect(open).toHaveLength(1);
  });

  it('keeps the next-review date a review logged during a plan save set, on the card and on the task', async () => {
    const planType = await new ObjectTypeResolver(portal.client).objectTypeId('plan');
    const plan = {
      businessObjective: 'Grow further',
      team: {},
      objectives: [],
      quarterlyTargets: { fiscalYear: new Date(NOW).getUTCFullYear(), rows: [] },
    };
    // The plan save has read the company (and its next-review date) and waits on reading the plan...
    await portal.control.injectFault({
      kind: 'latency',
      ms: 500,
      method: 'GET',
      path: `/crm/v3/objects/${planType}/*`,
      times: 1,
    });
    const saving = saveAccountPlan({ parameters: { companyId, userId: manager.userId, baseRevision: 1, plan } });
    // (A fault leaves the list once it has hit as often as it was told.)
    while ((await portal.control.faults()).some((f) => f.kind === 'latency'))
      await new Promise((resolve) => setTimeout(resolve, 10));
    // ...while a review is logged, moving the next review on (and remembering its new task on the plan).
    const logged = await log();
    expect(logged).toMatchObject({ status: 'ok' });
    expect(await saving).toMatchObject({ status: 'ok', tasks: { synced: true } });

    const nextDueAt = logged.status === 'ok' ? logged.nextDueAt : 0;
    expect((await readCard()).reviews.nextDueAt).toBe(nextDueAt);
    const open = (await companyTasks(portal, companyId)).filter((t) => t.status !== 'COMPLETED');
    expect(open.map((t) => t.dueAt)).toEqual([nextDueAt]);
  });
});
