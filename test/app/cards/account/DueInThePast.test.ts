import { describe, expect, it } from 'vitest';
import { isBeforeToday } from '../../../../src/app/cards/account/DueInThePast.tsx';
import { fromCalendarDate } from '../../../../src/app/ui/format.ts';
import { TEST_NOW } from '../../../clock.ts';

// TEST_NOW is Friday 20 Nov 2026, 12:00 UTC.
const picked = (date: number) => fromCalendarDate({ year: 2026, month: 10, date });

describe('a due date already gone', () => {
  it('is a day before today in the portal’s time zone', () => {
    expect(isBeforeToday(picked(19), { now: TEST_NOW, timeZone: 'Europe/London' })).toBe(true);
  });

  it('is not today, even once today’s noon has passed', () => {
    const lateAfternoon = TEST_NOW + 5 * 3_600_000;
    expect(isBeforeToday(picked(20), { now: lateAfternoon, timeZone: 'Europe/London' })).toBe(false);
    expect(isBeforeToday(picked(21), { now: lateAfternoon, timeZone: 'Europe/London' })).toBe(false);
  });

  it('follows the portal’s calendar, not UTC’s: on the evening of 20 Nov in Los Angeles, 20 Nov is today', () => {
    const eveningInLosAngeles = TEST_NOW + 15 * 3_600_000; // 21 Nov 03:00 UTC
    expect(isBeforeToday(picked(20), { now: eveningInLosAngeles, timeZone: 'America/Los_Angeles' })).toBe(false);
    expect(isBeforeToday(picked(20), { now: eveningInLosAngeles, timeZone: 'Europe/London' })).toBe(true);
  });
});
