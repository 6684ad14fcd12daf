import { describe, expect, it } from 'vitest';
import { parseCompanyFacts, parsePortfolioFacts } from '../../../src/kam/selection/index.ts';

describe('parseCompanyFacts', () => {
  it('reads fields left out as unknown, not as 0', () => {
    const parsed = parseCompanyFacts({ companyId: '7' });
    expect(parsed).toEqual({
      success: true,
      data: {
        companyId: '7',
        name: '',
        status: 'none',
        revenueLast12Months: null,
        openPipeline: null,
        annualRevenue: null,
        referralCount: null,
        potentialRevenue: null,
        totalSpendInOurArea: null,
        marginPercent: null,
        prestige: null,
        strategicFit: null,
      },
    });
  });

  it('rejects negative revenue, a rating above 10 and fractional referrals, each with its path', () => {
    const parsed = parseCompanyFacts({ companyId: '7', revenueLast12Months: -1, prestige: 11, referralCount: 1.5 });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.errors.map((e) => e.path)).toEqual(['revenueLast12Months', 'referralCount', 'prestige']);
  });

  it('rejects a missing company id and an unknown status', () => {
    const parsed = parseCompanyFacts({ companyId: ' ', status: 'vip' });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.errors.map((e) => e.path)).toEqual(['companyId', 'status']);
  });

  it('rejects a number that is not finite', () => {
    expect(parseCompanyFacts({ companyId: '7', openPipeline: Number.POSITIVE_INFINITY }).success).toBe(false);
  });
});

describe('parsePortfolioFacts', () => {
  it("points at the company's index in the portfolio", () => {
    const parsed = parsePortfolioFacts([{ companyId: '1' }, { companyId: '2', strategicFit: -3 }]);
    expect(parsed).toEqual({ success: false, errors: [{ path: '1.strategicFit', message: expect.any(String) }] });
  });
});
