import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as cardDataMain } from '../../../src/app/functions/card_data.ts';
import { main as logReviewMain } from '../../../src/app/functions/log_review.ts';
import { main as recordDepartureMain } from '../../../src/app/functions/record_contact_departure.ts';
import { main as recordStanceMain } from '../../../src/app/functions/record_contact_stance.ts';
import { main as saveAccountPlanMain } from '../../../src/app/functions/save_account_plan.ts';
import type { CardData } from '../../../src/contracts/index.ts';
import { COMPANY_PROPERTY, CONTACT_PROPERTY } from '../../../src/crm/model/index.ts';
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
import { onTestClock, testClock } from '../../clock.ts';

// The client account article's review, end to end through the functions on the sandbox: Jan Stewer (an
// enemy) retires, Dan Middleton (a protester) takes her role and is won over, and Tom Pearce (an ally with
// no buying role) goes quiet. The manager reviews the plan and its three outcomes become three tasks.

const cardData = onTestClock(cardDataMain);
const logReview = onTestClock(logReviewMain);
const recordDeparture = onTestClock(recordDepartureMain);
const recordStance = onTestClock(recordStanceMain);
const saveAccountPlan = onTestClock(saveAccountPlanMain);

const admin = anOwner({ firstName: 'Ada', lastName: 'Admin' });
const manager = anOwner({ firstName: 'Max', lastName: 'Manager' });
const colleague = anOwner({ firstName: 'Cleo', lastName: 'Colleague' });
const HOUR = 3_600_000;
const [TOM, DAN, JAN] = ['701', '702', '703'];

describe('the Tom, Dan and Jan review (seed 003)', () => {
  let portal: SandboxPortal;
  let companyId: string;
  const readCard = async (): Promise<CardData> => {
    const answer = await cardData({ parameters: { companyId, userId: manager.userId } });
    if (answer.status !== 'ok') throw new Error(answer.message);
    return answer;
  };
  const at = (hours: number) => testClock.set(NOW + hours * HOUR);

  beforeAll(async () => {
    portal = await startSandboxPortal();
    portal.useForFunctions();
    testClock.set(NOW - HOUR);
    ({ companyId } = await loadAccount(portal, {
      owners: [admin, manager, colleague],
      // A key account: only key accounts are in the review cycle.
      company: {
        [COMPANY_PROPERTY.status]: 'key',
        [COMPANY_PROPERTY.reviewCadence]: 'quarterly',
        hubspot_owner_id: manager.id,
      },
      contacts: [
        // An ally when the plan was written, with no buying role; nobody has been in touch since.
        { id: TOM, firstname: 'Tom', properties: { lastname: 'Pearce', [CONTACT_PROPERTY.stance]: 'ally' } },
        {
          id: DAN,
          firstname: 'Dan',
          properties: { lastname: 'Middleton', jobtitle: 'Deputy buyer', [CONTACT_PROPERTY.stance]: 'protester' },
        },
        {
          id: JAN,
          firstname: 'Jan',
          properties: {
            lastname: 'Stewer',
            jobtitle: 'Head of purchasing',
            hs_buying_role: 'DECISION_MAKER',
            [CONTACT_PROPERTY.stance]: 'enemy',
          },
        },
      ],
      activities: [
        { type: 'meetings', ownerId: colleague.id, contactIds: [DAN], daysAgo: 5 },
        { type: 'meetings', ownerId: manager.id, contactIds: [JAN], daysAgo: 20 },
        { type: 'calls', ownerId: manager.id, contactIds: [TOM], daysAgo: 300 },
      ],
    }));
    await configureAccess(admin, { managerUserIds: [String(manager.userId)] });
    const plan = {
      businessObjective: 'Become their first-choice supplier',
      team: { accountManager: manager.id },
      objectives: [],
      quarterlyTargets: { fiscalYear: new Date(NOW).getUTCFullYear(), rows: [] },
    };
    const saved = await saveAccountPlan({ parameters: { companyId, userId: manager.userId, baseRevision: 0, plan } });
    if (saved.status !== 'ok') throw new Error(saved.message);
  });
  afterAll(() => portal.close());

  it('shows the triggers with their evidence, Dan’s whole stance path and Tom as an ally going cold, then logs a review whose three outcomes become three tasks', async () => {
    at(1);
    expect(
      await recordDeparture({
        parameters: {
          companyId,
          userId: manager.userId,
          contactId: JAN,
          left: true,
          reason: 'retired',
          replacedByContactId: DAN,
        },
      }),
    ).toMatchObject({ status: 'ok', reason: 'retired' });
    at(2);
    await portal.client.crm.contacts.basicApi.update(DAN, { properties: { jobtitle: 'Head of purchasing' } });
    at(3);
    await recordStance({ parameters: { companyId, userId: manager.userId, contactId: DAN, stance: 'neutral' } });
    at(4);
    await recordStance({ parameters: { companyId, userId: manager.userId, contactId: DAN, stance: 'supporter' } });
    at(5);

    const card = await readCard();
    expect(card.reviews.triggered.map((t) => [t.message, t.evidence.property, t.evidence.from, t.evidence.to])).toEqual(
      [
        ['Dan Middleton went from Neutral to Supporter', 'stance', 'neutral', 'supporter'],
        ['Dan Middleton went from Protester to Neutral', 'stance', 'protester', 'neutral'],
        [
          'Dan Middleton changed title from Deputy buyer to Head of purchasing',
          'title',
          'Deputy buyer',
          'Head of purchasing',
        ],
        ['Jan Stewer retired', 'leftCompany', null, 'true'],
      ],
    );
    const dan = card.relationships.contacts.find((c) => c.contactId === DAN)!;
    expect([...dan.stanceHistory].reverse().map((h) => h.stance)).toEqual(['protester', 'neutral', 'supporter']);
    expect(card.relationships.contacts.find((c) => c.contactId === JAN)!.departure).toMatchObject({
      reason: 'retired',
      replacedBy: { contactId: DAN, name: 'Dan Middleton' },
    });
    const tom = card.relationships.contacts.find((c) => c.contactId === TOM)!;
    expect(tom.watchedBecause).toEqual(['stance']);
    expect(card.relationships.coverage.warnings).toContainEqual(
      expect.objectContaining({ kind: 'stale_allies', contactIds: [TOM] }),
    );

    const due = NOW + 14 * DAY;
    const logged = await logReview({
      parameters: {
        companyId,
        userId: manager.userId,
        kind: 'triggered',
        triggers: card.reviews.triggered,
        summary: 'Jan retired; Dan took her role and is now a supporter; Tom has gone quiet.',
        actions: [
          { outcome: 'plan_updated', text: 'Make Dan the decision maker in the plan', ownerId: manager.id, dueAt: due },
          { outcome: 'celebrate', text: 'Thank Cleo for winning Dan over', ownerId: manager.id, dueAt: due },
          { outcome: 'escalate', text: 'Nobody has talked to Tom for 300 days', ownerId: colleague.id, dueAt: due },
        ],
        contactIds: [TOM, DAN, JAN],
        actionId: 'press-story-review',
      },
    });
    expect(logged).toMatchObject({ status: 'ok', tasks: { synced: true } });

    const tasks = (await companyTasks(portal, companyId)).filter((t) => !t.subject.startsWith('Key account review'));
    expect(tasks.map((t) => [t.subject, t.ownerId, t.dueAt])).toEqual([
      ['Update the plan and tell the people concerned: Make Dan the decision maker in the plan', manager.id, due],
      ['Celebrate: Thank Cleo for winning Dan over', manager.id, due],
      ['Deal with or escalate a threat: Nobody has talked to Tom for 300 days', colleague.id, due],
    ]);
    const after = await readCard();
    expect(after.reviews.triggered).toEqual([]);
    expect(after.reviews.history[0]!.actions.map((a) => [a.outcome, a.owner?.name, a.taskId])).toEqual([
      ['plan_updated', 'Max Manager', tasks[0]!.id],
      ['celebrate', 'Max Manager', tasks[1]!.id],
      ['escalate', 'Cleo Colleague', tasks[2]!.id],
    ]);
  });
});
