import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main as recalculateMain } from '../../../src/app/functions/recalculate_portfolio.ts';
import { main as runSetupMain } from '../../../src/app/functions/run_setup.ts';
import { main as saveSettingsMain } from '../../../src/app/functions/save_settings.ts';
import { defaultSettings } from '../../../src/kam/settings/index.ts';
import { recalculateSlice } from '../../../src/keystone/portfolio-recalculation/index.ts';
import type * as recalculation from '../../../src/keystone/portfolio-recalculation/index.ts';
import { aCompany, anOwner, startSandboxPortal, type SandboxPortal } from '../../crm/sandbox-portal.ts';
import { onTestClock, TEST_NOW } from '../../clock.ts';

// An account too large to weigh in any invocation takes a very large portal to make (see
// test/keystone/portfolio-recalculation/heavy-pages.test.ts): here the run says it met one, and the
// function names it for the settings page.
vi.mock('../../../src/keystone/portfolio-recalculation/index.ts', async (original) => ({
  ...(await original<typeof recalculation>()),
  recalculateSlice: vi.fn(),
}));

const recalculate = onTestClock(recalculateMain);
const admin = anOwner({ firstName: 'Ada' });
const giant = aCompany({ name: 'Giant Holdings' });

describe('recalculate_portfolio', () => {
  let portal: SandboxPortal;
  beforeAll(async () => {
    portal = await startSandboxPortal({ owners: [admin], companies: [giant] });
    portal.useForFunctions();
    expect(await onTestClock(runSetupMain)({ parameters: { userId: admin.userId } })).toMatchObject({ status: 'ok' });
    const settings = {
      ...defaultSettings(),
      access: { adminUserIds: [String(admin.userId)], managerUserIds: [], managerTeamIds: [] },
    };
    const saved = await onTestClock(saveSettingsMain)({
      parameters: { userId: admin.userId, settings, expectedRevision: 0 },
    });
    expect(saved).toMatchObject({ status: 'ok' });
  });
  afterAll(() => portal.close());

  it('names the accounts too large to weigh, as the admin knows them, not by their HubSpot ids', async () => {
    vi.mocked(recalculateSlice).mockResolvedValue({
      cursor: null,
      stage: 'relationships',
      processed: 1,
      total: 1,
      interruptedBy: null,
      retryAfterMs: null,
      coverageNotRead: [giant.id, '990001'],
      pausedFor: null,
      done: true,
      finishedAt: TEST_NOW,
    });
    expect(await recalculate({ parameters: { userId: admin.userId } })).toMatchObject({
      status: 'ok',
      coverageNotRead: [giant.id, '990001'],
      // A company HubSpot no longer knows keeps its id: there is no name to give.
      coverageNotReadCompanies: [
        { companyId: giant.id, name: 'Giant Holdings' },
        { companyId: '990001', name: 'Company 990001' },
      ],
    });
  });
});
