import { z } from 'zod';
import { competitorSchema } from '../kam/competition/index.ts';
import { COVERAGE_WARNINGS, WATCH_REASONS } from '../kam/coverage/index.ts';
import {
  LARGEST_FIGURE,
  NUMERIC_UNITS,
  QUARTERS,
  QUARTER_STATUSES,
  measureSchema,
  objectiveStatusSchema,
  type QuarterStatus,
} from '../kam/objectives/index.ts';
import { REVIEW_KINDS, REVIEW_OUTCOMES, REVIEW_TRIGGER_KINDS } from '../kam/reviews/index.ts';
import {
  buyingRoleSchema,
  decisionPowerSchema,
  departureReasonSchema,
  icpTierSchema,
  instantSchema,
  keyAccountStatusSchema,
  reviewCadenceSchema,
  stanceSchema,
} from '../kam/shared/index.ts';
import { SELECTION_CRITERIA } from '../kam/shared/selection-criteria.ts';
import { accountCallSchema, ownerSchema, personSchema, portalSchema } from './shared.ts';

// What the company cards read: the parameters of `card_data` (zod, parsed once in the function) and
// its answer, section by section. The answer's schema is zod too, because the tests parse what the
// function answers with it, and the review triggers in it are parsed again when a review is logged.

/**
 * `card_data`: everything one company card needs, in one call.
 * Errors: KAM.INVALID_PARAMETERS, KAM.UNKNOWN_USER, KAM.COMPANY_NOT_FOUND, KAM.SETUP_REQUIRED, and the HubSpot failure codes
 * of the shared contract (rate limited, unavailable, not authorised).
 */
export const cardDataParametersSchema = accountCallSchema
  // The card's `context.portal.id`: optional, and when given it saves card_data one HubSpot read.
  .extend({ portalId: z.number().int().positive('must be a HubSpot portal ID').optional() })
  .strict();
export type CardDataParameters = z.input<typeof cardDataParametersSchema>;

const selectionCriterionSchema = z.enum(SELECTION_CRITERIA);

const criterionScoreSchema = z.object({
  criterion: selectionCriterionSchema,
  label: z.string(),
  /** The criterion's input in its own unit (money in the portal currency, margin in percent, ratings 0–10, referrals as a count); null when missing. */
  value: z.number().nullable(),
  unit: z.enum(['currency', 'percent', 'rating', 'count']),
  /** Share of the total weight, 0–1 (weights are relative, so this is what the admin's weight means). */
  weight: z.number().min(0).max(1),
  /** Points this criterion adds to the 0–100 score. */
  contribution: z.number(),
  /** What to fill in for a missing value, e.g. "Potential annual revenue on the company"; null when present. */
  missing: z.string().nullable(),
});
export type CriterionScore = z.infer<typeof criterionScoreSchema>;

const keyAccountSectionSchema = z.object({
  status: keyAccountStatusSchema,
  /** Who last changed the status, when and why; null when it was never changed through Keystone. */
  changedBy: personSchema.nullable(),
  changedAt: instantSchema.nullable(),
  reason: z.string().nullable(),
  /**
   * Every status the account has had, newest first (the current one included), from HubSpot's property
   * history: who changed it and why, null for a change made outside Keystone.
   */
  history: z.array(
    z.object({
      status: keyAccountStatusSchema,
      previousStatus: keyAccountStatusSchema.nullable(),
      at: instantSchema,
      changedBy: personSchema.nullable(),
      reason: z.string().nullable(),
    }),
  ),
  /** HubSpot's own fields, kept in sync by Keystone when the settings say so. */
  isTargetAccount: z.boolean(),
  tier: icpTierSchema.nullable(),
  /** How the client sees itself and where it is heading, as the account team recorded it on the company; a change triggers a review. */
  clientStrategy: z.string().nullable(),
  score: z.object({
    /** 0–100, computed now from the company's data and the current settings. */
    total: z.number().min(0).max(100),
    /** Share (0–1) of the total weight whose data is present; below the settings' minimum no status is suggested. */
    completeness: z.number().min(0).max(1),
    /** Whether enough of the weight is known to judge the company by its score (the settings' minimum completeness). */
    enoughData: z.boolean(),
    criteria: z.array(criterionScoreSchema),
    suggestedStatus: z.enum(['none', 'candidate', 'key']),
    suggestedTier: icpTierSchema.nullable(),
    /** Scores at which a company becomes a candidate or a key account: "what would qualify it". */
    thresholds: z.object({ candidate: z.number(), key: z.number() }),
  }),
});
export type KeyAccountSection = z.infer<typeof keyAccountSectionSchema>;

/** A contact named by another (supervisor, replacement); `name` is null when the contact is not on this company. */
const contactRefSchema = z.object({ contactId: z.string(), name: z.string().nullable() });
export type ContactRef = z.infer<typeof contactRefSchema>;

/** Whom a contact reports to; `left` when that person has left the client: whom they report to now is not on record. */
const supervisorRefSchema = contactRefSchema.extend({ left: z.boolean() });

/** One of our people holding a relationship (touched the contact within the staleness window). */
const relationshipHolderSchema = z.object({ person: personSchema });

const keyContactSchema = z.object({
  contactId: z.string(),
  name: z.string(),
  jobTitle: z.string().nullable(),
  email: z.string().nullable(),
  /**
   * The programme watches the contact: something was recorded about them (see `watchedBecause`). Not the
   * "Key contact" label, which is `keyContactLabel`: most watched contacts carry no label.
   */
  watched: z.boolean(),
  /** Why the programme watches the contact (their departure, new title or change of stance triggers a review); empty when it does not. */
  watchedBecause: z.array(z.enum(WATCH_REASONS)),
  /** Labelled "Key contact" on this company (a manager marks or unmarks it on the card). */
  keyContactLabel: z.boolean(),
  stance: stanceSchema.nullable(),
  /** Every recorded stance from HubSpot's property history, newest first (the current one included). */
  stanceHistory: z.array(z.object({ stance: stanceSchema.nullable(), at: instantSchema })),
  /** Earlier and current job titles from property history, newest first. */
  jobTitleHistory: z.array(z.object({ jobTitle: z.string().nullable(), at: instantSchema })),
  buyingRoles: z.array(buyingRoleSchema),
  decisionPower: decisionPowerSchema.nullable(),
  decisionTopics: z.array(z.string()),
  reportsTo: supervisorRefSchema.nullable(),
  lastTouchAt: instantSchema.nullable(),
  /** Our people who touched the contact within the settings' staleness window, most touches first. */
  heldBy: z.array(relationshipHolderSchema),
  /** Set when the contact has left the client. */
  departure: z
    .object({
      leftAt: instantSchema.nullable(),
      replacedBy: contactRefSchema.nullable(),
      /** Why they left; null for a departure recorded before Keystone asked. */
      reason: departureReasonSchema.nullable(),
    })
    .nullable(),
});
export type KeyContact = z.infer<typeof keyContactSchema>;

const coverageWarningSchema = z.object({
  kind: z.enum(COVERAGE_WARNINGS),
  /** A sentence for the card, e.g. "Only Jo Bloggs at Acme hears from us". */
  message: z.string(),
  /** The client contacts the warning is about. */
  contactIds: z.array(z.string()),
});
export type CoverageWarning = z.infer<typeof coverageWarningSchema>;

/** Who else the client buys from and our relationship's strengths and weaknesses, as the account team recorded them. */
const competitionSectionSchema = z.object({
  competitors: z.array(competitorSchema),
  strengths: z.array(z.string()),
  weaknesses: z.array(z.string()),
  /** Send back as `baseRevision` when saving; 0 before the first save. */
  revision: z.number().int().nonnegative(),
  savedBy: personSchema.nullable(),
  savedAt: instantSchema.nullable(),
  /** The stored value could not be read (damaged): shown empty, and a save repairs it. */
  unreadable: z.boolean(),
});
export type CompetitionSection = z.infer<typeof competitionSectionSchema>;

const relationshipsSectionSchema = z.object({
  contacts: z.array(keyContactSchema),
  competition: competitionSectionSchema,
  coverage: z.object({
    /** 0–100. */
    score: z.number().min(0).max(100),
    /** Why the score is what it is, one line per factor, e.g. "3 of 4 watched contacts touched in the last 90 days". */
    reasons: z.array(z.string()),
    warnings: z.array(coverageWarningSchema),
  }),
  /** Meetings, calls and emails logged with the contacts, and how many coverage weighed: the most recently logged, when a large account has more than one read can take. */
  activities: z.object({ logged: z.number().int().min(0), weighed: z.number().int().min(0) }),
});
export type RelationshipsSection = z.infer<typeof relationshipsSectionSchema>;

const objectiveSchema = z.object({
  /** Stable across plan revisions; pass it back when saving so the objective keeps its identity. */
  objectiveKey: z.string(),
  title: z.string(),
  measure: z.string(),
  owner: personSchema.nullable(),
  dueAt: instantSchema.nullable(),
  status: objectiveStatusSchema,
  achievedAt: instantSchema.nullable(),
});
export type Objective = z.infer<typeof objectiveSchema>;

const inWords = LARGEST_FIGURE.toLocaleString('en-GB');
const quarterFigureSchema = z
  .number('must be a number')
  .min(-LARGEST_FIGURE, `must be at most ${inWords} either way`)
  .max(LARGEST_FIGURE, `must be at most ${inWords} either way`);

/** One number per fiscal quarter; null where nothing is set. Negative values are allowed: a target can be a fall (three fewer enemies). */
export const quarterValuesSchema = z
  .object(
    Object.fromEntries(QUARTERS.map((q) => [q, quarterFigureSchema.nullable().default(null)])) as Record<
      (typeof QUARTERS)[number],
      z.ZodDefault<z.ZodNullable<z.ZodNumber>>
    >,
  )
  .strict();
export type QuarterValues = z.infer<typeof quarterValuesSchema>;

export const metricUnitSchema = z.enum(NUMERIC_UNITS);

const targetRowSchema = z.object({
  /**
   * Stable key of the row: a metric whose actuals Keystone derives from CRM data (the objectives domain's
   * DERIVED_SOURCES: friends and allies, enemies and protesters, meetings, new opportunities secured,
   * increase in income), or a manager's own metric (`custom_…`), typed in.
   */
  metric: z.string(),
  label: z.string(),
  unit: metricUnitSchema,
  targets: quarterValuesSchema,
  /** Derived from the CRM where `derived`, else as typed in; null for quarters not started. */
  actuals: quarterValuesSchema,
  derived: z.boolean(),
  /** How a quarter's figure reads: level at quarter end, change since the year began, within the quarter, or year to date. */
  measure: measureSchema,
  /** The level when the plan year began (for `change` rows). */
  baseline: z.number().nullable(),
  /** A qualitative row's steps, first to best; its figures are step numbers from 1. Null for other units. */
  scale: z.array(z.string()).nullable(),
  /** Per quarter: not_yet_due, on_track, met, behind, no_actual or no_target. */
  status: z.object(
    Object.fromEntries(QUARTERS.map((q) => [q, z.enum(QUARTER_STATUSES)])) as Record<
      (typeof QUARTERS)[number],
      z.ZodEnum<{ [K in QuarterStatus]: K }>
    >,
  ),
});
export type TargetRow = z.infer<typeof targetRowSchema>;

const personRoleSchema = personSchema.nullable();
const kamTeamSchema = z.object({
  relationshipPartner: personRoleSchema,
  accountManager: personRoleSchema,
  researcher: personRoleSchema,
});
export type KamTeam = z.infer<typeof kamTeamSchema>;

const planSectionSchema = z.object({
  /** The revision to send back as `baseRevision` when saving; 0 when the company has no plan yet. */
  revision: z.number().int().nonnegative(),
  savedBy: personSchema.nullable(),
  savedAt: instantSchema.nullable(),
  businessObjective: z.string(),
  team: kamTeamSchema,
  objectives: z.array(objectiveSchema),
  quarterlyTargets: z.object({
    fiscalYear: z.number().int(),
    /** Month (1–12) the portal's fiscal year starts in, from the settings. */
    fiscalYearStartMonth: z.number().int().min(1).max(12),
    /** First instant of each quarter, for labels in the portal's time zone. */
    quarterStarts: z.object(
      Object.fromEntries(QUARTERS.map((q) => [q, instantSchema])) as Record<
        (typeof QUARTERS)[number],
        typeof instantSchema
      >,
    ),
    rows: z.array(targetRowSchema),
    /**
     * When the meetings the meetings row counts were counted: the last portfolio recalculation, which
     * stores them per month; null before one has (the row then keeps what it holds).
     */
    meetingsCountedAt: instantSchema.nullable(),
  }),
  /** What the programme spends on the account against the income gained: "is the cost to us in line with the benefit?" */
  investment: z.object({
    /** Our people's hours per quarter, as the team records them. */
    hours: quarterValuesSchema,
    /** Money spent per quarter (entertainment, travel, research), in the portal's currency. */
    money: quarterValuesSchema,
    /** Per quarter begun: won deals' income in the quarter less the same quarter of the previous year; null for quarters to come. */
    incomeGained: quarterValuesSchema,
    /** The plan year so far: totals, and income gained per unit of money spent (null when nothing was spent). */
    year: z.object({
      hours: z.number(),
      money: z.number(),
      incomeGained: z.number(),
      incomePerMoneySpent: z.number().nullable(),
    }),
  }),
});
export type PlanSection = z.infer<typeof planSectionSchema>;

export const reviewOutcomeSchema = z.enum(REVIEW_OUTCOMES);
export const reviewKindSchema = z.enum(REVIEW_KINDS);

/** A reason to review that the CRM can see (the reviews domain's list), with the change behind it. */
export const reviewTriggerSchema = z.object({
  kind: z.enum(REVIEW_TRIGGER_KINDS),
  /** When the change happened (from property history; a departure: the day the contact left, as recorded). */
  at: instantSchema,
  /** A sentence for the card, e.g. "Jo Bloggs changed title from CFO to Board adviser". */
  message: z.string().max(500),
  /** The recorded change behind the trigger (from HubSpot's property history). */
  evidence: z.object({
    objectType: z.enum(['companies', 'contacts', 'objectives']),
    /** Record ID (for objectives: the objective key). */
    objectId: z.string().max(100),
    /** In the reviews domain's words: title, stance, leftCompany, owner, team, parentCompany, status. */
    property: z.string().max(100),
    from: z.string().max(500).nullable(),
    to: z.string().max(500).nullable(),
    /**
     * For an event a manager recorded: who recorded it. Absent on triggers a review stored before it was
     * kept, and on the answer of the function that records the event.
     */
    recordedBy: personSchema.nullable().optional(),
    /**
     * For a departure: when it was recorded, which a review answers, as a departure is often recorded days
     * after the contact left. Absent on other triggers and on triggers a review stored before it was kept.
     */
    recordedAt: instantSchema.optional(),
  }),
});
export type ReviewTrigger = z.infer<typeof reviewTriggerSchema>;

/** One thing a review produced, to be done, and the HubSpot task it became. */
const reviewActionSchema = z.object({
  outcome: reviewOutcomeSchema,
  text: z.string(),
  owner: personSchema.nullable(),
  dueAt: instantSchema,
  /** The HubSpot task on the company; null until it is made (the next logging of the same review makes it). */
  taskId: z.string().nullable(),
});

const reviewSchema = z.object({
  reviewId: z.string(),
  kind: reviewKindSchema,
  reviewedAt: instantSchema,
  reviewedBy: personSchema.nullable(),
  outcomes: z.array(reviewOutcomeSchema),
  summary: z.string(),
  triggers: z.array(reviewTriggerSchema),
  /** Each outcome's own words, owner and due date, in the order logged. */
  actions: z.array(reviewActionSchema),
});
export type Review = z.infer<typeof reviewSchema>;

const reviewsSectionSchema = z.object({
  cadence: reviewCadenceSchema,
  /** Only key accounts are reviewed: false for any other status, whatever plan or reviews it kept. */
  inReviewCycle: z.boolean(),
  /** null when the account has no plan yet (nothing to review). */
  nextDueAt: instantSchema.nullable(),
  status: z.enum(['not_scheduled', 'upcoming', 'due', 'overdue']),
  /** Changes since the last review that call for one, newest first. */
  triggered: z.array(reviewTriggerSchema),
  /** Names of the companies the triggers' evidence points at (parent companies), by id. */
  companyNames: z.record(z.string(), z.string()),
  /** Logged reviews, newest first. */
  history: z.array(reviewSchema),
});
export type ReviewsSection = z.infer<typeof reviewsSectionSchema>;

const permissionsSchema = z.object({
  /** May tag, edit the plan, record stances and departures, log reviews. */
  canEdit: z.boolean(),
  /** May change settings and run setup. */
  isAdmin: z.boolean(),
  /** Why the card is read-only, for a hint; null when `canEdit`. */
  readOnlyReason: z.string().nullable(),
});
export type Permissions = z.infer<typeof permissionsSchema>;

export const cardDataSchema = z.object({
  company: z.object({ companyId: z.string(), name: z.string() }),
  /** The portal's company currency (ISO 4217) and time zone (IANA); null when HubSpot does not say. */
  portal: portalSchema,
  /** When the data was read (epoch ms): "overdue" and "stale" are relative to it. */
  readAt: instantSchema,
  keyAccount: keyAccountSectionSchema,
  relationships: relationshipsSectionSchema,
  plan: planSectionSchema,
  reviews: reviewsSectionSchema,
  permissions: permissionsSchema,
  /** Active owners for pickers, by name. */
  owners: z.array(ownerSchema),
});
export type CardData = z.infer<typeof cardDataSchema>;
