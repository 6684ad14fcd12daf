// Numbers and dates as people in the portal read them: the portal's currency and time zone,
// the user's locale. Plain Intl, so cards and the settings page share one formatter.

import { earnedPoints } from '../../kam/selection/earned-points.ts';

interface PortalFormat {
  /** BCP 47 tag from the user's HubSpot settings, e.g. `en-GB`. */
  locale: string;
  /** IANA zone of the portal, e.g. `Europe/London`. */
  timeZone: string;
  /** ISO 4217 code of the portal's company currency, e.g. `GBP`; null when HubSpot does not say (amounts then show without a symbol). */
  currency: string | null;
}

export interface Formatters {
  /** The zone dates are shown in, for date pickers. */
  timeZone: string;
  /** Whole currency units, below zero with a true minus sign: `£1,250,000`, `−£3,000`. */
  money(amount: number): string;
  /** An amount as a plan's figure was typed: whole units, or with its pence where it has them: `£45,000.50`. */
  moneyAsTyped(amount: number): string;
  /** A share from 0 to 1 as a percentage: `0.375` → `38%`. */
  share(fraction: number): string;
  /** A count, rounded to a whole number and grouped, below zero with a true minus sign: `72`, `2,000`, `−3`. */
  whole(value: number): string;
  /** A selection score in the whole points it has earned, never rounded up to a threshold it has not reached: 49.6 → `49`. */
  score(value: number): string;
  /** A figure to one decimal where it has one, below zero with a true minus sign: `−42.9`, `4`, `1,250.5`. */
  decimal(value: number): string;
  /** Hours of our people's time, to one decimal where it has one: `12.5 h`, `50 h`, `1,250 h`. */
  hours(value: number): string;
  /** A calendar date in the portal's time zone: `24 Nov 2026`. */
  date(at: number): string;
  /** A date and time of day in the portal's time zone, for what happens several times a day: `24 Nov 2026, 14:05`. */
  dateTime(at: number): string;
  /** Days from `now` to `at`, in words: `in 3 days`, `12 days ago`, `today`. */
  daysFrom(at: number, now: number): string;
}

const DAY_MS = 86_400_000;
const FALLBACK_LOCALE = 'en-US';

export function createFormatters({ locale, timeZone, currency }: PortalFormat): Formatters {
  // No sign for a figure that rounds to zero: −0.04 reads 0, not −0.
  const inCurrency = (digits: number) =>
    new Intl.NumberFormat(locale, {
      ...(currency ? { style: 'currency', currency } : {}),
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: 'negative',
    });
  const [money, moneyWithPence] = [inCurrency(0), inCurrency(2)];
  const share = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'negative' });
  const hours = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const tenths = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'negative' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const days = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return {
    timeZone,
    money: (amount) => withMinusSign(money, amount),
    moneyAsTyped: (amount) => withMinusSign(Number.isInteger(amount) ? money : moneyWithPence, amount),
    share: (fraction) => share.format(fraction),
    whole: (value) => withMinusSign(whole, value),
    score: (value) => whole.format(earnedPoints(value)),
    decimal: (value) => withMinusSign(tenths, value),
    hours: (value) => `${hours.format(value)} h`,
    date: (at) => date.format(at),
    dateTime: (at) => dateTime.format(at),
    daysFrom: (at, now) => days.format(calendarDaysBetween(now, at, timeZone), 'day'),
  };
}

/** Most locales write a hyphen for minus, which reads as a dash beside a word: the minus sign says it is below zero. */
function withMinusSign(format: Intl.NumberFormat, value: number): string {
  return format
    .formatToParts(value)
    .map((p) => (p.type === 'minusSign' ? '−' : p.value))
    .join('');
}

/**
 * A change in income against the same period a year earlier, in words: `£15,000 gained`, or for a fall
 * `£133,681 less income`, since a negative amount "gained" reads as a gain; `no change in income` for less
 * than a whole unit either way, rather than `£0 gained`.
 */
export function incomeChange(amount: number, format: Pick<Formatters, 'money'>): string {
  if (Math.abs(amount) < 0.5) return 'no change in income';
  return amount < 0 ? `${format.money(-amount)} less income` : `${format.money(amount)} gained`;
}

/**
 * A plan's figure in its row's unit, as the card's grid and the quarterly report both show it: money in
 * the portal's currency with its pence where it has them, a percentage to the tenth typed (so 34.6% never
 * reads as the 35% it falls short of), anything else a grouped count. A qualitative scale's steps are named
 * by the caller.
 */
export function metricFigure(
  unit: string,
  value: number,
  format: Pick<Formatters, 'moneyAsTyped' | 'decimal' | 'whole'>,
) {
  if (unit === 'currency') return format.moneyAsTyped(value);
  if (unit === 'percent') return `${format.decimal(value)}%`;
  return format.whole(value);
}

/** Locale from the user, currency (and time zone, when known) from Keystone, else the context's zone; an unknown locale falls back to US English. */
export function portalFormat(
  context: { user: { locale?: string }; portal: { timezone: string } },
  portal: { currency: string | null; timeZone?: string | null },
): PortalFormat {
  const requested = context.user.locale ?? FALLBACK_LOCALE;
  const locale = Intl.NumberFormat.supportedLocalesOf([requested]).length > 0 ? requested : FALLBACK_LOCALE;
  return { locale, timeZone: portal.timeZone ?? context.portal.timezone, currency: portal.currency };
}

// Counting midnights in the portal's zone, so "tomorrow" flips at the portal's midnight, not UTC's.
function calendarDaysBetween(from: number, to: number, timeZone: string): number {
  return Math.round((localMidnight(to, timeZone) - localMidnight(from, timeZone)) / DAY_MS);
}

function localMidnight(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'));
}

/** The calendar date (in the portal's time zone) that a DateInput shows for an instant; months count from 0. */
export function toCalendarDate(at: number, timeZone: string): { year: number; month: number; date: number } {
  const midnight = new Date(localMidnight(at, timeZone));
  return { year: midnight.getUTCFullYear(), month: midnight.getUTCMonth(), date: midnight.getUTCDate() };
}

/** The instant to store for a picked calendar date: noon UTC, which is that same date from UTC−11 to UTC+11. */
export function fromCalendarDate({ year, month, date }: { year: number; month: number; date: number }): number {
  return Date.UTC(year, month, date, 12);
}

/**
 * Shares from 0 to 1 as percentages that never read across a line they are judged by: a share above none never
 * reads `0%`, one short of the whole never `100%`, and one shown beside a warning raised above `threshold` reads
 * above, at or below it as the share itself is (against 0.5: 0.496 → `49.6%`, never `50%`). Whole percentages
 * where they keep to the share's side, else one decimal (0.0048 → `0.5%`), rounded away from the line when even
 * that would cross it (0.4996 against 0.5 → `49.9%`). Throws a RangeError for a share below 0 or not a number,
 * or a threshold outside 0 to 1.
 */
export function createShareFormatter(locale: string): (fraction: number, threshold?: number) => string {
  const percent = (digits: number, roundingMode: 'halfExpand' | 'floor' | 'ceil' = 'halfExpand') =>
    new Intl.NumberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      roundingMode,
    });
  const whole = percent(0);
  const tenth = percent(1);
  const tenthDown = percent(1, 'floor');
  const tenthUp = percent(1, 'ceil');
  return (fraction, threshold) => {
    if (!(fraction >= 0 && fraction < Infinity))
      throw new RangeError(`A share must be a fraction of 0 or more, got ${fraction}`);
    if (threshold !== undefined && !(threshold >= 0 && threshold <= 1))
      throw new RangeError(`A warning share must be from 0 to 1, got ${threshold}`);
    const lines = threshold === undefined ? [0, 1] : [0, threshold, 1];
    const side = (value: number) => lines.map((line) => Math.sign(value - line)).join();
    for (const format of [whole, tenth]) {
      const parts = format.formatToParts(fraction);
      if (side(shownFraction(parts)) === side(fraction)) return parts.map((p) => p.value).join('');
    }
    const nearest = lines.reduce((a, b) => (Math.abs(fraction - b) < Math.abs(fraction - a) ? b : a));
    return (fraction < nearest ? tenthDown : tenthUp).format(fraction);
  };
}

// The figure a reader sees in a formatted percentage, back as a fraction, whatever the locale's separators.
function shownFraction(parts: Intl.NumberFormatPart[]): number {
  const digits = (type: 'integer' | 'fraction') =>
    parts
      .filter((p) => p.type === type)
      .map((p) => p.value)
      .join('');
  return Number(`${digits('integer')}.${digits('fraction') || '0'}`) / 100;
}
