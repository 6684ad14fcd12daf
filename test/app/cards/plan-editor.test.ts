import { describe, expect, it } from 'vitest';
import { customMetricKey } from '../../../src/app/cards/account/PlanEditor.tsx';
import { draftOf, readDraft, rowFromCatalogue } from '../../../src/app/cards/account/plan-draft.ts';
import { saveAccountPlanParametersSchema } from '../../../src/contracts/save-account-plan.ts';
import { catalogueMetric } from '../../../src/kam/objectives/catalogue.ts';
import { emptyPlan, targetRow } from '../ui/test-utils.ts';

const incomeRow = targetRow({
  metric: 'income_increase',
  label: 'Increase in income over last year',
  unit: 'currency',
  measure: 'year_to_date',
  targets: { Q1: 15_000.5, Q2: -3_000, Q3: null, Q4: null },
});

/** What save_account_plan's contract refuses of a plan, as [path, message] pairs. */
function refusedBySave(plan: unknown): Array<[string, string]> {
  const refused = saveAccountPlanParametersSchema.safeParse({
    userId: 1,
    companyId: '1',
    baseRevision: 0,
    actionId: 'a'.repeat(32),
    plan,
  });
  return refused.error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];
}

describe("a manager's own metric", () => {
  it('gets a key the plan function accepts, made from its label', () => {
    expect(customMetricKey('New services used!', [])).toBe('custom_new_services_used');
    expect(customMetricKey('New services used', [])).toMatch(/^[a-z][a-z0-9_]{0,39}$/);
  });

  it('never takes the key of a metric already in the plan', () => {
    expect(customMetricKey('Referrals', ['custom_referrals', 'custom_referrals_2'])).toBe('custom_referrals_3');
  });

  it('stays within the 40 characters a metric key may have, even for a long label', () => {
    expect(
      customMetricKey('Number of board-level meetings held with the client every quarter', []).length,
    ).toBeLessThanOrEqual(40);
  });
});

describe('the plan as the editor reads it before saving', () => {
  const qualitative = (scale: string) => ({
    ...draftOf(emptyPlan(), 'GBP'),
    rows: [{ ...rowFromCatalogue(catalogueMetric('relationship_health')!, 'GBP'), scale }],
  });

  it("reads a qualitative row's figures as steps of its scale", () => {
    const draft = qualitative('Cold, Cool, Warm, Strong');
    draft.rows[0]!.targets.Q1 = 'strong';
    const read = readDraft(draft, 'GBP');
    expect(read.problems).toEqual({});
    expect(read.plan.quarterlyTargets.rows[0]).toMatchObject({
      scale: ['Cold', 'Cool', 'Warm', 'Strong'],
      targets: { Q1: 4 },
    });
  });

  it('finds an objective without an owner or a due date where save_account_plan would refuse it', () => {
    const draft = draftOf(emptyPlan(), 'GBP');
    draft.objectives = [
      { title: 'Join their supplier panel', measure: '', ownerId: null, dueAt: null, status: 'open' },
    ];
    const read = readDraft(draft, 'GBP');
    expect(refusedBySave(read.plan)).toEqual(Object.entries(read.problems));
  });

  it('finds a metric or an objective named as one above it, whatever the capitals, where save_account_plan would refuse it', () => {
    const draft = draftOf(emptyPlan(), 'GBP');
    const own = (label: string, metric: string) =>
      rowFromCatalogue({ metric, label, unit: 'count', measure: 'level', source: 'typed', explains: '' }, 'GBP');
    draft.rows = [own('Referrals received', 'custom_referrals_received'), own('referrals  Received ', 'custom_2')];
    const objective = { measure: '', ownerId: '7', dueAt: Date.UTC(2027, 2, 31, 12), status: 'open' } as const;
    draft.objectives = [
      { ...objective, title: 'Meet the new CFO' },
      { ...objective, title: 'Win the estates review' },
      { ...objective, title: 'Meet the new CFO' },
    ];
    const read = readDraft(draft, 'GBP');
    expect(read.problems).toEqual({
      'plan.quarterlyTargets.rows.1.label': 'a metric above has this name: give each metric its own',
      'plan.objectives.2.title': 'an objective above has this title: give each objective its own',
    });
    expect(refusedBySave(read.plan)).toEqual(Object.entries(read.problems));
  });

  it('asks for at least two steps of a scale before anything is sent', () => {
    expect(readDraft(qualitative('Fine'), 'GBP').problems).toEqual({
      'plan.quarterlyTargets.rows.0.scale': 'name at least two steps, first to best',
    });
  });

  it('asks for a name for each step of a scale, a step named twice being no step of its own', () => {
    expect(readDraft(qualitative('Cold, cold, Warm'), 'GBP').problems).toEqual({
      'plan.quarterlyTargets.rows.0.scale': 'give each step its own name: a step named twice could not be told apart',
    });
  });

  it('says to name the steps first when a figure is typed on a scale with none', () => {
    const draft = qualitative('');
    draft.rows[0]!.targets.Q1 = '2';
    expect(readDraft(draft, 'GBP').problems['plan.quarterlyTargets.rows.0.targets.Q1']).toBe(
      "name the scale's steps first, then pick one",
    );
  });

  it('shows a step of a scale by its name, as it was typed, so saving again changes nothing', () => {
    const health = targetRow({
      metric: 'relationship_health',
      label: 'Relationship health',
      unit: 'scale',
      measure: 'level',
      scale: ['Cold', 'Cool', 'Warm', 'Strong'],
      targets: { Q1: 3, Q2: 4, Q3: null, Q4: null },
    });
    const draft = draftOf(
      { ...emptyPlan(), revision: 2, quarterlyTargets: { ...emptyPlan().quarterlyTargets, rows: [health] } },
      'GBP',
    );
    expect(draft.rows[0]!.targets).toEqual({ Q1: 'Warm', Q2: 'Strong', Q3: '', Q4: '' });
    expect(readDraft(draft, 'GBP').plan.quarterlyTargets.rows[0]!.targets).toEqual(health.targets);
  });

  it('shows money as it was saved, pence included, so saving again changes nothing', () => {
    const draft = draftOf(
      { ...emptyPlan(), revision: 2, quarterlyTargets: { ...emptyPlan().quarterlyTargets, rows: [incomeRow] } },
      'GBP',
    );
    expect(draft.rows[0]!.targets).toEqual({ Q1: '£15,000.50', Q2: '-£3,000', Q3: '', Q4: '' });
    expect(readDraft(draft, 'GBP').plan.quarterlyTargets.rows[0]!.targets).toEqual(incomeRow.targets);
  });
});
