import { describe, expect, it } from 'vitest';
import {
  HOURS_IN_A_QUARTER,
  countProblem,
  hoursProblem,
  parseCount,
  parseFigure,
  parseHours,
  parseMoney,
  parsePercent,
  parseScale,
} from '../../../src/kam/objectives/index.ts';

const value = (parsed: ReturnType<typeof parseMoney>) => (parsed.success ? parsed.value : parsed.message);

describe('money as people type it', () => {
  it('reads £15k, 15,000 and 15000.50 in a pound portal', () => {
    expect(value(parseMoney('£15k', 'GBP'))).toBe(15_000);
    expect(value(parseMoney('15,000', 'GBP'))).toBe(15_000);
    expect(value(parseMoney('15000.50', 'GBP'))).toBe(15_000.5);
    expect(value(parseMoney('£22.5k', 'GBP'))).toBe(22_500);
    expect(value(parseMoney('1.2m', 'GBP'))).toBe(1_200_000);
    expect(value(parseMoney('GBP 28k', 'GBP'))).toBe(28_000);
  });

  it('reads a fall of money, whichever side of the symbol the minus is typed', () => {
    expect(value(parseMoney('-£3k', 'GBP'))).toBe(-3_000);
    expect(value(parseMoney('£-3k', 'GBP'))).toBe(-3_000);
    expect(value(parseMoney('(3,000)', 'GBP'))).toBe(-3_000);
  });

  it('leaves an empty cell empty rather than zero', () => {
    expect(parseMoney('  ', 'GBP')).toEqual({ success: true, value: null });
  });

  it('refuses, saying why, words, another currency, three decimals and amounts beyond any account', () => {
    expect(value(parseMoney('abc', 'GBP'))).toBe(
      '"abc" is not an amount of money: type it as £15k, 15,000 or 15000.50',
    );
    expect(value(parseMoney('$15k', 'GBP'))).toBe("amounts are in this portal's currency, GBP (£), not $");
    expect(value(parseMoney('15.505', 'GBP'))).toBe('money has at most two decimal places: "15.505" has 3');
    expect(value(parseMoney('1e20', 'GBP'))).toMatch(/not an amount of money/);
    expect(value(parseMoney('£5000bn', 'GBP'))).toBe(
      '£5000bn is too large: a figure is at most 1,000,000,000,000 either way',
    );
  });
});

describe('counts, percentages and scales', () => {
  it('explains why 2.5 meetings is refused instead of rounding it', () => {
    expect(value(parseCount('2.5'))).toBe('a count is a whole number: 2.5 is not (type 2 or 3)');
    expect(value(parseCount('-3'))).toBe(-3);
    expect(value(parseCount('1,200'))).toBe(1_200);
    expect(value(parseCount('abc'))).toBe('"abc" is not a number');
  });

  it('reads a percentage with or without its sign', () => {
    expect(value(parsePercent('12.5%'))).toBe(12.5);
    expect(value(parsePercent('40'))).toBe(40);
  });

  it('reads a step of a qualitative scale by its label or its number', () => {
    const scale = ['Cold', 'Cool', 'Warm', 'Strong'];
    expect(value(parseScale('warm', scale))).toBe(3);
    expect(value(parseScale('2', scale))).toBe(2);
    expect(value(parseScale('Hot', scale))).toBe('pick one of 1 Cold, 2 Cool, 3 Warm, 4 Strong');
  });

  it("parses a cell by its row's unit", () => {
    expect(value(parseFigure('£15k', { unit: 'currency', currency: 'GBP' }))).toBe(15_000);
    expect(value(parseFigure('£15k', { unit: 'count', currency: 'GBP' }))).toBe('"£15k" is not a number');
  });
});

describe("hours of our people's time in one quarter", () => {
  it('reads half hours, and nothing typed as nothing spent', () => {
    expect(value(parseHours('12.5'))).toBe(12.5);
    expect(value(parseHours('2,208'))).toBe(2_208);
    expect(parseHours(' ')).toEqual({ success: true, value: null });
  });

  it('refuses fewer than none and more than the 2,208 hours the longest quarter holds (92 days of 24 hours)', () => {
    expect(HOURS_IN_A_QUARTER).toBe(92 * 24);
    expect(value(parseHours('-4'))).toBe('hours spent cannot be negative (-4)');
    expect(value(parseHours('100000000'))).toBe(
      'a quarter holds at most 2,208 hours (92 days of 24 hours), not 100,000,000',
    );
    expect(value(parseHours('2208.5'))).toMatch(/^a quarter holds at most 2,208 hours/);
    expect(hoursProblem(2_208)).toBeNull();
  });
});

describe('counts that cannot fall below none', () => {
  it('refuses −4 meetings in a quarter, a level or a running total below none', () => {
    const refusal = 'a count cannot be negative (-4): only a change since the plan year began can be';
    expect(countProblem(-4, 'per_quarter')).toBe(refusal);
    expect(countProblem(-4, 'level')).toBe(refusal);
    expect(countProblem(-4, 'year_to_date')).toBe(refusal);
    expect(countProblem(0, 'per_quarter')).toBeNull();
  });

  it('takes a fall in a row read as the change since the plan year began: three fewer enemies is −3', () => {
    expect(countProblem(-3, 'change')).toBeNull();
  });
});
