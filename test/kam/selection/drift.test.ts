import { describe, expect, it } from 'vitest';
import { scorePortfolio, selectionDrift } from '../../../src/kam/selection/index.ts';
import { companyFacts, onlyWeights, selectionSettings } from './factories.ts';

// Only historic purchases count, so score = revenue / 250,000 × 100 (key ≥ 70, candidate ≥ 50).
const settings = selectionSettings({ weights: onlyWeights('historicPurchases') });
const company = (
  companyId: string,
  status: 'none' | 'candidate' | 'key' | 'former',
  revenueLast12Months: number | null,
) => companyFacts({ companyId, status, revenueLast12Months });

describe('selectionDrift', () => {
  const portfolio = [
    company('untagged-80', 'none', 200_000),
    company('former-90', 'former', 225_000),
    company('candidate-75', 'candidate', 187_500),
    company('key-85', 'key', 212_500),
    company('key-55', 'key', 137_500),
    company('key-20', 'key', 50_000),
    company('key-unknown', 'key', null),
    company('candidate-60', 'candidate', 150_000),
  ];
  const drift = selectionDrift(scorePortfolio(portfolio, settings));

  it('lists companies that score as key but are not tagged key, highest score first', () => {
    expect(drift.qualifiesButNotTagged.map((s) => [s.companyId, s.score])).toEqual([
      ['former-90', 90],
      ['untagged-80', 80],
      ['candidate-75', 75],
    ]);
  });

  it('lists key accounts that score below the key threshold, lowest score first', () => {
    expect(drift.taggedButNoLongerQualifies.map((s) => [s.companyId, s.suggestedStatus])).toEqual([
      ['key-20', 'none'],
      ['key-55', 'candidate'],
    ]);
  });

  it('keeps key accounts with too little data apart instead of calling them unqualified', () => {
    expect(drift.taggedWithoutEnoughData).toEqual([
      {
        companyId: 'key-unknown',
        status: 'key',
        score: null,
        completeness: 0,
        enoughData: false,
        suggestedStatus: 'none',
        icpTier: null,
      },
    ]);
  });

  it('leaves agreeing companies out of every list', () => {
    const listed = [
      ...drift.qualifiesButNotTagged,
      ...drift.taggedButNoLongerQualifies,
      ...drift.taggedWithoutEnoughData,
    ].map((s) => s.companyId);
    expect(listed).not.toContain('key-85');
    expect(listed).not.toContain('candidate-60');
  });

  it('finds no drift in an empty portfolio', () => {
    expect(selectionDrift(scorePortfolio([], settings))).toEqual({
      qualifiesButNotTagged: [],
      taggedButNoLongerQualifies: [],
      taggedWithoutEnoughData: [],
    });
  });
});
