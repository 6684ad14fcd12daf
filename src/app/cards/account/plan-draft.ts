import type { PlanSection } from '../../../contracts/card-data.ts';
import { planInputOf } from '../../../contracts/plan-input.ts';
import type { PlanInput } from '../../../contracts/save-account-plan.ts';
import { PLAN_TEXT } from '../../../contracts/typed-text-rules.ts';
import {
  METRIC_CATALOGUE,
  PLAN_TEMPLATE_METRICS,
  catalogueMetric,
  type CatalogueMetric,
} from '../../../kam/objectives/catalogue.ts';
import { REPEATED_METRIC_NAME, REPEATED_OBJECTIVE_TITLE, repeatedNames } from '../../../kam/objectives/names.ts';
import { DERIVED_SOURCES, measureOf } from '../../../kam/objectives/sources.ts';
import {
  countProblem,
  currencySymbol,
  parseFigure,
  parseHours,
  parseMoney,
  type ParsedFigure,
} from '../../../kam/objectives/units.ts';
import { sameAt } from '../../ui/function-call.ts';
import { typedField, typedListField, type HeldField } from '../../ui/typed-text.ts';
import type { PickedDue } from './DueInThePast.tsx';
import { QUARTERS } from './quarterly-grid.ts';

// The plan as the editor holds it while a manager types: every figure as the text typed, so nothing is
// dropped or rounded behind their back; it becomes numbers only when each one reads as its row's unit.

type Quarter = (typeof QUARTERS)[number];
type TypedQuarters = Record<Quarter, string>;
type RowInput = PlanInput['quarterlyTargets']['rows'][number];

export interface DraftRow extends Omit<RowInput, 'targets' | 'actuals' | 'baseline' | 'scale'> {
  targets: TypedQuarters;
  actuals: TypedQuarters;
  baseline: string;
  /** A qualitative row's steps as typed, comma-separated. */
  scale: string;
  derived: boolean;
}

export interface Draft extends Omit<Required<PlanInput>, 'quarterlyTargets' | 'investment'> {
  fiscalYear: number;
  rows: DraftRow[];
  investment: { hours: TypedQuarters; money: TypedQuarters };
}

/** A figure as the editor shows it: money in the portal's currency with its pence, so it reads back as it was. */
function typedFigure(
  value: number | null | undefined,
  unit: DraftRow['unit'],
  { currency, scale }: { currency: string | null; scale?: readonly string[] | null },
): string {
  if (value === null || value === undefined) return '';
  // A step of a named scale reads back as its name, as the manager typed it ("Warm", not 3).
  if (unit === 'scale' && scale?.[value - 1] !== undefined) return scale[value - 1]!;
  const pence = unit === 'currency' && !Number.isInteger(value) ? 2 : 0;
  const grouped = value.toLocaleString('en-GB', { minimumFractionDigits: pence, maximumFractionDigits: 2 });
  if (unit !== 'currency') return unit === 'count' || unit === 'scale' ? String(value) : grouped;
  return value < 0 ? `-${currencySymbol(currency)}${grouped.slice(1)}` : `${currencySymbol(currency)}${grouped}`;
}

const typedQuarters = (
  values: Partial<Record<Quarter, number | null>> | undefined,
  unit: DraftRow['unit'],
  how: { currency: string | null; scale?: readonly string[] | null },
): TypedQuarters => Object.fromEntries(QUARTERS.map((q) => [q, typedFigure(values?.[q], unit, how)])) as TypedQuarters;

export function draftOf(plan: PlanSection, currency: string | null): Draft {
  const input = planInputOf(plan);
  const isNew = plan.revision === 0 && plan.quarterlyTargets.rows.length === 0;
  return {
    businessObjective: input.businessObjective,
    team: input.team,
    objectives: input.objectives,
    fiscalYear: input.quarterlyTargets.fiscalYear,
    rows: isNew
      ? templateRows(currency)
      : plan.quarterlyTargets.rows.map((r) => ({
          metric: r.metric,
          label: r.label,
          unit: r.unit,
          measure: r.measure,
          targets: typedQuarters(r.targets, r.unit, { currency, scale: r.scale }),
          actuals: typedQuarters(r.actuals, r.unit, { currency, scale: r.scale }),
          baseline: r.baseline === null ? '' : String(r.baseline),
          scale: (r.scale ?? []).join(', '),
          derived: r.derived,
        })),
    investment: {
      hours: typedQuarters(plan.investment.hours, 'count', { currency }),
      money: typedQuarters(plan.investment.money, 'currency', { currency }),
    },
  };
}

/** Whether the draft's grid holds any figure typed or counted: targets, actuals or the time and money spent. */
export function gridHasFigures(draft: Pick<Draft, 'rows' | 'investment'>): boolean {
  const filled = (quarters: TypedQuarters) => QUARTERS.some((q) => quarters[q].trim() !== '');
  return (
    draft.rows.some((r) => filled(r.targets) || filled(r.actuals)) ||
    filled(draft.investment.hours) ||
    filled(draft.investment.money)
  );
}

export function rowFromCatalogue(entry: CatalogueMetric, currency: string | null): DraftRow {
  return {
    metric: entry.metric,
    label: entry.label,
    unit: entry.unit,
    measure: entry.measure,
    targets: typedQuarters({}, entry.unit, { currency }),
    actuals: typedQuarters({}, entry.unit, { currency }),
    baseline: '',
    scale: (entry.scale ?? []).join(', '),
    derived: entry.source !== 'typed',
  };
}

/** The account-plan template: the six rows a client account plan tracks, targets left for the team to set. */
export function templateRows(currency: string | null): DraftRow[] {
  return PLAN_TEMPLATE_METRICS.flatMap((metric) => {
    const entry = catalogueMetric(metric);
    return entry ? [rowFromCatalogue(entry, currency)] : [];
  });
}

/** Catalogue metrics the plan does not hold yet, for the "add a metric" picker. */
export function catalogueChoices(rows: readonly DraftRow[]): CatalogueMetric[] {
  return METRIC_CATALOGUE.filter((entry) => !rows.some((r) => r.metric === entry.metric));
}

/** How a derived row may be read; any reading for a typed one. */
export function measuresFor(row: DraftRow): readonly NonNullable<DraftRow['measure']>[] {
  const source = Object.hasOwn(DERIVED_SOURCES, row.metric)
    ? DERIVED_SOURCES[row.metric as keyof typeof DERIVED_SOURCES]
    : null;
  return source ? source.measures : ['level', 'change', 'per_quarter', 'year_to_date'];
}

export const scaleOf = (row: Pick<DraftRow, 'scale'>): string[] =>
  row.scale
    .split(',')
    .map((step) => step.trim())
    .filter((step) => step !== '');

/** Each text field of the plan held to the rule save_account_plan parses it by: the editor marks them as typed. */
export const planText = {
  businessObjective: (draft: Pick<Draft, 'businessObjective'>) =>
    typedField(PLAN_TEXT.businessObjective, draft.businessObjective),
  objectiveTitle: (o: Draft['objectives'][number]) => typedField(PLAN_TEXT.objectiveTitle, o.title),
  objectiveMeasure: (o: Draft['objectives'][number]) => typedField(PLAN_TEXT.objectiveMeasure, o.measure ?? ''),
  metricLabel: (label: string) => typedField(PLAN_TEXT.metricLabel, label),
  scale: (row: Pick<DraftRow, 'scale'>) =>
    typedListField(PLAN_TEXT.scaleSteps, scaleOf(row), {
      one: 'step',
      many: 'steps',
      describe: (limits) =>
        `Separated by commas, e.g. Cold, Cool, Warm, Strong; a figure is a step's number or name (${limits})`,
    }),
};

/** A field's problem, in words, keyed by the path save_account_plan would name it by. */
export type DraftProblems = Record<string, string>;

interface ReadDraft {
  plan: Required<PlanInput>;
  problems: DraftProblems;
}

/**
 * The draft as save_account_plan takes it, and what it would refuse that the editor can tell, by field path:
 * every figure that does not read as its unit, every objective without an owner or a due date, and text longer
 * than its field takes.
 */
export function readDraft(draft: Draft, currency: string | null): ReadDraft {
  const problems: DraftProblems = {};
  const text = (at: string, field: HeldField) => {
    if (field.problem !== null) problems[at] = field.problem;
  };
  text('plan.businessObjective', planText.businessObjective(draft));
  // A figure that reads as its unit but cannot stand in its row (a count below none) is refused the same way.
  const figure = (at: string, parsed: ParsedFigure, stands: (value: number) => string | null) => {
    const problem = !parsed.success ? parsed.message : parsed.value === null ? null : stands(parsed.value);
    if (problem !== null) problems[at] = problem;
    return parsed.success && problem === null ? parsed.value : null;
  };
  const rows = draft.rows.map((row, i) => {
    const at = `plan.quarterlyTargets.rows.${i}`;
    text(`${at}.label`, planText.metricLabel(row.label));
    const scale = row.unit === 'scale' ? scaleOf(row) : undefined;
    if (scale !== undefined && scale.length < 2) problems[`${at}.scale`] = 'name at least two steps, first to best';
    else if (scale !== undefined && new Set(scale.map((step) => step.toLowerCase())).size < scale.length)
      problems[`${at}.scale`] = 'give each step its own name: a step named twice could not be told apart';
    else if (scale !== undefined) text(`${at}.scale`, planText.scale(row));
    const unit = { unit: row.unit, currency, ...(scale ? { scale } : {}) };
    const counted = (measure: NonNullable<DraftRow['measure']>) => (value: number) =>
      row.unit === 'count' ? countProblem(value, measure) : null;
    const figures = (typed: TypedQuarters, kind: 'targets' | 'actuals') =>
      Object.fromEntries(
        QUARTERS.map((q) => [q, figure(`${at}.${kind}.${q}`, parseFigure(typed[q], unit), counted(measureOf(row)))]),
      ) as Record<Quarter, number | null>;
    // The baseline is where the row stood, so a count of it is never below none whatever the row's reading.
    const baseline = figure(`${at}.baseline`, parseFigure(row.baseline, unit), counted('level'));
    return {
      metric: row.metric,
      label: row.label,
      unit: row.unit,
      measure: row.measure,
      targets: figures(row.targets, 'targets'),
      actuals: row.derived ? {} : figures(row.actuals, 'actuals'),
      baseline,
      ...(scale ? { scale } : {}),
    };
  });
  // SMART: save_account_plan takes no objective without someone responsible and a date, so say it here first.
  draft.objectives.forEach((o, i) => {
    text(`plan.objectives.${i}.title`, planText.objectiveTitle(o));
    text(`plan.objectives.${i}.measure`, planText.objectiveMeasure(o));
    if (o.ownerId == null) problems[`plan.objectives.${i}.ownerId`] = 'pick who owns this objective';
    if (o.dueAt == null) problems[`plan.objectives.${i}.dueAt`] = 'pick when this objective is due';
  });
  // A name the save would refuse as repeated, unless what is wrong with it as typed is said already.
  const repeated = (at: string, message: string) => (problems[at] ??= message);
  for (const i of repeatedNames(draft.rows.map((row) => row.label)))
    repeated(`plan.quarterlyTargets.rows.${i}.label`, REPEATED_METRIC_NAME);
  for (const i of repeatedNames(draft.objectives.map((o) => o.title)))
    repeated(`plan.objectives.${i}.title`, REPEATED_OBJECTIVE_TITLE);
  const spend = (typed: TypedQuarters, at: string, read: (text: string) => ParsedFigure) =>
    Object.fromEntries(
      QUARTERS.map((q) => [
        q,
        figure(`${at}.${q}`, read(typed[q]), (value) => (value < 0 ? 'what was spent cannot be negative' : null)),
      ]),
    ) as Record<Quarter, number | null>;
  return {
    problems,
    plan: {
      businessObjective: draft.businessObjective,
      team: draft.team,
      objectives: draft.objectives,
      quarterlyTargets: { fiscalYear: draft.fiscalYear, rows },
      investment: {
        hours: spend(draft.investment.hours, 'plan.investment.hours', parseHours),
        money: spend(draft.investment.money, 'plan.investment.money', (text) => parseMoney(text, currency)),
      },
    },
  };
}

/**
 * The due dates of open objectives set in this edit, named as the editor numbers them, for the question
 * "Due in the past?": a date the plan already held was asked about when it was set.
 */
export function dueDatesSetNow(draft: Draft, before: PlanSection): PickedDue[] {
  return draft.objectives.flatMap((o, i) => {
    if (o.status !== 'open' || o.dueAt === null || o.dueAt === undefined) return [];
    const earlier = before.objectives.find((b) => b.objectiveKey === o.objectiveKey && o.objectiveKey !== undefined);
    return earlier?.dueAt === o.dueAt ? [] : [{ name: `Objective ${i + 1}`, dueAt: o.dueAt }];
  });
}

/**
 * Whether a field, named by its save_account_plan path, still holds what it held when the plan was refused:
 * what was said of it stands until the user changes it. A row's field is the same field only in the same row
 * (rows move), and `plan.quarterlyTargets.rows.2.targets.Q1` is the draft's `rows.2.targets.Q1`.
 */
export function unchangedSince(refused: Draft, draft: Draft, path: string): boolean {
  const at = path.replace(/^plan\./, '').replace(/^quarterlyTargets\./, '');
  const row = /^rows\.\d+/.exec(at)?.[0];
  return sameAt(at, refused, draft) && (row === undefined || sameAt(`${row}.metric`, refused, draft));
}
