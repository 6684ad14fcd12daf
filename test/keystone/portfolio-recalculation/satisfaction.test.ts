import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as clientSatisfactionMain } from '../../../src/app/functions/client_satisfaction.ts';
import { main as portfolioOverviewMain } from '../../../src/app/functions/portfolio_overview.ts';
import { main as saveSettingsMain } from '../../../src/app/functions/save_settings.ts';
import { COMPANY_PROPERTY } from '../../../src/crm/model/index.ts';
import { ObjectTypeResolver } from '../../../src/crm/object-types.ts';
import { defaultSettings, type Settings } from '../../../src/kam/settings/index.ts';
import { satisfactionSummary, storedSatisfaction } from '../../../src/keystone/account/satisfaction.ts';
import { recalculateSlice } from '../../../src/keystone/portfolio-recalculation/index.ts';
import {
  NOW,
  anOwner,
  loadAccounts,
  startSandboxPortal,
  type LoadableAccount,
  type SandboxPortal,
} from '../../app/functions/account-portal.ts';
import { onTestClock } from '../../clock.ts';

const clientSatisfaction = onTestClock(clientSatisfactionMain);
const portfolioOverview = onTestClock(portfolioOverviewMain);
const saveSettings = onTestClock(saveSettingsMain);

// Client satisfaction on the portfolio pages, against the sandbox: recalculation reads the survey
// answers of each key account's contacts with its relationships and stores the card's reading on the
// company, so the portfolio shows it from the companies it already reads.

const admin = anOwner({ firstName: 'Ada', lastName: 'Admin' });
const settings: Settings = {
  ...defaultSettings(),
  access: { adminUserIds: [String(admin.userId)], managerUserIds: [String(admin.userId)], managerTeamIds: [] },
};

/** A key account two of whose people answered surveys this year and last half-year. */
const answering = (): LoadableAccount => ({
  owners: [admin],
  company: { name: 'Answering', [COMPANY_PROPERTY.status]: 'key' },
  contacts: [{ id: '8601' }, { id: '8602' }],
  surveyResponses: [
    { contactId: '8601', surveyType: 'NPS', value: '10', daysAgo: 20 },
    { contactId: '8602', surveyType: 'NPS', value: '4', daysAgo: 250 },
    { contactId: '8602', surveyType: 'CSAT', value: '4', daysAgo: 30 },
    { contactId: '8601', surveyType: 'CUSTOM', value: '3', daysAgo: 5 },
  ],
});

/** A key account whose people never answered a survey. */
const silent = (): LoadableAccount => ({
  owners: [admin],
  company: { name: 'Silent', [COMPANY_PROPERTY.status]: 'key' },
  contacts: [{ id: '8611' }],
});

const run = (portal: SandboxPortal) =>
  recalculateSlice(portal.client, {
    cursor: null,
    budgetMs: 12_000,
    settings,
    now: NOW,
    elapsed: () => performance.now(),
    objectTypes: new ObjectTypeResolver(portal.client),
  });

describe('client satisfaction in portfolio recalculation', () => {
  let portal: SandboxPortal;
  let answered: string;
  let quiet: string;
  const stored = async (companyId: string) => {
    const company = await portal.client.crm.companies.basicApi.getById(companyId, [
      COMPANY_PROPERTY.satisfaction,
      COMPANY_PROPERTY.coverageScore,
    ]);
    return company.properties;
  };

  beforeAll(async () => {
    portal = await startSandboxPortal();
    portal.useForFunctions();
    [answered, quiet] = (await loadAccounts(portal, [answering(), silent()])).map((a) => a.companyId) as [
      string,
      string,
    ];
    const saved = await saveSettings({ parameters: { userId: admin.userId, settings, expectedRevision: 0 } });
    if (saved.status !== 'ok') throw new Error(`could not save the settings: ${saved.message}`);
    expect(await run(portal)).toMatchObject({ done: true });
  });
  afterAll(() => portal.close());

  it('stores on each key account the reading client_satisfaction answers for it, and nothing where nobody answered', async () => {
    const card = await clientSatisfaction({ parameters: { companyId: answered, userId: admin.userId } });
    if (card.status !== 'ok') throw new Error(`client_satisfaction failed: ${card.message}`);
    expect(card.surveys.map((s) => s.kind)).toEqual(['NPS', 'CSAT']);

    const summary = storedSatisfaction((await stored(answered))[COMPANY_PROPERTY.satisfaction]);
    expect(summary).toEqual(satisfactionSummary(card.surveys));
    expect(summary?.[0]).toMatchObject({ kind: 'NPS', latestValue: 10, latestAt: NOW - 20 * 86_400_000, trend: 200 });
    expect((await stored(quiet))[COMPANY_PROPERTY.satisfaction] || null).toBeNull();
  });

  it('answers it per key account on the portfolio home and in the quarterly report, reading no survey itself', async () => {
    await portal.control.resetStats();
    const answer = await portfolioOverview({ parameters: { userId: admin.userId } });
    if (answer.status !== 'ok') throw new Error(`portfolio_overview failed: ${answer.message}`);
    // From the companies it already reads: no survey read of its own.
    const routes = Object.keys((await portal.control.stats()).byRoute);
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((route) => route.includes('feedback_submissions'))).toEqual([]);
    const card = await clientSatisfaction({ parameters: { companyId: answered, userId: admin.userId } });
    if (card.status !== 'ok') throw new Error(`client_satisfaction failed: ${card.message}`);

    const account = (companyId: string) => answer.programme.keyAccounts.find((a) => a.companyId === companyId);
    expect(account(answered)?.satisfaction).toEqual(satisfactionSummary(card.surveys));
    expect(account(quiet)?.satisfaction).toBeNull();
    const reported = (companyId: string) => answer.quarterlyReport.accounts.find((a) => a.companyId === companyId);
    expect(reported(answered)?.satisfaction).toEqual(satisfactionSummary(card.surveys));
    expect(reported(quiet)?.satisfaction).toBeNull();
  });

  it('carries on without satisfaction when HubSpot refuses the surveys, keeping what was stored', async () => {
    const before = await stored(answered);
    // HubSpot's answer to an app without the survey scope, through the real client.
    await portal.control.resetStats();
    await portal.control.injectFault({
      kind: 'forbidden',
      scopes: ['crm.objects.feedback_submissions.read'],
      path: '/crm/v4/associations/contacts/feedback_submissions/batch/read',
    });
    try {
      expect(await run(portal)).toMatchObject({ done: true, processed: 2 });
      const routes = Object.keys((await portal.control.stats()).byRoute);
      expect(routes.some((route) => route.includes('feedback_submissions'))).toBe(true);
    } finally {
      await portal.control.clearFaults();
    }
    const after = await stored(answered);
    expect(after[COMPANY_PROPERTY.satisfaction]).toBe(before[COMPANY_PROPERTY.satisfaction]);
    expect(after[COMPANY_PROPERTY.coverageScore]).toBeTruthy();
  });
});
