import { describe, expect, it } from 'vitest';
import { parseCount, parseFigure, parseMoney, parsePercent, parseScale } from '../../../src/kam/objectives/index.ts';

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
