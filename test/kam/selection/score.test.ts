import { describe, expect, it } from 'vitest';
import { companyScoreAt, scoreCompany, scorePortfolio, type CriterionScore } from '../../../src/kam/selection/index.ts';
import { companyFacts, onlyWeights, selectionSettings } from './factories.ts';

function criterion(criteria: CriterionScore[], name: CriterionScore['criterion']): CriterionScore {
  const found = criteria.find((c) => c.criterion === name);
  if (!found) throw new Error(`no ${name} in the breakdown`);
  return found;
}

describe('scoreCompany with every criterion known', () => {
  // Default weights 3/2/1/2/1/1/2 (total 12). The factory company:
  //   historic   125,000 / 250,000 = 0.5   × 3 = 1.5   → 12.5 points
  //   potential  300,000 (cap 250,000) = 1 × 2 = 2     → 16.67
  //   wallet     125,000 / 500,000 = 25% → room 0.75 × 1 = 0.75 → 6.25
  //   margin     20% / 40% = 0.5           × 2 = 1     → 8.33
  //   prestige   8 / 10 = 0.8              × 1 = 0.8   → 6.67
  //   referrals  2 / 5 = 0.4               × 1 = 0.4   → 3.33
  //   fit        6 / 10 = 0.6              × 2 = 1.2   → 10
  //   score = 100 × 7.65 / 12 = 63.75 → candidate (50 ≤ s < 70), tier 2 (55 ≤ s < 75)
  const result = scoreCompany(companyFacts(), selectionSettings());

  it('adds the weighted criteria up to the score', () => {
    expect(result.score).toBeCloseTo(63.75, 10);
    expect(result.criteria.reduce((sum, c) => sum + c.contribution, 0)).toBeCloseTo(63.75, 10);
    expect(result.completeness).toBe(1);
    expect(result.missing).toEqual([]);
  });

  it("explains each criterion's value, normalised value, weight and contribution", () => {
    expect(criterion(result.criteria, 'historicPurchases')).toEqual({
      criterion: 'historicPurchases',
      missing: false,
      value: 125_000,
      source: 'closedWonDeals',
      normalised: 0.5,
      weight: 3,
      weightShare: 0.25,
      contribution: 12.5,
    });
    expect(criterion(result.criteria, 'shareOfWallet')).toMatchObject({
      value: 0.25,
      source: 'spendInOurArea',
      normalised: 0.75,
      contribution: expect.closeTo(6.25, 10),
    });
    expect(criterion(result.criteria, 'potentialPurchases')).toMatchObject({
      value: 300_000,
      source: 'potentialEstimate',
      normalised: 1,
    });
    expect(criterion(result.criteria, 'strategicFit').contribution).toBeCloseTo(10, 10);
  });

  it('lists the criteria in the settings order', () => {
    expect(result.criteria.map((c) => c.criterion)).toEqual([
      'historicPurchases',
      'potentialPurchases',
      'shareOfWallet',
      'profitability',
      'prestige',
      'advocacy',
      'strategicFit',
    ]);
  });

  it('suggests candidate and tier 2 for 63.75', () => {
    expect(result.suggestedStatus).toBe('candidate');
    expect(result.icpTier).toBe('tier_2');
    expect(result.enoughData).toBe(true);
  });

  it('is not just size: a small, profitable, prestigious client outscores a big, thin one', () => {
    const big = scoreCompany(
      companyFacts({
        revenueLast12Months: 250_000,
        potentialRevenue: 250_000,
        marginPercent: 2,
        prestige: 1,
        strategicFit: 1,
        referralCount: 0,
        totalSpendInOurArea: 250_000,
      }),
      selectionSettings(),
    );
    const small = scoreCompany(
      companyFacts({
        revenueLast12Months: 60_000,
        potentialRevenue: 120_000,
        marginPercent: 40,
        prestige: 10,
        strategicFit: 10,
        referralCount: 5,
        totalSpendInOurArea: 240_000,
      }),
      selectionSettings(),
    );
    expect(small.score!).toBeGreaterThan(big.score!);
  });
});

describe('scoreCompany with missing data', () => {
  it('lists missing criteria and renormalises the weights over the ones present', () => {
    // Without prestige (1) and fit (2): present weight 9, weighted sum 7.65 − 0.8 − 1.2 = 5.65 → 100 × 5.65 / 9 = 62.78.
    const result = scoreCompany(companyFacts({ prestige: null, strategicFit: null }), selectionSettings());
    expect(result.missing).toEqual(['prestige', 'strategicFit']);
    expect(result.score).toBeCloseTo((100 * 5.65) / 9, 10);
    expect(result.completeness).toBe(0.75);
    expect(criterion(result.criteria, 'prestige')).toEqual({
      criterion: 'prestige',
      missing: true,
      value: null,
      source: null,
      normalised: null,
      weight: 1,
      weightShare: 0,
      contribution: 0,
    });
    expect(criterion(result.criteria, 'historicPurchases').weightShare).toBeCloseTo(3 / 9, 12);
  });

  it('never reads a missing value as 0: a blank rating scores differently from a rating of 0', () => {
    const blank = scoreCompany(companyFacts({ prestige: null }), selectionSettings());
    const zero = scoreCompany(companyFacts({ prestige: 0 }), selectionSettings());
    expect(blank.score!).toBeGreaterThan(zero.score!);
    expect(zero.missing).toEqual([]);
  });

  it("suggests a status from the CRM's own facts before anyone rates the client", () => {
    // Revenue 200,000 (0.8 × 3) and open pipeline 250,000 (1 × 2): completeness 5/12 ≥ 0.4, score 100 × 4.4 / 5 = 88.
    const facts = companyFacts({
      revenueLast12Months: 200_000,
      openPipeline: 250_000,
      potentialRevenue: null,
      totalSpendInOurArea: null,
      marginPercent: null,
      referralCount: null,
      strategicFit: null,
      prestige: null,
    });
    const result = scoreCompany(facts, selectionSettings());
    expect(result.score).toBeCloseTo(88, 10);
    expect(result).toMatchObject({ enoughData: true, suggestedStatus: 'key', icpTier: 'tier_1' });
  });

  it('suggests nothing from ratings alone, however high', () => {
    // Prestige and fit (weights 1 + 2 of 12) known: completeness 0.25, below the default 0.4.
    const facts = companyFacts({
      revenueLast12Months: null,
      openPipeline: null,
      potentialRevenue: null,
      totalSpendInOurArea: null,
      marginPercent: null,
      referralCount: null,
      strategicFit: 10,
      prestige: 10,
    });
    const result = scoreCompany(facts, selectionSettings());
    expect(result.score).toBe(100);
    expect(result.completeness).toBe(0.25);
    expect(result).toMatchObject({ enoughData: false, suggestedStatus: 'none', icpTier: null });
  });

  it('suggests nothing when too little of the weight is known, however high the score', () => {
    // Only prestige (weight 1 of 12) known: completeness 1/12, below the default 0.4.
    const facts = companyFacts({
      revenueLast12Months: null,
      openPipeline: null,
      potentialRevenue: null,
      totalSpendInOurArea: null,
      marginPercent: null,
      referralCount: null,
      strategicFit: null,
      prestige: 10,
    });
    const result = scoreCompany(facts, selectionSettings());
    expect(result.score).toBe(100);
    expect(result.completeness).toBeCloseTo(1 / 12, 12);
    expect(result).toMatchObject({ enoughData: false, suggestedStatus: 'none', icpTier: null });
  });

  it('gives no score at all when nothing weighted is known', () => {
    const facts = companyFacts({
      revenueLast12Months: null,
      openPipeline: null,
      potentialRevenue: null,
      totalSpendInOurArea: null,
      marginPercent: null,
      referralCount: null,
      strategicFit: null,
      prestige: null,
    });
    const result = scoreCompany(facts, selectionSettings());
    expect(result).toMatchObject({
      score: null,
      completeness: 0,
      enoughData: false,
      suggestedStatus: 'none',
      icpTier: null,
    });
    expect(result.missing).toHaveLength(7);
  });

  it('does not ask for criteria the admin switched off', () => {
    const result = scoreCompany(companyFacts({ prestige: null }), selectionSettings({ weights: { prestige: 0 } }));
    expect(result.missing).toEqual([]);
    expect(result.completeness).toBe(1);
  });

  it('gives no score when only switched-off criteria are known', () => {
    const facts = companyFacts({
      revenueLast12Months: null,
      openPipeline: null,
      potentialRevenue: null,
      totalSpendInOurArea: null,
      marginPercent: null,
      referralCount: null,
      strategicFit: null,
    });
    const result = scoreCompany(facts, selectionSettings({ weights: onlyWeights('strategicFit') }));
    expect(result.score).toBeNull();
    expect(criterion(result.criteria, 'prestige')).toMatchObject({
      missing: false,
      value: 8,
      weightShare: 0,
      contribution: 0,
    });
  });
});

describe('where criteria come from', () => {
  it('takes potential from the open pipeline when the team has not estimated it', () => {
    const result = scoreCompany(companyFacts({ potentialRevenue: null, openPipeline: 50_000 }), selectionSettings());
    expect(criterion(result.criteria, 'potentialPurchases')).toMatchObject({
      value: 50_000,
      source: 'openPipeline',
      normalised: 0.2,
    });
  });

  it("estimates the client's spend in our area from its annual revenue only when the admin set a percent", () => {
    const facts = companyFacts({ totalSpendInOurArea: null, annualRevenue: 10_000_000, revenueLast12Months: 50_000 });
    expect(scoreCompany(facts, selectionSettings()).missing).toEqual(['shareOfWallet']);
    // 2% of 10,000,000 = 200,000 spend; 50,000 / 200,000 = 25% share → 75% room.
    const estimated = scoreCompany(facts, selectionSettings({ spendInOurAreaPercentOfAnnualRevenue: 2 }));
    expect(criterion(estimated.criteria, 'shareOfWallet')).toMatchObject({
      value: 0.25,
      source: 'annualRevenueEstimate',
      normalised: 0.75,
    });
  });

  it('prefers the recorded spend over the annual revenue estimate', () => {
    const result = scoreCompany(companyFacts(), selectionSettings({ spendInOurAreaPercentOfAnnualRevenue: 2 }));
    expect(criterion(result.criteria, 'shareOfWallet').source).toBe('spendInOurArea');
  });

  it('treats a recorded spend of 0 as unknown rather than dividing by it', () => {
    expect(scoreCompany(companyFacts({ totalSpendInOurArea: 0 }), selectionSettings()).missing).toEqual([
      'shareOfWallet',
    ]);
  });

  it('gives no room to grow when we already have the whole wallet or more', () => {
    const result = scoreCompany(
      companyFacts({ revenueLast12Months: 600_000, totalSpendInOurArea: 500_000 }),
      selectionSettings(),
    );
    expect(criterion(result.criteria, 'shareOfWallet')).toMatchObject({ value: 1.2, normalised: 0 });
  });

  it('scores a loss-making client 0 on profitability and shows the negative margin', () => {
    const result = scoreCompany(companyFacts({ marginPercent: -10 }), selectionSettings());
    expect(criterion(result.criteria, 'profitability')).toMatchObject({ value: -10, normalised: 0, contribution: 0 });
  });

  it('caps each criterion at its full-score level', () => {
    const result = scoreCompany(
      companyFacts({ revenueLast12Months: 1_000_000, referralCount: 40 }),
      selectionSettings(),
    );
    expect(criterion(result.criteria, 'historicPurchases').normalised).toBe(1);
    expect(criterion(result.criteria, 'advocacy').normalised).toBe(1);
  });
});

describe('suggested status and ICP tier', () => {
  const onlyHistoric = (revenue: number, selection: Record<string, unknown> = {}) =>
    scoreCompany(
      companyFacts({ revenueLast12Months: revenue }),
      selectionSettings({ weights: onlyWeights('historicPurchases'), ...selection }),
    );

  it('suggests key at exactly the key threshold, despite floating-point rounding', () => {
    // (150,000 / 250,000 + 28% / 40% + 8 / 10) / 3 = (0.6 + 0.7 + 0.8) / 3 = 0.7 → 70, which floating point makes 69.99999999999999.
    const facts = companyFacts({ revenueLast12Months: 150_000, marginPercent: 28, prestige: 8 });
    const result = scoreCompany(
      facts,
      selectionSettings({ weights: onlyWeights('historicPurchases', 'prestige', 'profitability') }),
    );
    expect(result.score).toBeLessThan(70);
    expect(result.score).toBeCloseTo(70, 10);
    expect(result.suggestedStatus).toBe('key');
    expect(onlyHistoric(174_999).suggestedStatus).toBe('candidate');
  });

  it('walks down the statuses and tiers as the score falls', () => {
    expect(onlyHistoric(200_000)).toMatchObject({ score: 80, suggestedStatus: 'key', icpTier: 'tier_1' });
    expect(onlyHistoric(125_000)).toMatchObject({ score: 50, suggestedStatus: 'candidate', icpTier: 'tier_3' });
    expect(onlyHistoric(100_000)).toMatchObject({ score: 40, suggestedStatus: 'none', icpTier: 'tier_3' });
    expect(onlyHistoric(50_000)).toMatchObject({ score: 20, suggestedStatus: 'none', icpTier: null });
  });

  it('follows the admin thresholds', () => {
    expect(onlyHistoric(100_000, { thresholds: { key: 40, candidate: 30 } }).suggestedStatus).toBe('key');
  });
});

describe('scorePortfolio', () => {
  it('gives every company the same score, status and tier as scoring it alone', () => {
    const settings = selectionSettings({ spendInOurAreaPercentOfAnnualRevenue: 1 });
    const portfolio = [
      companyFacts({ companyId: '1' }),
      companyFacts({ companyId: '2', prestige: null, strategicFit: null, status: 'key' }),
      companyFacts({ companyId: '3', revenueLast12Months: 240_000, potentialRevenue: null, marginPercent: 35 }),
      companyFacts({ companyId: '4', totalSpendInOurArea: null, annualRevenue: 3_000_000 }),
      companyFacts({
        companyId: '5',
        revenueLast12Months: null,
        openPipeline: null,
        potentialRevenue: null,
        marginPercent: null,
        referralCount: null,
      }),
    ];
    const batch = scorePortfolio(portfolio, settings);
    expect(batch.count).toBe(5);
    portfolio.forEach((facts, i) => {
      const { criteria: _criteria, missing: _missing, ...alone } = scoreCompany(facts, settings);
      expect(companyScoreAt(batch, i)).toEqual(alone);
    });
    expect(new Set(batch.suggestedStatuses).size).toBeGreaterThan(1);
    expect(batch.companyIds).toEqual(['1', '2', '3', '4', '5']);
  });

  it('marks a company without any known weighted criterion with NaN in the score column and null when read as a row', () => {
    const unknown = companyFacts({
      revenueLast12Months: null,
      openPipeline: null,
      potentialRevenue: null,
      totalSpendInOurArea: null,
      marginPercent: null,
      referralCount: null,
      strategicFit: null,
      prestige: null,
    });
    const batch = scorePortfolio([unknown], selectionSettings());
    expect(batch.scores[0]).toBeNaN();
    expect(companyScoreAt(batch, 0).score).toBeNull();
  });

  it('returns nothing for an empty portfolio', () => {
    expect(scorePortfolio([], selectionSettings())).toMatchObject({
      count: 0,
      companyIds: [],
      scores: new Float64Array(0),
    });
  });
});
