import type { RelationshipCoverage } from '../coverage/coverage.ts';
import type { PortfolioAccount } from './accounts.ts';

// The three ways a firm depends on its clients: on a few of them (revenue at risk), on one contract, on one person.

export interface AccountRisk {
  companyId: string;
  name: string;
  /** What the firm loses if this client goes. */
  revenueAtRisk: number;
  /** That revenue as a share of the portfolio's, 0–1; null when the portfolio has no revenue. */
  shareOfPortfolio: number | null;
  largestDeal: { dealId: string; amount: number; shareOfAccount: number } | null;
  /** The largest deal makes more than the admin's warning share of the account. */
  dependsOnOneContract: boolean;
  /** Null when the account's relationships have not been weighed yet. */
  relationshipOwnerIds: string[] | null;
  /** One of our people alone holds most of the relationship, as the account's card warns. */
  dependsOnOnePerson: boolean;
}

/** Who of ours holds an account's relationships: what the portfolio reads of each key account. */
export interface RelationshipHolding {
  /** Our people in touch with the client within the staleness window, who alone holds the most first. */
  relationshipOwnerIds: string[];
  /** The one who alone holds most of the engaged contacts (the card's single-person dependency), or null. */
  soleRelationshipOwnerId: string | null;
}

/**
 * The holding as relationship coverage weighs it, the same figures the account's card warns from, so the
 * card and the portfolio never disagree on whom an account depends on.
 */
export function relationshipHolding(coverage: Pick<RelationshipCoverage, 'breadth'>): RelationshipHolding {
  const { ourPeople, singlePersonDependency } = coverage.breadth;
  return {
    relationshipOwnerIds: ourPeople.map((p) => p.ownerId),
    soleRelationshipOwnerId: singlePersonDependency?.ownerId ?? null,
  };
}

/**
 * Every account's risks, largest revenue first (ties by company id, so the order is stable). Shares
 * are of `portfolioRevenue`, the whole portfolio's (null when unknown: shares are then null too).
 */
export function accountRisks(
  accounts: readonly PortfolioAccount[],
  singleContractShareWarning: number,
  portfolioRevenue: number | null,
): AccountRisk[] {
  const shareOf = shareOfPortfolio(portfolioRevenue);
  return [...accounts].sort(byRevenueDescending).map((account) => {
    const largestDeal = largestDealOf(account);
    return {
      companyId: account.companyId,
      name: account.name,
      revenueAtRisk: account.revenue,
      shareOfPortfolio: shareOf(account.revenue),
      largestDeal,
      dependsOnOneContract: largestDeal !== null && largestDeal.shareOfAccount > singleContractShareWarning,
      relationshipOwnerIds: account.relationshipOwnerIds,
      dependsOnOnePerson: account.soleRelationshipOwnerId !== null,
    };
  });
}

// Measured against the larger of the account's revenue and its deals' sum, so a contract signed for
// more than a year's revenue never counts as more than the whole account.
function largestDealOf(account: PortfolioAccount): AccountRisk['largestDeal'] {
  if (account.deals.length === 0) return null;
  const largest = account.deals.reduce((a, b) => (b.amount > a.amount ? b : a));
  const whole = Math.max(
    account.revenue,
    account.deals.reduce((sum, d) => sum + d.amount, 0),
  );
  return { dealId: largest.dealId, amount: largest.amount, shareOfAccount: whole > 0 ? largest.amount / whole : 0 };
}

export interface SinglePersonDependence {
  /** Per person of ours: the revenue of the accounts whose relationship they alone hold, largest first. */
  owners: Array<{
    ownerId: string;
    revenue: number;
    shareOfPortfolio: number | null;
    accounts: Array<{ companyId: string; name: string; revenue: number }>;
  }>;
  /** Accounts where nobody of ours holds a relationship at all. */
  accountsWithoutRelationship: Array<{ companyId: string; name: string; revenue: number }>;
}

/** Shares are of `portfolioRevenue`, as in accountRisks. */
export function singlePersonDependence(
  accounts: readonly PortfolioAccount[],
  portfolioRevenue: number | null,
): SinglePersonDependence {
  const shareOf = shareOfPortfolio(portfolioRevenue);
  const byOwner = new Map<string, SinglePersonDependence['owners'][number]>();
  const accountsWithoutRelationship: SinglePersonDependence['accountsWithoutRelationship'] = [];
  for (const account of [...accounts].sort(byRevenueDescending)) {
    const summary = { companyId: account.companyId, name: account.name, revenue: account.revenue };
    if (account.relationshipOwnerIds?.length === 0) accountsWithoutRelationship.push(summary);
    const ownerId = account.soleRelationshipOwnerId;
    if (ownerId === null) continue;
    const entry = byOwner.get(ownerId) ?? { ownerId, revenue: 0, shareOfPortfolio: null, accounts: [] };
    entry.revenue += account.revenue;
    entry.accounts.push(summary);
    byOwner.set(ownerId, entry);
  }
  const owners = [...byOwner.values()]
    .map((o) => ({ ...o, shareOfPortfolio: shareOf(o.revenue) }))
    .sort((a, b) => b.revenue - a.revenue || a.ownerId.localeCompare(b.ownerId));
  return { owners, accountsWithoutRelationship };
}

function shareOfPortfolio(portfolioRevenue: number | null): (revenue: number) => number | null {
  return (revenue) => (portfolioRevenue !== null && portfolioRevenue > 0 ? revenue / portfolioRevenue : null);
}

function byRevenueDescending(a: PortfolioAccount, b: PortfolioAccount): number {
  return b.revenue - a.revenue || a.companyId.localeCompare(b.companyId);
}
