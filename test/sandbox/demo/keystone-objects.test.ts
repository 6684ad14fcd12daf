import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubSpotClient } from '../../../src/crm/client.ts';
import {
  COMPANY_PROPERTY,
  KEY_ACCOUNT_PLAN,
  OBJECTIVE,
  PLAN_REVISION,
  PORTAL_SETTINGS,
  REVIEW,
} from '../../../src/crm/model/index.ts';
import { ObjectTypeResolver } from '../../../src/crm/object-types.ts';
import { runSetup, SETUP_VERSION } from '../../../src/crm/setup/index.ts';
import { cardData } from '../../../src/keystone/account/index.ts';
import { loadSettings } from '../../../src/keystone/settings/index.ts';
import { firmPeople, type FirmPerson } from '../../../sandbox/demo/firm.ts';
import { demoAccess } from '../../../sandbox/demo/keystone-objects.ts';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server.ts';
import { DAY, DEMO_NOW, demoPortal, indexPortal } from './portal-index.ts';

// The demo portal's key account plans, objectives, targets and reviews, read back by Keystone itself:
// the card_data service for a key account, and setup finding nothing left to do.
describe("Keystone's own objects in the demo portal", () => {
  const { seed, stories } = demoPortal();
  const people = firmPeople();
  const access = demoAccess(people);
  const person = (team: FirmPerson['team']) => people.find((p) => p.team === team)!;
  const admin = people.find((p) => String(p.userId) === access.adminUserIds[0])!;
  let sandbox: RunningSandbox;
  let client: ReturnType<typeof createHubSpotClient>;
  const readCard = (companyId: string, userId = admin.userId) =>
    cardData(client, new ObjectTypeResolver(client), { companyId, userId, now: DEMO_NOW });

  beforeAll(async () => {
    sandbox = await startSandbox({ seed, dataFile: null });
    client = createHubSpotClient({ accessToken: 'demo', baseUrl: sandbox.baseUrl });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('shows a clearly key account its plan: business objective, KAM team, objectives with owners and due dates', async () => {
    const [companyId] = stories.clearlyKey;
    const company = seed.objects.companies.find((c) => c.id === companyId)!;
    const { plan } = await readCard(companyId!);

    expect(plan.revision).toBeGreaterThanOrEqual(1);
    expect(plan.businessObjective).toContain(company.properties.name);
    expect(plan.team.relationshipPartner?.ownerId).toBeOneOf(
      people.filter((p) => p.team === 'partners').map((p) => p.ownerId),
    );
    expect(plan.team.accountManager?.ownerId).toBe(company.properties.hubspot_owner_id);
    expect(plan.team.researcher?.ownerId).toBeOneOf(people.filter((p) => p.team === 'research').map((p) => p.ownerId));
    expect(plan.objectives.length).toBeGreaterThanOrEqual(3);
    expect(plan.objectives.length).toBeLessThanOrEqual(6);
    for (const objective of plan.objectives) {
      expect(objective.owner).not.toBeNull();
      expect(objective.dueAt).not.toBeNull();
      expect(objective.measure).not.toBe('');
    }
    const achieved = plan.objectives.filter((o) => o.status === 'achieved');
    expect(achieved.length).toBeGreaterThanOrEqual(1);
    for (const o of achieved) expect(o.achievedAt).toBeLessThanOrEqual(DEMO_NOW);
  });

  it("fills seed 003's quarterly grid: derived actuals from the CRM, typed actuals for the quarters that have ended", async () => {
    const { plan } = await readCard(stories.clearlyKey[0]!);
    const { rows, quarterStarts } = plan.quarterlyTargets;

    expect(rows.map((r) => r.metric)).toEqual([
      'friends_and_allies',
      'enemies_and_protesters',
      'meetings',
      'custom_new_services_used',
      'new_opportunities',
      'income_increase',
    ]);
    for (const row of rows) expect(Object.values(row.targets).every((t) => t !== null)).toBe(true);
    const typed = rows.find((r) => !r.derived)!;
    expect(typed.metric).toBe('custom_new_services_used');
    // DEMO_NOW is in November: the first three quarters have ended, the fourth has not.
    expect(quarterStarts.Q4).toBeLessThan(DEMO_NOW);
    expect([typed.actuals.Q1, typed.actuals.Q2, typed.actuals.Q3].every((a) => typeof a === 'number')).toBe(true);
    expect(typed.actuals.Q4).toBeNull();
    // Meetings are counted by the portfolio recalculation, which the demo portal has not run yet.
    expect(plan.quarterlyTargets.meetingsCountedAt).toBeNull();
    expect(rows.find((r) => r.metric === 'meetings')!.actuals.Q3).toBeNull();
    expect(rows.find((r) => r.metric === 'new_opportunities')!.actuals.Q3).toBeGreaterThan(0);
    expect(rows.find((r) => r.metric === 'income_increase')!.unit).toBe('currency');
  });

  it('lists past reviews with their outcomes, newest first, and keeps the next review date the reviews set', async () => {
    const [companyId] = stories.clearlyKey;
    const { reviews } = await readCard(companyId!);
    const stored = seed.objects.companies.find((c) => c.id === companyId)!.properties[COMPANY_PROPERTY.nextReviewDue];

    expect(reviews.history.length).toBeGreaterThanOrEqual(1);
    expect(reviews.history.length).toBeLessThanOrEqual(4);
    expect(reviews.history.map((r) => r.reviewedAt)).toEqual(
      [...reviews.history.map((r) => r.reviewedAt)].sort((a, b) => b - a),
    );
    for (const review of reviews.history) {
      expect(review.reviewedAt).toBeLessThan(DEMO_NOW);
      expect(review.outcomes.length).toBeGreaterThanOrEqual(1);
      expect(review.reviewedBy).not.toBeNull();
      expect(review.summary).not.toBe('');
    }
    expect(reviews.history.at(-1)!.outcomes).toContain('plan_updated');
    expect(reviews.nextDueAt).toBe(Date.parse(stored!));
  });

  it('has some key accounts overdue for review and some not yet due', () => {
    const due = seed.objects.companies
      .filter((c) => c.properties[COMPANY_PROPERTY.status] === 'key')
      .map((c) => Date.parse(c.properties[COMPANY_PROPERTY.nextReviewDue]!));
    expect(due.every(Number.isFinite)).toBe(true);
    expect(due.filter((d) => d < DEMO_NOW - 7 * DAY).length).toBeGreaterThanOrEqual(3);
    expect(due.filter((d) => d > DEMO_NOW).length).toBeGreaterThanOrEqual(3);
  });

  it('plans key accounts and some candidates, each with one plan, claimed revisions and objectives of its current revision only', () => {
    const planned = new Set(
      seed.objects[KEY_ACCOUNT_PLAN.name]!.map((p) => p.properties[KEY_ACCOUNT_PLAN.property.companyId]),
    );
    const statusOf = (status: string) =>
      seed.objects.companies.filter((c) => c.properties[COMPANY_PROPERTY.status] === status).map((c) => c.id);
    expect(statusOf('key').every((id) => planned.has(id))).toBe(true);
    const candidates = statusOf('candidate').filter((id) => planned.has(id));
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.length).toBeLessThan(statusOf('candidate').length);
    expect(planned.size).toBe(seed.objects[KEY_ACCOUNT_PLAN.name]!.length);

    const claims = new Set(
      seed.objects[PLAN_REVISION.name]!.map((r) => r.properties[PLAN_REVISION.property.revisionKey]),
    );
    for (const plan of seed.objects[KEY_ACCOUNT_PLAN.name]!) {
      const revision = plan.properties[KEY_ACCOUNT_PLAN.property.revision];
      expect(claims.has(`${plan.id}:${revision}`)).toBe(true);
      const rows = seed.objects[OBJECTIVE.name]!.filter((o) => o.properties[OBJECTIVE.property.planId] === plan.id);
      expect(rows.every((o) => o.properties[OBJECTIVE.property.planRevision] === revision)).toBe(true);
    }
    expect(seed.objects[REVIEW.name]!.length).toBeGreaterThanOrEqual(planned.size);
  });

  it("has the HubSpot tasks Keystone keeps: one per open objective in its owner's queue, and each plan's next review in the account manager's", async () => {
    const index = indexPortal(seed);
    const taskOf = (id: string | undefined) => seed.objects.tasks!.find((t) => t.id === id)!.properties;
    const objectives = seed.objects[OBJECTIVE.name]!;
    const open = objectives.filter((o) => o.properties[OBJECTIVE.property.status] === 'open');
    expect(open.length).toBeGreaterThan(0);
    for (const o of open) {
      const p = o.properties;
      expect(taskOf(p[OBJECTIVE.property.taskId])).toMatchObject({
        hs_task_subject: p[OBJECTIVE.property.title],
        hubspot_owner_id: p[OBJECTIVE.property.ownerId],
        hs_timestamp: p[OBJECTIVE.property.dueDate],
        hs_task_status: 'NOT_STARTED',
        hs_task_type: 'TODO',
      });
      expect(index.linked('tasks', p[OBJECTIVE.property.taskId]!, 'companies')).toEqual([
        p[OBJECTIVE.property.companyId],
      ]);
    }
    expect(
      objectives
        .filter((o) => o.properties[OBJECTIVE.property.status] !== 'open')
        .every((o) => !o.properties[OBJECTIVE.property.taskId]),
    ).toBe(true);
    for (const plan of seed.objects[KEY_ACCOUNT_PLAN.name]!) {
      const companyId = plan.properties[KEY_ACCOUNT_PLAN.property.companyId]!;
      const company = seed.objects.companies.find((c) => c.id === companyId)!;
      expect(taskOf(plan.properties[KEY_ACCOUNT_PLAN.property.reviewTaskId])).toMatchObject({
        hs_task_subject: `Key account review due: ${company.properties.name}`,
        hubspot_owner_id: plan.properties[KEY_ACCOUNT_PLAN.property.accountManager],
        hs_timestamp: company.properties[COMPANY_PROPERTY.nextReviewDue],
        hs_task_status: 'NOT_STARTED',
      });
    }
    expect(seed.objects.tasks).toHaveLength(open.length + seed.objects[KEY_ACCOUNT_PLAN.name]!.length);
    // The sandbox serves them as HubSpot would: on the company's timeline.
    const [companyId] = stories.clearlyKey;
    const linked = await client.crm.associations.v4.batchApi.getPage('companies', 'tasks', {
      inputs: [{ id: companyId! }],
    });
    expect(linked.results[0]!.to.length).toBe(
      seed.objects.tasks!.filter((t) => index.linked('tasks', t.id, 'companies')[0] === companyId).length,
    );
  });

  it("leaves the stories' review triggers open: every review predates the departure of the key contact", async () => {
    const { reviews } = await readCard(stories.keyContactLeft.companyId);
    expect(reviews.triggered.map((t) => t.kind)).toContain('key_contact_left');
  });

  it('names one admin, the other partners and the Key Account Managers team as managers; everyone else reads only', async () => {
    const [companyId] = stories.clearlyKey;
    const permissionsOf = async (userId: number) => (await readCard(companyId!, userId)).permissions;
    const stored = await loadSettings(client, new ObjectTypeResolver(client));

    expect(stored.settings.access).toEqual(access);
    expect(stored.portal).toEqual({ currency: 'GBP', timeZone: 'Europe/London' });
    expect(access.adminUserIds).toEqual([String(person('partners').userId)]);
    expect(await permissionsOf(admin.userId)).toMatchObject({ isAdmin: true, canEdit: true });
    expect(await permissionsOf(person('keyAccounts').userId)).toMatchObject({ isAdmin: false, canEdit: true });
    expect(await permissionsOf(people.filter((p) => p.team === 'partners')[1]!.userId)).toMatchObject({
      isAdmin: false,
      canEdit: true,
    });
    expect(await permissionsOf(person('salesSouth').userId)).toMatchObject({ isAdmin: false, canEdit: false });
    expect(await permissionsOf(person('research').userId)).toMatchObject({ isAdmin: false, canEdit: false });
  });

  it('is a portal setup has already run on: running it again changes nothing', async () => {
    const report = await runSetup(client, { now: DEMO_NOW });
    expect(report.steps.filter((s) => s.action !== 'unchanged')).toEqual([]);
    expect(report).toMatchObject({ previousVersion: SETUP_VERSION, changed: 0 });
  });

  it("keeps the Keystone records' ids whatever day it is generated on", () => {
    const later = demoPortal({ now: DEMO_NOW + 40 * DAY }).seed;
    for (const type of [PORTAL_SETTINGS.name, KEY_ACCOUNT_PLAN.name, PLAN_REVISION.name, OBJECTIVE.name, REVIEW.name]) {
      expect(later.objects[type]!.map((r) => r.id)).toEqual(seed.objects[type]!.map((r) => r.id));
    }
  });
});
