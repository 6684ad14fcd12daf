import { describe, expect, it } from 'vitest';
import { meetingMonths, meetingsOfMonths } from '../../../src/kam/objectives/index.ts';

const NOW = Date.UTC(2026, 10, 20, 12);

describe('meetings stored per month for the quarterly report', () => {
  it('counts meetings per calendar month over the two years up to now, and none later or earlier', () => {
    const months = meetingMonths(
      [
        Date.UTC(2026, 10, 17),
        Date.UTC(2026, 10, 10),
        Date.UTC(2026, 6, 23),
        Date.UTC(2024, 11, 31), // 23 months back: kept
        Date.UTC(2024, 10, 30), // 24 months back: dropped
        NOW + 1, // not yet happened
      ],
      NOW,
    );
    expect(months).toEqual({ '2026-11': 2, '2026-07': 1, '2024-12': 1 });
  });

  it('gives each month its meetings back at its first instant, so whole quarters count them exactly', () => {
    expect(meetingsOfMonths({ '2026-07': 2, '2026-09': 1 })).toEqual([
      Date.UTC(2026, 6, 1),
      Date.UTC(2026, 6, 1),
      Date.UTC(2026, 8, 1),
    ]);
    expect(meetingsOfMonths({ nonsense: 3, '2026-07': -1 })).toEqual([]);
  });
});
