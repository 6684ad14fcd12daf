import type {
  AccountQuarter,
  FiscalQuarter,
  OutcomeLine,
  ProgrammeAccount,
  ProgrammeTargets,
  QuarterlyReport,
  TargetInQuarter,
} from '../../contracts/portfolio-overview.ts';
import type { CrmRecord } from '../../crm/records.ts';
import { fromHubSpotDateTime } from '../../crm/records.ts';
import { COMPANY_PROPERTY } from '../../crm/model/index.ts';
import type { Competition } from '../../kam/competition/index.ts';
import {
  fillDerivedActuals,
  investmentAgainstBenefit,
  metricProgress,
  nameWithPeriod,
  quarterAt,
  type DerivationFacts,
  type MetricTarget,
} from '../../kam/objectives/index.ts';
import { REVIEW_OUTCOMES, reviewActionStatus } from '../../kam/reviews/index.ts';
import type { Settings } from '../../kam/settings/index.ts';
import type { PeopleDirectory } from '../readers/people.ts';
import { fiscalQuarterOf, fiscalQuarterStart } from '../../kam/shared/index.ts';
import { accountFacts, planYearStart, storedMeetings, storedPlanGrid } from '../account/plan-targets.ts';
import type { RelationshipContact } from '../account/relationships.ts';
import { storedCompetition } from '../account/competition.ts';
import {
  achievedObjectivesByCompany,
  cadenceOf,
  calendarReviewAt,
  plansByCompany,
  reviewsByCompany,
  type AchievedObjective,
  type Plan,
  type StoredReview,
} from './programme-records.ts';

// The quarterly programme report, the "dragons' den" where each key account's team answers for its
// plan: per key account and for the programme, the quarter's targets against actuals, introductions
// made, objectives achieved (celebrate), threats (escalate), opportunities (exploit), triggers fired
// and reviews done or missed — from what the plans and the logged reviews hold. Pure.

interface ReportRecords {
  companies: readonly CrmRecord[];
  plans: readonly CrmRecord[];
  objectives: readonly CrmRecord[];
  reviews: readonly CrmRecord[];
  /** Each key account's associated contacts (firstname, lastname, email, createdate, departure, stance history). */
  keyAccountContacts: ReadonlyMap<string, readonly RelationshipContact[]>;
  /** Each key account's deals (amount, close date, stage). */
  keyAccountDeals: ReadonlyMap<string, readonly CrmRecord[]>;
  /** Each key account's review triggers no review has answered yet (the overview's `reviews.open`). */
  openTriggers: ReadonlyMap<string, ReadonlyArray<{ trigger: { message: string; at: number } }>>;
  /** Whether each review action's task is completed, by task id. */
  actionTasks: ReadonlyMap<string, boolean>;
  /** Names for the actions' owners. */
  people: PeopleDirectory;
}

/** The fiscal quarter `now` falls in, when none is asked for. */
export function quarterOf(now: number, settings: Settings): FiscalQuarter {
  return fiscalQuarterOf(now, settings.fiscalYearStartMonth);
}

export function quarterlyReport(
  keyAccounts: readonly ProgrammeAccount[],
  records: ReportRecords,
  { quarter: asked, settings, now }: { quarter: FiscalQuarter; settings: Settings; now: number },
): QuarterlyReport {
  const month = settings.fiscalYearStartMonth;
  const start = fiscalQuarterStart(asked.fiscalYear, asked.quarter, month);
  const end =
    asked.quarter === 4
      ? fiscalQuarterStart(asked.fiscalYear + 1, 1, month)
      : fiscalQuarterStart(asked.fiscalYear, (asked.quarter + 1) as 2 | 3 | 4, month);
  const plans = plansByCompany(records.plans);
  const reviews = reviewsByCompany(records.reviews);
  const achieved = achievedObjectivesByCompany(records.objectives, plans);
  const companies = new Map(records.companies.map((c) => [c.id, c]));
  const within = (at: number) => at >= start && at < end;
  // The current quarter is judged as it stands now; a past one as it stood at its end.
  const asOf = Math.min(end - 1, now);

  const accounts = keyAccounts.map((account): AccountQuarter => {
    const plan = plans.get(account.companyId);
    const logged = (reviews.get(account.companyId) ?? []).filter((r) => within(r.reviewedAt) && r.reviewedAt <= now);
    // Each action under its own outcome, with who does it, by when and where it stands; a review logged
    // before outcomes had actions is told by its summary.
    // A review without actions that called for several outcomes prints its summary once, under the first of
    // them in the report's order; the others point there, so each outcome still counts it.
    const withOutcome = (outcome: StoredReview['outcomes'][number]) =>
      logged.flatMap((r): OutcomeLine[] => {
        const actions = r.actions.filter((a) => a.outcome === outcome);
        if (actions.length === 0) {
          if (!r.outcomes.includes(outcome) || r.actions.length > 0) return [];
          const first = REVIEW_OUTCOMES.find((o) => r.outcomes.includes(o)) ?? outcome;
          return first === outcome
            ? [r.summary || 'See the review']
            : [{ reviewedAt: r.reviewedAt, summaryUnder: first }];
        }
        return actions.map((a) => ({
          text: a.text,
          owner: records.people.byOwnerId(a.ownerId)?.name ?? `Owner ${a.ownerId}`,
          dueAt: a.dueAt,
          status: reviewActionStatus({
            dueAt: a.dueAt,
            taskCompleted: a.taskId === null ? null : (records.actionTasks.get(a.taskId) ?? null),
            now,
          }),
        }));
      });
    const objectives = (achieved.get(account.companyId) ?? []).filter((o: AchievedObjective) => within(o.achievedAt));
    const cadence = cadenceOf(companies.get(account.companyId), settings);
    const schedule = calendarReviewAt(plan, { cadence, reviews: reviews.get(account.companyId) ?? [], settings, asOf });
    const facts = {
      ...accountFacts(
        records.keyAccountContacts.get(account.companyId) ?? [],
        records.keyAccountDeals.get(account.companyId) ?? [],
      ),
      ...storedMeetings(companies.get(account.companyId)).facts,
    };
    const grid = targetsInQuarter(plan, { quarterStart: start, facts, settings, now });
    // An introduction: a contact at the client whose CRM record was created in the quarter (up to now).
    const introductions = (records.keyAccountContacts.get(account.companyId) ?? []).filter((c) => {
      const createdAt = fromHubSpotDateTime(c.properties.createdate);
      return createdAt !== null && within(createdAt) && createdAt <= now;
    });
    return {
      companyId: account.companyId,
      name: account.name,
      revenueLast12Months: account.revenueLast12Months,
      targets: grid.targets,
      targetsUnreadable: grid.unreadable,
      investment: grid.investment,
      introductions: introductions.map(contactName),
      planUpdated: withOutcome('plan_updated'),
      celebrate: [...objectives.map((o) => `Objective achieved: ${o.title}`), ...withOutcome('celebrate')],
      escalate: withOutcome('escalate'),
      exploit: withOutcome('exploit'),
      triggersFired: [
        ...logged
          .filter((r) => r.kind === 'triggered')
          .flatMap((r) => (r.triggers.length > 0 ? r.triggers : ['A triggered review'])),
        ...(records.openTriggers.get(account.companyId) ?? [])
          .filter(({ trigger }) => within(trigger.at) && trigger.at <= now)
          .map(({ trigger }) => `${trigger.message} (not reviewed yet)`),
      ],
      reviewsDone: logged.length,
      // A quarter not begun yet has missed nothing: a review overdue now is the current quarter's.
      reviewMissed: start <= now && schedule?.status === 'overdue',
      competition: competitionOf(companies.get(account.companyId)),
      satisfaction: account.satisfaction,
    };
  });

  const targets = accounts.flatMap((a) => a.targets ?? []);
  const total = (pick: (a: AccountQuarter) => number) => accounts.reduce((sum, a) => sum + pick(a), 0);
  return {
    quarter: {
      ...asked,
      label: `Q${asked.quarter} FY${asked.fiscalYear}`,
      start,
      end,
      current: now >= start && now < end,
    },
    accounts,
    programme: {
      keyAccounts: accounts.length,
      targets: programmeTargets(targets),
      introductions: total((a) => a.introductions.length),
      planUpdated: total((a) => a.planUpdated.length),
      celebrate: total((a) => a.celebrate.length),
      escalate: total((a) => a.escalate.length),
      exploit: total((a) => a.exploit.length),
      triggersFired: total((a) => a.triggersFired.length),
      reviewsDone: total((a) => a.reviewsDone),
      reviewsMissed: total((a) => Number(a.reviewMissed)),
    },
  };
}

// A target that meets its mark in a quarter still running is on track, not met: the quarter may still turn.
function programmeTargets(targets: readonly TargetInQuarter[]): ProgrammeTargets {
  const count = (status: TargetInQuarter['status']) => targets.filter((t) => t.status === status).length;
  return {
    total: targets.length,
    met: count('met'),
    onTrack: count('on_track'),
    behind: count('behind'),
    notYetDue: count('not_yet_due'),
    withoutActual: count('no_actual'),
    withoutTarget: count('no_target'),
  };
}

function competitionOf(company: CrmRecord | undefined): Competition | null {
  const stored = storedCompetition(company?.properties[COMPANY_PROPERTY.competition]);
  return stored === null || stored === 'unreadable' ? null : stored.competition;
}

function contactName(contact: CrmRecord): string {
  const name = [contact.properties.firstname, contact.properties.lastname].filter((part) => !!part?.trim()).join(' ');
  return name || contact.properties.email || `Contact ${contact.id}`;
}

// The report is read as the quarter's, so a row names the period its figures cover (the income gained in the
// quarter alone is told beneath the table); a row in words is the quarter's own.
function rowName(metric: MetricTarget): string {
  return metric.unit === 'text' ? metric.name : nameWithPeriod(metric.name, metric.measure);
}

// The plan's grid is kept per quarter of its own plan year; the report's quarter is found in it by date.
// Its stance, deal and meeting rows are counted from HubSpot as the card counts them (meetings as the
// last recalculation stored them per month).
function targetsInQuarter(
  plan: Plan | undefined,
  {
    quarterStart,
    facts,
    settings,
    now,
  }: { quarterStart: number; facts: DerivationFacts; settings: Settings; now: number },
): { targets: TargetInQuarter[] | null; unreadable: string | null; investment: AccountQuarter['investment'] } {
  const none = { targets: null, unreadable: null, investment: null };
  if (!plan) return none;
  const yearStart = planYearStart(plan.planStart, settings.fiscalYearStartMonth, quarterStart);
  const quarter = quarterAt(yearStart, quarterStart);
  if (quarter === null) return none;
  let stored: ReturnType<typeof storedPlanGrid>;
  try {
    stored = storedPlanGrid(plan.quarterlyTargets);
  } catch (error) {
    return { ...none, unreadable: (error as Error).message };
  }
  const spent = investmentAgainstBenefit(stored.investment, { wonDeals: facts.wonDeals ?? [], yearStart, now });
  const investment = {
    hours: spent.hours[quarter],
    money: spent.money[quarter],
    incomeGained: spent.incomeGained[quarter],
  };
  const derived = fillDerivedActuals({ businessObjective: 'Plan', targets: stored.targets }, facts, { now, yearStart });
  if (!derived.success)
    return {
      ...none,
      unreadable: `its actuals could not be counted from HubSpot (${derived.errors.map((e) => `${e.path}: ${e.message}`).join('; ')})`,
    };
  const grid: MetricTarget[] = derived.data.plan.targets;
  return {
    investment,
    unreadable: null,
    targets: grid.map((metric) => {
      const actual = metric.actuals[quarter];
      // A qualitative scale's figures are its steps: the report names them as the card does.
      const step = (value: number | null) =>
        metric.unit === 'scale' && value !== null ? (metric.scale[value - 1] ?? value) : value;
      return {
        name: rowName(metric),
        unit: metric.unit,
        target: metric.unit === 'text' ? metric.quarters[quarter] : step(metric.quarters[quarter]),
        actual: actual !== null && typeof actual === 'object' ? actual.text : step(actual),
        status: metricProgress(metric, yearStart, now).quarters[quarter],
      };
    }),
  };
}
