import { describe, expect, it } from 'vitest';
import { selectionDrift, type CompanyScore } from '../../../src/kam/selection/index.ts';

function scored(overrides: Partial<CompanyScore> & Pick<CompanyScore, 'companyId'>): CompanyScore {
  return { status: 'none', score: 40, completeness: 1, enoughData: true, suggestedStatus: 'none', icpTier: null, ...overrides };
}

describe('selectionDrift', () => {
  const portfolio = [
    scored({ companyId: 'untagged-80', score: 80, suggestedStatus: 'key' }),
    scored({ companyId: 'former-90', status: 'former', score: 90, suggestedStatus: 'key' }),
    scored({ companyId: 'candidate-75', status: 'candidate', score: 75, suggestedStatus: 'key' }),
    scored({ companyId: 'key-85', status: 'key', score: 85, suggestedStatus: 'key' }),
    scored({ companyId: 'key-55', status: 'key', score: 55, suggestedStatus: 'candidate' }),
    scored({ companyId: 'key-20', status: 'key', score: 20, suggestedStatus: 'none' }),
    scored({ companyId: 'key-thin', status: 'key', score: 95, completeness: 0.2, enoughData: false }),
    scored({ companyId: 'candidate-60', status: 'candidate', score: 60, suggestedStatus: 'candidate' }),
  ];
  const drift = selectionDrift(portfolio);

  it('lists companies that score as key but are not tagged key, highest score first', () => {
    expect(drift.qualifiesButNotTagged.map((s) => s.companyId)).toEqual(['former-90', 'untagged-80', 'candidate-75']);
  });

  it('lists key accounts that score below the key threshold, lowest score first', () => {
    expect(drift.taggedButNoLongerQualifies.map((s) => s.companyId)).toEqual(['key-20', 'key-55']);
  });

  it('keeps key accounts with too little data apart instead of calling them unqualified', () => {
    expect(drift.taggedWithoutEnoughData.map((s) => s.companyId)).toEqual(['key-thin']);
  });

  it('leaves agreeing companies out of every list', () => {
    const listed = [...drift.qualifiesButNotTagged, ...drift.taggedButNoLongerQualifies, ...drift.taggedWithoutEnoughData].map((s) => s.companyId);
    expect(listed).not.toContain('key-85');
    expect(listed).not.toContain('candidate-60');
  });

  it('finds no drift in an empty portfolio', () => {
    expect(selectionDrift([])).toEqual({ qualifiesButNotTagged: [], taggedButNoLongerQualifies: [], taggedWithoutEnoughData: [] });
  });
});
