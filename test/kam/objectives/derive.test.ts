import { describe, expect, it } from 'vitest';
import {
  fillDerivedActuals,
  type AccountPlanInput,
  type DerivationFacts,
  type DerivedActuals,
} from '../../../src/kam/objectives/index.ts';
import { DAY_MS } from '../../../src/kam/shared/index.ts';
import { Q2_START, Q3_START, YEAR_START, aCountRow, aPlan, seed003Targets } from './factories.ts';

const NOW = Q3_START + 10 * DAY_MS;

function facts(overrides: Partial<DerivationFacts> = {}): DerivationFacts {
  return { stanceCounts: { friendsAndAllies: 0, enemiesAndProtesters: 0 }, activities: [], wonDeals: [], ...overrides };
}

function fill(plan: AccountPlanInput, derivationFacts: DerivationFacts, now = NOW): DerivedActuals {
  const result = fillDerivedActuals(plan, derivationFacts, { now, yearStart: YEAR_START });
  if (!result.success) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

const row = (result: DerivedActuals, id: string) => result.plan.targets.find((t) => t.id === id);
const seed003 = (enemiesBaseline: number | null = 10) =>
  aPlan({ targets: seed003Targets().map((t) => (t.id === 'enemies' ? { ...t, baseline: enemiesBaseline } : t)) });

describe('fillDerivedActuals', () => {
  it('fills friends and allies in the current quarter only, keeping the figures recorded in earlier quarters', () => {
    const plan = aPlan({
      targets: [
        aCountRow({
          id: 'friends',
          source: 'friends_and_allies',
          quarters: { Q1: 2, Q2: 8, Q3: 12, Q4: 15 },
          actuals: { Q1: 3, Q2: 7, Q3: null, Q4: null },
        }),
      ],
    });
    const result = fill(plan, facts({ stanceCounts: { friendsAndAllies: 11, enemiesAndProtesters: 4 } }));
    expect(row(result, 'friends')?.actuals).toEqual({ Q1: 3, Q2: 7, Q3: 11, Q4: null });
    expect(result.filled).toEqual([{ targetId: 'friends', quarter: 'Q3', value: 11 }]);
  });

  it("counts earlier quarters' friends and enemies at each quarter's end from the stance timeline", () => {
    const plan = aPlan({
      targets: [
        aCountRow({ id: 'friends', source: 'friends_and_allies', actuals: { Q1: 9, Q2: 9, Q3: null, Q4: null } }),
        ...seed003Targets()
          .filter((t) => t.id === 'enemies')
          .map((t) => ({ ...t, baseline: 1 })),
      ],
    });
    const stanceTimeline = [
      // Neutral, then an ally from within Q1: a friend at the end of Q1 and Q2.
      {
        stances: [
          { stance: 'ally' as const, at: YEAR_START + 10 * DAY_MS },
          { stance: 'neutral' as const, at: YEAR_START - 50 * DAY_MS },
        ],
        left: false,
        leftAt: null,
      },
      // An ally who turned protester on the last day of Q2 (before its end).
      {
        stances: [
          { stance: 'supporter' as const, at: YEAR_START - DAY_MS },
          { stance: 'protester' as const, at: Q3_START - 1 },
        ],
        left: false,
        leftAt: null,
      },
      // An ally who left during Q2: counted at the end of Q1 only.
      { stances: [{ stance: 'ally' as const, at: YEAR_START - DAY_MS }], left: true, leftAt: Q2_START + DAY_MS },
      // An enemy who left at a time nobody recorded: counted at no time.
      { stances: [{ stance: 'enemy' as const, at: YEAR_START - DAY_MS }], left: true, leftAt: null },
      // A stance first recorded in Q3: not counted in earlier quarters.
      { stances: [{ stance: 'ally' as const, at: Q3_START + DAY_MS }], left: false, leftAt: null },
    ];
    const result = fill(
      plan,
      facts({ stanceCounts: { friendsAndAllies: 2, enemiesAndProtesters: 1 }, stanceTimeline }),
    );
    expect(row(result, 'friends')?.actuals).toEqual({ Q1: 3, Q2: 1, Q3: 2, Q4: null });
    // Enemies as the change from a baseline of 1: none at the end of Q1, one protester at the end of Q2, one now.
    expect(row(result, 'enemies')?.actuals).toMatchObject({ Q1: -1, Q2: 0, Q3: 0 });
  });

  it('leaves a row alone when its facts are not given, and counts the current stance from the timeline without counts', () => {
    const plan = aPlan({
      targets: [
        aCountRow({
          id: 'meetings',
          source: 'meetings',
          measure: 'per_quarter',
          actuals: { Q1: 4, Q2: 5, Q3: 6, Q4: null },
        }),
        aCountRow({
          id: 'won',
          source: 'new_opportunities',
          measure: 'year_to_date',
          actuals: { Q1: 1, Q2: null, Q3: null, Q4: null },
        }),
        aCountRow({ id: 'friends', source: 'friends_and_allies', actuals: { Q1: null, Q2: null, Q3: null, Q4: null } }),
      ],
    });
    const result = fill(plan, {
      stanceTimeline: [{ stances: [{ stance: 'ally', at: YEAR_START - DAY_MS }], left: false, leftAt: null }],
    });
    expect(row(result, 'meetings')?.actuals).toEqual({ Q1: 4, Q2: 5, Q3: 6, Q4: null });
    expect(row(result, 'won')?.actuals).toEqual({ Q1: 1, Q2: null, Q3: null, Q4: null });
    expect(row(result, 'friends')?.actuals).toEqual({ Q1: 1, Q2: 1, Q3: 1, Q4: null });
  });

  it('fills enemies and protesters as the change from the baseline ("reduce by")', () => {
    const result = fill(seed003(10), facts({ stanceCounts: { friendsAndAllies: 0, enemiesAndProtesters: 6 } }));
    expect(row(result, 'enemies')?.actuals.Q3).toBe(-4);
  });

  it('skips a change row without a baseline and says why', () => {
    const result = fill(seed003(null), facts());
    expect(row(result, 'enemies')?.actuals.Q3).toBeNull();
    expect(result.skipped).toEqual([
      {
        targetId: 'enemies',
        reason: 'A change is measured from the baseline: record the count when the plan year began',
      },
    ]);
  });

  it('counts meetings within each quarter so far, not calls, emails or planned meetings', () => {
    const activities = [
      { kind: 'meeting' as const, at: YEAR_START + DAY_MS },
      { kind: 'meeting' as const, at: YEAR_START + 2 * DAY_MS },
      { kind: 'call' as const, at: YEAR_START + 3 * DAY_MS },
      { kind: 'meeting' as const, at: Q2_START },
      { kind: 'email' as const, at: Q3_START + DAY_MS },
      { kind: 'meeting' as const, at: Q3_START + DAY_MS },
      { kind: 'meeting' as const, at: NOW + DAY_MS },
    ];
    expect(row(fill(seed003(), facts({ activities })), 'meetings')?.actuals).toEqual({ Q1: 2, Q2: 1, Q3: 1, Q4: null });
  });

  it('counts won deals year to date as new opportunities secured', () => {
    const wonDeals = [
      { closedAt: YEAR_START + DAY_MS, amount: 1000 },
      { closedAt: Q2_START + DAY_MS, amount: 1000 },
      { closedAt: Q2_START + 2 * DAY_MS, amount: 1000 },
      { closedAt: YEAR_START - DAY_MS, amount: 1000 },
    ];
    expect(row(fill(seed003(), facts({ wonDeals })), 'opportunities')?.actuals).toEqual({
      Q1: 1,
      Q2: 3,
      Q3: 3,
      Q4: null,
    });
  });

  it('derives the increase in income over the same span of the last financial year', () => {
    const lastYear = YEAR_START - 365 * DAY_MS;
    const wonDeals = [
      { closedAt: lastYear + 10 * DAY_MS, amount: 20_000 },
      { closedAt: YEAR_START + 10 * DAY_MS, amount: 35_000 },
      { closedAt: Q2_START + 10 * DAY_MS, amount: 5_000 },
      // Last year after the matching span of the current quarter: not yet comparable.
      { closedAt: Q3_START - 365 * DAY_MS + 40 * DAY_MS, amount: 9_000 },
    ];
    expect(row(fill(seed003(), facts({ wonDeals })), 'income')?.actuals).toEqual({
      Q1: 15_000,
      Q2: 20_000,
      Q3: 20_000,
      Q4: null,
    });
  });

  it('leaves typed rows and the input plan unchanged', () => {
    const plan = seed003();
    const before = JSON.stringify(plan);
    const result = fill(plan, facts({ stanceCounts: { friendsAndAllies: 5, enemiesAndProtesters: 5 } }));
    expect(JSON.stringify(plan)).toBe(before);
    expect(row(result, 'services')?.actuals).toEqual({ Q1: null, Q2: null, Q3: null, Q4: null });
  });

  it('fills nothing once the plan year is over', () => {
    expect(fill(seed003(), facts(), YEAR_START + 400 * DAY_MS).filled.filter((f) => f.targetId === 'friends')).toEqual(
      [],
    );
  });

  it('overwrites a typed-in figure in a derived row', () => {
    const plan = aPlan({
      targets: [
        aCountRow({
          id: 'm',
          source: 'meetings',
          measure: 'per_quarter',
          actuals: { Q1: 99, Q2: null, Q3: null, Q4: null },
        }),
      ],
    });
    expect(row(fill(plan, facts()), 'm')?.actuals.Q1).toBe(0);
  });

  it('reports bad facts with their path', () => {
    const result = fillDerivedActuals(seed003(), facts({ wonDeals: [{ closedAt: 1, amount: Number.NaN }] }), {
      now: NOW,
      yearStart: YEAR_START,
    });
    expect(!result.success && result.errors.map((e) => e.path)).toEqual(['wonDeals.0.amount']);
  });
});

describe('fillDerivedActuals: new services and baselines from history', () => {
  it('counts the services a client bought for the first time this plan year, not ones it bought before', () => {
    const plan = aPlan({
      targets: [aCountRow({ id: 'services', source: 'new_services', measure: 'year_to_date' })],
    });
    const wonDeals = [
      { closedAt: YEAR_START - 100 * DAY_MS, amount: 1, service: 'Audit' },
      { closedAt: YEAR_START + 5 * DAY_MS, amount: 1, service: 'audit' },
      { closedAt: YEAR_START + 20 * DAY_MS, amount: 1, service: 'Tax advice' },
      { closedAt: Q2_START + 20 * DAY_MS, amount: 1, service: 'Pricing review' },
      { closedAt: Q2_START + 30 * DAY_MS, amount: 1, service: 'Pricing review' },
      { closedAt: Q2_START + 40 * DAY_MS, amount: 1, service: null },
    ];
    expect(row(fill(plan, facts({ wonDeals })), 'services')?.actuals).toEqual({ Q1: 1, Q2: 2, Q3: 2, Q4: null });
  });

  it("measures a change row without a typed baseline from the count at the plan year's start", () => {
    const plan = aPlan({
      targets: [aCountRow({ id: 'enemies', source: 'enemies_and_protesters', measure: 'change' })],
    });
    const stanceTimeline = [
      // Two enemies when the year began; one turned neutral within Q1.
      { stances: [{ stance: 'enemy' as const, at: YEAR_START - 30 * DAY_MS }], left: false, leftAt: null },
      {
        stances: [
          { stance: 'protester' as const, at: YEAR_START - 30 * DAY_MS },
          { stance: 'neutral' as const, at: YEAR_START + 30 * DAY_MS },
        ],
        left: false,
        leftAt: null,
      },
    ];
    const result = fill(plan, facts({ stanceTimeline, stanceCounts: undefined }));
    expect(row(result, 'enemies')?.actuals).toEqual({ Q1: -1, Q2: -1, Q3: -1, Q4: null });
    expect(result.skipped).toEqual([]);
  });
});
