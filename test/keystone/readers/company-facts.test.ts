import { describe, expect, it } from 'vitest';
import { COMPANY_PROPERTY } from '../../../src/crm/model/index.ts';
import { scoreCompany } from '../../../src/kam/selection/index.ts';
import { defaultSettings } from '../../../src/kam/settings/index.ts';
import { addMonths } from '../../../src/kam/shared/time.ts';
import { companyFacts, dealAmounts } from '../../../src/keystone/readers/company-facts.ts';

const now = Date.UTC(2026, 10, 1);
const deal = (overrides: Record<string, string | null> = {}) => ({
  amount: '1000',
  dealstage: 'closedwon',
  hs_is_closed_won: 'true',
  hs_is_closed: 'true',
  closedate: new Date(addMonths(now, -1)).toISOString(),
  ...overrides,
});

describe('dealAmounts', () => {
  it('adds up won deals closed in the 12 months before now, and open deals as pipeline', () => {
    const amounts = dealAmounts(
      [
        deal({ amount: '500' }),
        deal({ amount: '700', closedate: new Date(addMonths(now, -13)).toISOString() }),
        deal({ amount: '900', dealstage: 'closedlost', hs_is_closed_won: 'false' }),
        deal({ amount: '300', dealstage: 'contractsent', hs_is_closed_won: 'false', hs_is_closed: 'false' }),
      ],
      now,
    );
    expect(amounts).toEqual({ revenueLast12Months: 500, openPipeline: 300 });
  });

  it('counts revenue as 0, not unknown, when the deals read hold no win in the last 12 months', () => {
    const lostAndOld = [
      deal({ dealstage: 'closedlost', hs_is_closed_won: 'false' }),
      deal({ closedate: new Date(addMonths(now, -13)).toISOString() }),
    ];
    expect(dealAmounts(lostAndOld, now).revenueLast12Months).toBe(0);
    expect(dealAmounts([], now).revenueLast12Months).toBe(0);
  });

  it('leaves pipeline unknown without open deals, as it only stands in for an estimate of potential', () => {
    expect(dealAmounts([deal()], now).openPipeline).toBeNull();
  });
});

describe('companyFacts', () => {
  it('reads the manager ratings and facts Keystone keeps on the company', () => {
    const facts = companyFacts(
      '42',
      { name: 'Acme', annualrevenue: '2000000', [COMPANY_PROPERTY.prestige]: '8', [COMPANY_PROPERTY.status]: 'key' },
      { revenueLast12Months: 1200, openPipeline: null },
    );
    expect(facts).toMatchObject({
      companyId: '42',
      name: 'Acme',
      status: 'key',
      annualRevenue: 2_000_000,
      prestige: 8,
      revenueLast12Months: 1200,
      strategicFit: null,
    });
  });

  it('treats values the selection cannot use as unknown instead of failing the company', () => {
    const facts = companyFacts(
      '42',
      {
        [COMPANY_PROPERTY.prestige]: '15',
        [COMPANY_PROPERTY.status]: 'vip',
        annualrevenue: '-5',
        [COMPANY_PROPERTY.strategicFit]: '6',
      },
      { revenueLast12Months: null, openPipeline: null },
    );
    expect(facts).toMatchObject({ prestige: null, status: 'none', annualRevenue: null, strategicFit: 6 });
  });

  it('scores historic purchases as nothing bought, not as missing, for a company whose deals hold no recent win', () => {
    const facts = companyFacts(
      '42',
      { name: 'Acme' },
      dealAmounts([deal({ dealstage: 'closedlost', hs_is_closed_won: 'false' })], now),
    );
    const historic = scoreCompany(facts, defaultSettings().selection).criteria.find(
      (c) => c.criterion === 'historicPurchases',
    );
    expect(historic).toMatchObject({ missing: false, value: 0, normalised: 0 });
  });
});
