import {
  COMPANY_PROPERTY,
  KEY_ACCOUNT_PLAN,
  OBJECTIVE,
  PLAN_REVISION,
  REVIEW,
  planRevisionKey,
} from '../../src/crm/model/index.ts';
import { toHubSpotDateTime, toProperties } from '../../src/crm/records.ts';
import {
  TASK_TO_COMPANY,
  newTaskProperties,
  objectiveTaskFields,
  reviewTaskFields,
} from '../../src/keystone/account/plan-tasks.ts';
import { planYearStart, serialiseGrid, targetsFromRows } from '../../src/keystone/account/plan-targets.ts';
import { NO_INVESTMENT, QUARTERS, quarterBounds, type Quarter } from '../../src/kam/objectives/index.ts';
import { reviewSchedule, type ReviewOutcome } from '../../src/kam/reviews/index.ts';
import { REVIEW_CADENCES, type ReviewCadence } from '../../src/kam/shared/index.ts';
import type { Settings } from '../../src/kam/settings/index.ts';
import type { SeedRecord } from '../seed.ts';
import type { ClientPeople } from './contacts.ts';
import type { FirmPerson } from './firm.ts';
import { KEYSTONE_FIRST_IDS } from './keystone-objects.ts';
import { BUSINESS_OBJECTIVES, OBJECTIVES, REVIEW_SUMMARIES } from './plan-vocabulary.ts';
import type { Random } from './random.ts';
import { DAY, idSequence, seedRecord, type HistoryEntry, type SeedAssociationInput } from './records.ts';

// Key account plans as the account teams left them: a plan per key account (and per candidate the
// team has started planning), its SMART objectives, the quarterly target grid, and past reviews.
// Everything is written as Keystone's own save and review functions write it, so the cards read it back,
// including the HubSpot tasks they keep: one per open objective for its owner, and the next review's for
// the account manager.

export interface KeystoneRecords {
  plans: SeedRecord[];
  planRevisions: SeedRecord[];
  objectives: SeedRecord[];
  reviews: SeedRecord[];
  /** HubSpot tasks (object `tasks`). */
  tasks: SeedRecord[];
  associations: SeedAssociationInput[];
  /** `keystone_next_review_due` per company with a plan, as logging its last review set it. */
  nextReviewDue: Map<string, number>;
}

const CURRENCY = 'GBP';
// Outcomes of a review, most common first.
const OUTCOME_WEIGHTS = [
  ['plan_updated', 4],
  ['celebrate', 2],
  ['exploit', 2],
  ['escalate', 1],
] as const;

export function buildAccountPlans(
  random: Random,
  clients: readonly ClientPeople[],
  people: readonly FirmPerson[],
  settings: Settings,
  now: number,
): KeystoneRecords {
  const ids = {
    plan: idSequence(KEYSTONE_FIRST_IDS.plan),
    planRevision: idSequence(KEYSTONE_FIRST_IDS.planRevision),
    objective: idSequence(KEYSTONE_FIRST_IDS.objective),
    review: idSequence(KEYSTONE_FIRST_IDS.review),
    task: idSequence(KEYSTONE_FIRST_IDS.task),
  };
  const out: KeystoneRecords = {
    plans: [],
    planRevisions: [],
    objectives: [],
    reviews: [],
    tasks: [],
    associations: [],
    nextReviewDue: new Map(),
  };
  const addTask = (fields: Parameters<typeof newTaskProperties>[0], companyId: string, createdAt: number): string => {
    const id = ids.task();
    out.tasks.push(seedRecord(id, newTaskProperties(fields), createdAt));
    out.associations.push({
      fromType: 'tasks',
      fromId: id,
      toType: 'companies',
      toId: companyId,
      associationTypeId: TASK_TO_COMPANY,
    });
    return id;
  };
  const partners = people.filter((p) => p.team === 'partners');
  const researchers = people.filter((p) => p.team === 'research');
  const byOwnerId = new Map(people.map((p) => [p.ownerId, p]));
  const yearStart = planYearStart(null, settings.fiscalYearStartMonth, now);

  for (const client of clients) {
    const { company } = client;
    const companyName = company.record.properties.name ?? company.name;
    // Every key account has a plan; the team has started one for about half the candidates.
    const planned = company.plan.status === 'key' || (company.plan.status === 'candidate' && random.chance(0.5));
    if (!planned) continue;
    const team = {
      relationshipPartner: random.pick(partners),
      accountManager: byOwnerId.get(company.ownerId) ?? random.pick(partners),
      researcher: random.pick(researchers),
    };

    // Reviews, newest first: the last one 40–70 days ago (not yet due) or 100–200 (overdue), then a cycle apart.
    // Even the newest predates the stories' events (three weeks to a month ago), so their triggers stay open.
    const reviewCount = random.int(1, 4);
    const reviewedAt: number[] = [now - (random.chance(0.5) ? random.int(40, 70) : random.int(100, 200)) * DAY];
    while (reviewedAt.length < reviewCount)
      reviewedAt.push(reviewedAt[reviewedAt.length - 1]! - random.int(80, 100) * DAY);
    const createdAt = reviewedAt[reviewedAt.length - 1]! - random.int(14, 60) * DAY;
    const outcomes = reviewedAt.map((_, i) => reviewOutcomes(random, i === reviewedAt.length - 1));

    // The plan was saved when created and again at each review that updated it.
    const saves = [createdAt, ...reviewedAt.filter((_, i) => outcomes[i]!.includes('plan_updated')).reverse()];
    const revision = saves.length;
    const savedAt = saves[saves.length - 1]!;
    const planId = ids.plan();

    const objectives = pickObjectives(random, team, now);
    objectives.forEach((o, displayOrder) => {
      const id = ids.objective();
      const taskId =
        o.achievedAt === null
          ? addTask(objectiveTaskFields({ ...o, ownerId: o.owner.ownerId }, companyName), company.id, savedAt)
          : null;
      out.objectives.push(
        seedRecord(
          id,
          toProperties(
            {
              title: o.title,
              objectiveKey: `demo-${company.id}-${o.index}`,
              measure: o.measure,
              ownerId: o.owner.ownerId,
              dueDate: toHubSpotDateTime(o.dueAt),
              status: o.achievedAt === null ? 'open' : 'achieved',
              achievedAt: o.achievedAt === null ? null : toHubSpotDateTime(o.achievedAt),
              displayOrder,
              companyId: company.id,
              planId,
              planRevision: revision,
              taskId,
            },
            OBJECTIVE.property,
          ),
          savedAt,
        ),
      );
      out.associations.push(defaultLink(OBJECTIVE.name, id, company.id));
    });

    const growthK = Math.max(5, Math.round(((company.plan.fees / 3) * random.int(8, 20)) / 100 / 1000));
    const grid = targetsFromRows(gridRows(random, client, growthK, yearStart, now), CURRENCY);
    if (!grid.success)
      throw new Error(
        `The demo's quarterly grid for company ${company.id} does not parse: ${JSON.stringify(grid.errors)}`,
      );
    const cadenceValue = company.record.properties[COMPANY_PROPERTY.reviewCadence] ?? '';
    const cadence: ReviewCadence = (REVIEW_CADENCES as readonly string[]).includes(cadenceValue)
      ? (cadenceValue as ReviewCadence)
      : settings.reviews.defaultCadence;
    const schedule = reviewSchedule({
      cadence,
      lastReviewedAt: reviewedAt[0]!,
      planStartedAt: createdAt,
      overdueAfterDays: settings.reviews.overdueAfterDays,
      now,
    });
    if (!schedule.success)
      throw new Error(
        `The demo's review schedule for company ${company.id} does not parse: ${JSON.stringify(schedule.errors)}`,
      );
    out.nextReviewDue.set(company.id, schedule.data.dueAt);
    // Logging the last review completed its review-due task and opened the next one.
    const reviewTaskId = addTask(
      reviewTaskFields(companyName, schedule.data.dueAt, team.accountManager.ownerId),
      company.id,
      reviewedAt[0]!,
    );
    const savedBy = String(team.accountManager.userId);
    out.plans.push(
      seedRecord(
        planId,
        toProperties(
          {
            title: `${companyName} — key account plan`,
            companyId: company.id,
            revision,
            businessObjective: random.pick(BUSINESS_OBJECTIVES)(companyName, growthK),
            planStart: toHubSpotDateTime(yearStart),
            relationshipPartner: team.relationshipPartner.ownerId,
            accountManager: team.accountManager.ownerId,
            researcher: team.researcher.ownerId,
            quarterlyTargets: serialiseGrid({ targets: grid.data, investment: NO_INVESTMENT }),
            savedBy,
            savedAt: toHubSpotDateTime(savedAt),
            reviewTaskId,
          },
          KEY_ACCOUNT_PLAN.property,
        ),
        createdAt,
        {
          [KEY_ACCOUNT_PLAN.property.revision]: saves.map(
            (at, i): HistoryEntry => ({ value: String(i + 1), at, byUserId: team.accountManager.userId }),
          ),
        },
      ),
    );
    out.associations.push(defaultLink(KEY_ACCOUNT_PLAN.name, planId, company.id));
    saves.forEach((at, i) =>
      out.planRevisions.push(
        seedRecord(
          ids.planRevision(),
          toProperties(
            {
              revisionKey: planRevisionKey(planId, i + 1),
              planId,
              revision: i + 1,
              savedBy,
              savedAt: toHubSpotDateTime(at),
            },
            PLAN_REVISION.property,
          ),
          at,
        ),
      ),
    );

    reviewedAt.forEach((at, i) => {
      const id = ids.review();
      const reviewer = i % 2 === 0 ? team.accountManager : team.relationshipPartner;
      out.reviews.push(
        seedRecord(
          id,
          toProperties(
            {
              title: `Calendar review, ${toHubSpotDateTime(at).slice(0, 10)}`,
              kind: 'calendar',
              triggers: '[]',
              reviewedAt: toHubSpotDateTime(at),
              reviewedBy: String(reviewer.userId),
              outcomes: outcomes[i]!.join(';'),
              summary: outcomes[i]!.map((o) => random.pick(REVIEW_SUMMARIES[o])).join(' '),
              companyId: company.id,
            },
            REVIEW.property,
          ),
          at,
        ),
      );
      out.associations.push(defaultLink(REVIEW.name, id, company.id));
    });
  }
  return out;
}

/** A Keystone record's link to its company: the object's default association type, created with its schema. */
const defaultLink = (objectName: string, id: string, companyId: string): SeedAssociationInput => ({
  fromType: objectName,
  fromId: id,
  toType: 'companies',
  toId: companyId,
  associationCategory: 'USER_DEFINED',
});

/** One or two outcomes; a plan's first review always updates it. */
function reviewOutcomes(random: Random, first: boolean): ReviewOutcome[] {
  const outcomes = new Set<ReviewOutcome>(first ? ['plan_updated'] : [random.weighted(OUTCOME_WEIGHTS)]);
  if (random.chance(0.4)) outcomes.add(random.weighted(OUTCOME_WEIGHTS));
  return [...outcomes];
}

interface DemoObjective {
  index: number;
  title: string;
  measure: string;
  owner: FirmPerson;
  dueAt: number;
  achievedAt: number | null;
}

/** 3–6 objectives shared among the team: one or two achieved, the rest due in the coming months (now and then one late). */
function pickObjectives(
  random: Random,
  team: Record<'relationshipPartner' | 'accountManager' | 'researcher', FirmPerson>,
  now: number,
): DemoObjective[] {
  const owners = [team.accountManager, team.relationshipPartner, team.accountManager, team.researcher];
  const achieved = random.int(1, 2);
  return random
    .shuffled(OBJECTIVES.map((o, index) => ({ ...o, index })))
    .slice(0, random.int(3, 6))
    .map((o, i) => {
      const owner = owners[i % owners.length]!;
      if (i < achieved) {
        const dueAt = now - random.int(20, 200) * DAY;
        return { ...o, owner, dueAt, achievedAt: dueAt - random.int(0, 30) * DAY };
      }
      const late = random.chance(0.15);
      return { ...o, owner, dueAt: now + (late ? -random.int(5, 30) : random.int(30, 300)) * DAY, achievedAt: null };
    });
}

type GridRow = Parameters<typeof targetsFromRows>[0][number];

/**
 * Seed 003's six rows, sized to the account. Keystone derives the actuals of five of them from the CRM;
 * "new services used" is typed in by the team, for the quarters that have ended.
 */
function gridRows(random: Random, client: ClientPeople, growthK: number, yearStart: number, now: number): GridRow[] {
  const friends = client.contacts.filter((c) => c.stance === 'ally' || c.stance === 'supporter').length;
  const enemies = client.contacts.filter((c) => c.stance === 'protester' || c.stance === 'enemy').length;
  const meetings = random.int(3, 8);
  const opportunities = random.int(1, 2);
  const quarterly = (value: (q: number) => number) =>
    Object.fromEntries(QUARTERS.map((q, i) => [q, value(i + 1)])) as Record<Quarter, number>;
  const servicesTarget = quarterly((q) => Math.floor(q / 2) + (q === 4 ? 1 : 0));
  const servicesTyped = quarterly((q) => Math.max(0, servicesTarget[QUARTERS[q - 1]!] + random.int(-1, 1)));
  const ended = (q: Quarter) => quarterBounds(yearStart, q).end <= now;
  return [
    {
      metric: 'friends_and_allies',
      label: 'Friends and allies',
      unit: 'count',
      targets: quarterly((q) => friends + q),
      actuals: {},
      baseline: null,
    },
    {
      metric: 'enemies_and_protesters',
      label: 'Enemies and protesters',
      unit: 'count',
      targets: quarterly((q) => -Math.min(enemies, Math.ceil(q / 2))),
      actuals: {},
      baseline: enemies,
    },
    {
      metric: 'meetings',
      label: 'Meetings per quarter',
      unit: 'count',
      targets: quarterly(() => meetings),
      actuals: {},
      baseline: null,
    },
    {
      metric: 'custom_new_services_used',
      label: 'New services used',
      unit: 'count',
      targets: servicesTarget,
      actuals: Object.fromEntries(QUARTERS.map((q) => [q, ended(q) ? servicesTyped[q] : null])),
      baseline: null,
    },
    {
      metric: 'new_opportunities',
      label: 'New opportunities secured',
      unit: 'count',
      targets: quarterly((q) => opportunities * q),
      actuals: {},
      baseline: null,
    },
    {
      metric: 'income_increase',
      label: 'Increase in income over last year',
      unit: 'currency',
      targets: quarterly((q) => Math.round((growthK * 1000 * q) / 4 / 1000) * 1000),
      actuals: {},
      baseline: null,
    },
  ];
}
