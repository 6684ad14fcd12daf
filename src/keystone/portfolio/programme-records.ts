import { z } from 'zod';
import { reviewTriggerSchema } from '../../contracts/card-data.ts';
import type { CrmRecord } from '../../crm/records.ts';
import { COMPANY_PROPERTY, KEY_ACCOUNT_PLAN, OBJECTIVE, REVIEW, REVIEW_OUTCOMES } from '../../crm/model/index.ts';
import { fromHubSpotDateTime, fromHubSpotNumber, readFields } from '../../crm/records.ts';
import { reviewSchedule, type ReviewSchedule } from '../../kam/reviews/index.ts';
import type { Settings } from '../../kam/settings/index.ts';
import { REVIEW_CADENCES, type ReviewCadence } from '../../kam/shared/index.ts';
import { domainResult } from '../domain-result.ts';
import { storedReviewActions, storedTriggerMessage, type StoredReviewAction } from '../account/reviews-section.ts';

// The programme's own records (plans, objectives, reviews) as the portfolio pages read them, grouped
// by company. Pure.

export type Plan = ReturnType<typeof readPlan>;
function readPlan(record: CrmRecord) {
  return {
    ...readFields(record.properties, KEY_ACCOUNT_PLAN.property),
    createdAt: fromHubSpotDateTime(record.properties.hs_createdate),
  };
}

export function plansByCompany(records: readonly CrmRecord[]): Map<string, Plan> {
  const plans = new Map<string, Plan>();
  for (const record of records) {
    const plan = readPlan(record);
    if (plan.companyId) plans.set(plan.companyId, plan);
  }
  return plans;
}

/** The owner ids of the plan's KAM team (relationship partner, account manager, researcher), each once. */
export function kamTeam(plan: Plan | undefined): string[] {
  return [
    ...new Set([plan?.relationshipPartner, plan?.accountManager, plan?.researcher].filter((id): id is string => !!id)),
  ];
}

export interface StoredReview {
  reviewedAt: number;
  kind: 'calendar' | 'triggered';
  outcomes: Array<(typeof REVIEW_OUTCOMES)[number]>;
  summary: string;
  /** The sentences of the events that triggered it. */
  triggers: string[];
  /** What it produced to be done, each with its owner, due date and task; empty for reviews logged before actions. */
  actions: StoredReviewAction[];
}

const storedTriggersSchema = z.array(reviewTriggerSchema.pick({ message: true }).loose());

/** Each company's logged reviews, oldest first. */
export function reviewsByCompany(records: readonly CrmRecord[]): Map<string, StoredReview[]> {
  const byCompany = new Map<string, StoredReview[]>();
  for (const record of records) {
    const f = readFields(record.properties, REVIEW.property);
    const reviewedAt = fromHubSpotDateTime(f.reviewedAt);
    if (!f.companyId || reviewedAt === null) continue;
    const triggers = storedTriggersSchema.safeParse(parseJson(f.triggers));
    const review: StoredReview = {
      reviewedAt,
      kind: f.kind === 'triggered' ? 'triggered' : 'calendar',
      outcomes: (f.outcomes ?? '')
        .split(';')
        .filter((o): o is StoredReview['outcomes'][number] => (REVIEW_OUTCOMES as readonly string[]).includes(o)),
      summary: f.summary ?? '',
      triggers: triggers.success ? triggers.data.map(storedTriggerMessage) : [],
      actions: storedReviewActions(f.actions) ?? [],
    };
    byCompany.set(f.companyId, [...(byCompany.get(f.companyId) ?? []), review]);
  }
  for (const list of byCompany.values()) list.sort((a, b) => a.reviewedAt - b.reviewedAt);
  return byCompany;
}

export interface AchievedObjective {
  title: string;
  achievedAt: number;
}

/** Objectives marked achieved, per company, from the rows of each plan's current revision only. */
export function achievedObjectivesByCompany(
  records: readonly CrmRecord[],
  plans: Map<string, Plan>,
): Map<string, AchievedObjective[]> {
  const byCompany = new Map<string, AchievedObjective[]>();
  for (const record of records) {
    const o = readFields(record.properties, OBJECTIVE.property);
    const achievedAt = fromHubSpotDateTime(o.achievedAt);
    const plan = o.companyId ? plans.get(o.companyId) : undefined;
    if (
      !plan ||
      o.status !== 'achieved' ||
      achievedAt === null ||
      fromHubSpotNumber(o.planRevision) !== fromHubSpotNumber(plan.revision)
    )
      continue;
    byCompany.set(o.companyId!, [...(byCompany.get(o.companyId!) ?? []), { title: o.title ?? '', achievedAt }]);
  }
  return byCompany;
}

export function cadenceOf(company: CrmRecord | undefined, settings: Settings): ReviewCadence {
  const value = company?.properties[COMPANY_PROPERTY.reviewCadence] ?? '';
  return (REVIEW_CADENCES as readonly string[]).includes(value)
    ? (value as ReviewCadence)
    : settings.reviews.defaultCadence;
}

/**
 * The calendar review schedule as it stood at `asOf`, the same one the company card shows: the cycle
 * runs from the plan's first save or the last review before `asOf`. Null without a saved plan.
 */
export function calendarReviewAt(
  plan: Plan | undefined,
  {
    cadence,
    reviews,
    settings,
    asOf,
  }: { cadence: ReviewCadence; reviews: readonly StoredReview[]; settings: Settings; asOf: number },
): (ReviewSchedule & { lastReviewedAt: number | null; planStartedAt: number }) | null {
  const planStartedAt = plan ? (plan.createdAt ?? fromHubSpotDateTime(plan.savedAt)) : null;
  if (planStartedAt === null) return null;
  const lastReviewedAt = reviews.filter((r) => r.reviewedAt <= asOf).at(-1)?.reviewedAt ?? null;
  const schedule = domainResult(
    reviewSchedule({
      cadence,
      lastReviewedAt,
      planStartedAt,
      overdueAfterDays: settings.reviews.overdueAfterDays,
      now: asOf,
    }),
    'review schedule',
  );
  return { ...schedule, lastReviewedAt, planStartedAt };
}

function parseJson(text: string | null): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
