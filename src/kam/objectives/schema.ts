import { z } from 'zod';
import { instantSchema } from '../shared/index.ts';
import { ACTUAL_SOURCES, DERIVED_SOURCES, MEASURES } from './sources.ts';

export { DERIVED_SOURCES, measureOf, nameWithPeriod, type DerivedSource, type Measure } from './sources.ts';

const recordId = z.string().min(1);

export const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
export type Quarter = (typeof QUARTERS)[number];

/** One value per quarter of the plan year; a quarter left empty is null. */
const quarterly = <T extends z.ZodType>(value: T) =>
  z.object({
    Q1: value.nullable().default(null),
    Q2: value.nullable().default(null),
    Q3: value.nullable().default(null),
    Q4: value.nullable().default(null),
  });

export const measureSchema = z.enum(MEASURES);
const actualSourceSchema = z.enum(ACTUAL_SOURCES);

const metricIdentity = { id: recordId, name: z.string().min(1) };
const numericMetric = <V extends z.ZodType>(value: V) => ({
  ...metricIdentity,
  measure: measureSchema,
  /** Which way is good for a manager's own metric (left out, `higher`); a catalogue metric's is the catalogue's. */
  better: z.enum(['higher', 'lower']).optional(),
  /** The level when the plan year began; derived `change` actuals are measured from it. */
  baseline: z.number().finite().nullable().default(null),
  source: actualSourceSchema.default('typed'),
  quarters: quarterly(value),
  actuals: quarterly(value),
});
const count = z.number().int('a count is a whole number');
const amount = z.number().finite();

/** A row of the quarterly target-vs-actual grid. Units may be mixed within one plan. */
export const metricTargetSchema = z
  .discriminatedUnion('unit', [
    z.object({ unit: z.literal('count'), ...numericMetric(count) }),
    z.object({ unit: z.literal('percent'), ...numericMetric(amount) }),
    // Amounts in major units (15000 for £15k) of an ISO 4217 currency.
    z.object({
      unit: z.literal('currency'),
      currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter ISO 4217 code such as GBP'),
      ...numericMetric(amount),
    }),
    // Qualitative on a named scale ("Poor", "Fair", "Good"): each figure is a step, 1 for the first label.
    z.object({
      unit: z.literal('scale'),
      scale: z.array(z.string().min(1).max(40)).min(2).max(10),
      ...numericMetric(count),
    }),
    // Qualitative: a target in words, and per quarter what happened and whether it meets the target.
    z.object({
      unit: z.literal('text'),
      ...metricIdentity,
      quarters: quarterly(z.string().min(1)),
      actuals: quarterly(z.object({ text: z.string().min(1), met: z.boolean() })),
    }),
  ])
  .superRefine((metric, ctx) => {
    if (metric.unit === 'text' || metric.source === 'typed') return;
    const allowed = DERIVED_SOURCES[metric.source];
    if (metric.unit !== allowed.unit)
      ctx.addIssue({
        code: 'custom',
        path: ['unit'],
        message: `Actuals from ${metric.source} are a ${allowed.unit}, not a ${metric.unit}`,
      });
    if (!allowed.measures.includes(metric.measure)) {
      ctx.addIssue({
        code: 'custom',
        path: ['measure'],
        message: `Actuals from ${metric.source} can be read as ${allowed.measures.join(' or ')}, not ${metric.measure}`,
      });
    }
  });
export type MetricTarget = z.infer<typeof metricTargetSchema>;
export type NumericMetricTarget = Exclude<MetricTarget, { unit: 'text' }>;

export const quarterlyTargetsSchema = z.array(metricTargetSchema);

export const OBJECTIVE_STATUSES = ['open', 'achieved', 'dropped'] as const;
export const objectiveStatusSchema = z.enum(OBJECTIVE_STATUSES);

/** A SMART objective: specific title, measured by an optional grid row, with an owner and a due date. */
const smartObjectiveSchema = z
  .object({
    id: recordId,
    title: z.string().min(1),
    description: z.string().default(''),
    ownerId: recordId,
    dueAt: instantSchema,
    status: objectiveStatusSchema.default('open'),
    achievedAt: instantSchema.nullable().default(null),
    /** The grid row that measures this objective, if any. */
    metricId: recordId.nullable().default(null),
  })
  .superRefine((objective, ctx) => {
    if (objective.status === 'achieved' && objective.achievedAt === null)
      ctx.addIssue({
        code: 'custom',
        path: ['achievedAt'],
        message: 'An achieved objective needs the date it was achieved',
      });
    if (objective.status !== 'achieved' && objective.achievedAt !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['achievedAt'],
        message: `A ${objective.status} objective has no achieved date`,
      });
  });
export type SmartObjective = z.infer<typeof smartObjectiveSchema>;

/** "Who is going to do what": an action with an owner, optionally serving one objective. */
const planActionSchema = z.object({
  id: recordId,
  description: z.string().min(1),
  ownerId: recordId,
  dueAt: instantSchema.nullable().default(null),
  objectiveId: recordId.nullable().default(null),
  done: z.boolean().default(false),
});
export type PlanAction = z.infer<typeof planActionSchema>;

export const accountPlanSchema = z
  .object({
    /** The 12-month business objective with this client. */
    businessObjective: z.string().min(1),
    objectives: z.array(smartObjectiveSchema).default([]),
    actions: z.array(planActionSchema).default([]),
    targets: quarterlyTargetsSchema.default([]),
  })
  .superRefine((plan, ctx) => {
    const uniqueIds = (list: 'objectives' | 'actions' | 'targets') => {
      const seen = new Set<string>();
      plan[list].forEach((item, index) => {
        if (seen.has(item.id))
          ctx.addIssue({ code: 'custom', path: [list, index, 'id'], message: `${item.id} appears twice` });
        seen.add(item.id);
      });
      return seen;
    };
    const objectiveIds = uniqueIds('objectives');
    uniqueIds('actions');
    const targetIds = uniqueIds('targets');
    plan.objectives.forEach((objective, index) => {
      if (objective.metricId !== null && !targetIds.has(objective.metricId))
        ctx.addIssue({
          code: 'custom',
          path: ['objectives', index, 'metricId'],
          message: `No target row ${objective.metricId}`,
        });
    });
    plan.actions.forEach((action, index) => {
      if (action.objectiveId !== null && !objectiveIds.has(action.objectiveId))
        ctx.addIssue({
          code: 'custom',
          path: ['actions', index, 'objectiveId'],
          message: `No objective ${action.objectiveId}`,
        });
    });
  });
export type AccountPlan = z.infer<typeof accountPlanSchema>;
export type AccountPlanInput = z.input<typeof accountPlanSchema>;

export const planPeriodSchema = z.object({
  now: instantSchema,
  /** First instant of the plan year (the plan's start, normally the fiscal year's first day). */
  yearStart: instantSchema,
});
export type PlanPeriod = z.infer<typeof planPeriodSchema>;
