import { z } from 'zod';
import { OBJECTIVE_STATUSES } from '../crm/model/objective.ts';
import { REVIEW_KINDS, REVIEW_OUTCOMES } from '../crm/model/review.ts';
import { DERIVED_SOURCES, QUARTERS, QUARTER_STATUSES, measureSchema, type DerivedSource, type QuarterStatus } from '../kam/objectives/index.ts';
import { COVERAGE_WARNINGS } from '../kam/coverage/index.ts';
import { REVIEW_TRIGGER_KINDS } from '../kam/reviews/index.ts';
import { SELECTION_CRITERIA } from '../kam/shared/selection-criteria.ts';
import {
  buyingRoleSchema, decisionPowerSchema, icpTierSchema, instantSchema, keyAccountStatusSchema, reviewCadenceSchema, stanceSchema,
} from '../kam/shared/index.ts';

// The account-level app functions the company cards call: their parameters (zod, parsed once in each
// function) and the payloads of their `status: 'ok'` results. Cards `import type` from here.
// Every function answers `{status: 'ok', ...payload}` or `{status: 'error', code, message, issues?}`;
// the codes each one may answer are listed on its parameters schema.

// ─── Shared pieces ──────────────────────────────────────────────────────────────────────────────

/** A HubSpot record ID (company, contact, owner…): digits only, as HubSpot sends them. */
export const recordIdSchema = z.string().trim().regex(/^\d{1,20}$/, 'must be a HubSpot record ID (digits only)');

/**
 * Who is calling: the HubSpot user id the card reads from `useExtensionContext().user.id`.
 * HubSpot does not tell a function who called it, so this is client-supplied; the functions check it
 * against the portal's owners, teams and Keystone's manager settings before writing anything.
 */
export const callerSchema = z.object({ userId: z.number().int().positive('must be a HubSpot user ID') });

/** Every account function works on one company record. */
export const accountCallSchema = callerSchema.extend({ companyId: recordIdSchema });

/** A short line a person typed (reasons, titles). Control characters are refused: they never come from a form. */
const typedLine = (max: number, min = 1, tooShort = 'cannot be empty') =>
  z.string().trim().min(min, tooShort).max(max, `must be at most ${max} characters`).regex(/^[^\p{Cc}]*$/u, 'cannot contain control characters');
/** Longer typed text (summaries, measures): line breaks and tabs allowed, other control characters refused. */
const typedText = (max: number) =>
  z.string().trim().max(max, `must be at most ${max} characters`).regex(/^(?:[^\p{Cc}]|[\t\n\r])*$/u, 'cannot contain control characters');

/** A HubSpot user as the cards show them: the owner record behind the user id when there is one. */
export const personSchema = z.object({
  userId: z.number().int().nullable(),
  ownerId: z.string().nullable(),
  /** "First Last", else the email, else "User 123" when the user is not an owner of this portal. */
  name: z.string(),
});
export type Person = z.infer<typeof personSchema>;

/** A HubSpot owner, for pickers (KAM team, objective owners) and for naming people. */
export const ownerSchema = z.object({
  ownerId: z.string(),
  userId: z.number().int().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  teamIds: z.array(z.string()),
});
export type Owner = z.infer<typeof ownerSchema>;

// ─── card_data ──────────────────────────────────────────────────────────────────────────────────

/**
 * `card_data`: everything one company card needs, in one call.
 * Errors: KAM.INVALID_PARAMETERS, KAM.COMPANY_NOT_FOUND, KAM.SETUP_REQUIRED, and the HubSpot failure codes
 * of the shared contract (rate limited, unavailable, not authorised).
 */
export const cardDataParametersSchema = accountCallSchema
  // The card's `context.portal.id`: optional, and when given it saves card_data one HubSpot read.
  .extend({ portalId: z.number().int().positive('must be a HubSpot portal ID').optional() })
  .strict();
export type CardDataParameters = z.infer<typeof cardDataParametersSchema>;

export const selectionCriterionSchema = z.enum(SELECTION_CRITERIA);

export const criterionScoreSchema = z.object({
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

export const keyAccountSectionSchema = z.object({
  status: keyAccountStatusSchema,
  /** Who last changed the status, when and why; null when it was never changed through Keystone. */
  changedBy: personSchema.nullable(),
  changedAt: instantSchema.nullable(),
  reason: z.string().nullable(),
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
    criteria: z.array(criterionScoreSchema),
    suggestedStatus: z.enum(['none', 'candidate', 'key']),
    suggestedTier: icpTierSchema.nullable(),
    /** Scores at which a company becomes a candidate or a key account: "what would qualify it". */
    thresholds: z.object({ candidate: z.number(), key: z.number() }),
  }),
});
export type KeyAccountSection = z.infer<typeof keyAccountSectionSchema>;

/** A contact named by another (supervisor, replacement); `name` is null when the contact is not on this company. */
export const contactRefSchema = z.object({ contactId: z.string(), name: z.string().nullable() });

/** One of our people holding a relationship (touched the contact within the staleness window). */
export const relationshipHolderSchema = z.object({ person: personSchema });

export const keyContactSchema = z.object({
  contactId: z.string(),
  name: z.string(),
  jobTitle: z.string().nullable(),
  email: z.string().nullable(),
  /** Whether coverage counts the contact as a key contact (labelled key contact, a buying role or decision power). */
  isKey: z.boolean(),
  stance: stanceSchema.nullable(),
  /** Every recorded stance from HubSpot's property history, newest first (the current one included). */
  stanceHistory: z.array(z.object({ stance: stanceSchema.nullable(), at: instantSchema })),
  /** Earlier and current job titles from property history, newest first. */
  jobTitleHistory: z.array(z.object({ jobTitle: z.string().nullable(), at: instantSchema })),
  buyingRoles: z.array(buyingRoleSchema),
  decisionPower: decisionPowerSchema.nullable(),
  decisionTopics: z.array(z.string()),
  reportsTo: contactRefSchema.nullable(),
  lastTouchAt: instantSchema.nullable(),
  /** Our people who touched the contact within the settings' staleness window, most touches first. */
  heldBy: z.array(relationshipHolderSchema),
  /** Set when the contact has left the client. */
  departure: z.object({ leftAt: instantSchema.nullable(), replacedBy: contactRefSchema.nullable() }).nullable(),
});
export type KeyContact = z.infer<typeof keyContactSchema>;

export { COVERAGE_WARNINGS };
export const coverageWarningSchema = z.object({
  kind: z.enum(COVERAGE_WARNINGS),
  /** A sentence for the card, e.g. "Only Jo Bloggs at Acme hears from us". */
  message: z.string(),
  /** The client contacts the warning is about. */
  contactIds: z.array(z.string()),
});
export type CoverageWarning = z.infer<typeof coverageWarningSchema>;

export const relationshipsSectionSchema = z.object({
  contacts: z.array(keyContactSchema),
  coverage: z.object({
    /** 0–100. */
    score: z.number().min(0).max(100),
    /** Why the score is what it is, one line per factor, e.g. "3 of 4 key contacts touched in the last 90 days". */
    reasons: z.array(z.string()),
    warnings: z.array(coverageWarningSchema),
  }),
  /** Meetings, calls and emails logged with the contacts, and how many coverage weighed: the most recently logged, when a large account has more than one read can take. */
  activities: z.object({ logged: z.number().int().min(0), weighed: z.number().int().min(0) }),
});
export type RelationshipsSection = z.infer<typeof relationshipsSectionSchema>;

export const objectiveStatusSchema = z.enum(OBJECTIVE_STATUSES);

export const objectiveSchema = z.object({
  /** Stable across plan revisions; pass it back when saving so the objective keeps its identity. */
  objectiveKey: z.string(),
  title: z.string(),
  measure: z.string(),
  owner: personSchema.nullable(),
  dueAt: instantSchema.nullable(),
  status: objectiveStatusSchema,
  achievedAt: instantSchema.nullable(),
  /** Open and past its due date. */
  overdue: z.boolean(),
});
export type Objective = z.infer<typeof objectiveSchema>;

export { QUARTERS };
/** One number per fiscal quarter; null where nothing is set. Negative values are allowed (seed 003: "enemies and protesters −3"). */
export const quarterValuesSchema = z.object(Object.fromEntries(QUARTERS.map((q) => [q, z.number().finite().nullable().default(null)])) as Record<(typeof QUARTERS)[number], z.ZodDefault<z.ZodNullable<z.ZodNumber>>>).strict();
export type QuarterValues = z.infer<typeof quarterValuesSchema>;

/**
 * Metric keys whose actuals Keystone derives from CRM data (seed 003's rows): friends and allies,
 * enemies and protesters, meetings, new opportunities secured, increase in income. Any other key is a
 * manager's own metric, typed in.
 */
export const DERIVED_METRICS = Object.keys(DERIVED_SOURCES) as DerivedSource[];
export const metricUnitSchema = z.enum(['count', 'currency', 'percent']);
export const metricMeasureSchema = measureSchema;

export const targetRowSchema = z.object({
  /** Stable key of the row: one of DERIVED_METRICS, or a manager's own metric (`custom_…`). */
  metric: z.string(),
  label: z.string(),
  unit: metricUnitSchema,
  targets: quarterValuesSchema,
  /** Derived from the CRM where `derived`, else as typed in; null for quarters not started. */
  actuals: quarterValuesSchema,
  derived: z.boolean(),
  /** How a quarter's figure reads: level at quarter end, change since the year began, within the quarter, or year to date. */
  measure: metricMeasureSchema,
  /** The level when the plan year began (for `change` rows). */
  baseline: z.number().nullable(),
  /** Per quarter: not_yet_due, on_track, behind, no_actual or no_target. */
  status: z.object(Object.fromEntries(QUARTERS.map((q) => [q, z.enum(QUARTER_STATUSES)])) as Record<(typeof QUARTERS)[number], z.ZodEnum<{ [K in QuarterStatus]: K }>>),
});
export type TargetRow = z.infer<typeof targetRowSchema>;

export const personRoleSchema = personSchema.nullable();
export const kamTeamSchema = z.object({ relationshipPartner: personRoleSchema, accountManager: personRoleSchema, researcher: personRoleSchema });
export type KamTeam = z.infer<typeof kamTeamSchema>;

export const planSectionSchema = z.object({
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
    quarterStarts: z.object(Object.fromEntries(QUARTERS.map((q) => [q, instantSchema])) as Record<(typeof QUARTERS)[number], typeof instantSchema>),
    rows: z.array(targetRowSchema),
  }),
});
export type PlanSection = z.infer<typeof planSectionSchema>;

export const reviewOutcomeSchema = z.enum(REVIEW_OUTCOMES);
export const reviewKindSchema = z.enum(REVIEW_KINDS);

/** Seed 003's reasons to review that the CRM can see (the reviews domain's list). */
export const REVIEW_TRIGGERS = REVIEW_TRIGGER_KINDS;
export const reviewTriggerSchema = z.object({
  kind: z.enum(REVIEW_TRIGGER_KINDS),
  /** When the change happened (from property history). */
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
  }),
});
export type ReviewTrigger = z.infer<typeof reviewTriggerSchema>;

export const reviewSchema = z.object({
  reviewId: z.string(),
  kind: reviewKindSchema,
  reviewedAt: instantSchema,
  reviewedBy: personSchema.nullable(),
  outcomes: z.array(reviewOutcomeSchema),
  summary: z.string(),
  triggers: z.array(reviewTriggerSchema),
});
export type Review = z.infer<typeof reviewSchema>;

export const reviewsSectionSchema = z.object({
  cadence: reviewCadenceSchema,
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

export const permissionsSchema = z.object({
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
  portal: z.object({ currency: z.string().nullable(), timeZone: z.string().nullable() }),
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

// ─── tag_key_account / untag_key_account ────────────────────────────────────────────────────────

const reasonSchema = typedLine(500, 3, 'say in a few words why (at least 3 characters)');

/**
 * `tag_key_account`: makes the company a key account (or a candidate), with a reason.
 * `untag_key_account`: ends it (former key account, or back to none), with a reason.
 * Both write the status, who/when/why, sync `hs_is_target_account` (and the ICP tier) as the settings
 * say, and put a note on the company timeline. Managers only.
 * Errors: KAM.INVALID_PARAMETERS, KAM.NOT_A_MANAGER, KAM.COMPANY_NOT_FOUND, KAM.STATUS_UNCHANGED, HubSpot failure codes.
 */
export const tagKeyAccountParametersSchema = accountCallSchema
  .extend({ status: z.enum(['key', 'candidate']).default('key'), reason: reasonSchema })
  .strict();
export type TagKeyAccountParameters = z.input<typeof tagKeyAccountParametersSchema>;

export const untagKeyAccountParametersSchema = accountCallSchema
  .extend({ status: z.enum(['former', 'none']).default('former'), reason: reasonSchema })
  .strict();
export type UntagKeyAccountParameters = z.input<typeof untagKeyAccountParametersSchema>;

/**
 * Whether the HubSpot tasks Keystone keeps (one per open objective, one for the next review) were brought in line
 * with what was just saved. When not, the save still stands, `message` says why, and the next save repairs them.
 */
export const taskSyncSchema = z.object({ synced: z.boolean(), message: z.string().nullable() });
export type TaskSync = z.infer<typeof taskSyncSchema>;

export const keyAccountStatusChangeSchema = z.object({
  companyId: z.string(),
  /** The new status (not `status`, which the answer's envelope uses for ok/error). */
  keyAccountStatus: keyAccountStatusSchema,
  previousStatus: keyAccountStatusSchema,
  isTargetAccount: z.boolean(),
  changedBy: personSchema,
  changedAt: instantSchema,
  reason: z.string(),
  /** The audit note on the company timeline. */
  noteId: z.string(),
  /** Leaving key account status archives the plan's open review-due task (the account leaves the review cycle). */
  tasks: taskSyncSchema,
});
export type KeyAccountStatusChange = z.infer<typeof keyAccountStatusChangeSchema>;

// ─── save_account_plan ──────────────────────────────────────────────────────────────────────────

export const objectiveInputSchema = z
  .object({
    /** Omit for a new objective; keep the key of an existing one. */
    objectiveKey: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a key from card_data').optional(),
    title: typedLine(200),
    measure: typedText(1000).default(''),
    ownerId: recordIdSchema.nullable().default(null),
    dueAt: instantSchema.nullable().default(null),
    status: objectiveStatusSchema.default('open'),
  })
  .strict();

export const targetRowInputSchema = z
  .object({
    metric: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be a metric key (lower case letters, digits and _)'),
    label: typedLine(80),
    unit: metricUnitSchema,
    targets: quarterValuesSchema.prefault({}),
    /** Typed-in actuals; ignored for derived metrics, whose actuals come from the CRM. */
    actuals: quarterValuesSchema.prefault({}),
    /** Defaults to seed 003's reading of the metric: level for friends and allies, change for enemies and protesters, per quarter for meetings, year to date for opportunities and income; level for others. */
    measure: metricMeasureSchema.optional(),
    baseline: z.number().finite().nullable().default(null),
  })
  .strict();

export const planInputSchema = z
  .object({
    businessObjective: typedText(2000),
    team: z
      .object({ relationshipPartner: recordIdSchema.nullable(), accountManager: recordIdSchema.nullable(), researcher: recordIdSchema.nullable() })
      .partial()
      .strict()
      .transform((t) => ({ relationshipPartner: t.relationshipPartner ?? null, accountManager: t.accountManager ?? null, researcher: t.researcher ?? null })),
    objectives: z.array(objectiveInputSchema).max(100, 'a plan can hold at most 100 objectives'),
    quarterlyTargets: z
      .object({ fiscalYear: z.number().int().min(2000).max(2100), rows: z.array(targetRowInputSchema).max(30, 'at most 30 metrics') })
      .strict(),
  })
  .strict()
  .superRefine((plan, ctx) => {
    const seen = new Set<string>();
    plan.quarterlyTargets.rows.forEach((row, i) => {
      if (seen.has(row.metric)) ctx.addIssue({ code: 'custom', path: ['quarterlyTargets', 'rows', i, 'metric'], message: `metric "${row.metric}" appears twice` });
      seen.add(row.metric);
    });
    const keys = new Set<string>();
    plan.objectives.forEach((o, i) => {
      // SMART: every objective has someone responsible and a date.
      if (o.ownerId === null) ctx.addIssue({ code: 'custom', path: ['objectives', i, 'ownerId'], message: 'pick who owns this objective' });
      if (o.dueAt === null) ctx.addIssue({ code: 'custom', path: ['objectives', i, 'dueAt'], message: 'pick when this objective is due' });
      if (o.objectiveKey === undefined) return;
      if (keys.has(o.objectiveKey)) ctx.addIssue({ code: 'custom', path: ['objectives', i, 'objectiveKey'], message: 'the same objective appears twice' });
      keys.add(o.objectiveKey);
    });
  });
export type PlanInput = z.input<typeof planInputSchema>;

/**
 * `save_account_plan`: saves the whole plan at once — all of it or nothing.
 * `baseRevision` is `plan.revision` from the card_data the editor started from; if someone saved in
 * between, nothing is written and the answer is KAM.PLAN_CHANGED_ELSEWHERE (reload, then re-apply).
 * Errors: KAM.INVALID_PARAMETERS, KAM.NOT_A_MANAGER, KAM.COMPANY_NOT_FOUND, KAM.OWNER_NOT_FOUND,
 * KAM.PLAN_CHANGED_ELSEWHERE, KAM.SETUP_REQUIRED, HubSpot failure codes.
 */
export const saveAccountPlanParametersSchema = accountCallSchema
  .extend({ baseRevision: z.number().int().nonnegative(), plan: planInputSchema })
  .strict();
export type SaveAccountPlanParameters = z.input<typeof saveAccountPlanParametersSchema>;

/** The revision now saved (send it as `baseRevision` next time); card_data shows the plan with its derived actuals. */
export const savedPlanSchema = z.object({ revision: z.number().int().positive(), savedAt: instantSchema, savedBy: personSchema, objectiveCount: z.number().int().nonnegative(), tasks: taskSyncSchema });
export type SavedPlan = z.infer<typeof savedPlanSchema>;

// ─── record_contact_stance / record_contact_departure ───────────────────────────────────────────

const contactCallSchema = accountCallSchema.extend({ contactId: recordIdSchema });

/**
 * `record_contact_stance`: sets any of stance, decision power and the topics the contact decides on.
 * A field left out is unchanged; null clears it. History comes from HubSpot's property history.
 * Errors: KAM.INVALID_PARAMETERS, KAM.NOT_A_MANAGER, KAM.CONTACT_NOT_FOUND, KAM.CONTACT_NOT_AT_COMPANY, HubSpot failure codes.
 */
export const recordContactStanceParametersSchema = contactCallSchema
  .extend({
    stance: stanceSchema.nullable().optional(),
    decisionPower: decisionPowerSchema.nullable().optional(),
    decisionTopics: z.array(typedLine(80).regex(/^[^;]*$/, 'cannot contain ";"')).max(20, 'at most 20 topics').optional(),
  })
  .strict()
  .refine((p) => p.stance !== undefined || p.decisionPower !== undefined || p.decisionTopics !== undefined, {
    message: 'give at least one of stance, decisionPower or decisionTopics',
  });
export type RecordContactStanceParameters = z.input<typeof recordContactStanceParametersSchema>;

export const contactStanceSchema = z.object({
  contactId: z.string(),
  stance: stanceSchema.nullable(),
  decisionPower: decisionPowerSchema.nullable(),
  decisionTopics: z.array(z.string()),
});
export type ContactStance = z.infer<typeof contactStanceSchema>;

/**
 * `record_contact_departure`: marks the contact as having left the client (when, and who replaced them,
 * a contact of the same company), or `left: false` to undo a mistaken departure.
 * Errors: KAM.INVALID_PARAMETERS, KAM.NOT_A_MANAGER, KAM.CONTACT_NOT_FOUND, KAM.CONTACT_NOT_AT_COMPANY, HubSpot failure codes.
 */
export const recordContactDepartureParametersSchema = contactCallSchema
  .extend({
    left: z.boolean(),
    /** Defaults to now; not in the future. */
    leftAt: instantSchema.optional(),
    replacedByContactId: recordIdSchema.nullable().default(null),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.replacedByContactId !== null && p.replacedByContactId === p.contactId) {
      ctx.addIssue({ code: 'custom', path: ['replacedByContactId'], message: 'a contact cannot replace themselves' });
    }
    if (!p.left && (p.leftAt !== undefined || p.replacedByContactId !== null)) {
      ctx.addIssue({ code: 'custom', path: ['left'], message: 'leftAt and replacedByContactId only apply when left is true' });
    }
  });
export type RecordContactDepartureParameters = z.input<typeof recordContactDepartureParametersSchema>;

export const contactDepartureSchema = z.object({
  contactId: z.string(),
  left: z.boolean(),
  leftAt: instantSchema.nullable(),
  replacedBy: contactRefSchema.nullable(),
});
export type ContactDeparture = z.infer<typeof contactDepartureSchema>;

// ─── log_review ─────────────────────────────────────────────────────────────────────────────────

/**
 * `log_review`: records a review of the account and its outcome, associated with the company (and the
 * contacts it was about), with an audit note. The next due date follows from it.
 * Errors: KAM.INVALID_PARAMETERS, KAM.NOT_A_MANAGER, KAM.COMPANY_NOT_FOUND, KAM.CONTACT_NOT_AT_COMPANY,
 * KAM.SETUP_REQUIRED, HubSpot failure codes.
 */
export const logReviewParametersSchema = accountCallSchema
  .extend({
    kind: reviewKindSchema,
    /** Defaults to now; not in the future. */
    reviewedAt: instantSchema.optional(),
    outcomes: z.array(reviewOutcomeSchema).max(REVIEW_OUTCOMES.length).refine((o) => new Set(o).size === o.length, 'each outcome at most once'),
    summary: typedText(5000).min(3, 'say in a few words what was decided (at least 3 characters)'),
    /** For a triggered review: the triggers from card_data it answers. */
    triggers: z.array(reviewTriggerSchema).max(50).default([]),
    /** Client contacts the review was about (associated with the review record). */
    contactIds: z.array(recordIdSchema).max(50).default([]),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.kind === 'triggered' && p.triggers.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['triggers'], message: 'a triggered review needs the triggers it answers' });
    }
  });
export type LogReviewParameters = z.input<typeof logReviewParametersSchema>;

export const loggedReviewSchema = z.object({ review: reviewSchema, nextDueAt: instantSchema, noteId: z.string(), tasks: taskSyncSchema });
export type LoggedReview = z.infer<typeof loggedReviewSchema>;

// ─── Function ids and error codes ───────────────────────────────────────────────────────────────

export { ACCOUNT_FUNCTIONS } from './function-uids.ts';
