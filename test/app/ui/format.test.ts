import { describe, expect, it } from 'vitest';
import {
  createFormatters,
  fromCalendarDate,
  incomeChange,
  metricFigure,
  portalFormat,
  toCalendarDate,
} from '../../../src/app/ui/format.ts';

const london = createFormatters({ locale: 'en-GB', timeZone: 'Europe/London', currency: 'GBP' });
const berlin = createFormatters({ locale: 'de-DE', timeZone: 'Europe/Berlin', currency: 'EUR' });

describe('formatting for people', () => {
  it("shows money in the portal's currency, in whole units, the way the user's locale writes it", () => {
    expect(london.money(1_250_000.4)).toBe('£1,250,000');
    expect(berlin.money(1_250_000)).toBe('1.250.000\u00a0€');
  });

  it('writes money and counts below zero with a true minus sign, and none on what rounds to zero', () => {
    expect(london.money(-195_579)).toBe('−£195,579');
    expect(london.money(-0.4)).toBe('£0');
    expect(london.whole(-3)).toBe('−3');
    expect(berlin.money(-3_000)).toBe('−3.000\u00a0€');
  });

  it("shows a plan's figure as typed: money with its pence where it has them, a percentage to the tenth", () => {
    expect(metricFigure('currency', 45_000.5, london)).toBe('£45,000.50');
    expect(metricFigure('currency', 45_000, london)).toBe('£45,000');
    expect(metricFigure('percent', 34.6, london)).toBe('34.6%');
    expect(metricFigure('count', 1_500, london)).toBe('1,500');
  });

  it('says a change in income in words, a fall as less income and no change as none', () => {
    expect(incomeChange(15_000, london)).toBe('£15,000 gained');
    expect(incomeChange(-133_681, london)).toBe('£133,681 less income');
    expect(incomeChange(0, london)).toBe('no change in income');
    expect(incomeChange(0.3, london)).toBe('no change in income');
  });

  it('shows a share from 0 to 1 as a rounded percentage', () => {
    expect(london.share(0.375)).toBe('38%');
    expect(berlin.share(0.8)).toBe('80\u00a0%');
  });

  it('rounds scores and counts to whole numbers, grouped as the locale groups them', () => {
    expect(london.whole(71.6)).toBe('72');
    expect(london.whole(12_000)).toBe('12,000');
    expect(berlin.whole(12_000)).toBe('12.000');
  });

  it('shows hours to one decimal where they have one, the same in a quarter and in a total', () => {
    expect(london.hours(12.5)).toBe('12.5 h');
    expect(london.hours(50)).toBe('50 h');
    expect(london.hours(2_208)).toBe('2,208 h');
    expect(berlin.hours(12.5)).toBe('12,5 h');
  });

  it('shows a figure to one decimal where it has one, with a true minus sign below zero and none on a zero', () => {
    expect(london.decimal(-42.9)).toBe('−42.9');
    expect(london.decimal(66.7)).toBe('66.7');
    expect(london.decimal(4)).toBe('4');
    expect(london.decimal(-0.04)).toBe('0');
    expect(berlin.decimal(-1_250.5)).toBe('−1.250,5');
  });

  it("dates an instant in the portal's time zone, not UTC", () => {
    const lateEveningInNewYork = Date.UTC(2026, 10, 25, 3, 30); // 24 Nov 22:30 in New York
    const newYork = createFormatters({ locale: 'en-US', timeZone: 'America/New_York', currency: 'USD' });
    expect(newYork.date(lateEveningInNewYork)).toBe('Nov 24, 2026');
    expect(london.date(lateEveningInNewYork)).toBe('25 Nov 2026');
  });

  it("gives the time of day in the portal's time zone where several things happen in a day", () => {
    const lateEveningInNewYork = Date.UTC(2026, 10, 25, 3, 30);
    expect(london.dateTime(lateEveningInNewYork)).toBe('25 Nov 2026, 03:30');
    const newYork = createFormatters({ locale: 'en-US', timeZone: 'America/New_York', currency: 'USD' });
    // ICU puts a narrow or a plain space before PM, by version.
    expect(newYork.dateTime(lateEveningInNewYork)).toMatch(/^Nov 24, 2026, 10:30\sPM$/);
  });

  it("counts days in words by the portal's calendar: tomorrow flips at the portal's midnight", () => {
    const tokyo = createFormatters({ locale: 'en-US', timeZone: 'Asia/Tokyo', currency: 'JPY' });
    const now = Date.UTC(2026, 10, 24, 14, 0); // 23:00 in Tokyo
    expect(tokyo.daysFrom(Date.UTC(2026, 10, 24, 16, 0), now)).toBe('tomorrow'); // 01:00 next day in Tokyo
    expect(london.daysFrom(Date.UTC(2026, 10, 24, 16, 0), now)).toBe('today');
    expect(london.daysFrom(now + 12 * 86_400_000, now)).toBe('in 12 days');
    expect(london.daysFrom(now - 3 * 86_400_000, now)).toBe('3 days ago');
  });
});

describe('the portal format of a screen', () => {
  it("takes the user's locale and the portal's time zone from the extension context", () => {
    expect(
      portalFormat({ user: { locale: 'fr-FR' }, portal: { timezone: 'Europe/Paris' } }, { currency: 'EUR' }),
    ).toEqual({
      locale: 'fr-FR',
      timeZone: 'Europe/Paris',
      currency: 'EUR',
    });
  });

  it('falls back to US English when the user has no locale', () => {
    expect(portalFormat({ user: {}, portal: { timezone: 'UTC' } }, { currency: 'USD' }).locale).toBe('en-US');
  });

  it("prefers the time zone Keystone read from the portal's settings", () => {
    expect(
      portalFormat({ user: {}, portal: { timezone: 'UTC' } }, { currency: 'USD', timeZone: 'Asia/Tokyo' }).timeZone,
    ).toBe('Asia/Tokyo');
  });

  it('shows amounts without a currency symbol when the portal currency is unknown', () => {
    expect(createFormatters({ locale: 'en-US', timeZone: 'UTC', currency: null }).money(1500)).toBe('1,500');
  });
});

describe('calendar dates for date pickers', () => {
  it("shows an instant as the portal's calendar date, months counted from 0", () => {
    expect(toCalendarDate(Date.UTC(2026, 0, 1, 2), 'America/Los_Angeles')).toEqual({ year: 2025, month: 11, date: 31 });
  });

  it('stores a picked date as noon UTC, so it reads as the same date across time zones', () => {
    const stored = fromCalendarDate({ year: 2026, month: 2, date: 15 });
    expect(toCalendarDate(stored, 'Pacific/Honolulu')).toEqual({ year: 2026, month: 2, date: 15 });
    expect(toCalendarDate(stored, 'Asia/Tokyo')).toEqual({ year: 2026, month: 2, date: 15 });
  });
});
