// Figures as people type them into the plan's grid: money in the portal's currency ("£15k", "15,000",
// "15000.50"), whole counts, percentages. Every refusal says why in words, so nothing typed is dropped silently.

import type { Measure } from './sources.ts';

/** The grid's numeric units: a count, money in the portal's currency, a percentage, or a step on a named scale. */
export const NUMERIC_UNITS = ['count', 'currency', 'percent', 'scale'] as const;
export type NumericUnit = (typeof NUMERIC_UNITS)[number];

/** The largest figure a grid cell holds either way: far beyond any account's, well inside exact arithmetic. */
export const LARGEST_FIGURE = 1_000_000_000_000;

/**
 * The most hours one quarter of our people's time can record: the longest quarter has 92 days of 24 hours.
 * A figure above it is a slip (a year's hours, or a typo), not time anyone spent in that quarter.
 */
export const HOURS_IN_A_QUARTER = 92 * 24;

export type ParsedFigure = { success: true; value: number | null } | { success: false; message: string };

const SYMBOLS: Record<string, readonly string[]> = {
  GBP: ['£'],
  USD: ['$', 'US$'],
  EUR: ['€'],
  JPY: ['¥'],
  INR: ['₹'],
  AUD: ['A$', '$'],
  CAD: ['C$', '$'],
  CHF: ['Fr.', 'CHF'],
};
const ANY_SYMBOL = /^(?:[A-Z]{3}|US\$|A\$|C\$|Fr\.|[£$€¥₹])/;

const MULTIPLIERS: Record<string, number> = { k: 1_000, m: 1_000_000, bn: 1_000_000_000, b: 1_000_000_000 };

/** The symbol the portal's currency is shown with, for hints ("£" for GBP); the code itself when it has none. */
export function currencySymbol(currency: string | null): string {
  if (currency === null) return '';
  return SYMBOLS[currency]?.[0] ?? currency;
}

/**
 * Money as typed: an optional sign, the portal's currency symbol or code, digits with thousands commas,
 * at most two decimals, and k, m or bn for thousands, millions or billions ("£15k" is 15000).
 */
export function parseMoney(typed: string, currency: string | null): ParsedFigure {
  const text = typed.trim().replace(/\s+/g, '');
  if (text === '') return { success: true, value: null };
  let negative = /^[-−]/.test(text) || /^\(.*\)$/.test(text);
  let rest = text.replace(/^[-−]|^\(|\)$/g, '');
  const symbol = ANY_SYMBOL.exec(rest)?.[0] ?? /[A-Z]{3}$/.exec(rest)?.[0];
  if (symbol !== undefined) {
    const accepted = currency === null ? [] : [currency, ...(SYMBOLS[currency] ?? [])];
    if (!accepted.includes(symbol))
      return {
        success: false,
        message:
          currency === null
            ? `type the amount without a currency: HubSpot has not said which currency this portal uses`
            : `amounts are in this portal's currency, ${currency} (${currencySymbol(currency)}), not ${symbol}`,
      };
    rest = rest.startsWith(symbol) ? rest.slice(symbol.length) : rest.slice(0, -symbol.length);
    // "£-15k" reads as "-£15k".
    if (/^[-−]/.test(rest)) {
      negative = !negative;
      rest = rest.slice(1);
    }
  }
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?(k|m|bn|b)?$/i.exec(rest);
  if (!match || (match[1] === undefined && match[2] === undefined))
    return {
      success: false,
      message: `"${typed.trim()}" is not an amount of money: type it as £15k, 15,000 or 15000.50`,
    };
  const multiplier = MULTIPLIERS[(match[3] ?? '').toLowerCase()] ?? 1;
  const decimals = match[2] ?? '';
  if (multiplier === 1 && decimals.length > 2)
    return {
      success: false,
      message: `money has at most two decimal places: "${typed.trim()}" has ${decimals.length}`,
    };
  const amount = Number(`${(match[1] ?? '0').replace(/,/g, '')}.${decimals || '0'}`) * multiplier;
  return withinLimit(negative ? -roundCents(amount) : roundCents(amount), typed);
}

/** A count is whole: 2.5 meetings cannot happen, so it is refused with that reason rather than rounded. */
export function parseCount(typed: string): ParsedFigure {
  const number = plainNumber(typed);
  if (number.success === false || number.value === null) return number;
  if (!Number.isInteger(number.value))
    return { success: false, message: `a count is a whole number: ${typed.trim()} is not (type 2 or 3)` };
  return number;
}

/** A percentage, with or without its sign: "12.5%" is 12.5. */
export function parsePercent(typed: string): ParsedFigure {
  return plainNumber(typed.trim().replace(/%$/, ''));
}

/** Hours of our people's time in one quarter: fractions allowed (7.5), from none to all the quarter holds. */
export function parseHours(typed: string): ParsedFigure {
  const number = plainNumber(typed);
  if (number.success === false || number.value === null) return number;
  const problem = hoursProblem(number.value);
  return problem === null ? number : { success: false, message: problem };
}

/** Why a quarter's hours cannot stand, or null: the editor and save_account_plan refuse them alike. */
export function hoursProblem(hours: number): string | null {
  if (hours < 0) return `hours spent cannot be negative (${inWords(hours)})`;
  if (hours > HOURS_IN_A_QUARTER)
    return `a quarter holds at most ${inWords(HOURS_IN_A_QUARTER)} hours (92 days of 24 hours), not ${inWords(hours)}`;
  return null;
}

/**
 * Why a count cannot stand in a row read this way, or null. Things that happened (meetings, allies, deals
 * won) are never fewer than none; only a change since the plan year began can be ("3 fewer enemies" is −3).
 */
export function countProblem(count: number, measure: Measure): string | null {
  if (count >= 0 || measure === 'change') return null;
  return `a count cannot be negative (${inWords(count)}): only a change since the plan year began can be`;
}

/** A step on a named scale: its number (1 for the first label) or its label, in any case. */
export function parseScale(typed: string, labels: readonly string[]): ParsedFigure {
  const text = typed.trim();
  if (text === '') return { success: true, value: null };
  if (labels.length === 0) return { success: false, message: "name the scale's steps first, then pick one" };
  const byLabel = labels.findIndex((label) => label.toLowerCase() === text.toLowerCase());
  if (byLabel >= 0) return { success: true, value: byLabel + 1 };
  const step = Number(text);
  if (Number.isInteger(step) && step >= 1 && step <= labels.length) return { success: true, value: step };
  return { success: false, message: `pick one of ${labels.map((l, i) => `${i + 1} ${l}`).join(', ')}` };
}

/** The figure a grid cell holds, parsed by the row's unit. */
export function parseFigure(
  typed: string,
  row: { unit: NumericUnit; currency: string | null; scale?: readonly string[] },
): ParsedFigure {
  switch (row.unit) {
    case 'currency':
      return parseMoney(typed, row.currency);
    case 'count':
      return parseCount(typed);
    case 'percent':
      return parsePercent(typed);
    case 'scale':
      return parseScale(typed, row.scale ?? []);
  }
}

function plainNumber(typed: string): ParsedFigure {
  const text = typed.trim().replace(/^−/, '-');
  if (text === '') return { success: true, value: null };
  if (!/^-?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/.test(text) || !/\d/.test(text))
    return { success: false, message: `"${typed.trim()}" is not a number` };
  return withinLimit(Number(text.replace(/,/g, '')), typed);
}

function withinLimit(value: number, typed: string): ParsedFigure {
  if (Math.abs(value) > LARGEST_FIGURE)
    return {
      success: false,
      message: `${typed.trim()} is too large: a figure is at most ${LARGEST_FIGURE.toLocaleString('en-GB')} either way`,
    };
  return { success: true, value };
}

function inWords(figure: number): string {
  return figure.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}

function roundCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}
