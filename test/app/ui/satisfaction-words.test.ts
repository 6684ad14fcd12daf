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

describe("the portfolio pages' words for client satisfaction", () => {
  it("sets the last half-year against the half-year before, not against the year's score", () => {
    // The half-years scored −50 and 100: the year reads 0, and the change between the halves is 150.
    expect(satisfactionLine(aSummary(), london)).toBe(
      'Net Promoter Score: 0 over the last year (4 answers); the last half-year 150 higher than the half-year before. Latest 10 on 2 Nov 2026.',
    );
    expect(satisfactionCell([aSummary({ trend: -20 })])).toBe('NPS 0, half-year down 20');
  });

  it('says when the two half-years scored alike', () => {
    expect(satisfactionLine(aSummary({ trend: 0 }), london)).toContain(
      '0 over the last year (4 answers); the last half-year level with the half-year before.',
    );
  });
});
