import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as cardDataMain } from '../../../src/app/functions/card_data.ts';
import { main as getSettingsMain } from '../../../src/app/functions/get_settings.ts';
import { main as logReviewMain } from '../../../src/app/functions/log_review.ts';
import { main as recalculatePortfolioMain } from '../../../src/app/functions/recalculate_portfolio.ts';
import { main as recordContactDepartureMain } from '../../../src/app/functions/record_contact_departure.ts';
import { main as recordContactStanceMain } from '../../../src/app/functions/record_contact_stance.ts';
import { main as saveAccountPlanMain } from '../../../src/app/functions/save_account_plan.ts';
import { main as saveSettingsMain } from '../../../src/app/functions/save_settings.ts';
import { main as tagKeyAccountMain } from '../../../src/app/functions/tag_key_account.ts';
import { main as untagKeyAccountMain } from '../../../src/app/functions/untag_key_account.ts';
import { ACCOUNT_SUMMARY_PROPERTY as P, type CardData } from '../../../src/contracts/index.ts';
import { CONTACT_PROPERTY } from '../../../src/crm/model/index.ts';
import { reviewDueness } from '../../../src/kam/reviews/index.ts';
import { defaultSettings } from '../../../src/kam/settings/index.ts';
import { USER_SESSION_HEADER } from '../../../sandbox/http/auth.ts';
import { onTestClock, testClock } from '../../clock.ts';
import {
  DAY,
  NOW,
  anOwner,
  configureAccess,
  loadAccount,
  startSandboxPortal,
  type SandboxPortal,
} from './account-portal.ts';

// The sidebar shows what is stored on the company record (src/contracts/account-summary.ts), read in
// the user's own session. Every action that changes one of those values writes it at once, so what the
// sidebar reads right after an action is what the tab shows.

const cardData = onTestClock(cardDataMain);
const tag = onTestClock(tagKeyAccountMain);
const untag = onTestClock(untagKeyAccountMain);
const recordStance = onTestClock(recordContactStanceMain);
const recordDeparture = onTestClock(recordContactDepartureMain);
const savePlan = onTestClock(saveAccountPlanMain);
const logReview = onTestClock(logReviewMain);
const recalculate = onTestClock(recalculatePortfolioMain);
const getSettings = onTestClock(getSettingsMain);
const saveSettings = onTestClock(saveSettingsMain);

const admin = anOwner({ firstName: 'Ada', lastName: 'Admin' });
const manager = anOwner({ firstName: 'Max', lastName: 'Manager' });

describe('the fields the sidebar shows', () => {
  let portal: SandboxPortal;
  let companyId: string;
  let contactIds: string[];

  /** The company's stored summary as the sidebar reads it: in the manager's session, not with the app's token. */
  const sidebarReads = async (): Promise<Record<string, string | null>> => {
    const query = new URLSearchParams({ properties: Object.values(P).join(',') });
    const response = await fetch(`${portal.sandbox.baseUrl}/crm/v3/objects/companies/${companyId}?${query}`, {
      headers: { [USER_SESSION_HEADER]: String(manager.userId) },
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { properties: Record<string, string | null> }).properties;
  };
  const tab = async (): Promise<CardData> => {
    const answer = await cardData({ parameters: { companyId, userId: manager.userId } });
    if (answer.status !== 'ok') throw new Error(answer.message);
    return answer;
  };
  const ok = <T extends { status: string }>(answer: T): Extract<T, { status: 'ok' }> => {
    if (answer.status !== 'ok') throw new Error(JSON.stringify(answer));
    return answer as Extract<T, { status: 'ok' }>;
  };
  const at = (value: string | null | undefined) => (value ? Date.parse(value) : null);
  // The top risk is the first warning the tab lists.
  const topRiskOf = (card: CardData) => card.relationships.coverage.warnings[0]?.message ?? '';

  beforeAll(async () => {
    testClock.set(NOW);
    portal = await startSandboxPortal();
    portal.useForFunctions();
    ({ companyId, contactIds } = await loadAccount(portal, {
      owners: [admin, manager],
      company: { hubspot_owner_id: manager.id },
      contacts: [
        { firstname: 'Ann', properties: { jobtitle: 'CFO', [CONTACT_PROPERTY.decisionPower]: 'decides' } },
        { firstname: 'Bob', properties: { jobtitle: 'Buyer' } },
      ],
      activities: [{ type: 'meetings', ownerId: manager.id, contactIds: [], daysAgo: 5 }],
    }));
    await configureAccess(admin, { managerUserIds: [String(manager.userId)] });
  });
  afterAll(() => portal.close());

  it('tagging and untagging write the status', async () => {
    ok(await tag({ parameters: { companyId, userId: manager.userId, expectedStatus: 'none', reason: 'Top client' } }));
    expect((await sidebarReads())[P.status]).toBe('key');
    ok(await untag({ parameters: { companyId, userId: manager.userId, expectedStatus: 'key', reason: 'Lost it' } }));
    expect((await sidebarReads())[P.status]).toBe('former');
    ok(await tag({ parameters: { companyId, userId: manager.userId, expectedStatus: 'former', reason: 'Back' } }));
    expect((await sidebarReads())[P.status]).toBe('key');
  });

  it('a stance weighs coverage again: its score, top risk and when, as the tab shows them', async () => {
    testClock.set(NOW + DAY);
    const before = await sidebarReads();
    ok(
      await recordStance({
        parameters: { companyId, userId: manager.userId, contactId: contactIds[0]!, stance: 'enemy' },
      }),
    );
    const stored = await sidebarReads();
    const card = await tab();
    expect(Number(stored[P.coverageScore])).toBe(card.relationships.coverage.score);
    expect(stored[P.topRisk]).toBe(topRiskOf(card));
    expect(stored[P.topRisk]).toBeTruthy();
    expect(at(stored[P.coverageScoredAt])).toBe(NOW + DAY);
    expect(before[P.coverageScoredAt] ?? '').toBe('');
  });

  it('a departure makes the departed key contact the top risk at once', async () => {
    testClock.set(NOW + 2 * DAY);
    ok(
      await recordDeparture({
        parameters: {
          companyId,
          userId: manager.userId,
          contactId: contactIds[0]!,
          left: true,
          reason: 'moved_role',
          replacedByContactId: null,
        },
      }),
    );
    const stored = await sidebarReads();
    const card = await tab();
    expect(stored[P.topRisk]).toBe(topRiskOf(card));
    // Worded by why they left: someone who moved to another role there has not left the client.
    expect(stored[P.topRisk]).toContain(' moved to another role: who has taken over');
    // Nobody at the client hears from us either, but the departure is the one the tab lists first.
    expect(card.relationships.coverage.warnings.map((w) => w.kind).slice(0, 2)).toEqual([
      'departed_key_contacts',
      'out_of_touch',
    ]);
    expect(Number(stored[P.coverageScore])).toBe(card.relationships.coverage.score);
    expect(at(stored[P.coverageScoredAt])).toBe(NOW + 2 * DAY);
  });

  it('a departure recorded with who replaced them is not asked about again, on the sidebar or the tab', async () => {
    testClock.set(NOW + 2 * DAY + 60_000);
    ok(
      await recordDeparture({
        parameters: {
          companyId,
          userId: manager.userId,
          contactId: contactIds[0]!,
          left: true,
          reason: 'retired',
          replacedByContactId: contactIds[1]!,
        },
      }),
    );
    const stored = await sidebarReads();
    const card = await tab();
    expect(card.relationships.coverage.warnings.map((w) => w.kind)).not.toContain('departed_key_contacts');
    expect(stored[P.topRisk] ?? '').not.toContain('who has taken over');
    expect(stored[P.topRisk] ?? '').toBe(topRiskOf(card));
  });

  it("the plan's first save sets the next review, and a logged review moves it, as the tab shows", async () => {
    expect((await sidebarReads())[P.nextReviewDue] ?? '').toBe('');
    const plan = {
      businessObjective: 'Grow',
      team: {},
      objectives: [],
      quarterlyTargets: { fiscalYear: new Date(NOW).getUTCFullYear(), rows: [] },
    };
    ok(await savePlan({ parameters: { companyId, userId: manager.userId, baseRevision: 0, plan } }));
    const planned = at((await sidebarReads())[P.nextReviewDue]);
    expect(planned).not.toBeNull();
    expect(planned).toBe((await tab()).reviews.nextDueAt);

    testClock.set(NOW + 3 * DAY);
    ok(
      await logReview({
        parameters: {
          companyId,
          userId: manager.userId,
          kind: 'calendar',
          outcomes: ['plan_updated'],
          summary: 'On track.',
        },
      }),
    );
    const reviewed = at((await sidebarReads())[P.nextReviewDue]);
    expect(reviewed).toBe((await tab()).reviews.nextDueAt);
    expect(reviewed).toBeGreaterThan(planned!);
  });

  it('recalculation writes the score and when it was scored', async () => {
    testClock.set(NOW + 4 * DAY);
    expect(ok(await recalculate({ parameters: { userId: admin.userId } })).done).toBe(true);
    const stored = await sidebarReads();
    const card = await tab();
    expect(Number(stored[P.score])).toBeCloseTo(card.keyAccount.score.total, 1);
    expect(at(stored[P.scoredAt])).toBe(NOW + 4 * DAY);
    expect(stored[P.suggestedStatus]).toBe(card.keyAccount.score.suggestedStatus);
  });

  it("the review's days of grace go with its date and follow the settings at recalculation, so the sidebar tells due from overdue as the tab does", async () => {
    const stored = await sidebarReads();
    const dueAt = at(stored[P.nextReviewDue])!;
    expect(stored[P.reviewOverdueAfterDays]).toBe(String(defaultSettings().reviews.overdueAfterDays));

    testClock.set(NOW + 5 * DAY);
    const current = ok(await getSettings({ parameters: { userId: admin.userId } }));
    const settings = { ...current.settings, reviews: { ...current.settings.reviews, overdueAfterDays: 14 } };
    ok(await saveSettings({ parameters: { userId: admin.userId, settings, expectedRevision: current.revision } }));
    expect(ok(await recalculate({ parameters: { userId: admin.userId } })).done).toBe(true);
    const followed = await sidebarReads();
    expect(followed[P.reviewOverdueAfterDays]).toBe('14');

    for (const daysPast of [3, 10, 20]) {
      testClock.set(dueAt + daysPast * DAY);
      const overdueAfterDays = Number(followed[P.reviewOverdueAfterDays]);
      expect(reviewDueness({ dueAt, overdueAfterDays, now: testClock.now() })).toBe((await tab()).reviews.status);
    }
  });
});
