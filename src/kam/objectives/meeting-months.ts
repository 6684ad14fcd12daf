import { addMonths, type Instant } from '../shared/index.ts';

// Meetings counted per calendar month (UTC), as recalculation stores them on each key account, so the
// quarterly report can count a plan's meetings without reading every account's activities. A fiscal
// quarter is three whole months, so its count is the sum of its months'.

/** How far back the stored counts reach: the report's quarters of this plan year and the last. */
export const MEETING_MONTHS_KEPT = 24;

export type MeetingMonths = Record<string, number>;

const monthKey = (at: Instant): string => new Date(at).toISOString().slice(0, 7);

/** Meetings per month ("2026-07": 3) over the months kept up to `now`; months without meetings are left out. */
export function meetingMonths(meetingsAt: readonly Instant[], now: Instant): MeetingMonths {
  const from = addMonths(
    Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), 1),
    1 - MEETING_MONTHS_KEPT,
  );
  const months: MeetingMonths = {};
  for (const at of meetingsAt) {
    if (at < from || at > now) continue;
    const key = monthKey(at);
    months[key] = (months[key] ?? 0) + 1;
  }
  return months;
}

/** The stored counts as meetings the plan's grid can count: each month's at its first instant. */
export function meetingsOfMonths(months: MeetingMonths): Instant[] {
  return Object.entries(months).flatMap(([key, count]) => {
    const [year, month] = key.split('-').map(Number);
    if (!year || !month || !Number.isInteger(count) || count < 0) return [];
    return Array.from({ length: count }, () => Date.UTC(year, month - 1, 1));
  });
}
