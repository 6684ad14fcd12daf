import { validate, type Instant, type Validated } from '../shared/index.ts';
import { catalogueMetric } from './catalogue.ts';
import { quarterAt, quarterBounds } from './quarters.ts';
import type { Better } from './sources.ts';
import {
  QUARTERS,
  accountPlanSchema,
  planPeriodSchema,
  type AccountPlanInput,
  type MetricTarget,
  type NumericMetricTarget,
  type PlanPeriod,
  type Quarter,
} from './schema.ts';

/**
 * - `not_yet_due`: the quarter has not ended and its target is not met yet (future quarters always);
 * - `on_track`: the quarter is running and its actual already meets the target (it may still turn);
 * - `met`: the quarter has ended and its actual meets the target;
 * - `behind`: the quarter has ended and the actual falls short;
 * - `no_actual`: the quarter has ended with a target but no actual recorded;
 * - `no_target`: the quarter has ended without a target.
 */
export const QUARTER_STATUSES = ['not_yet_due', 'on_track', 'met', 'behind', 'no_actual', 'no_target'] as const;
export type QuarterStatus = (typeof QUARTER_STATUSES)[number];

interface MetricProgress {
  targetId: string;
  name: string;
  /** Numeric rows: which way is good. */
  better: Better | null;
  quarters: Record<Quarter, QuarterStatus>;
  year: {
    /** Numeric: Q4's target (last set quarter), or the sum of quarters for `per_quarter`. Text: quarters with a target. */
    target: number | null;
    /** Numeric: the latest actual, or the sum of actuals for `per_quarter`. Text: quarters met. */
    achieved: number | null;
    /**
     * achieved ÷ target, never below 0; null when it has no meaning: no target, a zero target, a ceiling to
     * stay under, or a floor to stay above ("lose at most £3k").
     */
    progress: number | null;
  };
}

export interface PlanProgress {
  currentQuarter: Quarter | null;
  targets: MetricProgress[];
  objectives: { open: number; achieved: number; dropped: number; overdueIds: string[] };
  actions: { open: number; done: number; overdueIds: string[] };
}

/** Where the plan stands at `now`: each grid row per quarter and towards the year, objectives and actions. */
export function planProgress(plan: AccountPlanInput, period: PlanPeriod): Validated<PlanProgress> {
  const parsedPeriod = validate(planPeriodSchema, period);
  if (!parsedPeriod.success) return parsedPeriod;
  const parsed = validate(accountPlanSchema, plan);
  if (!parsed.success) return parsed;
  const { now, yearStart } = parsedPeriod.data;
  const { objectives, actions, targets } = parsed.data;
  const openObjectives = objectives.filter((o) => o.status === 'open');
  const openActions = actions.filter((a) => !a.done);
  return {
    success: true,
    data: {
      currentQuarter: quarterAt(yearStart, now),
      targets: targets.map((metric) => metricProgress(metric, yearStart, now)),
      objectives: {
        open: openObjectives.length,
        achieved: objectives.filter((o) => o.status === 'achieved').length,
        dropped: objectives.filter((o) => o.status === 'dropped').length,
        overdueIds: openObjectives.filter((o) => o.dueAt < now).map((o) => o.id),
      },
      actions: {
        open: openActions.length,
        done: actions.length - openActions.length,
        overdueIds: openActions.filter((a) => a.dueAt !== null && a.dueAt < now).map((a) => a.id),
      },
    },
  };
}

/**
 * Which way is good is fixed by what a row measures, never by a target's sign: −£3k on an income row means
 * "lose at most £3k", so more is still better. A catalogue metric's direction is the catalogue's (a derived
 * row is known by its source); a manager's own metric counts something wanted, so more is better unless the
 * row says otherwise.
 */
function betterDirection(metric: NumericMetricTarget): Better {
  const measured = catalogueMetric(metric.source === 'typed' ? metric.id : metric.source);
  return measured?.better ?? metric.better ?? 'higher';
}

export function metricProgress(metric: MetricTarget, yearStart: Instant, now: Instant): MetricProgress {
  const better = metric.unit === 'text' ? null : betterDirection(metric);
  const meets = (quarter: Quarter): boolean | null => {
    if (metric.unit === 'text') {
      const actual = metric.actuals[quarter];
      return metric.quarters[quarter] === null || actual === null ? null : actual.met;
    }
    const target = metric.quarters[quarter];
    const actual = metric.actuals[quarter];
    if (target === null || actual === null) return null;
    return better === 'lower' ? actual <= target : actual >= target;
  };
  const quarters = Object.fromEntries(
    QUARTERS.map((quarter): [Quarter, QuarterStatus] => {
      const { start, end } = quarterBounds(yearStart, quarter);
      if (meets(quarter) === true) return [quarter, end <= now ? 'met' : start <= now ? 'on_track' : 'not_yet_due'];
      if (end > now) return [quarter, 'not_yet_due'];
      if (metric.quarters[quarter] === null) return [quarter, 'no_target'];
      return [quarter, metric.actuals[quarter] === null ? 'no_actual' : 'behind'];
    }),
  ) as Record<Quarter, QuarterStatus>;
  return { targetId: metric.id, name: metric.name, better, quarters, year: yearProgress(metric, better) };
}

function yearProgress(metric: MetricTarget, better: Better | null): MetricProgress['year'] {
  if (metric.unit === 'text') {
    const target = QUARTERS.filter((q) => metric.quarters[q] !== null).length;
    const achieved = QUARTERS.filter((q) => metric.quarters[q] !== null && metric.actuals[q]?.met === true).length;
    return { target, achieved, progress: target === 0 ? null : achieved / target };
  }
  const targets = QUARTERS.map((q) => metric.quarters[q]).filter((v): v is number => v !== null);
  const actuals = QUARTERS.map((q) => metric.actuals[q]).filter((v): v is number => v !== null);
  const sumOrLast = (values: number[]): number | null =>
    values.length === 0
      ? null
      : metric.measure === 'per_quarter'
        ? values.reduce((sum, v) => sum + v, 0)
        : (values[values.length - 1] ?? null);
  const target = sumOrLast(targets);
  const achieved = sumOrLast(actuals);
  // A share of the target only means something when the target lies the good way from zero.
  const towards = target !== null && (better === 'lower' ? target < 0 : target > 0);
  const progress = !towards || achieved === null ? null : Math.max(0, achieved / target);
  return { target, achieved, progress };
}
