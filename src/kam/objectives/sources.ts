// Without zod, so the cards that offer these choices bundle no schema library.

/**
 * How a quarter's figure is read (the example rows are a plan's):
 * - `level`: the value at the quarter's end ("Friends and allies 2 8 12 15");
 * - `change`: the change since the plan year began; negative means "reduce by" ("Enemies and protestors -1 -3 -6 -8");
 * - `per_quarter`: what happened within that quarter alone ("Number of meetings per quarter 2 3 3 3");
 * - `year_to_date`: the running total since the plan year began ("new opportunities secured 1 3 4 4",
 *   "Increase in income over last year £15k £22k £25k £28k").
 */
export const MEASURES = ['level', 'change', 'per_quarter', 'year_to_date'] as const;
export type Measure = (typeof MEASURES)[number];

/** Which way is good for a row: more, or fewer. */
export type Better = 'higher' | 'lower';

// The grid is read quarter by quarter: a row whose figures run from the plan year's start says so beside its
// name, so "£258,727 of £117,000" is not taken for the quarter's own income; a figure within the quarter or at
// its end needs no word.
const PERIOD_WORDS: Record<Measure, string | null> = {
  level: null,
  per_quarter: null,
  change: 'change since the plan year began',
  year_to_date: 'year to date',
};

/** A row's name with the period its figures cover, as the card's grid and the quarterly report show it. */
export function nameWithPeriod(name: string, measure: Measure): string {
  const period = PERIOD_WORDS[measure];
  return period === null ? name : `${name} (${period})`;
}

/** Where actuals come from: typed in by the team, or filled from CRM facts by `fillDerivedActuals`. */
export const ACTUAL_SOURCES = [
  'typed',
  'friends_and_allies',
  'enemies_and_protesters',
  'meetings',
  'new_services',
  'new_opportunities',
  'income_increase',
] as const;
export type DerivedSource = Exclude<(typeof ACTUAL_SOURCES)[number], 'typed'>;

/**
 * The unit and measures each derived source can fill, how its row reads by default, which way is good
 * (fixed by what it counts, whatever the sign of a target), and the CRM facts it is filled from (so a
 * reader fetches the contacts' stance history only for a grid that counts stances).
 */
export const DERIVED_SOURCES: Record<
  DerivedSource,
  {
    unit: 'count' | 'currency';
    measures: readonly Measure[];
    defaultMeasure: Measure;
    better: Better;
    from: 'stances' | 'meetings' | 'won deals';
  }
> = {
  friends_and_allies: {
    unit: 'count',
    measures: ['level', 'change'],
    defaultMeasure: 'level',
    better: 'higher',
    from: 'stances',
  },
  enemies_and_protesters: {
    unit: 'count',
    measures: ['level', 'change'],
    defaultMeasure: 'change',
    better: 'lower',
    from: 'stances',
  },
  meetings: {
    unit: 'count',
    measures: ['per_quarter', 'year_to_date'],
    defaultMeasure: 'per_quarter',
    better: 'higher',
    from: 'meetings',
  },
  new_services: {
    unit: 'count',
    measures: ['per_quarter', 'year_to_date'],
    defaultMeasure: 'year_to_date',
    better: 'higher',
    from: 'won deals',
  },
  new_opportunities: {
    unit: 'count',
    measures: ['per_quarter', 'year_to_date'],
    defaultMeasure: 'year_to_date',
    better: 'higher',
    from: 'won deals',
  },
  income_increase: {
    unit: 'currency',
    measures: ['per_quarter', 'year_to_date'],
    defaultMeasure: 'year_to_date',
    better: 'higher',
    from: 'won deals',
  },
};

/** How a row's figures read when the plan does not say: as its derived source reads them by default, else a level. */
export function measureOf(row: { metric: string; measure?: Measure | undefined }): Measure {
  if (row.measure !== undefined) return row.measure;
  return Object.hasOwn(DERIVED_SOURCES, row.metric)
    ? DERIVED_SOURCES[row.metric as DerivedSource].defaultMeasure
    : 'level';
}
