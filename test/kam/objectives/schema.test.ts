import { describe, expect, it } from 'vitest';
import {
  DERIVED_SOURCES,
  accountPlanSchema,
  metricTargetSchema,
  type AccountPlan,
} from '../../../src/kam/objectives/index.ts';
import { validate } from '../../../src/kam/shared/index.ts';
import { aCountRow, aPlan, aTextRow, anAction, anObjective, seed003Targets } from './factories.ts';

const pathsOf = (input: unknown): string[] => {
  const result = validate(accountPlanSchema, input);
  return result.success ? [] : result.errors.map((e) => e.path);
};

describe('the quarterly target grid', () => {
  it("represents seed 003's table of metrics exactly and round-trips it through the schema", () => {
    const parsed = accountPlanSchema.parse(aPlan({ targets: seed003Targets() }));
    const stored: unknown = JSON.parse(JSON.stringify(parsed));
    const reparsed: AccountPlan = accountPlanSchema.parse(stored);

    expect(reparsed).toEqual(parsed);
    const table = reparsed.targets.map((row) => [
      row.name,
      row.quarters.Q1,
      row.quarters.Q2,
      row.quarters.Q3,
      row.quarters.Q4,
    ]);
    expect(table).toEqual([
      ['Friends and allies', 2, 8, 12, 15],
      ['Enemies and protestors', -1, -3, -6, -8],
      ['Number of meetings per quarter', 2, 3, 3, 3],
      ['Number of new services used', 0, 1, 3, 4],
      ['Number new opportunities secured', 1, 3, 4, 4],
      ['Increase in income over last year', 15_000, 22_000, 25_000, 28_000],
    ]);
    expect(reparsed.targets[5]).toMatchObject({ unit: 'currency', currency: 'GBP' });
  });

  it("defaults each derived row to seed 003's reading of it, one the source can fill", () => {
    for (const row of seed003Targets()) {
      if (row.unit === 'text' || row.source === 'typed') continue;
      expect(row.measure).toBe(DERIVED_SOURCES[row.source].defaultMeasure);
    }
    for (const source of Object.values(DERIVED_SOURCES)) expect(source.measures).toContain(source.defaultMeasure);
  });

  it('holds a qualitative row with a target in words and a judged actual', () => {
    const row = aTextRow({
      quarters: { Q1: 'Agree a joint roadmap', Q2: null, Q3: null, Q4: null },
      actuals: { Q1: { text: 'Roadmap signed off', met: true }, Q2: null, Q3: null, Q4: null },
    });
    expect(metricTargetSchema.parse(row)).toEqual(row);
  });

  it('fills quarters left out with null', () => {
    const row = metricTargetSchema.parse({
      unit: 'percent',
      id: 'share',
      name: 'Share of wallet',
      measure: 'level',
      quarters: { Q4: 40 },
      actuals: {},
    });
    expect(row.quarters).toEqual({ Q1: null, Q2: null, Q3: null, Q4: 40 });
  });
});

describe('validation of the plan', () => {
  it('names the quarter of a target that is not a number: targets.2.quarters.Q3', () => {
    const targets = seed003Targets();
    const meetings = { ...targets[2], quarters: { Q1: 2, Q2: 3, Q3: 'three', Q4: 3 } };
    expect(pathsOf(aPlan({ targets: [targets[0], targets[1], meetings] as never }))).toEqual(['targets.2.quarters.Q3']);
  });

  it('rejects a fractional count', () => {
    expect(pathsOf(aPlan({ targets: [aCountRow({ actuals: { Q1: 1.5, Q2: null, Q3: null, Q4: null } })] }))).toEqual([
      'targets.0.actuals.Q1',
    ]);
  });

  it('rejects a currency that is not an ISO 4217 code', () => {
    const income = { ...seed003Targets()[5], currency: '£' };
    expect(pathsOf(aPlan({ targets: [income as never] }))).toEqual(['targets.0.currency']);
  });

  it('rejects an unknown unit at the unit', () => {
    expect(pathsOf(aPlan({ targets: [{ ...aCountRow(), unit: 'hours' } as never] }))).toEqual(['targets.0.unit']);
  });

  it('rejects a derived source read in a way it cannot be filled', () => {
    const result = validate(
      accountPlanSchema,
      aPlan({ targets: [aCountRow({ source: 'meetings', measure: 'level' })] }),
    );
    expect(!result.success && result.errors).toEqual([
      {
        path: 'targets.0.measure',
        message: 'Actuals from meetings can be read as per_quarter or year_to_date, not level',
      },
    ]);
  });

  it('rejects income derived into a count row', () => {
    expect(pathsOf(aPlan({ targets: [aCountRow({ source: 'income_increase', measure: 'year_to_date' })] }))).toEqual([
      'targets.0.unit',
    ]);
  });

  it('requires the achieved date of an achieved objective, and only of those', () => {
    expect(
      pathsOf(
        aPlan({ objectives: [anObjective({ status: 'achieved' }), anObjective({ status: 'dropped', achievedAt: 1 })] }),
      ),
    ).toEqual(['objectives.0.achievedAt', 'objectives.1.achievedAt']);
  });

  it('rejects duplicate ids and references to objectives or rows that do not exist', () => {
    const paths = pathsOf(
      aPlan({
        objectives: [anObjective({ id: 'o1' }), anObjective({ id: 'o1', metricId: 'missing-row' })],
        actions: [anAction({ objectiveId: 'missing-objective' })],
      }),
    );
    expect(paths).toEqual(['objectives.1.id', 'objectives.1.metricId', 'actions.0.objectiveId']);
  });

  it('requires the 12-month business objective', () => {
    expect(pathsOf(aPlan({ businessObjective: '' }))).toEqual(['businessObjective']);
  });
});
