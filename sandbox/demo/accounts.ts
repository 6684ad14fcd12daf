import type { KeyAccountStatus } from '../../src/kam/shared/key-account-status.ts';
import { normalQuantile, type Random } from './random.ts';
import { DAY, YEAR } from './records.ts';

// The portfolio plan: before any record exists, decide for every company what it spends with us,
// how that spend moves, how well we cover it, its key account status and which story it plays.

/** The part a company plays in the demo (see README.md); most play none. */
export type StoryRole =
  | 'clearlyKey'
  | 'shouldBeKey'
  | 'noLongerQualifies'
  | 'singleThreaded'
  | 'singlePersonDependency'
  | 'allyGoneQuiet'
  | 'keyContactLeft'
  | 'newParentCompany'
  | 'acquirer'
  | 'newAccountManager';

/** How our people reach the client: many contacts by several of us, one contact only, one of us only… */
export type Coverage = 'broad' | 'moderate' | 'thin' | 'singleThreaded' | 'singleOwner';
/** When, within the three years, the client's fees came in. */
type Trend = 'steady' | 'growing' | 'declining';

export interface AccountPlan {
  /** Closed-won fees over the three years before `now`; 0 for prospects. */
  fees: number;
  /** Share of companies with smaller fees (1 = our biggest client, 0 = prospects). */
  percentile: number;
  trend: Trend;
  coverage: Coverage;
  /** Nobody has been in touch for months. */
  stale: boolean;
  status: KeyAccountStatus;
  /** When the current status was set, and the one before it if the story needs it. */
  statusSince: number;
  previousStatus?: { status: KeyAccountStatus; since: number };
  story?: StoryRole;
  /** A key account's contacts and activities when the options size key accounts; otherwise they follow its fees like any client's. */
  size?: AccountSize;
}

export interface AccountSize {
  contacts: number;
  activities: number;
}
export interface SizeRange {
  least: number;
  most: number;
}

// Lognormal fees: a sigma of 1.75 gives a top-fifth share of about 80 %; the floor is the smallest engagement we take.
const FEES_MEDIAN = 15_000;
const FEES_SIGMA = 1.75;
const FEES_FLOOR = 1_200;
const PROSPECT_SHARE = 0.08;

export function planPortfolio(
  random: Random,
  companies: number,
  now: number,
  keyAccountSize?: Record<keyof AccountSize, SizeRange>,
): AccountPlan[] {
  const prospects = Math.round(companies * PROSPECT_SHARE);
  const clients = companies - prospects;
  // Stratified quantiles rather than raw draws, so the 80/20 shape holds for every seed; who gets which is random.
  const byRank = random.shuffled(Array.from({ length: companies }, (_, i) => i));
  const plans: AccountPlan[] = new Array(companies);
  byRank.forEach((company, rank) => {
    const isClient = rank < clients;
    const percentile = isClient ? 1 - rank / clients : 0;
    const fees = isClient
      ? Math.round(FEES_FLOOR + FEES_MEDIAN * Math.exp(FEES_SIGMA * normalQuantile(1 - (rank + 0.5) / clients)))
      : 0;
    plans[company] = {
      fees,
      percentile,
      trend: random.weighted([
        ['steady', 6],
        ['growing', 2],
        ['declining', 2],
      ] as const),
      coverage:
        percentile > 0.95
          ? 'broad'
          : percentile > 0.75
            ? random.pick(['moderate', 'broad'] as const)
            : percentile > 0.4
              ? random.pick(['thin', 'moderate'] as const)
              : 'thin',
      stale: random.chance(percentile > 0.6 ? 0.1 : 0.45),
      status: 'none',
      statusSince: now,
    };
  });

  const planAt = (rank: number): AccountPlan => plans[byRank[rank] as number] as AccountPlan;
  const taken = new Set<number>();
  // The first free client rank from `rank` down the fee table, so small portfolios still get every story.
  const take = (rank: number): AccountPlan => {
    let r = Math.min(rank, clients - 1);
    while (taken.has(r)) r += 1;
    taken.add(r);
    return planAt(r);
  };
  // Key accounts were candidates first; the status history shows when they were promoted.
  const keyed = (
    plan: AccountPlan,
    story: StoryRole | undefined,
    coverage: Coverage = 'broad',
    since = now - random.int(400, 1400) * DAY,
  ): void => {
    const previousStatus = { status: 'candidate', since: since - random.int(90, 365) * DAY } as const;
    Object.assign(plan, {
      status: 'key',
      statusSince: since,
      previousStatus,
      coverage,
      stale: false,
      trend: 'steady',
      story,
    });
  };

  keyed(take(0), 'clearlyKey');
  keyed(take(1), 'clearlyKey');
  keyed(take(3), 'clearlyKey');
  for (const rank of [2, 5, 9])
    Object.assign(take(rank), { coverage: 'moderate', stale: false, trend: 'growing', story: 'shouldBeKey' });
  keyed(take(4), 'singlePersonDependency', 'singleOwner');
  keyed(take(6), 'allyGoneQuiet');
  keyed(take(7), 'keyContactLeft');
  keyed(take(8), 'newParentCompany');
  keyed(take(10), 'singleThreaded', 'singleThreaded');
  keyed(take(13), 'singleThreaded', 'singleThreaded');
  keyed(take(11), 'newAccountManager');

  const keyCount = Math.max(14, Math.round(clients * 0.012));
  for (let rank = 0; rank < keyCount; rank += 1) if (!taken.has(rank)) keyed(take(rank), undefined);
  Object.assign(take(keyCount + 4), { coverage: 'singleThreaded', stale: false, story: 'singleThreaded' });
  for (let rank = keyCount; rank < keyCount + 10; rank += 1) {
    if (taken.has(rank)) continue;
    Object.assign(take(rank), {
      status: 'candidate',
      statusSince: now - random.int(30, 300) * DAY,
      coverage: 'moderate',
      stale: false,
    });
  }
  // Tagged key years ago; the fees have since dried up.
  for (const share of [0.55, 0.6]) {
    const plan = take(Math.round(clients * share));
    keyed(plan, 'noLongerQualifies', 'thin', now - random.int(900, 1000) * DAY);
    Object.assign(plan, { trend: 'declining', stale: true });
  }
  for (const share of [0.3, 0.4, 0.45]) {
    const since = now - random.int(150, 400) * DAY;
    Object.assign(take(Math.round(clients * share)), {
      status: 'former',
      statusSince: since,
      coverage: 'thin',
      stale: true,
      trend: 'declining',
      previousStatus: { status: 'key', since: since - random.int(1, 3) * YEAR },
    });
  }
  // The acquirer is a prospect: a large group we have never worked for.
  Object.assign(planAt(clients), { story: 'acquirer', coverage: 'thin', stale: true });
  if (keyAccountSize) sizeKeyAccounts(plans, keyAccountSize);
  return plans;
}

/**
 * A firm's key accounts differ in size as its clients' fees do: a few very large, most far smaller. The
 * n-th largest of K gets `most / n^s` of each, `s` chosen so that the K-th gets `least`. Drawn from no
 * random stream, so sizing leaves the rest of the portal as the same seed makes it.
 */
function sizeKeyAccounts(plans: readonly AccountPlan[], size: Record<keyof AccountSize, SizeRange>): void {
  const keyAccounts = plans.filter((p) => p.status === 'key').sort((a, b) => b.fees - a.fees);
  const spread = ({ least, most }: SizeRange, rank: number): number => {
    const s = keyAccounts.length > 1 ? Math.log(most / least) / Math.log(keyAccounts.length) : 0;
    return Math.max(least, Math.round(most / rank ** s));
  };
  keyAccounts.forEach((plan, i) => {
    plan.size = { contacts: spread(size.contacts, i + 1), activities: spread(size.activities, i + 1) };
  });
}
