import { z } from 'zod';
import { activityKindSchema } from '../coverage/schema.ts';
import {
  addMonths,
  instantSchema,
  isFriendly,
  isHostile,
  stanceSchema,
  validate,
  type Instant,
  type Stance,
  type Validated,
} from '../shared/index.ts';
import { quarterBounds } from './quarters.ts';
import {
  QUARTERS,
  accountPlanSchema,
  planPeriodSchema,
  type AccountPlan,
  type AccountPlanInput,
  type DerivedSource,
  type Measure,
  type NumericMetricTarget,
  type PlanPeriod,
  type Quarter,
} from './schema.ts';

/**
 * What the CRM knows that actuals can be derived from; a row whose facts are left out keeps what it
 * holds. Coverage's stance counts and activities fit as they are.
 */
const derivationFactsSchema = z.object({
  /** Counts of current contacts now (coverage's `stanceCounts`); counted from the timeline when left out. */
  stanceCounts: z
    .object({ friendsAndAllies: z.number().int().nonnegative(), enemiesAndProtesters: z.number().int().nonnegative() })
    .optional(),
  /**
   * Each contact's stances as recorded over time (HubSpot's property history), and whether and when
   * they left: the stance rows of quarters gone by are counted from it at each quarter's end.
   */
  stanceTimeline: z
    .array(
      z.object({
        stances: z.array(z.object({ stance: stanceSchema.nullable(), at: instantSchema })),
        left: z.boolean(),
        leftAt: instantSchema.nullable(),
      }),
    )
    .optional(),
  /** Meetings, calls and emails: "meetings" counts the meetings. */
  activities: z.array(z.object({ kind: activityKindSchema, at: instantSchema })).optional(),
  /**
   * Closed-won deals: "new opportunities secured" counts them, "increase in income" sums their amounts,
   * and "new services used" counts the services the client bought for the first time (a deal's service
   * is null when the deal does not say).
   */
  wonDeals: z
    .array(
      z.object({ closedAt: instantSchema, amount: z.number().finite(), service: z.string().nullable().default(null) }),
    )
    .optional(),
});
export type DerivationFacts = z.input<typeof derivationFactsSchema>;
type Facts = z.infer<typeof derivationFactsSchema>;

interface FilledActual {
  targetId: string;
  quarter: Quarter;
  value: number;
}

export interface DerivedActuals {
  plan: AccountPlan;
  filled: FilledActual[];
  skipped: Array<{ targetId: string; reason: string }>;
}

/**
 * Fills the actuals of grid rows whose source is a CRM fact, returning a new plan (the input is not
 * changed). Quarters that have started are filled, the current one with its figure so far; later
 * quarters stay as they are. Stance rows count the contacts as they are now in the current quarter,
 * and as they were at the end of each earlier quarter from the stance timeline; without a timeline,
 * earlier quarters keep the figure recorded while they were current, and so does any row whose facts
 * are left out. Derived cells overwrite whatever was typed into them.
 */
export function fillDerivedActuals(
  plan: AccountPlanInput,
  facts: DerivationFacts,
  period: PlanPeriod,
): Validated<DerivedActuals> {
  const parsedPeriod = validate(planPeriodSchema, period);
  if (!parsedPeriod.success) return parsedPeriod;
  const parsedPlan = validate(accountPlanSchema, plan);
  if (!parsedPlan.success) return parsedPlan;
  const parsedFacts = validate(derivationFactsSchema, facts);
  if (!parsedFacts.success) return parsedFacts;

  const { now, yearStart } = parsedPeriod.data;
  const filled: FilledActual[] = [];
  const skipped: DerivedActuals['skipped'] = [];
  const targets = parsedPlan.data.targets.map((metric) => {
    if (metric.unit === 'text' || metric.source === 'typed') return metric;
    const actuals = { ...metric.actuals };
    for (const quarter of QUARTERS) {
      const { start, end } = quarterBounds(yearStart, quarter);
      if (start > now) continue;
      const period = { yearStart, start, end: Math.min(end, now + 1), current: now < end };
      const value = derivedValue(metric, metric.source, { period, facts: parsedFacts.data });
      if (value === 'not_known') continue;
      if (value === 'needs_baseline') {
        skipped.push({
          targetId: metric.id,
          reason: 'A change is measured from the baseline: record the count when the plan year began',
        });
        break;
      }
      actuals[quarter] = value;
      filled.push({ targetId: metric.id, quarter, value });
    }
    return { ...metric, actuals };
  });
  return { success: true, data: { plan: { ...parsedPlan.data, targets }, filled, skipped } };
}

interface Period {
  yearStart: Instant;
  start: Instant;
  /** Exclusive end: the quarter's end, or just after `now` for the current quarter. */
  end: Instant;
  current: boolean;
}

function derivedValue(
  metric: NumericMetricTarget,
  source: DerivedSource,
  { period, facts }: { period: Period; facts: Facts },
): number | 'not_known' | 'needs_baseline' {
  switch (source) {
    case 'friends_and_allies':
      return stanceValue(metric, {
        count:
          period.current && facts.stanceCounts
            ? facts.stanceCounts.friendsAndAllies
            : countAtEnd(facts.stanceTimeline, period.end, isFriendly),
        atYearStart: countAtEnd(facts.stanceTimeline, period.yearStart, isFriendly),
      });
    case 'enemies_and_protesters':
      return stanceValue(metric, {
        count:
          period.current && facts.stanceCounts
            ? facts.stanceCounts.enemiesAndProtesters
            : countAtEnd(facts.stanceTimeline, period.end, isHostile),
        atYearStart: countAtEnd(facts.stanceTimeline, period.yearStart, isHostile),
      });
    case 'meetings':
      if (!facts.activities) return 'not_known';
      return countIn(
        facts.activities.filter((a) => a.kind === 'meeting').map((a) => a.at),
        from(metric.measure, period),
        period.end,
      );
    case 'new_services':
      if (!facts.wonDeals) return 'not_known';
      return countIn(firstWins(facts.wonDeals), from(metric.measure, period), period.end);
    case 'new_opportunities':
      if (!facts.wonDeals) return 'not_known';
      return countIn(
        facts.wonDeals.map((d) => d.closedAt),
        from(metric.measure, period),
        period.end,
      );
    case 'income_increase': {
      if (!facts.wonDeals) return 'not_known';
      // Against the same span of the previous year, so a quarter in progress compares like with like.
      const start = from(metric.measure, period);
      return (
        incomeIn(facts.wonDeals, start, period.end) -
        incomeIn(facts.wonDeals, addMonths(start, -12), addMonths(period.end, -12))
      );
    }
  }
}

/** A change row without a typed baseline is measured from the count at the plan year's start, from the stance history. */
function stanceValue(
  metric: NumericMetricTarget,
  { count, atYearStart }: { count: number | 'not_known'; atYearStart: number | 'not_known' },
): number | 'not_known' | 'needs_baseline' {
  if (count === 'not_known' || metric.measure === 'level') return count;
  const baseline = metric.baseline ?? (atYearStart === 'not_known' ? null : atYearStart);
  return baseline === null ? 'needs_baseline' : count - baseline;
}

/**
 * Contacts whose stance just before `end` matches: the latest one recorded before it. A contact who had
 * left by then does not count; one who left at a time nobody recorded counts at no time.
 */
function countAtEnd(
  timeline: Facts['stanceTimeline'],
  end: Instant,
  matches: (stance: Stance) => boolean,
): number | 'not_known' {
  if (!timeline) return 'not_known';
  return timeline.filter((contact) => {
    if (contact.left && (contact.leftAt === null || contact.leftAt < end)) return false;
    const latest = contact.stances.reduce<{ stance: Stance | null; at: Instant } | null>(
      (found, s) => (s.at < end && (found === null || s.at > found.at) ? s : found),
      null,
    );
    return latest !== null && latest.stance !== null && matches(latest.stance);
  }).length;
}

const from = (measure: Measure, period: Period): Instant =>
  measure === 'year_to_date' ? period.yearStart : period.start;

function countIn(instants: readonly Instant[], start: Instant, end: Instant): number {
  return instants.filter((at) => at >= start && at < end).length;
}

function incomeIn(deals: NonNullable<Facts['wonDeals']>, start: Instant, end: Instant): number {
  return deals.reduce((sum, deal) => (deal.closedAt >= start && deal.closedAt < end ? sum + deal.amount : sum), 0);
}

/** When each service was first bought: a service counts as new in the quarter of its first won deal, ever. */
function firstWins(deals: NonNullable<Facts['wonDeals']>): Instant[] {
  const first = new Map<string, Instant>();
  for (const { service, closedAt } of deals) {
    if (service === null) continue;
    const key = service.trim().toLowerCase();
    if (key !== '' && (first.get(key) ?? Infinity) > closedAt) first.set(key, closedAt);
  }
  return [...first.values()];
}
