import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as clientSatisfactionMain } from '../../../src/app/functions/client_satisfaction.ts';
import {
  anOwner,
  configureAccess,
  DAY,
  loadAccount,
  NOW,
  startSandboxPortal,
  type SandboxPortal,
} from './account-portal.ts';
import { onTestClock } from '../../clock.ts';

const clientSatisfaction = onTestClock(clientSatisfactionMain);

const admin = anOwner({ firstName: 'Ada', lastName: 'Admin' });
const salesperson = anOwner({ firstName: 'Sal', lastName: 'Seller' });

describe('client_satisfaction', () => {
  let portal: SandboxPortal;

  beforeAll(async () => {
    portal = await startSandboxPortal();
    portal.useForFunctions();
  });
  afterAll(() => portal.close());

  it("reads the client's survey answers through HubSpot's survey responses: latest score and trend per kind", async () => {
    const { companyId } = await loadAccount(portal, {
      owners: [admin, salesperson],
      contacts: [{ id: '801' }, { id: '802' }],
      otherCompanies: [{ id: '899', contactIds: ['803'] }],
      surveyResponses: [
        { contactId: '801', surveyType: 'NPS', value: '10', daysAgo: 20 },
        { contactId: '802', surveyType: 'NPS', value: '4', daysAgo: 250 },
        { contactId: '802', surveyType: 'CSAT', value: '4', daysAgo: 30 },
        // Another client's answer, and a custom survey with no common scale: neither counts.
        { contactId: '803', surveyType: 'NPS', value: '0', daysAgo: 5 },
        { contactId: '801', surveyType: 'CUSTOM', value: '3', daysAgo: 5 },
      ],
    });
    await configureAccess(admin, { managerUserIds: [] });
    await portal.control.resetStats();

    const answer = await clientSatisfaction({ parameters: { companyId, userId: salesperson.userId } });

    expect(answer).toEqual({
      status: 'ok',
      companyId,
      readAt: NOW,
      responsesRead: 4,
      surveys: [
        {
          kind: 'NPS',
          latest: { kind: 'NPS', value: 10, at: NOW - 20 * DAY, contactId: '801' },
          responses: 2,
          score: 0,
          trend: 200,
        },
        {
          kind: 'CSAT',
          latest: { kind: 'CSAT', value: 4, at: NOW - 30 * DAY, contactId: '802' },
          responses: 1,
          score: 4,
          trend: null,
        },
      ],
    });
    // Reads only: HubSpot refuses writes to survey responses, and nothing else changes.
    expect(await portal.writes()).toEqual([]);
  });

  it('answers no readings when the client never answered a survey', async () => {
    const { companyId } = await loadAccount(portal, { owners: [admin, salesperson], contacts: [{ id: '811' }] });
    await configureAccess(admin, { managerUserIds: [] });
    expect(await clientSatisfaction({ parameters: { companyId, userId: salesperson.userId } })).toMatchObject({
      status: 'ok',
      surveys: [],
      responsesRead: 0,
    });
  });
});
