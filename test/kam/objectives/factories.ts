import type { AccountPlanInput, MetricTarget, PlanAction, SmartObjective } from '../../../src/kam/objectives/index.ts';

// The plan year starts on 1 April 2026 (a UK fiscal year): Q1 Apr–Jun, Q2 Jul–Sep, Q3 Oct–Dec, Q4 Jan–Mar.
export const YEAR_START = Date.UTC(2026, 3, 1);
export const Q2_START = Date.UTC(2026, 6, 1);
export const Q3_START = Date.UTC(2026, 9, 1);
export const Q4_START = Date.UTC(2027, 0, 1);
export const YEAR_END = Date.UTC(2027, 3, 1);

type CountRow = Extract<MetricTarget, { unit: 'count' }>;
type CurrencyRow = Extract<MetricTarget, { unit: 'currency' }>;
type PercentRow = Extract<MetricTarget, { unit: 'percent' }>;
type TextRow = Extract<MetricTarget, { unit: 'text' }>;

const noQuarters = { Q1: null, Q2: null, Q3: null, Q4: null };
let nextId = 1;

export function aCountRow(overrides: Partial<CountRow> = {}): CountRow {
  return {
    unit: 'count',
    id: `row-${nextId++}`,
    name: 'Count',
    measure: 'level',
    baseline: null,
    source: 'typed',
    quarters: noQuarters,
    actuals: noQuarters,
    ...overrides,
  };
}

export function aCurrencyRow(overrides: Partial<CurrencyRow> = {}): CurrencyRow {
  return { ...aCountRow(), unit: 'currency', currency: 'GBP', name: 'Amount', ...overrides };
}

export function aPercentRow(overrides: Partial<PercentRow> = {}): PercentRow {
  return { ...aCountRow(), unit: 'percent', name: 'Share', ...overrides };
}

export function aTextRow(overrides: Partial<TextRow> = {}): TextRow {
  return {
    unit: 'text',
    id: `row-${nextId++}`,
    name: 'Qualitative',
    quarters: noQuarters,
    actuals: noQuarters,
    ...overrides,
  };
}

export function anObjective(overrides: Partial<SmartObjective> = {}): SmartObjective {
  return {
    id: `objective-${nextId++}`,
    title: 'Win the framework renewal',
    description: '',
    ownerId: 'owner-1',
    dueAt: Q4_START,
    status: 'open',
    achievedAt: null,
    metricId: null,
    ...overrides,
  };
}

export function anAction(overrides: Partial<PlanAction> = {}): PlanAction {
  return {
    id: `action-${nextId++}`,
    description: 'Take the client MD to Henley',
    ownerId: 'owner-2',
    dueAt: null,
    objectiveId: null,
    done: false,
    ...overrides,
  };
}

export function aPlan(overrides: Partial<AccountPlanInput> = {}): AccountPlanInput {
  return {
    businessObjective: 'Become the preferred supplier for all UK sites',
    objectives: [],
    actions: [],
    targets: [],
    ...overrides,
  };
}

const quarters = (Q1: number, Q2: number, Q3: number, Q4: number) => ({ Q1, Q2, Q3, Q4 });

/** Seed 003's table of metrics, row for row, with how each row is read and where its actuals come from. */
export function seed003Targets(): MetricTarget[] {
  return [
    {
      unit: 'count',
      id: 'friends',
      name: 'Friends and allies',
      measure: 'level',
      baseline: null,
      source: 'friends_and_allies',
      quarters: quarters(2, 8, 12, 15),
      actuals: noQuarters,
    },
    {
      unit: 'count',
      id: 'enemies',
      name: 'Enemies and protestors',
      measure: 'change',
      baseline: null,
      source: 'enemies_and_protesters',
      quarters: quarters(-1, -3, -6, -8),
      actuals: noQuarters,
    },
    {
      unit: 'count',
      id: 'meetings',
      name: 'Number of meetings per quarter',
      measure: 'per_quarter',
      baseline: null,
      source: 'meetings',
      quarters: quarters(2, 3, 3, 3),
      actuals: noQuarters,
    },
    {
      unit: 'count',
      id: 'services',
      name: 'Number of new services used',
      measure: 'year_to_date',
      baseline: null,
      source: 'typed',
      quarters: quarters(0, 1, 3, 4),
      actuals: noQuarters,
    },
    {
      unit: 'count',
      id: 'opportunities',
      name: 'Number new opportunities secured',
      measure: 'year_to_date',
      baseline: null,
      source: 'new_opportunities',
      quarters: quarters(1, 3, 4, 4),
      actuals: noQuarters,
    },
    {
      unit: 'currency',
      currency: 'GBP',
      id: 'income',
      name: 'Increase in income over last year',
      measure: 'year_to_date',
      baseline: null,
      source: 'income_increase',
      quarters: quarters(15_000, 22_000, 25_000, 28_000),
      actuals: noQuarters,
    },
  ];
}
