import { describe, expect, it } from 'vitest';
import { quartersAround } from '../../../src/app/pages/report-quarters.ts';

// The quarters the report links to, so a reader can step through a year in either direction.

const named = (quarters: Array<{ fiscalYear: number; quarter: number }>) =>
  quarters.map((q) => `Q${q.quarter} FY${q.fiscalYear}`);

describe('the quarters a report offers', () => {
  it('offers the three before an earlier quarter and the one after it', () => {
    expect(named(quartersAround({ fiscalYear: 2026, quarter: 1, current: false }, 3))).toEqual([
      'Q2 FY2025',
      'Q3 FY2025',
      'Q4 FY2025',
      'Q2 FY2026',
    ]);
  });

  it('offers nothing after the current quarter', () => {
    expect(named(quartersAround({ fiscalYear: 2026, quarter: 4, current: true }, 3))).toEqual([
      'Q1 FY2026',
      'Q2 FY2026',
      'Q3 FY2026',
    ]);
  });
});
