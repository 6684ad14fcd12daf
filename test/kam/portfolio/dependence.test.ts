import { describe, expect, it } from 'vitest';
import {
  accountRisks,
  distributionOf,
  parsePortfolio,
  portfolioConcentration,
  relationshipHolding,
  singlePersonDependence,
} from '../../../src/kam/portfolio/index.ts';
import { defaultSettings } from '../../../src/kam/settings/index.ts';
import { account } from './factories.ts';

// Total revenue 860.
const portfolio = [
  account({
    companyId: 'B',
    revenue: 200,
    deals: [
      { dealId: 'b1', amount: 100 },
      { dealId: 'b2', amount: 100 },
    ],
    relationshipOwnerIds: ['o1', 'o2'],
  }),
  account({
    companyId: 'A',
    revenue: 400,
    deals: [
      { dealId: 'a1', amount: 300 },
      { dealId: 'a2', amount: 100 },
    ],
    // o3 is in touch too, but o1 alone holds most of the client's people.
    relationshipOwnerIds: ['o1', 'o3'],
    soleRelationshipOwnerId: 'o1',
  }),
  // A multi-year contract signed for more than a year's revenue.
  account({
    companyId: 'C',
    revenue: 120,
    deals: [{ dealId: 'c1', amount: 200 }],
    relationshipOwnerIds: ['o2'],
    soleRelationshipOwnerId: 'o2',
  }),
  account({ companyId: 'D', revenue: 80 }),
  account({ companyId: 'E', revenue: 60, relationshipOwnerIds: ['o2'], soleRelationshipOwnerId: 'o2' }),
  // Tagged since the last recalculation: nobody knows yet who holds it.
  account({ companyId: 'F', revenue: 0, relationshipOwnerIds: null }),
];

describe('accountRisks', () => {
  const risks = accountRisks(portfolio, 0.5, 860);
  const risk = (id: string) => risks.find((r) => r.companyId === id)!;

  it('lists the revenue at risk per account, largest first, with its share of the portfolio', () => {
    expect(risks.map((r) => [r.companyId, r.revenueAtRisk])).toEqual([
      ['A', 400],
      ['B', 200],
      ['C', 120],
      ['D', 80],
      ['E', 60],
      ['F', 0],
    ]);
    expect(risk('A').shareOfPortfolio).toBeCloseTo(400 / 860, 12);
  });

  it('measures shares against the whole portfolio, of which these accounts may be a part', () => {
    expect(accountRisks(portfolio, 0.5, 4_000)[0]?.shareOfPortfolio).toBe(0.1);
  });

  it('flags an account whose largest deal is more than the warning share of it', () => {
    expect(risk('A').largestDeal).toEqual({ dealId: 'a1', amount: 300, shareOfAccount: 0.75 });
    expect(risk('A').dependsOnOneContract).toBe(true);
  });

  it('does not flag a largest deal exactly at the warning share', () => {
    expect(risk('B').largestDeal?.shareOfAccount).toBe(0.5);
    expect(risk('B').dependsOnOneContract).toBe(false);
  });

  it('never counts a contract as more than the whole account', () => {
    expect(risk('C').largestDeal).toEqual({ dealId: 'c1', amount: 200, shareOfAccount: 1 });
  });

  it('has no largest deal for an account without deals', () => {
    expect(risk('D')).toMatchObject({ largestDeal: null, dependsOnOneContract: false });
  });

  it('flags the accounts one of our people alone holds most of, as the card weighs them, whoever else is in touch', () => {
    expect(risks.filter((r) => r.dependsOnOnePerson).map((r) => r.companyId)).toEqual(['A', 'C', 'E']);
  });

  it('orders equal revenues by company id', () => {
    const tied = accountRisks(
      [account({ companyId: 'z', revenue: 5 }), account({ companyId: 'a', revenue: 5 })],
      0.5,
      10,
    );
    expect(tied.map((r) => r.companyId)).toEqual(['a', 'z']);
  });

  it("gives no portfolio share when nothing earns revenue, or the portfolio's revenue is not known", () => {
    expect(accountRisks([account({ companyId: 'x', revenue: 0 })], 0.5, 0)[0]?.shareOfPortfolio).toBeNull();
    expect(accountRisks([account({ companyId: 'x', revenue: 10 })], 0.5, null)[0]?.shareOfPortfolio).toBeNull();
  });
});

describe('singlePersonDependence', () => {
  const dependence = singlePersonDependence(portfolio, 860);

  it('adds up, per person of ours, the revenue of the accounts only they hold', () => {
    // o1 alone holds A (400); o2 alone holds C (120) and E (60) = 180. B is shared by both.
    expect(dependence.owners.map((o) => [o.ownerId, o.revenue, o.accounts.map((a) => a.companyId)])).toEqual([
      ['o1', 400, ['A']],
      ['o2', 180, ['C', 'E']],
    ]);
    expect(dependence.owners[1]?.shareOfPortfolio).toBeCloseTo(180 / 860, 12);
    expect(dependence.owners[0]?.accounts[0]).toEqual({ companyId: 'A', name: 'Client A', revenue: 400 });
  });

  it('lists the accounts nobody of ours holds, not those whose relationships were not weighed yet', () => {
    expect(dependence.accountsWithoutRelationship.map((a) => a.companyId)).toEqual(['D']);
  });

  it('is empty for an empty portfolio', () => {
    expect(singlePersonDependence([], null)).toEqual({ owners: [], accountsWithoutRelationship: [] });
  });
});

describe('portfolioConcentration', () => {
  // The whole portfolio: the five accounts above (860) and two more clients (100 and nothing): 960.
  const whole = distributionOf([...portfolio.filter((a) => a.revenue > 0).map((a) => a.revenue), 100, 0]);
  const settings = defaultSettings().portfolio;

  it('reads the Pareto picture from the whole portfolio and the risks of the accounts given, as shares of the whole', () => {
    const result = portfolioConcentration(whole, portfolio, settings);
    expect(result.pareto).toMatchObject({ clientCount: 7, totalRevenue: 960 });
    expect(result.accounts).toEqual(accountRisks(portfolio, settings.singleContractShareWarning, 960));
    expect(result.singlePersonDependence).toEqual(singlePersonDependence(portfolio, 960));
  });

  it('adds up the revenue that hangs on one contract and on one person', () => {
    // One contract (> 50% of the account): A 400 + C 120. One person: A 400 + C 120 + E 60.
    const result = portfolioConcentration(whole, portfolio, settings);
    expect(result.revenueDependingOnOneContract).toBe(520);
    expect(result.revenueDependingOnOnePerson).toBe(580);
  });

  it('follows the admin warning share for one-contract dependence', () => {
    expect(
      portfolioConcentration(whole, portfolio, { singleContractShareWarning: 0.8 }).revenueDependingOnOneContract,
    ).toBe(120);
  });

  it('still names the dependence, without shares or a Pareto picture, before the portfolio has a distribution', () => {
    const result = portfolioConcentration(null, portfolio, settings);
    expect(result.pareto).toBeNull();
    expect(result.revenueDependingOnOnePerson).toBe(580);
    expect(result.accounts.every((r) => r.shareOfPortfolio === null)).toBe(true);
  });
});

describe('parsePortfolio', () => {
  it('rejects negative revenue and deal amounts with their paths', () => {
    const parsed = parsePortfolio([
      { companyId: '1', revenue: 10, deals: [{ dealId: 'd', amount: -5 }] },
      { companyId: '2', revenue: -1 },
    ]);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.errors.map((e) => e.path)).toEqual(['0.deals.0.amount', '1.revenue']);
  });

  it('rejects a company listed twice', () => {
    expect(
      parsePortfolio([
        { companyId: '1', revenue: 1 },
        { companyId: '2', revenue: 1 },
        { companyId: '1', revenue: 3 },
      ]),
    ).toEqual({
      success: false,
      errors: [{ path: '2.companyId', message: 'Company 1 appears twice in the portfolio' }],
    });
  });

  it('requires revenue and fills deals and owners with empty lists', () => {
    expect(parsePortfolio([{ companyId: '1' }]).success).toBe(false);
    expect(parsePortfolio([{ companyId: '1', revenue: 0 }])).toEqual({
      success: true,
      data: [
        { companyId: '1', name: '', revenue: 0, deals: [], relationshipOwnerIds: [], soleRelationshipOwnerId: null },
      ],
    });
  });
});

describe('relationshipHolding', () => {
  const breadth = (ourPeople: string[], dependency: string | null) => ({
    breadth: {
      ourPeople: ourPeople.map((ownerId) => ({ ownerId, contactsHeld: 1, soleHolderOf: 1, touches: 1 })),
      keyContactsWithSeveralOfOurPeople: 0,
      singlePersonDependency: dependency === null ? null : { ownerId: dependency, soleHolderOf: 13, share: 1 },
    },
  });

  it('takes the single-person dependency the card warns of, and everyone of ours in touch', () => {
    expect(relationshipHolding(breadth(['o1', 'o3'], 'o1'))).toEqual({
      relationshipOwnerIds: ['o1', 'o3'],
      soleRelationshipOwnerId: 'o1',
    });
    expect(relationshipHolding(breadth(['o1', 'o3'], null)).soleRelationshipOwnerId).toBeNull();
  });
});
