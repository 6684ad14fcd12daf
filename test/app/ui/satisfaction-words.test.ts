import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../../src/app/ui/format.ts';
import { satisfactionCell, satisfactionLine } from '../../../src/app/ui/satisfaction-words.ts';
import type { SatisfactionSummary } from '../../../src/contracts/index.ts';

const london = createFormatters({ locale: 'en-GB', timeZone: 'Europe/London', currency: 'GBP' });

function aSummary(overrides: Partial<SatisfactionSummary> = {}): SatisfactionSummary {
  return {
    kind: 'NPS',
    latestValue: 10,
    latestAt: Date.UTC(2026, 10, 2, 12),
    responses: 4,
    score: 0,
    trend: 150,
    ...overrides,
  };
}

/** The line the quarterly report shows, which knows the latest answer but not who gave it. */
const reportLine = (s: SatisfactionSummary) => satisfactionLine(s, { value: s.latestValue, at: s.latestAt }, london);

describe('the words for client satisfaction', () => {
  it("sets the last half-year against the half-year before, not against the year's score", () => {
    // The half-years scored −50 and 100: the year reads 0, and the change between the halves is 150.
    expect(reportLine(aSummary())).toBe(
      'Net Promoter Score: 0 (from −100 to 100) over the last year (4 answers); the last half-year 150 higher than the half-year before. Latest 10 out of 10 on 2 Nov 2026.',
    );
    expect(satisfactionCell([aSummary({ trend: -20 })], london)).toBe('NPS 0 (from −100 to 100), half-year down 20');
  });

  it('says when the two half-years scored alike', () => {
    expect(reportLine(aSummary({ trend: 0 }))).toContain(
      '0 (from −100 to 100) over the last year (4 answers); the last half-year level with the half-year before.',
    );
  });

  it('reads each figure on its scale, a score below zero with a true minus sign, as the card does', () => {
    expect(reportLine(aSummary({ score: -42.9, trend: -66.7, latestValue: 3 }))).toBe(
      'Net Promoter Score: −42.9 (from −100 to 100) over the last year (4 answers); the last half-year 66.7 lower than the half-year before. Latest 3 out of 10 on 2 Nov 2026.',
    );
    const csat = aSummary({ kind: 'CSAT', score: 1.5, trend: 0.5, latestValue: 2, responses: 1 });
    const ces = aSummary({ kind: 'CES', score: 4, trend: null, latestValue: 6 });
    expect(reportLine(csat)).toBe(
      'Customer satisfaction: 1.5 out of 2 over the last year (1 answer); the last half-year 0.5 higher than the half-year before. Latest 2 out of 2 on 2 Nov 2026.',
    );
    expect(satisfactionCell([aSummary({ score: -42.9, trend: -0.5 }), csat, ces], london)).toBe(
      'NPS −42.9 (from −100 to 100), half-year down 0.5; CSAT 1.5 out of 2, half-year up 0.5; CES 4 out of 7',
    );
  });

  it('shows a figure off its scale bare, never "5 out of 2"', () => {
    // A customer satisfaction survey set up on a five-point scale answers beyond HubSpot's 0–2.
    const fivePoint = aSummary({ kind: 'CSAT', score: 4.5, trend: null, latestValue: 5 });
    expect(reportLine(fivePoint)).toBe(
      'Customer satisfaction: 4.5 over the last year (4 answers). Latest 5 on 2 Nov 2026.',
    );
    expect(satisfactionCell([fivePoint], london)).toBe('CSAT 4.5');
  });

  it('names who gave the latest answer where it is known, as on the card', () => {
    const s = aSummary({ kind: 'CES', score: 6, trend: null, latestValue: 6, responses: 1 });
    expect(satisfactionLine(s, { value: 6, at: s.latestAt, who: 'Ann Lee' }, london)).toBe(
      'Customer effort: 6 out of 7 over the last year (1 answer). Latest 6 out of 7 from Ann Lee on 2 Nov 2026.',
    );
  });
});
