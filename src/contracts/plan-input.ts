import type { PlanSection } from './card-data.ts';
import type { PlanInput } from './save-account-plan.ts';

// The plan between card_data and save_account_plan, for the editor and anything else that saves a plan
// it read. Types only from the schemas, so the cards that use it bundle no schema library.

/** The plan card_data shows, in the shape save_account_plan takes: what an editor starts from and a save sends back. */
export function planInputOf(plan: PlanSection): Required<PlanInput> {
  return {
    businessObjective: plan.businessObjective,
    team: {
      relationshipPartner: plan.team.relationshipPartner?.ownerId ?? null,
      accountManager: plan.team.accountManager?.ownerId ?? null,
      researcher: plan.team.researcher?.ownerId ?? null,
    },
    objectives: plan.objectives.map((o) => ({
      objectiveKey: o.objectiveKey,
      title: o.title,
      measure: o.measure,
      ownerId: o.owner?.ownerId ?? null,
      dueAt: o.dueAt,
      status: o.status,
    })),
    quarterlyTargets: {
      fiscalYear: plan.quarterlyTargets.fiscalYear,
      rows: plan.quarterlyTargets.rows.map((r) => ({
        metric: r.metric,
        label: r.label,
        unit: r.unit,
        targets: r.targets,
        // A derived row's actuals come from HubSpot: only typed ones are sent back.
        actuals: r.derived ? {} : r.actuals,
        measure: r.measure,
        baseline: r.baseline,
        ...(r.scale === null ? {} : { scale: r.scale }),
      })),
    },
    investment: { hours: plan.investment.hours, money: plan.investment.money },
  };
}

const QUARTER_WORDS: Record<string, string> = { Q1: 'Q1', Q2: 'Q2', Q3: 'Q3', Q4: 'Q4' };
const ROW_FIELD_WORDS: Record<string, string> = {
  targets: 'target',
  actuals: 'actual',
  label: 'name',
  metric: 'metric',
  unit: 'unit',
  measure: 'how it is measured',
  baseline: 'baseline',
  scale: 'scale',
};
const OBJECTIVE_FIELD_WORDS: Record<string, string> = {
  measure: 'how we measure it',
  ownerId: 'owner',
  dueAt: 'due date',
  status: 'status',
  objectiveKey: 'key',
};
const TEAM_WORDS: Record<string, string> = {
  relationshipPartner: 'Relationship partner',
  accountManager: 'Account manager',
  researcher: 'Researcher',
};

/**
 * A field of the plan named as the editor labels it, for a path of save_account_plan's parameters:
 * `plan.quarterlyTargets.rows.2.targets.Q1` is "Meetings per quarter, Q1 target".
 */
export function planFieldInWords(path: string, plan: Pick<PlanInput, 'quarterlyTargets' | 'objectives'>): string {
  const [root, section, ...rest] = path.split('.');
  if (root !== 'plan') return path;
  if (section === 'businessObjective') return '12-month business objective';
  if (section === 'team') return rest[0] ? (TEAM_WORDS[rest[0]] ?? 'KAM team') : 'KAM team';
  if (section === 'objectives') {
    const [index, field] = rest;
    if (index === undefined) return 'SMART objectives';
    const objective = `Objective ${Number(index) + 1}`;
    // The editor's field for an objective's title is labelled "Objective": the title is the objective itself.
    return field === undefined || field === 'title'
      ? objective
      : `${objective}, ${OBJECTIVE_FIELD_WORDS[field] ?? field}`;
  }
  if (section === 'investment') {
    const [kind, quarter] = rest;
    const what = kind === 'hours' ? 'hours spent' : 'money spent';
    return quarter === undefined ? `Investment, ${what}` : `${quarter} ${what}`;
  }
  if (section === 'quarterlyTargets') {
    const [key, index, field, quarter] = rest;
    if (key === 'fiscalYear') return 'Fiscal year';
    if (index === undefined) return 'Quarterly targets';
    const row = plan.quarterlyTargets.rows[Number(index)];
    const name = row?.label.trim() || `Metric ${Number(index) + 1}`;
    if (field === undefined) return name;
    const words = ROW_FIELD_WORDS[field] ?? field;
    return quarter === undefined ? `${name}, ${words}` : `${name}, ${QUARTER_WORDS[quarter] ?? quarter} ${words}`;
  }
  return path;
}
