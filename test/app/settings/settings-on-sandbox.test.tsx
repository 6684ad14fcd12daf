import {
  Button,
  hubspot,
  LoadingSpinner,
  MultiSelect,
  NumberInput,
  StatisticsItem,
  StatusTag,
  Text,
} from '@hubspot/ui-extensions';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main as getSettingsMain } from '../../../src/app/functions/get_settings.ts';
import { main as portfolioFactsMain } from '../../../src/app/functions/portfolio_facts.ts';
import { main as recalculatePortfolioMain } from '../../../src/app/functions/recalculate_portfolio.ts';
import { main as runSetupMain } from '../../../src/app/functions/run_setup.ts';
import { main as saveSettingsMain } from '../../../src/app/functions/save_settings.ts';
import { SettingsPage } from '../../../src/app/settings/Settings.tsx';
import { COMPANY_PROPERTY } from '../../../src/crm/model/index.ts';
import { aCompany, aDeal, anOwner, startSandboxPortal, type SandboxPortal } from '../../crm/sandbox-portal.ts';
import { renderer, withText } from '../ui/test-utils.ts';
import { onTestClock, testClock } from '../../clock.ts';

const getSettings = onTestClock(getSettingsMain);
const portfolioFacts = onTestClock(portfolioFactsMain);
const recalculatePortfolio = onTestClock(recalculatePortfolioMain);
const runSetup = onTestClock(runSetupMain);
const saveSettings = onTestClock(saveSettingsMain);

// The settings page against the real app functions on the local HubSpot sandbox, as an admin sets
// Keystone up in a new portal: setup, naming the admin, the live preview from the portfolio's real
// facts, and a full recalculation.

const admin = anOwner({ firstName: 'Ada', lastName: 'Admin' });
const star = aCompany({
  [COMPANY_PROPERTY.prestige]: '10',
  [COMPANY_PROPERTY.strategicFit]: '10',
  [COMPANY_PROPERTY.marginPercent]: '50',
  [COMPANY_PROPERTY.potentialRevenue]: '500000',
  [COMPANY_PROPERTY.referralCount]: '9',
  [COMPANY_PROPERTY.totalSpendInOurArea]: '3000000',
});
const unknownClient = aCompany();
const wonLastMonth = aDeal({ amount: '300000', closedate: new Date(testClock.now() - 30 * 86_400_000).toISOString() });

const FUNCTIONS: Record<string, (context: { parameters: unknown }) => Promise<unknown>> = {
  get_settings: getSettings,
  save_settings: saveSettings,
  run_setup: runSetup,
  portfolio_facts: portfolioFacts,
  recalculate_portfolio: recalculatePortfolio,
};

describe('the settings page on the sandbox portal', () => {
  let portal: SandboxPortal;
  beforeAll(async () => {
    portal = await startSandboxPortal({
      owners: [admin],
      companies: [star, unknownClient],
      deals: [wonLastMonth],
      dealCompanies: [[wonLastMonth.id, star.id]],
    });
    portal.useForFunctions();
  });
  afterAll(() => portal.close());
  afterEach(() => vi.restoreAllMocks());

  it('takes an admin from a new portal through setup, naming themselves admin, the preview and a recalculation', async () => {
    vi.spyOn(hubspot, 'serverless').mockImplementation(async (uid: string, options?: { parameters?: unknown }) =>
      FUNCTIONS[uid]!({ parameters: options?.parameters }),
    );
    const page = renderer('settings');
    page.mocks.context.user.id = admin.userId;
    page.render(<SettingsPage />);
    await page.waitFor(() => expect(page.maybeFind(LoadingSpinner)).toBeNull());
    expect(page.find(StatusTag).text).toBe('Not set up');

    page.find(Button, withText('Run setup')).trigger('onClick');
    await page.waitFor(() => expect(page.find(StatusTag).text).toBe('Up to date'));

    // The admins list offers the portal's users by name.
    expect(page.find(MultiSelect, { name: 'admin-users' }).props.options).toContainEqual({
      value: String(admin.userId),
      label: expect.stringContaining(admin.firstName),
    });
    page.find(MultiSelect, { name: 'admin-users' }).trigger('onChange', [String(admin.userId)] as never);
    page.find(Button, withText('Save settings')).trigger('onClick');
    await page.waitFor(() =>
      expect(page.find(MultiSelect, { name: 'admin-users' }).props.value).toEqual([String(admin.userId)]),
    );
    await page.waitFor(() =>
      expect(page.find(StatisticsItem, { label: 'Score as key accounts' }).props.number).toBe('1'),
    );
    expect(page.find(StatisticsItem, { label: 'Score as key accounts' }).find(Text).text).toBe(
      '100% of revenue; 0 of them key accounts now',
    );
    expect(page.find(StatisticsItem, { label: 'Companies scored' }).props.number).toBe('2');

    page.find(NumberInput, { name: 'threshold-key' }).trigger('onChange', 100 as never);
    await page.waitFor(() =>
      expect(page.find(StatisticsItem, { label: 'Score as key accounts' }).props.number).toBe('0'),
    );
    // Recalculation scores with the saved settings: it waits while the threshold is being edited.
    expect(page.find(Button, withText('Recalculate all companies')).props.disabled).toBe(true);
    page.find(Button, withText('Discard changes')).trigger('onClick');

    await page.waitFor(() =>
      expect(page.find(Button, withText('Recalculate all companies')).props.disabled).toBe(false),
    );
    page.find(Button, withText('Recalculate all companies')).trigger('onClick');
    await page.waitFor(() =>
      expect(page.findByTestId(Text, 'recalculation-done').text).toMatch(/^Recalculated 2 companies, finished .+\.$/),
    );
    const written = await portal.client.crm.companies.basicApi.getById(star.id, [COMPANY_PROPERTY.suggestedStatus]);
    expect(written.properties[COMPANY_PROPERTY.suggestedStatus]).toBe('key');
    // The settings now say when the last complete run was, and over how many companies; the log, that it finished.
    expect(await getSettings({ parameters: { userId: admin.userId } })).toMatchObject({
      status: 'ok',
      lastRecalculation: { companiesScored: 2 },
      adminActions: expect.arrayContaining([
        expect.objectContaining({ kind: 'recalculation', summary: 'Started a portfolio recalculation' }),
        expect.objectContaining({
          kind: 'recalculation_finished',
          summary: 'Finished a portfolio recalculation of 2 companies',
        }),
      ]),
    });
  });
});
