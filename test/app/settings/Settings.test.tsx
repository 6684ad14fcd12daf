import {
  Alert,
  Button,
  ErrorState,
  LoadingSpinner,
  MultiSelect,
  NumberInput,
  ProgressBar,
  Select,
  StatisticsItem,
  StatusTag,
  Text,
  Toggle,
} from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsPage } from '../../../src/app/settings/Settings.tsx';
import type { PortalSettings, RecalculationAnswer, RecalculationProgress } from '../../../src/contracts/index.ts';
import {
  callsTo,
  companyFacts,
  deferred,
  failed,
  NOW,
  ok,
  portalSettings,
  renderer,
  serveChange,
  serveFunctions,
  settings,
  USER_ID,
  withText,
} from '../ui/test-utils.ts';

afterEach(() => vi.restoreAllMocks());

const full = { potentialRevenue: 500_000, marginPercent: 50, prestige: 10, strategicFit: 10, referralCount: 9 };
// Two strong clients with 60% of the revenue, one middling client, one we know nothing about.
const PORTFOLIO = [
  companyFacts({ companyId: '1', revenueLast12Months: 300_000, totalSpendInOurArea: 3_000_000, ...full }),
  companyFacts({ companyId: '2', revenueLast12Months: 300_000, totalSpendInOurArea: 3_000_000, ...full }),
  companyFacts({
    companyId: '3',
    revenueLast12Months: 100_000,
    potentialRevenue: 150_000,
    marginPercent: 20,
    prestige: 5,
    strategicFit: 5,
    referralCount: 1,
  }),
  companyFacts({
    companyId: '4',
    revenueLast12Months: 300_000,
    potentialRevenue: null,
    marginPercent: null,
    prestige: null,
    strategicFit: null,
    referralCount: null,
  }),
];

/** Renders the settings page with get_settings answering `first`, then `after` once anything was saved or run. */
async function renderSettings(
  first: PortalSettings,
  actions: Parameters<typeof serveChange>[1] = {},
  after: PortalSettings = first,
) {
  const spy = serveChange({ uid: 'get_settings', before: first, after }, actions, {
    portfolio_facts: ok({ companies: PORTFOLIO, complete: true }),
  });
  const page = renderer('settings');
  page.render(<SettingsPage />);
  await page.waitFor(() => expect(page.maybeFind(LoadingSpinner)).toBeNull());
  if (first.canEdit)
    await page.waitFor(() => expect(page.findAll(Text).map((t) => t.text)).not.toContain('Loading the preview…'));
  return { ...page, spy };
}

const statistic = (find: ReturnType<typeof renderer>['find'], label: string) => {
  const item = find(StatisticsItem, { label });
  return { number: item.props.number, detail: item.maybeFind(Text)?.text ?? null };
};

/** A recalculate_portfolio answer: a slice of scores part-way through 250 companies, unless told otherwise. */
const sliceAnswer = (answer: Partial<Omit<RecalculationAnswer, 'done' | 'finishedAt'>>): RecalculationAnswer => ({
  cursor: 'c1',
  stage: 'scores',
  processed: 100,
  total: 250,
  interruptedBy: null,
  retryAfterMs: null,
  coverageNotRead: [],
  coverageNotReadCompanies: [],
  pausedFor: null,
  ...answer,
  done: false,
});

/** The answer of a run's last slice, over 250 companies, finished at NOW (07:00 in the renderer's New York). */
const lastSliceAnswer = (answer: Partial<Omit<RecalculationAnswer, 'done' | 'finishedAt'>> = {}) => ({
  ...sliceAnswer({ cursor: null, stage: 'relationships', processed: 250, ...answer }),
  done: true as const,
  finishedAt: NOW,
});

describe('the settings page while loading and on failure', () => {
  it("asks for the settings as this user, and shows the function's message with a retry", async () => {
    const spy = serveFunctions({
      get_settings: vi
        .fn()
        .mockReturnValueOnce(
          failed('KAM.UNKNOWN_USER', 'Keystone could not find you among the HubSpot users of this portal.'),
        )
        .mockReturnValue(ok(portalSettings())),
      portfolio_facts: ok({ companies: PORTFOLIO, complete: true }),
    });
    const { render, find, waitFor } = renderer('settings');
    render(<SettingsPage />);
    await waitFor(() => expect(find(ErrorState).find(Text).text).toContain('could not find you'));
    find(Button, withText('Try again')).trigger('onClick');
    await waitFor(() => expect(find(Button, withText('Save settings'))).toBeTruthy());
    expect(callsTo(spy, 'get_settings')).toEqual([{ userId: USER_ID }, { userId: USER_ID }]);
  });
});

describe('the selection criteria and the live preview', () => {
  it('shows the saved weights and thresholds and how many companies they make key accounts, with their revenue share', async () => {
    const { find } = await renderSettings(portalSettings());
    expect(find(NumberInput, { name: 'weight-historicPurchases' }).props.value).toBe(3);
    expect(find(NumberInput, { name: 'threshold-key' }).props.value).toBe(70);
    expect(statistic(find, 'Score as key accounts')).toEqual({
      number: '2',
      detail: '60% of revenue; 0 of them key accounts now',
    });
    expect(statistic(find, 'Companies scored').number).toBe('4');
  });

  it('says the preview counts by score, beside how many hold the status now, as the portfolio page counts statuses', async () => {
    serveFunctions({
      get_settings: ok(portalSettings()),
      portfolio_facts: ok({
        companies: [
          { ...PORTFOLIO[0]!, status: 'key' },
          { ...PORTFOLIO[1]!, status: 'candidate' },
          ...PORTFOLIO.slice(2),
        ],
        complete: true,
      }),
    });
    const { render, find, findAll, waitFor } = renderer('settings');
    render(<SettingsPage />);
    await waitFor(() =>
      expect(statistic(find, 'Score as key accounts')).toEqual({
        number: '2',
        detail: '60% of revenue; 1 of them key accounts now',
      }),
    );
    expect(findAll(Text).map((t) => t.text)).toContain(
      'Counted by score alone, whatever status each company has now: managers tag key accounts and candidates. The portfolio page counts the companies tagged key accounts, and as candidates those tagged candidate with the untagged companies that score as one.',
    );
  });

  it('updates the preview as the admin moves a threshold, without calling any function', async () => {
    const { find, waitFor, spy } = await renderSettings(portalSettings());
    const calls = spy.mock.calls.length;
    find(NumberInput, { name: 'threshold-key' }).trigger('onChange', 100 as never);
    find(NumberInput, { name: 'threshold-candidate' }).trigger('onChange', 90 as never);
    await waitFor(() => expect(statistic(find, 'Score as key accounts').number).toBe('0'));
    expect(statistic(find, 'Score as candidates')).toEqual({
      number: '2',
      detail: '60% of revenue with the key accounts; 0 of them candidates now',
    });
    expect(spy.mock.calls.length).toBe(calls);
  });

  it('says when the portal was too large to read whole, so the preview covers its first companies', async () => {
    serveFunctions({
      get_settings: ok(portalSettings()),
      portfolio_facts: ok({ companies: PORTFOLIO.slice(0, 2), complete: false }),
    });
    const { render, find, waitFor } = renderer('settings');
    render(<SettingsPage />);
    await waitFor(() =>
      expect(statistic(find, 'Companies scored')).toEqual({
        number: '2',
        detail: "the first of this portal's companies: it is too large to read at once",
      }),
    );
  });

  it('says what to fix instead of previewing impossible thresholds', async () => {
    const { find, findAll, waitFor } = await renderSettings(portalSettings());
    find(NumberInput, { name: 'threshold-candidate' }).trigger('onChange', 90 as never);
    await waitFor(() =>
      expect(findAll(Text).map((t) => t.text)).toContain(
        'Give at least one criterion a weight, keep weights and scores from 0 to 100, and keep the candidate score at or below the key account score, to see the preview.',
      ),
    );
  });

  it('keeps the form working when the portfolio cannot be read for the preview', async () => {
    serveFunctions({
      get_settings: ok(portalSettings()),
      portfolio_facts: failed('KAM.HUBSPOT_UNAVAILABLE', 'HubSpot did not respond.'),
    });
    const { render, findAll, find, waitFor } = renderer('settings');
    render(<SettingsPage />);
    await waitFor(() =>
      expect(findAll(Text).map((t) => t.text)).toContain('Preview unavailable: HubSpot did not respond.'),
    );
    expect(find(Button, withText('Save settings')).props.disabled).toBe(false);
  });
});

describe('the review settings', () => {
  it("names the review cadence a default, and says a company's own cadence comes first", async () => {
    const { find } = await renderSettings(portalSettings());
    expect(find(Select, { name: 'cadence' }).props).toMatchObject({
      label: 'Default review cadence',
      description:
        'For key accounts without a cadence of their own: a company\'s "Account review cadence" property, where set, comes first.',
    });
  });

  it('says what the days of grace and the days before a contact goes stale count from', async () => {
    const { find } = await renderSettings(portalSettings());
    expect(find(NumberInput, { name: 'overdue-after' }).props.description).toBe(
      'Days of grace once a review falls due.',
    );
    expect(find(NumberInput, { name: 'stale-after' }).props.description).toBe('Days with none of our people in touch.');
  });
});

describe('who may do what', () => {
  it("offers the portal's teams and users by name, and keeps a saved id HubSpot no longer knows visible so it can be removed", async () => {
    const portal = portalSettings({
      settings: settings({
        access: { managerTeamIds: ['11'], managerUserIds: ['999'], adminUserIds: [String(USER_ID)] },
      }),
    });
    const { find } = await renderSettings(portal);
    expect(find(MultiSelect, { name: 'manager-teams' }).props).toMatchObject({
      value: ['11'],
      options: [
        { value: '11', label: 'Key accounts (2 users)' },
        { value: '12', label: 'Sales (5 users)' },
      ],
    });
    expect(find(MultiSelect, { name: 'manager-users' }).props).toMatchObject({
      value: ['999'],
      options: [
        { value: String(USER_ID), label: 'Test User (test@firm.example)' },
        { value: '7', label: 'Maria Lopez (maria@firm.example)' },
        { value: '999', label: 'User 999 (no longer in HubSpot)' },
      ],
    });
  });

  it('asks, by name and as a choice rather than an error, before a save leaves the admin the only one', async () => {
    const access = { managerTeamIds: [], managerUserIds: [], adminUserIds: [String(USER_ID), '7'] };
    const { find, maybeFind, waitFor, spy } = await renderSettings(portalSettings({ settings: settings({ access }) }), {
      save_settings: vi
        .fn()
        .mockReturnValueOnce(
          failed('KAM.INVALID_SETTINGS', 'This removes every other admin.', [
            { path: 'confirmRemovingLastOtherAdmin', message: 'confirm removing the last other admin' },
          ]),
        )
        .mockReturnValue(ok({})),
    });
    find(MultiSelect, { name: 'admin-users' }).trigger('onChange', [String(USER_ID)] as never);
    find(Button, withText('Save settings')).trigger('onClick');
    await waitFor(() =>
      expect(find(Alert, { title: "You would be Keystone's only admin" }).text).toBe(
        'Saving removes Maria Lopez as admin: nobody else could change these settings, run setup or recalculate the portfolio. Nothing was saved yet.',
      ),
    );
    expect(maybeFind(Alert, { title: 'The settings were not saved' })).toBeNull();
    find(Button, withText('Remove the other admins and save')).trigger('onClick');
    await waitFor(() => expect(callsTo(spy, 'save_settings')).toHaveLength(2));
    expect(callsTo(spy, 'save_settings')[1]).toMatchObject({ confirmRemovingLastOtherAdmin: true });
  });
});

describe('saving the settings', () => {
  it('sends the whole edited document with the revision it was read at, then shows what was saved', async () => {
    const saved = portalSettings({
      revision: 4,
      settings: settings({ reviews: { defaultCadence: 'quarterly', overdueAfterDays: 14 } }),
    });
    const { find, waitFor, spy } = await renderSettings(portalSettings(), { save_settings: ok({}) }, saved);
    find(NumberInput, { name: 'overdue-after' }).trigger('onChange', 14 as never);
    find(MultiSelect, { name: 'manager-teams' }).trigger('onChange', ['11', '12'] as never);
    find(Toggle, { name: 'write-tier' }).trigger('onChange', false as never);
    find(NumberInput, { name: 'tier-tier_2' }).trigger('onChange', 60 as never);
    find(Select, { name: 'fiscal-year-start' }).trigger('onChange', 4 as never);
    find(Button, withText('Save settings')).trigger('onClick');
    await waitFor(() => expect(callsTo(spy, 'get_settings')).toHaveLength(2));
    const [sent] = callsTo(spy, 'save_settings') as Array<{
      userId: number;
      expectedRevision: number;
      settings: ReturnType<typeof settings>;
    }>;
    expect(sent).toMatchObject({ userId: USER_ID, expectedRevision: 3 });
    expect(sent!.settings).toEqual(
      settings({
        reviews: { defaultCadence: 'quarterly', overdueAfterDays: 14 },
        access: { managerTeamIds: ['11', '12'], managerUserIds: [], adminUserIds: [String(USER_ID)] },
        hubspotSync: { syncTargetAccountFlag: true, writeIcpTier: false },
        selection: { ...settings().selection, icpTierCutoffs: { tier_1: 75, tier_2: 60, tier_3: 35 } },
        fiscalYearStartMonth: 4,
      }),
    );
    await waitFor(() => expect(find(NumberInput, { name: 'overdue-after' }).props.value).toBe(14));
  });

  it('confirms a save and says that stored scores follow at the next recalculation, which it names', async () => {
    const { find, waitFor, mocks } = await renderSettings(
      portalSettings(),
      { save_settings: ok({}) },
      portalSettings(),
    );
    find(NumberInput, { name: 'tier-tier_2' }).trigger('onChange', 60 as never);
    find(Button, withText('Save settings')).trigger('onClick');
    await waitFor(() => expect(mocks.actions.addAlert.calls).toHaveLength(1));
    const alert = (
      mocks.actions.addAlert.calls as unknown as Array<[{ type: string; title: string; message: string }]>
    )[0]?.[0];
    expect(alert).toMatchObject({ type: 'success', title: 'Settings saved' });
    expect(alert!.message).toContain('change at the next portfolio recalculation');
    expect(alert!.message).toContain('"Recalculate all companies"');
  });

  it('confirms a save of who may do what without asking for a recalculation', async () => {
    const { find, waitFor, mocks } = await renderSettings(
      portalSettings(),
      { save_settings: ok({}) },
      portalSettings(),
    );
    find(MultiSelect, { name: 'manager-teams' }).trigger('onChange', ['11', '12'] as never);
    find(Button, withText('Save settings')).trigger('onClick');
    await waitFor(() => expect(mocks.actions.addAlert.calls).toHaveLength(1));
    const alert = (mocks.actions.addAlert.calls as unknown as Array<[{ message: string }]>)[0]?.[0];
    expect(alert!.message).not.toContain('recalculation');
  });

  it('shows each field problem the function reports and keeps the edits', async () => {
    const { find, waitFor } = await renderSettings(portalSettings(), {
      save_settings: failed('KAM.INVALID_SETTINGS', 'These settings cannot be saved.', [
        { path: 'settings.access.managerTeamIds.0', message: 'HubSpot ids are digits only' },
      ]),
    });
    find(MultiSelect, { name: 'manager-teams' }).trigger('onChange', ['11', '99'] as never);
    find(Button, withText('Save settings')).trigger('onClick');
    await waitFor(() =>
      expect(find(Alert, { title: 'The settings were not saved' }).find(Text).text).toBe(
        'Manager teams: HubSpot ids are digits only',
      ),
    );
    expect(find(Alert, { title: 'The settings were not saved' }).text).toContain(
      'These settings cannot be saved. Fix the highlighted fields and try again.',
    );
    expect(find(MultiSelect, { name: 'manager-teams' }).props).toMatchObject({
      value: ['11', '99'],
      error: true,
      validationMessage: 'HubSpot ids are digits only',
    });
  });
});

describe('numbers the admin types', () => {
  it('refuses a number left blank beside its field, instead of saving the default in its place', async () => {
    const { find, waitFor, spy } = await renderSettings(portalSettings(), { save_settings: ok({}) });
    find(NumberInput, { name: 'stale-after' }).trigger('onChange', undefined as never);
    await waitFor(() =>
      expect(find(NumberInput, { name: 'stale-after' }).props).toMatchObject({
        error: true,
        validationMessage: 'Enter a number',
      }),
    );
    find(Button, withText('Save settings')).trigger('onClick');
    expect(callsTo(spy, 'save_settings')).toHaveLength(0);
  });

  it('marks every number out of its bounds at once, by the rules saving applies, and sends nothing', async () => {
    const { find, waitFor, spy } = await renderSettings(portalSettings(), { save_settings: ok({}) });
    // No min or max on the inputs: a bound there could clamp what the admin typed without a word.
    expect(find(NumberInput, { name: 'weight-prestige' }).props.min).toBeUndefined();
    find(NumberInput, { name: 'weight-prestige' }).trigger('onChange', -3 as never);
    find(NumberInput, { name: 'threshold-key' }).trigger('onChange', 150 as never);
    find(NumberInput, { name: 'overdue-after' }).trigger('onChange', 100_000 as never);
    find(NumberInput, { name: 'stale-after' }).trigger('onChange', undefined as never);
    find(Button, withText('Save settings')).trigger('onClick');
    const marked = (name: string) => find(NumberInput, { name }).props.validationMessage;
    await waitFor(() => expect(marked('stale-after')).toBe('Enter a number'));
    expect([marked('weight-prestige'), marked('threshold-key'), marked('overdue-after')]).toEqual([
      'Weights run from 0 to 100',
      'Scores run from 0 to 100',
      'Whole days from 0 to 365',
    ]);
    expect(callsTo(spy, 'save_settings')).toHaveLength(0);
    find(NumberInput, { name: 'weight-prestige' }).trigger('onChange', 3 as never);
    await waitFor(() => expect(find(NumberInput, { name: 'weight-prestige' }).props.error).toBeUndefined());
  });

  it('says beside Save that nothing was saved, naming the marked fields, until they are fixed', async () => {
    const { find, maybeFind, waitFor, spy } = await renderSettings(portalSettings(), { save_settings: ok({}) });
    find(NumberInput, { name: 'weight-prestige' }).trigger('onChange', -3 as never);
    find(NumberInput, { name: 'stale-after' }).trigger('onChange', undefined as never);
    // Marked at once; the foot of the page speaks only once Save is pressed.
    await waitFor(() => expect(find(NumberInput, { name: 'weight-prestige' }).props.error).toBe(true));
    expect(maybeFind(Alert, { title: 'The settings were not saved' })).toBeNull();
    find(Button, withText('Save settings')).trigger('onClick');
    await waitFor(() =>
      expect(find(Alert, { title: 'The settings were not saved' }).text).toBe(
        'Fix the 2 fields marked above: Prestige and Contacts go stale after (days).',
      ),
    );
    find(NumberInput, { name: 'weight-prestige' }).trigger('onChange', 3 as never);
    await waitFor(() =>
      expect(find(Alert, { title: 'The settings were not saved' }).text).toBe(
        'Fix the field marked above: Contacts go stale after (days).',
      ),
    );
    find(NumberInput, { name: 'stale-after' }).trigger('onChange', 90 as never);
    await waitFor(() => expect(maybeFind(Alert, { title: 'The settings were not saved' })).toBeNull());
    expect(callsTo(spy, 'save_settings')).toHaveLength(0);
  });

  it('shows what the function said of a field beside it, and drops that once the field changes', async () => {
    const { find, waitFor } = await renderSettings(portalSettings(), {
      save_settings: failed('KAM.INVALID_SETTINGS', 'These settings cannot be saved.', [
        { path: 'settings.selection.thresholds.candidate', message: 'The candidate threshold (50) cannot be above…' },
      ]),
    });
    find(Button, withText('Save settings')).trigger('onClick');
    await waitFor(() =>
      expect(find(NumberInput, { name: 'threshold-candidate' }).props).toMatchObject({
        error: true,
        validationMessage: 'The candidate threshold (50) cannot be above…',
      }),
    );
    find(NumberInput, { name: 'threshold-candidate' }).trigger('onChange', 40 as never);
    await waitFor(() => expect(find(NumberInput, { name: 'threshold-candidate' }).props.error).toBeUndefined());
  });

  it('says once, under the weights, what the function said of them together', async () => {
    const { find, findAll, waitFor } = await renderSettings(portalSettings(), {
      save_settings: failed('KAM.INVALID_SETTINGS', 'These settings cannot be saved.', [
        { path: 'settings.selection.weights', message: 'At least one selection criterion needs a weight above 0' },
      ]),
    });
    find(Button, withText('Save settings')).trigger('onClick');
    await waitFor(() =>
      expect(
        findAll(Text).filter((t) => t.text === 'At least one selection criterion needs a weight above 0'),
      ).toHaveLength(1),
    );
    expect(find(NumberInput, { name: 'weight-prestige' }).props.error).toBe(true);
  });
});

describe('setup and recalculation', () => {
  it('says when the last complete recalculation ran and over how many companies, or that none has yet', async () => {
    const { findByTestId } = await renderSettings(portalSettings());
    expect(findByTestId(Text, 'last-recalculation').text).toMatch(/^Every company last scored: .+, 1,250 companies\.$/);
    const never = await renderSettings(portalSettings({ lastRecalculation: null }));
    expect(never.findByTestId(Text, 'last-recalculation').text).toBe(
      'Not scored every company yet: the portfolio pages show their revenue figures once a run has.',
    );
  });

  it('says when the settings were changed since the last complete recalculation, which what it stored does not follow', async () => {
    const { maybeFindByTestId } = await renderSettings(portalSettings());
    expect(maybeFindByTestId(Text, 'recalculation-outdated')).toBeNull();
    const last = portalSettings().lastRecalculation!;
    const changed = await renderSettings(
      portalSettings({ lastRecalculation: { ...last, settingsChangedAt: last.completedAt + 3_600_000 } }),
    );
    expect(changed.findByTestId(Text, 'recalculation-outdated').text).toMatch(
      /^The settings were changed since, on .+: the scores, suggested statuses and tiers stored on companies, and the portfolio pages, follow the earlier settings until you recalculate\.$/,
    );
  });

  it('shows a portal that is not set up yet and runs setup on request, then shows the new status', async () => {
    const notSetUp = portalSettings({ setup: { appliedVersion: 0, currentVersion: 2, upToDate: false } });
    const { find, findByTestId, waitFor, spy } = await renderSettings(
      notSetUp,
      { run_setup: ok({ version: 2, previousVersion: 0, changed: 31, steps: [] }) },
      portalSettings(),
    );
    expect(find(StatusTag).text).toBe('Not set up');
    expect(find(Button, withText('Recalculate all companies')).props.disabled).toBe(true);
    find(Button, withText('Run setup')).trigger('onClick');
    await waitFor(() => expect(find(StatusTag).text).toBe('Up to date'));
    expect(findByTestId(Text, 'setup-status').text).toBe('Setup version 2 of 2 is applied.');
    expect(callsTo(spy, 'run_setup')).toEqual([{ userId: USER_ID }]);
  });

  it('recalculates slice by slice, passing each cursor on and waiting when HubSpot asks, with a progress bar', async () => {
    const rateLimited = deferred<unknown>(); // holds the second slice so the progress bar can be read
    const answers = [
      ok(sliceAnswer({})),
      ok(sliceAnswer({ interruptedBy: 'KAM.HUBSPOT_RATE_LIMITED', retryAfterMs: 5 })),
      ok(
        sliceAnswer({
          cursor: 'c2',
          stage: 'relationships',
          processed: 200,
          coverageNotRead: ['901'],
          coverageNotReadCompanies: [{ companyId: '901', name: 'Giant Holdings' }],
        }),
      ),
      // The last slice meets the same account again: it is named once.
      ok(
        lastSliceAnswer({
          coverageNotRead: ['901'],
          coverageNotReadCompanies: [{ companyId: '901', name: 'Giant Holdings' }],
        }),
      ),
    ];
    let call = 0;
    const { find, findByTestId, waitFor, spy } = await renderSettings(portalSettings(), {
      recalculate_portfolio: () => (call++ === 1 ? rateLimited.promise.then(() => answers[1]) : answers[call - 1]),
    });
    find(Button, withText('Recalculate all companies')).trigger('onClick');
    await waitFor(() =>
      expect(find(ProgressBar).props).toMatchObject({
        value: 100,
        maxValue: 250,
        valueDescription: '100 of 250 companies scored',
      }),
    );
    expect(find(Button, withText('Recalculate all companies')).props.disabled).toBe(true);
    rateLimited.resolve(null);
    await waitFor(() => expect(findByTestId(Text, 'recalculation-done').text).toMatch(/^Recalculated 250 companies/));
    // An account too large to weigh in one invocation is named once the run is done, by its name.
    expect(findByTestId(Text, 'coverage-not-read').text).toBe(
      '1 key account or candidate has too many contacts and activities to weigh their relationship coverage here (Giant Holdings); their cards still show it.',
    );
    expect(callsTo(spy, 'recalculate_portfolio')).toEqual([
      { userId: USER_ID, cursor: null },
      { userId: USER_ID, cursor: 'c1' },
      { userId: USER_ID, cursor: 'c1' },
      { userId: USER_ID, cursor: 'c2' },
    ]);
    // The run is then among the admin actions, and its date is the last complete one's: the page reads them again.
    await waitFor(() => expect(callsTo(spy, 'get_settings')).toHaveLength(2));
  });

  it('says when and why the run gives way to people using Keystone', async () => {
    const held = deferred<unknown>(); // the second slice, held so the progress bar can be read
    const slice = (pausedFor: RecalculationProgress['pausedFor'], interrupted: boolean) =>
      ok(
        sliceAnswer({
          interruptedBy: interrupted ? 'KAM.BURST_WINDOW_FULL' : null,
          retryAfterMs: interrupted ? 3_000 : null,
          pausedFor,
        }),
      );
    let call = 0;
    const { find, waitFor } = await renderSettings(portalSettings(), {
      recalculate_portfolio: () =>
        call++ === 0
          ? slice({ reason: 'people', waitMs: 3_000, othersInWindow: 120 }, true)
          : held.promise.then(() => slice(null, false)),
    });
    find(Button, withText('Recalculate all companies')).trigger('onClick');
    await waitFor(() =>
      expect(find(ProgressBar).props.title).toBe(
        "Scoring companies: paused, giving way to people using Keystone (their cards sent 120 of HubSpot's requests in the last 10 s); continuing in 3 s",
      ),
    );
  });

  it('says once every company is scored that the run goes on to weigh the relationships', async () => {
    const held = deferred<unknown>();
    let call = 0;
    const { find, waitFor } = await renderSettings(portalSettings(), {
      recalculate_portfolio: () =>
        call++ === 0 ? ok(sliceAnswer({ stage: 'relationships', processed: 0, total: 36_000 })) : held.promise,
    });
    find(Button, withText('Recalculate all companies')).trigger('onClick');
    await waitFor(() =>
      expect(find(ProgressBar).props).toMatchObject({
        title: "Scores done; weighing key accounts' and candidates' relationships…",
        valueDescription: 'relationships: 0 of 36,000 companies',
      }),
    );
  });

  it('sends the same cursor again when HubSpot refused a slice before it began, rather than stop the run', async () => {
    let call = 0;
    const { findByTestId, waitFor, spy, find } = await renderSettings(portalSettings(), {
      recalculate_portfolio: () =>
        [ok(sliceAnswer({})), failed('KAM.HUBSPOT_RATE_LIMITED', 'HubSpot is busy.'), ok(lastSliceAnswer())][call++],
    });
    find(Button, withText('Recalculate all companies')).trigger('onClick');
    // The page waits two seconds before it sends the refused slice again.
    await vi.waitFor(() => expect(findByTestId(Text, 'recalculation-done').text).toMatch(/^Recalculated 250/), {
      timeout: 10_000,
    });
    await waitFor(() => expect(callsTo(spy, 'recalculate_portfolio')).toHaveLength(3));
    expect(callsTo(spy, 'recalculate_portfolio')).toEqual([
      { userId: USER_ID, cursor: null },
      { userId: USER_ID, cursor: 'c1' },
      { userId: USER_ID, cursor: 'c1' },
    ]);
  }, 15_000);

  it('says when the run finished, with the date and time, in place of the line on the last complete run', async () => {
    const { find, findByTestId, maybeFindByTestId, waitFor } = await renderSettings(portalSettings(), {
      recalculate_portfolio: ok(lastSliceAnswer({ processed: 2_000, total: 2_000 })),
    });
    find(Button, withText('Recalculate all companies')).trigger('onClick');
    await waitFor(() =>
      expect(findByTestId(Text, 'recalculation-done').text).toBe(
        'Recalculated 2,000 companies, finished 24 Nov 2026, 07:00.',
      ),
    );
    expect(maybeFindByTestId(Text, 'last-recalculation')).toBeNull();
  });

  it('holds the recalculation while the form has unsaved changes, saying to save or discard them first', async () => {
    const { find, maybeFindByTestId, findByTestId, waitFor, spy } = await renderSettings(portalSettings(), {
      recalculate_portfolio: ok(lastSliceAnswer()),
    });
    const recalculate = () => find(Button, withText('Recalculate all companies'));
    expect(recalculate().props.disabled).toBe(false);
    find(NumberInput, { name: 'weight-historicPurchases' }).trigger('onChange', 9 as never);
    await waitFor(() => expect(recalculate().props.disabled).toBe(true));
    expect(findByTestId(Text, 'recalculation-waits-for-save').text).toBe(
      'Save or discard your changes to the settings below first: recalculation uses the saved settings.',
    );
    // Setup does not read the settings, so it does not wait for them.
    expect(find(Button, withText('Run setup')).props.disabled).toBe(false);

    find(Button, withText('Discard changes')).trigger('onClick');
    await waitFor(() => expect(recalculate().props.disabled).toBe(false));
    expect(maybeFindByTestId(Text, 'recalculation-waits-for-save')).toBeNull();
    expect(callsTo(spy, 'recalculate_portfolio')).toEqual([]);
  });

  it('lets the recalculation run once the changes are saved, with the settings the page read again', async () => {
    const saved = portalSettings({
      revision: 4,
      settings: settings({
        selection: { ...settings().selection, weights: { ...settings().selection.weights, historicPurchases: 9 } },
      }),
    });
    const { find, waitFor } = await renderSettings(portalSettings(), { save_settings: ok({}) }, saved);
    find(NumberInput, { name: 'weight-historicPurchases' }).trigger('onChange', 9 as never);
    await waitFor(() => expect(find(Button, withText('Recalculate all companies')).props.disabled).toBe(true));
    find(Button, withText('Save settings')).trigger('onClick');
    await waitFor(() => expect(find(Button, withText('Recalculate all companies')).props.disabled).toBe(false));
    expect(find(NumberInput, { name: 'weight-historicPurchases' }).props.value).toBe(9);
  });

  it('does not hold the recalculation for unsaved changes to who may do what, which it does not read', async () => {
    const { find, findAll, waitFor } = await renderSettings(portalSettings());
    find(MultiSelect, { name: 'manager-teams' }).trigger('onChange', ['11', '12'] as never);
    await waitFor(() => expect(find(MultiSelect, { name: 'manager-teams' }).props.value).toEqual(['11', '12']));
    expect(find(Button, withText('Recalculate all companies')).props.disabled).toBe(false);
    expect(findAll(Text).map((t) => t.text)).not.toContain(
      'Save or discard your changes to the settings below first: recalculation uses the saved settings.',
    );
  });

  it('stops with the message and how far it got when a slice fails', async () => {
    let call = 0;
    const { find, waitFor } = await renderSettings(portalSettings(), {
      recalculate_portfolio: () =>
        call++ === 0 ? ok(sliceAnswer({})) : failed('KAM.NOT_AN_ADMIN', 'Only Keystone admins can do this.'),
    });
    find(Button, withText('Recalculate all companies')).trigger('onClick');
    await waitFor(() =>
      expect(find(Alert, { title: 'Recalculation stopped after scoring 100 companies' }).text).toContain(
        'Only Keystone admins can do this.',
      ),
    );
  });
});

describe('the settings page for someone who is not an admin', () => {
  it('shows the settings read-only, with no buttons and no preview, saying who may change them', async () => {
    const { findAll, find, spy } = await renderSettings(portalSettings({ canEdit: false }));
    expect(findAll(Button)).toHaveLength(0);
    expect(callsTo(spy, 'portfolio_facts')).toEqual([]);
    expect(find(NumberInput, { name: 'threshold-key' }).props.readOnly).toBe(true);
    expect(find(Toggle, { name: 'sync-target' }).props.readOnly).toBe(true);
    expect(findAll(Text).map((t) => t.text)).toEqual(
      expect.arrayContaining([
        'Only Keystone admins can change these settings.',
        'Only Keystone admins can run setup and recalculation.',
      ]),
    );
  });
});
