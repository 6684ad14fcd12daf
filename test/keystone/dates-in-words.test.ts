import { describe, expect, it } from 'vitest';
import { dayInWords, momentInWords } from '../../src/keystone/dates-in-words.ts';

describe('dayInWords', () => {
  // 20:00 UTC on 6 December is already 7 December in New Zealand.
  const evening = Date.UTC(2026, 11, 6, 20);

  it("says the day as the portal's time zone has it", () => {
    expect(dayInWords(evening, 'Pacific/Auckland')).toBe('7 Dec 2026');
    expect(dayInWords(evening, 'America/New_York')).toBe('6 Dec 2026');
  });

  it('says the UTC day while the zone is unknown, or one the runtime does not know', () => {
    expect(dayInWords(evening, null)).toBe('6 Dec 2026');
    expect(dayInWords(evening, 'Mars/Olympus_Mons')).toBe('6 Dec 2026');
  });
});

describe('momentInWords', () => {
  const evening = Date.UTC(2026, 11, 6, 20, 5);

  it("says the day and the minute as the portal's time zone has them, naming the zone", () => {
    expect(momentInWords(evening, 'Pacific/Auckland')).toBe('7 Dec 2026 at 09:05 GMT+13');
    expect(momentInWords(evening, 'Europe/London')).toBe('6 Dec 2026 at 20:05 GMT');
    expect(momentInWords(Date.UTC(2026, 6, 6, 20, 5), 'Europe/London')).toBe('6 Jul 2026 at 21:05 BST');
  });

  it('says the UTC moment while the zone is unknown, or one the runtime does not know', () => {
    expect(momentInWords(evening, null)).toBe('6 Dec 2026 at 20:05 UTC');
    expect(momentInWords(evening, 'Mars/Olympus_Mons')).toBe('6 Dec 2026 at 20:05 UTC');
  });
});
