import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../../src/kam/settings/index.ts';
import { numberProblem, SETTINGS_NUMBER_RULES } from '../../../src/kam/settings/number-rules.ts';

describe("the settings page's number rules", () => {
  it('says what is wrong with a typed number: blank, out of bounds, or a part day', () => {
    const { weight, staleAfterDays } = SETTINGS_NUMBER_RULES;
    expect(numberProblem(weight, undefined)).toBe('Enter a number');
    expect(numberProblem(weight, Number.NaN)).toBe('Enter a number');
    expect(numberProblem(weight, -3)).toBe('Weights run from 0 to 100');
    expect(numberProblem(weight, 2.5)).toBeNull();
    expect(numberProblem(staleAfterDays, 2.5)).toBe('Whole days from 1 to 730');
    expect(numberProblem(staleAfterDays, 0)).toBe('Whole days from 1 to 730');
    expect(numberProblem(staleAfterDays, 730)).toBeNull();
  });

  it('are the rules saving applies, word for word', () => {
    const parsed = parseSettings({
      selection: { weights: { prestige: -3 }, thresholds: { key: 150 } },
      reviews: { overdueAfterDays: 100_000 },
      coverage: { staleAfterDays: 0 },
    });
    const said = parsed.success ? [] : parsed.errors.map((e) => [e.path, e.message]);
    expect(said).toEqual([
      ['selection.weights.prestige', numberProblem(SETTINGS_NUMBER_RULES.weight, -3)],
      ['selection.thresholds.key', numberProblem(SETTINGS_NUMBER_RULES.score, 150)],
      ['reviews.overdueAfterDays', numberProblem(SETTINGS_NUMBER_RULES.overdueAfterDays, 100_000)],
      ['coverage.staleAfterDays', numberProblem(SETTINGS_NUMBER_RULES.staleAfterDays, 0)],
    ]);
  });
});
