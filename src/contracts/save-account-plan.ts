import { z } from 'zod';
import {
  LARGEST_FIGURE,
  QUARTERS,
  REPEATED_METRIC_NAME,
  REPEATED_OBJECTIVE_TITLE,
  countProblem,
  hoursProblem,
  measureOf,
  measureSchema,
  objectiveStatusSchema,
  repeatedNames,
} from '../kam/objectives/index.ts';
import type { Instant } from '../kam/shared/index.ts';
import { typedTextSchema } from '../kam/shared/typed-text-schema.ts';
import { metricUnitSchema, quarterValuesSchema } from './card-data.ts';
import {
  accountCallSchema,
  actionIdSchema,
  recordIdSchema,
  type Person,
  type TaskSync,
  pickedInstantSchema,
} from './shared.ts';
import { PLAN_TEXT } from './typed-text-rules.ts';

const objectiveInputSchema = z
  .object({
    /** Omit for a new objective; keep the key of an existing one. */
    objectiveKey: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a key from card_data')
      .optional(),
    title: typedTextSchema(PLAN_TEXT.objectiveTitle),
    measure: typedTextSchema(PLAN_TEXT.objectiveMeasure).default(''),
    ownerId: recordIdSchema.nullable().default(null),
    dueAt: pickedInstantSchema.nullable().default(null),
    status: objectiveStatusSchema.default('open'),
  })
  .strict();

const targetRowInputSchema = z
  .object({
    metric: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be a metric key (lower case letters, digits and _)'),
    label: typedTextSchema(PLAN_TEXT.metricLabel),
    unit: metricUnitSchema,
    targets: quarterValuesSchema.prefault({}),
    /** Typed-in actuals; ignored for derived metrics, whose actuals come from the CRM. */
    actuals: quarterValuesSchema.prefault({}),
    /**
     * Defaults to how each derived row is read: level for friends and allies, change for enemies and
     * protesters, per quarter for meetings, year to date for opportunities and income; level for others.
     */
    measure: measureSchema.optional(),
    baseline: z.number('must be a number').finite().nullable().default(null),
    /** A qualitative row's steps, first to best ("Cold", "Cool", "Warm", "Strong"); its figures are step numbers from 1. */
    scale: z
      .array(typedTextSchema(PLAN_TEXT.scaleSteps.each))
      .min(PLAN_TEXT.scaleSteps.least, `a scale has at least ${PLAN_TEXT.scaleSteps.least} steps`)
      .max(PLAN_TEXT.scaleSteps.most, `a scale has at most ${PLAN_TEXT.scaleSteps.most} steps`)
      .optional(),
  })
  .strict()
  .superRefine((row, ctx) => {
    if (row.unit === 'scale' && row.scale === undefined)
      ctx.addIssue({ code: 'custom', path: ['scale'], message: 'name the steps of the scale, first to best' });
    if (row.unit !== 'count') return;
    // The baseline is where the count stood, so never below none, whatever the row's reading.
    const refuse = (path: Array<string>, count: number | null, measure = measureOf(row)) => {
      const problem = count === null ? null : countProblem(count, measure);
      if (problem !== null) ctx.addIssue({ code: 'custom', path, message: problem });
    };
    for (const q of QUARTERS) {
      refuse(['targets', q], row.targets[q]);
      refuse(['actuals', q], row.actuals[q]);
    }
    refuse(['baseline'], row.baseline, 'level');
  });

const moneySpentSchema = z
  .number('must be a number')
  .min(0, 'cannot be negative')
  .max(LARGEST_FIGURE, `must be at most ${LARGEST_FIGURE.toLocaleString('en-GB')}`)
  .nullable()
  .default(null);
/** A quarter's hours: none to all the quarter holds (HOURS_IN_A_QUARTER), as the editor reads them. */
const hoursSpentSchema = z
  .number('must be a number')
  .superRefine((hours, ctx) => {
    const problem = hoursProblem(hours);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  })
  .nullable()
  .default(null);
/** What the programme spends on the account each quarter: our people's hours, and money in the portal's currency. */
const investmentInputSchema = z
  .object({
    hours: z
      .object({ Q1: hoursSpentSchema, Q2: hoursSpentSchema, Q3: hoursSpentSchema, Q4: hoursSpentSchema })
      .strict()
      .prefault({}),
    money: z
      .object({ Q1: moneySpentSchema, Q2: moneySpentSchema, Q3: moneySpentSchema, Q4: moneySpentSchema })
      .strict()
      .prefault({}),
  })
  .strict();

const planInputSchema = z
  .object({
    businessObjective: typedTextSchema(PLAN_TEXT.businessObjective),
    team: z
      .object({
        relationshipPartner: recordIdSchema.nullable(),
        accountManager: recordIdSchema.nullable(),
        researcher: recordIdSchema.nullable(),
      })
      .partial()
      .strict()
      .transform((t) => ({
        relationshipPartner: t.relationshipPartner ?? null,
        accountManager: t.accountManager ?? null,
        researcher: t.researcher ?? null,
      })),
    objectives: z.array(objectiveInputSchema).max(100, 'a plan can hold at most 100 objectives'),
    quarterlyTargets: z
      .object({
        fiscalYear: z.number().int().min(2000).max(2100),
        rows: z.array(targetRowInputSchema).max(30, 'at most 30 metrics'),
      })
      .strict(),
    investment: investmentInputSchema.prefault({}),
  })
  .strict()
  .superRefine((plan, ctx) => {
    const seen = new Set<string>();
    plan.quarterlyTargets.rows.forEach((row, i) => {
      if (seen.has(row.metric))
        ctx.addIssue({
          code: 'custom',
          path: ['quarterlyTargets', 'rows', i, 'metric'],
          message: `metric "${row.metric}" appears twice`,
        });
      seen.add(row.metric);
    });
    for (const i of repeatedNames(plan.quarterlyTargets.rows.map((row) => row.label)))
      ctx.addIssue({ code: 'custom', path: ['quarterlyTargets', 'rows', i, 'label'], message: REPEATED_METRIC_NAME });
    for (const i of repeatedNames(plan.objectives.map((o) => o.title)))
      ctx.addIssue({ code: 'custom', path: ['objectives', i, 'title'], message: REPEATED_OBJECTIVE_TITLE });
    const keys = new Set<string>();
    plan.objectives.forEach((o, i) => {
      // SMART: every objective has someone responsible and a date.
      if (o.ownerId === null)
        ctx.addIssue({ code: 'custom', path: ['objectives', i, 'ownerId'], message: 'pick who owns this objective' });
      if (o.dueAt === null)
        ctx.addIssue({ code: 'custom', path: ['objectives', i, 'dueAt'], message: 'pick when this objective is due' });
      if (o.objectiveKey === undefined) return;
      if (keys.has(o.objectiveKey))
        ctx.addIssue({
          code: 'custom',
          path: ['objectives', i, 'objectiveKey'],
          message: 'the same objective appears twice',
        });
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
 * `actionId`: the same for every retry of one press of Save, so a retry completes that save (and is
 * answered as saved) instead of being refused as someone else's.
 */
export const saveAccountPlanParametersSchema = accountCallSchema
  .extend({ baseRevision: z.number().int().nonnegative(), plan: planInputSchema, actionId: actionIdSchema })
  .strict();
export type SaveAccountPlanParameters = z.input<typeof saveAccountPlanParametersSchema>;

/** The revision now saved (send it as `baseRevision` next time); card_data shows the plan with its derived actuals. */
export interface SavedPlan {
  revision: number;
  savedAt: Instant;
  savedBy: Person;
  objectiveCount: number;
  tasks: TaskSync;
}
