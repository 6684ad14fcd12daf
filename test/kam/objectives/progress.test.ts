import { describe, expect, it } from 'vitest';
import { planProgress, type AccountPlanInput, type PlanProgress } from '../../../src/kam/objectives/index.ts';
import { DAY_MS } from '../../../src/kam/shared/index.ts';
import {
  Q2_START,
  Q3_START,
  Q4_START,
  YEAR_END,
  YEAR_START,
  aCountRow,
  aCurrencyRow,
  aPercentRow,
  aPlan,
  aTextRow,
  anAction,
  anObjective,
} from './factories.ts';

function progressOf(plan: AccountPlanInput, now: number): PlanProgress {
  const result = planProgress(plan, { now, yearStart: YEAR_START });
  if (!result.success) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

const quarters = (Q1: number | null, Q2: number | null, Q3: number | null, Q4: number | null) => ({ Q1, Q2, Q3, Q4 });
const MID_Q3 = Q3_START + 10 * DAY_MS;

describe('planProgress: quarter statuses', () => {
  it('marks ended quarters met or behind, and the current and later quarters not yet due', () => {
    const row = aCountRow({
      name: 'Friends and allies',
      quarters: quarters(2, 8, 12, 15),
      actuals: quarters(3, 6, null, null),
    });
    expect(progressOf(aPlan({ targets: [row] }), MID_Q3).targets[0]?.quarters).toEqual({
      Q1: 'met',
      Q2: 'behind',
      Q3: 'not_yet_due',
      Q4: 'not_yet_due',
    });
  });

  it('marks the current quarter on track once its target is already met', () => {
    const row = aCountRow({ quarters: quarters(2, 8, 12, 15), actuals: quarters(3, 9, 12, null) });
    expect(progressOf(aPlan({ targets: [row] }), MID_Q3).targets[0]?.quarters.Q3).toBe('on_track');
  });

  it('reads fewer enemies as better: one fewer than the "reduce by" target is met, one more is behind', () => {
    const row = aCountRow({
      id: 'enemies_and_protesters',
      name: 'Enemies and protestors',
      source: 'enemies_and_protesters',
      measure: 'change',
      quarters: quarters(-1, -3, -6, -8),
      actuals: quarters(-2, -2, null, null),
    });
    const progress = progressOf(aPlan({ targets: [row] }), MID_Q3).targets[0];
    expect(progress?.better).toBe('lower');
    expect(progress?.quarters).toMatchObject({ Q1: 'met', Q2: 'behind' });
  });

  it('reads a negative income target as "lose at most": more income than it is met, whatever the other targets', () => {
    const row = aCurrencyRow({
      id: 'income_increase',
      name: 'Increase in income over last year',
      source: 'income_increase',
      measure: 'year_to_date',
      quarters: quarters(15_000, 15_000.5, 1_200_000, -3_000),
      actuals: quarters(278_552, 541_881, 715_637, null),
    });
    const progress = progressOf(aPlan({ targets: [row] }), Q4_START + DAY_MS).targets[0];
    expect(progress?.better).toBe('higher');
    expect(progress?.quarters).toEqual({ Q1: 'met', Q2: 'met', Q3: 'behind', Q4: 'not_yet_due' });
  });

  it("reads a manager's own row as higher is better, even with a negative target", () => {
    const row = aPercentRow({
      name: 'Margin change',
      quarters: quarters(-5, -5, 2, 2),
      actuals: quarters(-2, -8, null, null),
    });
    const progress = progressOf(aPlan({ targets: [row] }), MID_Q3).targets[0];
    expect(progress?.better).toBe('higher');
    expect(progress?.quarters).toMatchObject({ Q1: 'met', Q2: 'behind' });
  });

  it('respects an explicit direction for a ceiling with positive targets', () => {
    const row = aCountRow({
      name: 'Open complaints',
      better: 'lower',
      quarters: quarters(5, 4, 3, 2),
      actuals: quarters(4, 6, null, null),
    });
    expect(progressOf(aPlan({ targets: [row] }), MID_Q3).targets[0]?.quarters).toMatchObject({
      Q1: 'met',
      Q2: 'behind',
    });
  });

  it('tells an ended quarter without an actual from one without a target', () => {
    const row = aCountRow({ quarters: quarters(1, null, 3, 4), actuals: quarters(null, null, null, null) });
    expect(progressOf(aPlan({ targets: [row] }), MID_Q3).targets[0]?.quarters).toMatchObject({
      Q1: 'no_actual',
      Q2: 'no_target',
    });
  });

  it('judges a qualitative quarter by the verdict recorded with its actual', () => {
    const row = aTextRow({
      quarters: { Q1: 'Meet the new CFO', Q2: 'Agree a joint roadmap', Q3: null, Q4: null },
      actuals: {
        Q1: { text: 'Met at the Leeds office', met: true },
        Q2: { text: 'Roadmap postponed by the client', met: false },
        Q3: null,
        Q4: null,
      },
    });
    const progress = progressOf(aPlan({ targets: [row] }), MID_Q3).targets[0];
    expect(progress?.quarters).toMatchObject({ Q1: 'met', Q2: 'behind' });
    expect(progress?.year).toEqual({ target: 2, achieved: 1, progress: 0.5 });
  });
});

describe('planProgress: towards the year', () => {
  it('compares the latest actual of a level with the Q4 target', () => {
    const row = aCountRow({ quarters: quarters(2, 8, 12, 15), actuals: quarters(3, 6, null, null) });
    expect(progressOf(aPlan({ targets: [row] }), MID_Q3).targets[0]?.year).toEqual({
      target: 15,
      achieved: 6,
      progress: 0.4,
    });
  });

  it('adds up per-quarter targets and actuals', () => {
    const row = aCountRow({
      measure: 'per_quarter',
      quarters: quarters(2, 3, 3, 3),
      actuals: quarters(2, 1, null, null),
    });
    expect(progressOf(aPlan({ targets: [row] }), MID_Q3).targets[0]?.year).toEqual({
      target: 11,
      achieved: 3,
      progress: 3 / 11,
    });
  });

  it('measures "reduce by" progress as the share of the reduction achieved, never below zero', () => {
    const enemies = { source: 'enemies_and_protesters', measure: 'change' } as const;
    const reducing = aCountRow({
      ...enemies,
      quarters: quarters(-1, -3, -6, -8),
      actuals: quarters(-2, null, null, null),
    });
    const growing = aCountRow({
      ...enemies,
      quarters: quarters(-1, -3, -6, -8),
      actuals: quarters(2, null, null, null),
    });
    const [first, second] = progressOf(aPlan({ targets: [reducing, growing] }), MID_Q3).targets;
    expect(first?.year.progress).toBe(0.25);
    expect(second?.year.progress).toBe(0);
  });

  it('gives no progress fraction for a ceiling, a floor, a zero target or a row without actuals', () => {
    const ceiling = aCountRow({
      better: 'lower',
      quarters: quarters(5, 4, 3, 2),
      actuals: quarters(4, null, null, null),
    });
    const floor = aCurrencyRow({
      source: 'income_increase',
      measure: 'year_to_date',
      quarters: quarters(15_000, 20_000, 10_000, -3_000),
      actuals: quarters(20_000, null, null, null),
    });
    const zero = aCountRow({ quarters: quarters(0, 0, 0, 0), actuals: quarters(0, null, null, null) });
    const empty = aCountRow({ quarters: quarters(1, 2, 3, 4) });
    const rows = [ceiling, floor, zero, empty];
    expect(progressOf(aPlan({ targets: rows }), MID_Q3).targets.map((t) => t.year.progress)).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('names the current quarter of the plan year, and none after it ends', () => {
    expect(progressOf(aPlan(), Q2_START).currentQuarter).toBe('Q2');
    expect(progressOf(aPlan(), Q4_START - 1).currentQuarter).toBe('Q3');
    expect(progressOf(aPlan(), YEAR_END).currentQuarter).toBeNull();
  });
});

describe('planProgress: objectives and actions', () => {
  it('counts objectives by status and lists open ones past their due date as overdue', () => {
    const plan = aPlan({
      objectives: [
        anObjective({ id: 'late', dueAt: Q2_START }),
        anObjective({ id: 'on-time', dueAt: Q4_START }),
        anObjective({ id: 'done', dueAt: Q2_START, status: 'achieved', achievedAt: Q2_START - DAY_MS }),
        anObjective({ id: 'dropped', dueAt: Q2_START, status: 'dropped' }),
      ],
      actions: [
        anAction({ id: 'call-cfo', dueAt: Q2_START }),
        anAction({ id: 'send-proposal', dueAt: Q2_START, done: true }),
        anAction({ id: 'someday' }),
      ],
    });
    expect(progressOf(plan, MID_Q3)).toMatchObject({
      objectives: { open: 2, achieved: 1, dropped: 1, overdueIds: ['late'] },
      actions: { open: 2, done: 1, overdueIds: ['call-cfo'] },
    });
  });

  it('reports bad input with its path and computes nothing', () => {
    const result = planProgress(aPlan({ targets: [aCountRow({ measure: 'weekly' as never })] }), {
      now: MID_Q3,
      yearStart: YEAR_START,
    });
    expect(!result.success && result.errors.map((e) => e.path)).toEqual(['targets.0.measure']);
  });

  it('rejects a period whose now is not an instant', () => {
    const result = planProgress(aPlan(), { now: -1, yearStart: YEAR_START });
    expect(!result.success && result.errors.map((e) => e.path)).toEqual(['now']);
  });
});
