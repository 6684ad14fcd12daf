import { describe, expect, it } from 'vitest';
import {
  COMPANY_PROPERTY,
  CONTACT_PROPERTY,
  KEY_ACCOUNT_PLAN,
  OBJECTIVE,
  REVIEW,
} from '../../../src/crm/model/index.ts';
import { toProperties } from '../../../src/crm/records.ts';
import { NO_INVESTMENT, type Measure, type MetricTarget } from '../../../src/kam/objectives/index.ts';
import { serialiseGrid } from '../../../src/keystone/account/plan-targets.ts';
import { aContact, aRecord, aScoredCompany, overview } from './snapshot-factory.ts';

// Q3 FY2026 (July to September, fiscal year from January), read in November: a past quarter.
const Q3 = { fiscalYear: 2026, quarter: 3 } as const;
const NOW = Date.UTC(2026, 10, 24);
const at = (month: number, day: number) => new Date(Date.UTC(2026, month - 1, day)).toISOString();

const COMPETITION = {
  competitors: [{ name: 'Grant & Co', services: 'payroll', relationshipStrength: 'strong' as const }],
  strengths: ['Partner-level access to the CFO'],
  weaknesses: ['Nobody in IT'],
};
const acme = aScoredCompany('Acme', 'key', 'key', 80, 600, {
  [COMPANY_PROPERTY.competition]: JSON.stringify({
    version: 1,
    revision: 1,
    savedByUserId: 7,
    savedAt: Date.UTC(2026, 7, 1),
    actionId: null,
    competition: COMPETITION,
  }),
});
const bolt = aScoredCompany('Bolt', 'key', 'key', 70, 300, { [COMPANY_PROPERTY.competition]: '{damaged' });
const crane = aScoredCompany('Crane', 'key', 'key', 65, 100);
const quiet = aScoredCompany('Quiet', 'none', 'none', 10, 50);

const quarterly = <T>(q3: T) => ({ Q1: null, Q2: null, Q3: q3, Q4: null });
const TARGETS: MetricTarget[] = [
  {
    id: 'meetings',
    name: 'Meetings per quarter',
    unit: 'count',
    measure: 'per_quarter',
    baseline: null,
    source: 'typed',
    quarters: quarterly(3),
    actuals: quarterly(4),
  },
  {
    id: 'income',
    name: 'Increase in income',
    unit: 'currency',
    currency: 'GBP',
    measure: 'year_to_date',
    baseline: null,
    source: 'typed',
    quarters: quarterly(25_000),
    actuals: quarterly(20_000),
  },
  {
    id: 'cfo',
    name: 'Introduction to the CFO',
    unit: 'text',
    quarters: quarterly('Meet the CFO'),
    actuals: quarterly({ text: 'Met the CFO in August', met: true }),
  },
];

const plan = (companyId: string, fields: Record<string, string | number>, createdAt: string) =>
  aRecord({
    ...toProperties({ companyId, title: 'Plan', ...fields }, KEY_ACCOUNT_PLAN.property),
    hs_createdate: createdAt,
  });
const objective = (companyId: string, title: string, achievedAt: string, planRevision: number) =>
  aRecord(toProperties({ companyId, title, status: 'achieved', achievedAt, planRevision }, OBJECTIVE.property));
const review = (companyId: string, fields: Record<string, string>) =>
  aRecord(toProperties({ companyId, title: 'Review', ...fields }, REVIEW.property));

const RECORDS = {
  companies: [acme, bolt, crane, quiet],
  keyAccountContacts: new Map([
    // Acme: two people met in the quarter (one known only by email), one known since before it, one added after it.
    [
      acme.id,
      [
        aContact('Ada', 'Finance', at(7, 1)),
        aContact('', '', at(9, 30), { email: 'cfo@acme.example' }),
        aContact('Old', 'Friend', at(6, 30)),
        aContact('Next', 'Quarter', at(10, 1)),
      ],
    ],
    [bolt.id, [aContact('Bo', 'Buyer', at(8, 15))]],
  ]),
  plans: [
    plan(
      acme.id,
      {
        revision: 2,
        planStart: at(1, 1),
        quarterlyTargets: serialiseGrid({ targets: TARGETS, investment: NO_INVESTMENT }),
      },
      at(1, 15),
    ),
    // Bolt's plan was saved in March with no grid: its quarterly review fell due in June and never happened.
    plan(bolt.id, { revision: 1 }, at(3, 1)),
  ],
  objectives: [
    objective(acme.id, 'Win the audit tender', at(8, 10), 2),
    objective(acme.id, 'Row of an older plan revision', at(8, 10), 1),
    objective(acme.id, 'Achieved the quarter before', at(6, 10), 2),
  ],
  reviews: [
    review(acme.id, {
      kind: 'calendar',
      reviewedAt: at(8, 20),
      outcomes: 'celebrate;escalate',
      summary: 'Renewal signed early; budget cut looming',
    }),
    review(acme.id, {
      kind: 'triggered',
      reviewedAt: at(9, 5),
      outcomes: 'exploit',
      summary: 'Their new subsidiary needs us',
      triggers: JSON.stringify([
        {
          kind: 'key_contact_left',
          at: Date.UTC(2026, 8, 1),
          message: 'Jo Bloggs left the client',
          evidence: {
            objectType: 'contacts',
            objectId: '1',
            property: 'keystone_left_company',
            from: 'false',
            to: 'true',
          },
        },
      ]),
    }),
    review(acme.id, {
      kind: 'calendar',
      reviewedAt: at(10, 20),
      outcomes: 'escalate',
      summary: 'Next quarter: not in this report',
    }),
  ],
};

const report = () => overview(RECORDS, Q3, NOW).quarterlyReport;
const accountNamed = (name: string) => report().accounts.find((a) => a.name === name)!;

describe('the quarterly programme report', () => {
  it("shows each key account's competitors and our strengths and weaknesses as last recorded", () => {
    expect(accountNamed('Acme').competition).toEqual(COMPETITION);
    // Never recorded, or damaged: nothing to show rather than a guess.
    expect(accountNamed('Bolt').competition).toBeNull();
    expect(accountNamed('Crane').competition).toBeNull();
  });

  it('covers the fiscal quarter asked for, for every key account and no other company', () => {
    expect(report().quarter).toEqual({
      fiscalYear: 2026,
      quarter: 3,
      label: 'Q3 FY2026',
      start: Date.UTC(2026, 6, 1),
      end: Date.UTC(2026, 9, 1),
      current: false,
    });
    expect(report().accounts.map((a) => a.name)).toEqual(['Acme', 'Bolt', 'Crane']);
  });

  it("sets the quarter's targets against its actuals, numbers and words alike", () => {
    expect(accountNamed('Acme').targets).toEqual([
      { name: 'Meetings per quarter', unit: 'count', target: 3, actual: 4, status: 'met' },
      { name: 'Increase in income (year to date)', unit: 'currency', target: 25_000, actual: 20_000, status: 'behind' },
      {
        name: 'Introduction to the CFO',
        unit: 'text',
        target: 'Meet the CFO',
        actual: 'Met the CFO in August',
        status: 'met',
      },
    ]);
    expect(accountNamed('Bolt').targets).toEqual([]);
    expect(accountNamed('Crane').targets).toBeNull();
  });

  it("says beside a row's name when its figures run from the plan year's start, not within the quarter", () => {
    const row = (id: string, measure: Measure): MetricTarget => ({
      id,
      name: id,
      unit: 'count',
      measure,
      baseline: 0,
      source: 'typed',
      quarters: quarterly(2),
      actuals: quarterly(1),
    });
    const grid = {
      targets: [
        row('Opportunities', 'year_to_date'),
        row('Enemies', 'change'),
        row('Meetings', 'per_quarter'),
        row('Allies', 'level'),
      ],
      investment: NO_INVESTMENT,
    };
    const withGrid = {
      ...RECORDS,
      plans: [plan(acme.id, { revision: 2, planStart: at(1, 1), quarterlyTargets: serialiseGrid(grid) }, at(1, 15))],
    };
    expect(overview(withGrid, Q3, NOW).quarterlyReport.accounts[0]!.targets!.map((t) => t.name)).toEqual([
      'Opportunities (year to date)',
      'Enemies (change since the plan year began)',
      'Meetings',
      'Allies',
    ]);
  });

  it('counts as introductions the contacts at each key account whose record was created in the quarter', () => {
    expect(report().accounts.map((a) => [a.name, a.introductions])).toEqual([
      ['Acme', ['Ada Finance', 'cfo@acme.example']],
      ['Bolt', ['Bo Buyer']],
      ['Crane', []],
    ]);
  });

  it('celebrates objectives achieved in the quarter (current plan revision only) and escalates and exploits what its reviews said', () => {
    const acmeQuarter = accountNamed('Acme');
    expect(acmeQuarter.celebrate).toEqual([
      'Objective achieved: Win the audit tender',
      'Renewal signed early; budget cut looming',
    ]);
    // The review called for both without actions: its summary is printed once, under the first, and the other points there.
    expect(acmeQuarter.escalate).toEqual([{ reviewedAt: expect.any(Number) as number, summaryUnder: 'celebrate' }]);
    expect(acmeQuarter.exploit).toEqual(['Their new subsidiary needs us']);
    expect(acmeQuarter.triggersFired).toEqual(['Jo Bloggs left the client']);
  });

  it("lists each action a review produced under its own outcome, with its owner, due date and its task's status", () => {
    const action = (outcome: string, text: string, dueAt: number, taskId: string | null) => ({
      outcome,
      text,
      ownerId: '77',
      dueAt,
      taskId,
    });
    const withActions = {
      ...RECORDS,
      reviews: [
        review(crane.id, {
          kind: 'triggered',
          reviewedAt: at(9, 1),
          outcomes: 'plan_updated;celebrate;escalate;exploit',
          summary: 'Jan retired; Dan converted; Tom quiet',
          actions: JSON.stringify([
            action('plan_updated', 'Dan takes Jan’s place in the plan', Date.UTC(2026, 8, 10), 't1'),
            action('celebrate', 'Thank Dan', Date.UTC(2026, 11, 1), 't2'),
            action('escalate', 'Tom has gone quiet', Date.UTC(2026, 8, 15), 't3'),
            action('exploit', 'Ask Dan for the parent company', Date.UTC(2026, 11, 1), null),
          ]),
        }),
      ],
      owners: [
        { ownerId: '77', userId: 7, firstName: 'Max', lastName: 'Manager', email: null, teamIds: [], teams: [] },
      ],
      actionTasks: new Map([
        ['t1', true],
        ['t2', false],
        ['t3', false],
      ]),
    };
    const crane2 = overview(withActions, Q3, NOW).quarterlyReport.accounts.find((a) => a.name === 'Crane')!;
    // The due date stays an instant: the page dates it in the portal's time zone, as people read dates.
    const by = (text: string, dueAt: number, status: string) => ({ text, owner: 'Max Manager', dueAt, status });
    expect(crane2).toMatchObject({
      planUpdated: [by('Dan takes Jan’s place in the plan', Date.UTC(2026, 8, 10), 'done')],
      celebrate: [by('Thank Dan', Date.UTC(2026, 11, 1), 'open')],
      escalate: [by('Tom has gone quiet', Date.UTC(2026, 8, 15), 'overdue')],
      exploit: [by('Ask Dan for the parent company', Date.UTC(2026, 11, 1), 'no_task')],
    });
  });

  it('counts reviews done and finds the calendar review missed by the end of the quarter', () => {
    expect(report().accounts.map((a) => [a.name, a.reviewsDone, a.reviewMissed])).toEqual([
      ['Acme', 2, false],
      ['Bolt', 0, true],
      ['Crane', 0, false],
    ]);
  });

  it('finds no calendar review missed in a quarter not begun yet, though one is overdue now', () => {
    const ahead = overview(RECORDS, { fiscalYear: 2027, quarter: 1 }, NOW).quarterlyReport;
    expect(overview(RECORDS, null, NOW).quarterlyReport.programme.reviewsMissed).toBe(1);
    expect(ahead.accounts.map((a) => [a.name, a.reviewMissed])).toEqual([
      ['Acme', false],
      ['Bolt', false],
      ['Crane', false],
    ]);
    expect(ahead.programme.reviewsMissed).toBe(0);
  });

  it('totals the programme', () => {
    expect(report().programme).toEqual({
      keyAccounts: 3,
      targets: { total: 3, met: 2, onTrack: 0, behind: 1, notYetDue: 0, withoutActual: 0, withoutTarget: 0 },
      introductions: 3,
      planUpdated: 0,
      celebrate: 2,
      escalate: 1,
      exploit: 1,
      triggersFired: 1,
      reviewsDone: 2,
      reviewsMissed: 1,
    });
  });

  it('reports the current quarter so far when none is asked for', () => {
    const current = overview(RECORDS, null, NOW).quarterlyReport;
    expect(current.quarter).toMatchObject({ fiscalYear: 2026, quarter: 4, current: true });
    expect(current.accounts.find((a) => a.name === 'Acme')).toMatchObject({
      reviewsDone: 1,
      escalate: ['Next quarter: not in this report'],
      introductions: ['Next Quarter'],
    });
  });

  it('counts the stance and deal rows from HubSpot as the card does, and keeps meetings as the plan was saved', () => {
    const derivedRow = (
      id: 'friends_and_allies' | 'new_opportunities' | 'meetings',
      measure: Measure,
      target: number,
      saved: number | null,
    ): MetricTarget =>
      ({
        id,
        name: id,
        unit: 'count',
        measure,
        baseline: null,
        source: id,
        quarters: quarterly(target),
        actuals: quarterly(saved),
      }) as MetricTarget;
    const grid = [
      derivedRow('friends_and_allies', 'level', 2, null),
      derivedRow('new_opportunities', 'year_to_date', 2, 0),
      derivedRow('meetings', 'per_quarter', 3, 5),
    ];
    const stance = (entries: Array<[string, string]>) => ({
      [CONTACT_PROPERTY.stance]: entries.map(([value, when]) => ({ value, at: Date.parse(when) })),
    });
    const derived = {
      ...RECORDS,
      plans: [
        plan(
          acme.id,
          {
            revision: 2,
            planStart: at(1, 1),
            quarterlyTargets: serialiseGrid({ targets: grid, investment: NO_INVESTMENT }),
          },
          at(1, 15),
        ),
      ],
      keyAccountContacts: new Map([
        [
          acme.id,
          [
            // An ally since spring; a supporter from 30 September; an ally only since October.
            { ...aContact('Ada', 'Ally', at(1, 1)), history: stance([['ally', at(4, 1)]]) },
            {
              ...aContact('Sue', 'Supporter', at(1, 1)),
              history: stance([
                ['supporter', at(9, 30)],
                ['protester', at(2, 1)],
              ]),
            },
            { ...aContact('Late', 'Friend', at(1, 1)), history: stance([['ally', at(10, 2)]]) },
          ],
        ],
      ]),
      keyAccountDeals: new Map([
        [
          acme.id,
          [
            aRecord({ amount: '1000', closedate: at(5, 1), dealstage: 'closedwon', hs_is_closed_won: 'true' }),
            aRecord({ amount: '1000', closedate: at(8, 1), dealstage: 'closedwon', hs_is_closed_won: 'true' }),
            aRecord({ amount: '1000', closedate: at(8, 2), dealstage: 'closedlost', hs_is_closed_won: 'false' }),
            aRecord({ amount: '1000', closedate: at(10, 5), dealstage: 'closedwon', hs_is_closed_won: 'true' }),
          ],
        ],
      ]),
    };
    expect(overview(derived, Q3, NOW).quarterlyReport.accounts[0]!.targets).toEqual([
      { name: 'friends_and_allies', unit: 'count', target: 2, actual: 2, status: 'met' },
      { name: 'new_opportunities (year to date)', unit: 'count', target: 2, actual: 2, status: 'met' },
      { name: 'meetings', unit: 'count', target: 3, actual: 5, status: 'met' },
    ]);
  });

  it("names a qualitative row's steps, and sets the quarter's spend against the income gained", () => {
    const health: MetricTarget = {
      id: 'relationship_health',
      name: 'Relationship health',
      unit: 'scale',
      scale: ['Cold', 'Cool', 'Warm', 'Strong'],
      measure: 'level',
      baseline: null,
      source: 'typed',
      quarters: quarterly(3),
      actuals: quarterly(2),
    };
    const investment = { ...NO_INVESTMENT, hours: quarterly(30), money: quarterly(1_500) };
    const spending = {
      ...RECORDS,
      plans: [
        plan(
          acme.id,
          { revision: 2, planStart: at(1, 1), quarterlyTargets: serialiseGrid({ targets: [health], investment }) },
          at(1, 15),
        ),
      ],
      keyAccountDeals: new Map([
        [
          acme.id,
          [
            aRecord({ amount: '9000', closedate: at(8, 1), dealstage: 'closedwon', hs_is_closed_won: 'true' }),
            aRecord({
              amount: '4000',
              closedate: '2025-08-20T00:00:00.000Z',
              dealstage: 'closedwon',
              hs_is_closed_won: 'true',
            }),
          ],
        ],
      ]),
    };
    const acmeQuarter = overview(spending, Q3, NOW).quarterlyReport.accounts[0]!;
    expect(acmeQuarter.targets).toEqual([
      { name: 'Relationship health', unit: 'scale', target: 'Warm', actual: 'Cool', status: 'behind' },
    ]);
    expect(acmeQuarter.investment).toEqual({ hours: 30, money: 1_500, incomeGained: 5_000 });
  });

  it('counts a target met only once its quarter has ended, and every target once, in its totals', () => {
    const row = (id: string, target: number, actual: number): MetricTarget => ({
      id,
      name: id,
      unit: 'scale',
      scale: ['Cold', 'Cool', 'Warm', 'Strong'],
      measure: 'level',
      baseline: null,
      source: 'typed',
      quarters: { Q1: null, Q2: null, Q3: target, Q4: target },
      actuals: { Q1: null, Q2: null, Q3: actual, Q4: actual },
    });
    const grid = { targets: [row('already_warm', 3, 3), row('still_cool', 3, 2)], investment: NO_INVESTMENT };
    const withGrid = {
      ...RECORDS,
      plans: [plan(acme.id, { revision: 2, planStart: at(1, 1), quarterlyTargets: serialiseGrid(grid) }, at(1, 15))],
    };
    // The quarter still running: a target already meeting its mark is on track, not met; the other not yet due.
    expect(overview(withGrid, null, NOW).quarterlyReport.programme.targets).toEqual({
      total: 2,
      met: 0,
      onTrack: 1,
      behind: 0,
      notYetDue: 1,
      withoutActual: 0,
      withoutTarget: 0,
    });
    expect(overview(withGrid, Q3, NOW).quarterlyReport.programme.targets).toEqual({
      total: 2,
      met: 1,
      onTrack: 0,
      behind: 1,
      notYetDue: 0,
      withoutActual: 0,
      withoutTarget: 0,
    });
  });

  it('says so when a plan holds a grid it cannot read, and still reports the rest', () => {
    const damaged = {
      ...RECORDS,
      plans: [plan(acme.id, { revision: 2, planStart: at(1, 1), quarterlyTargets: '{not json' }, at(1, 15))],
    };
    const acmeQuarter = overview(damaged, Q3, NOW).quarterlyReport.accounts[0]!;
    expect(acmeQuarter.targets).toBeNull();
    expect(acmeQuarter.targetsUnreadable).toMatch(/not JSON/);
    expect(acmeQuarter.reviewsDone).toBe(2);
  });
});
