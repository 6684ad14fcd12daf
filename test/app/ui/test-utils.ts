import { hubspot, LoadingSpinner, Tabs } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { expect, vi } from 'vitest';
import type {
  CardData,
  CompetitionSection,
  CriterionScore,
  KeyAccountSection,
  KeyContact,
  Objective,
  Permissions,
  Person,
  PlanSection,
  PortalSettings,
  RelationshipsSection,
  Review,
  ReviewsSection,
  ReviewTrigger,
  TargetRow,
} from '../../../src/contracts/index.ts';
import { CARD_SECTIONS, SECTION_FIELD, type CardSectionName } from '../../../src/contracts/card-sections.ts';
import type { CompanyFacts } from '../../../src/kam/selection/company-facts.ts';
import { defaultSettings, type Settings } from '../../../src/kam/settings/index.ts';

// Shared fixtures for the card and settings page tests: factories with overrides, one place.

/** A promise the test settles by hand, to control when a function answers. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Matches a rendered element by its whole text, e.g. `find(Button, withText('Save'))`. */
export const withText =
  (text: string) =>
  (node: { text: string | null }): boolean =>
    node.text === text;

export const ok = <Payload extends object>(payload: Payload) => ({ status: 'ok' as const, ...payload });
export const failed = (code: string, message: string, issues?: Array<{ path: string; message: string }>) => ({
  status: 'error' as const,
  code,
  message,
  ...(issues ? { issues } : {}),
});

type Handler = (parameters: Record<string, unknown>) => unknown;

/**
 * Stands in for HubSpot's function runner: each uid answers with its handler (a value, or a function of
 * the parameters). Returns the spy, whose calls are `[uid, { parameters }]`.
 */
export function serveFunctions(handlers: Record<string, Handler | object>) {
  const answer = async (uid: string, parameters: Record<string, unknown>): Promise<unknown> => {
    const handler = handlers[uid];
    if (handler === undefined && uid === 'card_section' && handlers.card_data !== undefined)
      return sectionOf((await answer('card_data', parameters)) as object, parameters.section as CardSectionName);
    if (handler === undefined) throw new Error(`No test handler for function ${uid}`);
    return typeof handler === 'function' ? (handler as Handler)(parameters) : handler;
  };
  return vi
    .spyOn(hubspot, 'serverless')
    .mockImplementation(async (uid: string, options?: { parameters?: unknown }) =>
      answer(uid, (options?.parameters ?? {}) as Record<string, unknown>),
    );
}

/** What card_section answers for one section of a whole card_data answer (an error answers as it is). */
export function sectionOf(answer: object, section: CardSectionName): object {
  if (!('keyAccount' in answer)) return answer;
  const {
    keyAccount: _k,
    relationships: _r,
    plan: _p,
    reviews: _v,
    ...base
  } = answer as ReturnType<typeof ok<CardData>>;
  const field = SECTION_FIELD[section];
  return { ...base, section, session: `sealed by ${section}`, [field]: (answer as Record<string, unknown>)[field] };
}

/** Opens each of the Key account tab's sections, as a user clicking through them, and waits until all have loaded. */
export async function openEverySection(card: ReturnType<typeof renderer>) {
  for (const section of CARD_SECTIONS) card.find(Tabs).trigger('onSelectedChange', section as never);
  await card.waitFor(() => expect(card.maybeFind(LoadingSpinner)).toBeNull());
}

/**
 * A screen's loading function answers `before` until any of the `actions` has been called, then
 * `after`: what HubSpot holds once the change is saved. `others` answer as they are.
 */
export function serveChange(
  load: { uid: string; before: object; after: object },
  actions: Record<string, Handler | object>,
  others: Record<string, Handler | object> = {},
) {
  let changed = false;
  const acting =
    (answer: Handler | object): Handler =>
    (parameters) => {
      changed = true;
      return typeof answer === 'function' ? (answer as Handler)(parameters) : answer;
    };
  return serveFunctions({
    ...others,
    [load.uid]: () => ok(changed ? load.after : load.before),
    ...Object.fromEntries(Object.entries(actions).map(([uid, answer]) => [uid, acting(answer)])),
  });
}

/** How often the tab read one of its sections. */
export const sectionLoads = (spy: ReturnType<typeof serveFunctions>, section: CardSectionName): number =>
  callsTo(spy, 'card_section').filter((p) => (p as { section: string }).section === section).length;

/** The parameters of every call to one function, in order. */
export function callsTo(spy: ReturnType<typeof serveFunctions>, uid: string): unknown[] {
  return spy.mock.calls
    .filter(([called]) => called === uid)
    .map(([, options]) => (options as { parameters: unknown }).parameters);
}

export const NOW = Date.UTC(2026, 10, 24, 12);
export const DAY = 86_400_000;
export const USER_ID = 1; // the renderer's mock user
export const COMPANY_ID = '123'; // the renderer's mock record

export const person = (name: string, overrides: Partial<Person> = {}): Person => ({
  userId: 7,
  ownerId: '70',
  name,
  ...overrides,
});

export function criterion(overrides: Partial<CriterionScore> = {}): CriterionScore {
  return {
    criterion: 'historicPurchases',
    label: 'Historic purchases',
    value: 180_000,
    unit: 'currency',
    weight: 0.25,
    contribution: 18,
    missing: null,
    ...overrides,
  };
}

export function keyAccount(overrides: Partial<KeyAccountSection> = {}): KeyAccountSection {
  return {
    status: 'key',
    changedBy: person('Maria Lopez'),
    changedAt: NOW - 30 * DAY,
    reason: 'Largest client in the region',
    history: [
      {
        status: 'key',
        previousStatus: 'candidate',
        at: NOW - 30 * DAY,
        changedBy: person('Maria Lopez'),
        reason: 'Largest client in the region',
      },
    ],
    isTargetAccount: true,
    tier: 'tier_1',
    clientStrategy: null,
    score: {
      total: 78,
      completeness: 0.9,
      enoughData: true,
      criteria: [
        criterion(),
        criterion({ criterion: 'prestige', label: 'Prestige', value: 8, unit: 'rating', weight: 0.1, contribution: 8 }),
      ],
      suggestedStatus: 'key',
      suggestedTier: 'tier_1',
      thresholds: { candidate: 50, key: 70 },
    },
    ...overrides,
  };
}

export function contact(overrides: Partial<KeyContact> = {}): KeyContact {
  return {
    contactId: '501',
    name: 'Tom Baker',
    jobTitle: 'CFO',
    email: 'tom@acme.example',
    watched: true,
    watchedBecause: ['buying_role', 'decision_power', 'stance'],
    keyContactLabel: false,
    stance: 'ally',
    stanceHistory: [{ stance: 'ally', at: NOW - 100 * DAY }],
    jobTitleHistory: [],
    buyingRoles: ['DECISION_MAKER'],
    decisionPower: 'final_say',
    decisionTopics: ['budget'],
    reportsTo: null,
    lastTouchAt: NOW - 12 * DAY,
    heldBy: [{ person: person('Maria Lopez') }],
    departure: null,
    ...overrides,
  };
}

export function relationships(overrides: Partial<RelationshipsSection> = {}): RelationshipsSection {
  return {
    competition: competition(),
    contacts: [
      contact(),
      contact({
        contactId: '502',
        name: 'Ann Lee',
        jobTitle: 'Head of IT',
        stance: 'neutral',
        decisionPower: 'influences',
        buyingRoles: [],
      }),
    ],
    coverage: { score: 64, reasons: ['2 of 2 watched contacts touched in the last 90 days'], warnings: [] },
    activities: { logged: 40, weighed: 40 },
    ...overrides,
  };
}

export function objective(overrides: Partial<Objective> = {}): Objective {
  return {
    objectiveKey: 'obj-1',
    title: 'Win the audit tender',
    measure: 'Signed contract',
    owner: person('Maria Lopez'),
    dueAt: NOW + 60 * DAY,
    status: 'open',
    achievedAt: null,
    ...overrides,
  };
}

const quarters = (q1: number | null, q2: number | null, q3: number | null, q4: number | null) => ({
  Q1: q1,
  Q2: q2,
  Q3: q3,
  Q4: q4,
});

export function targetRow(overrides: Partial<TargetRow> = {}): TargetRow {
  return {
    metric: 'meetings',
    label: 'Meetings per quarter',
    unit: 'count',
    targets: quarters(5, 5, 6, 6),
    actuals: quarters(3, 6, null, null),
    derived: true,
    measure: 'per_quarter',
    baseline: null,
    scale: null,
    status: { Q1: 'behind', Q2: 'on_track', Q3: 'not_yet_due', Q4: 'not_yet_due' },
    ...overrides,
  };
}

export function plan(overrides: Partial<PlanSection> = {}): PlanSection {
  return {
    revision: 4,
    savedBy: person('Maria Lopez'),
    savedAt: NOW - 10 * DAY,
    businessObjective: 'Become their only audit and tax adviser',
    team: {
      relationshipPartner: person('Maria Lopez'),
      accountManager: person('Sam Patel', { ownerId: '71', userId: 8 }),
      researcher: null,
    },
    objectives: [objective()],
    quarterlyTargets: {
      fiscalYear: 2026,
      fiscalYearStartMonth: 1,
      quarterStarts: {
        Q1: Date.UTC(2026, 0, 1),
        Q2: Date.UTC(2026, 3, 1),
        Q3: Date.UTC(2026, 6, 1),
        Q4: Date.UTC(2026, 9, 1),
      },
      rows: [
        targetRow(),
        targetRow({
          metric: 'custom_new_services',
          label: 'New services used',
          targets: quarters(1, 1, 1, 1),
          actuals: quarters(0, 1, null, null),
          derived: false,
        }),
      ],
      meetingsCountedAt: NOW - 2 * DAY,
    },
    investment: {
      hours: quarters(null, null, null, null),
      money: quarters(null, null, null, null),
      incomeGained: quarters(0, 0, null, null),
      year: { hours: 0, money: 0, incomeGained: 0, incomePerMoneySpent: null },
    },
    ...overrides,
  };
}

export const emptyPlan = (): PlanSection =>
  plan({
    revision: 0,
    savedBy: null,
    savedAt: null,
    businessObjective: '',
    team: { relationshipPartner: null, accountManager: null, researcher: null },
    objectives: [],
  });

export function trigger(overrides: Partial<ReviewTrigger> = {}): ReviewTrigger {
  return {
    kind: 'key_contact_title_changed',
    at: NOW - 5 * DAY,
    message: 'Tom Baker changed title from CFO to Board adviser',
    evidence: { objectType: 'contacts', objectId: '501', property: 'title', from: 'CFO', to: 'Board adviser' },
    ...overrides,
  };
}

export function review(overrides: Partial<Review> = {}): Review {
  return {
    reviewId: 'rev-1',
    kind: 'calendar',
    reviewedAt: NOW - 80 * DAY,
    reviewedBy: person('Maria Lopez'),
    outcomes: ['plan_updated'],
    summary: 'Added the tax objective',
    triggers: [],
    actions: [],
    ...overrides,
  };
}

export function reviews(overrides: Partial<ReviewsSection> = {}): ReviewsSection {
  return {
    cadence: 'quarterly',
    inReviewCycle: true,
    nextDueAt: NOW + 10 * DAY,
    status: 'upcoming',
    triggered: [],
    companyNames: {},
    history: [review()],
    ...overrides,
  };
}

export const managerPermissions = (): Permissions => ({ canEdit: true, isAdmin: false, readOnlyReason: null });
export const viewerPermissions = (): Permissions => ({
  canEdit: false,
  isAdmin: false,
  readOnlyReason: 'Only key account managers can change this account. Ask a Keystone admin to add your team.',
});

export function competition(overrides: Partial<CompetitionSection> = {}): CompetitionSection {
  return {
    competitors: [{ name: 'Grant & Co', services: 'payroll, year-end audit', relationshipStrength: 'strong' }],
    strengths: ['Partner-level access to the CFO'],
    weaknesses: ['Nobody of ours knows their IT team'],
    revision: 2,
    savedBy: person('Maria Lopez'),
    savedAt: NOW - 30 * DAY,
    unreadable: false,
    ...overrides,
  };
}

export function cardData(overrides: Partial<CardData> = {}): CardData {
  return {
    company: { companyId: COMPANY_ID, name: 'Acme Ltd' },
    portal: { currency: 'GBP', timeZone: 'Europe/London' },
    readAt: NOW,
    keyAccount: keyAccount(),
    relationships: relationships(),
    plan: plan(),
    reviews: reviews(),
    permissions: managerPermissions(),
    owners: [
      { ownerId: '70', userId: 7, name: 'Maria Lopez', email: 'maria@firm.example', teamIds: ['1'] },
      { ownerId: '71', userId: 8, name: 'Sam Patel', email: 'sam@firm.example', teamIds: ['1'] },
    ],
    ...overrides,
  };
}

/** A company that is not a key account and would not qualify yet. */
export const notKeyYet = () =>
  keyAccount({
    status: 'none',
    changedBy: null,
    changedAt: null,
    reason: null,
    isTargetAccount: false,
    tier: null,
    score: {
      ...keyAccount().score,
      total: 42,
      suggestedStatus: 'none',
      suggestedTier: null,
      criteria: [
        criterion(),
        criterion({
          criterion: 'potentialPurchases',
          label: 'Potential purchases',
          value: null,
          contribution: 0,
          missing: 'Potential annual revenue on the company',
        }),
      ],
    },
  });

/** A new portal's defaults, with the test user as its admin and one manager team. */
export function settings(overrides: Partial<Settings> = {}): Settings {
  const defaults = defaultSettings();
  return {
    ...defaults,
    access: { ...defaults.access, managerTeamIds: ['11'], adminUserIds: [String(USER_ID)] },
    ...overrides,
  };
}

export function portalSettings(overrides: Partial<PortalSettings> = {}): PortalSettings {
  return {
    settings: settings(),
    revision: 3,
    savedByUserId: String(USER_ID),
    savedAt: NOW - 2 * DAY,
    portal: { currency: 'GBP', timeZone: 'Europe/London' },
    setup: { appliedVersion: 2, currentVersion: 2, upToDate: true },
    canEdit: true,
    accessShown: true,
    adminActions: [],
    directory: {
      users: [
        { userId: String(USER_ID), name: 'Test User', email: 'test@firm.example' },
        { userId: '7', name: 'Maria Lopez', email: 'maria@firm.example' },
      ],
      teams: [
        { teamId: '11', name: 'Key accounts', members: 2 },
        { teamId: '12', name: 'Sales', members: 5 },
      ],
    },
    lastRecalculation: {
      startedAt: NOW - DAY - 60_000,
      completedAt: NOW - DAY,
      companiesScored: 1_250,
      settingsChangedAt: null,
    },
    ...overrides,
  };
}

export function companyFacts(overrides: Partial<CompanyFacts> = {}): CompanyFacts {
  return {
    companyId: '900',
    name: 'Client',
    status: 'none',
    revenueLast12Months: 100_000,
    openPipeline: null,
    annualRevenue: null,
    referralCount: 2,
    potentialRevenue: 200_000,
    totalSpendInOurArea: null,
    marginPercent: 30,
    prestige: 6,
    strategicFit: 6,
    ...overrides,
  };
}

/**
 * HubSpot's test renderer for a location, with a British user (so dates and money read `24 Nov 2026`,
 * `£1,000`) and a waitFor that allows for a busy machine.
 */
export function renderer<L extends 'crm.record.tab' | 'crm.record.sidebar' | 'settings'>(location: L) {
  const base = createRenderer(location);
  base.mocks.context.user.locale = 'en-GB';
  return { ...base, waitFor: (check: () => void) => base.waitFor(check, { timeoutInMs: 5_000 }) };
}
