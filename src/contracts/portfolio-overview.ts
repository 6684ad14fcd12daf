import { z } from 'zod';
import type { Competition } from '../kam/competition/index.ts';
import type { MetricTarget, QuarterStatus } from '../kam/objectives/index.ts';
import type { AccountRisk, ParetoAnalysis } from '../kam/portfolio/index.ts';
import type { ReviewActionStatus, ReviewOutcome, ReviewScheduleStatus } from '../kam/reviews/index.ts';
import type { SuggestedStatus } from '../kam/selection/index.ts';
import type { KeyAccountStatus } from '../kam/shared/index.ts';
import type { ReviewTrigger } from './card-data.ts';
import type { SatisfactionSummary } from './client-satisfaction.ts';
import { callerSchema, type Person } from './shared.ts';

// What the portfolio pages read: the parameters of `portfolio_overview` and its answer, the home
// page's figures and the quarterly programme report.

/**
 * `portfolio_overview`: the portfolio home page in one call — the Pareto curve and concentration
 * (top 1/5/10/20% shares, HHI), revenue at risk per key account, single-contract and single-person
 * dependence with names, key accounts and candidates, the drift lists, reviews due and coverage risks.
 * Never lists every company: the Pareto picture (curve, 80% point, top shares within
 * `pareto.shareErrorBound`, exact HHI) comes from the portfolio snapshot the last complete
 * recalculation stored on the settings record, read with the settings (`freshness.snapshot`: when that
 * run started and completed and how many companies it scored; null before the first, and `pareto` then
 * null too), and each key account's revenue at risk is a share of the snapshot's revenue. The programme
 * (key accounts, candidates, drift, reviews, report) comes from a search for the companies tagged or
 * suggested key or candidate, whole whatever the portal's size, with the scores recalculation left on them.
 * `quarter` picks the fiscal quarter of the quarterly programme report (`quarterlyReport`); the current
 * one when null. Its introductions are each key account's contacts whose record was created in the
 * quarter (read for key accounts only, in batches). `reviews.open` lists, per key account, the review
 * triggers no review has answered yet (the account card's, from property history read in batches: key
 * contacts told by their roles, as the "key contact" association label is not read across accounts);
 * the report counts those fired in its quarter among its triggers.
 * Managers only (admins are managers): the app's token sees every company's revenue.
 * Errors: KAM.INVALID_PARAMETERS, KAM.NOT_A_MANAGER, KAM.UNKNOWN_USER, KAM.SETUP_REQUIRED, HubSpot failure codes.
 */
export const portfolioOverviewParametersSchema = callerSchema
  .extend({
    quarter: z
      .object({
        fiscalYear: z
          .number()
          .int('must be a whole year')
          .min(2000, 'must be 2000 or later')
          .max(2100, 'must be 2100 or earlier'),
        quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], 'must be 1, 2, 3 or 4'),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type PortfolioOverviewParameters = z.input<typeof portfolioOverviewParametersSchema>;

/** One company as the programme lists show it, from what recalculation last wrote. */
export interface ProgrammeAccount {
  companyId: string;
  name: string;
  status: KeyAccountStatus;
  suggestedStatus: SuggestedStatus | null;
  score: number | null;
  revenueLast12Months: number | null;
  coverageScore: number | null;
  scoredAt: number | null;
  /**
   * How the client's contacts answered HubSpot's surveys, per kind, as the last recalculation stored it
   * (the card's client_satisfaction reading); null when none is stored: no answers yet, or not read.
   */
  satisfaction: SatisfactionSummary[] | null;
}

interface KeyAccountRisk extends Omit<AccountRisk, 'relationshipOwnerIds'> {
  /**
   * Our people in touch with the client, who alone holds the most first, as the account's card weighs them at the
   * last recalculation; null when its relationships have not been weighed since it became a key account.
   */
  heldBy: Person[] | null;
}

export interface ReviewDue {
  account: ProgrammeAccount;
  status: ReviewScheduleStatus;
  dueAt: number;
  daysUntilDue: number;
  lastReviewedAt: number | null;
}

/** Why a key account's coverage is at risk: no plan, no KAM team, a team of one, or a low coverage score. */
export type CoverageRiskKind = 'no_plan' | 'no_team' | 'one_person_team' | 'low_coverage';

export interface PortfolioOverview {
  readAt: number;
  /** The portal's company currency and time zone, for amounts and dates (null when HubSpot does not say). */
  portal: { currency: string | null; timeZone: string | null };
  freshness: {
    /** The last complete recalculation: its start (revenue is over the 12 months up to it), its end and the companies it scored; null before the first. */
    snapshot: { startedAt: number; completedAt: number; companiesScored: number } | null;
    /** Why the stored snapshot cannot be read, when it cannot (the next complete recalculation replaces it). */
    snapshotUnreadable: string | null;
  };
  concentration: {
    /** The whole portfolio's, from the snapshot (within `shareErrorBound`); null without one. */
    pareto: ParetoAnalysis | null;
    /** Revenue at risk if each key account were lost, largest first, as a share of the snapshot's revenue. */
    keyAccounts: KeyAccountRisk[];
    revenueDependingOnOneContract: number;
    revenueDependingOnOnePerson: number;
    /** Per person of ours: the key-account revenue whose relationship only they hold. */
    onePersonDependence: Array<{
      person: Person;
      revenue: number;
      shareOfPortfolio: number | null;
      accounts: Array<{ companyId: string; name: string; revenue: number }>;
    }>;
    keyAccountsWithoutRelationship: Array<{ companyId: string; name: string; revenue: number }>;
    singleContractShareWarning: number;
  };
  programme: { keyAccounts: ProgrammeAccount[]; candidates: ProgrammeAccount[] };
  drift: {
    qualifiesButNotTagged: ProgrammeAccount[];
    taggedButNoLongerQualifies: ProgrammeAccount[];
    taggedWithoutEnoughData: ProgrammeAccount[];
  };
  reviews: {
    /** Key accounts whose calendar review is overdue, due or due soon, most urgent first. */
    upcoming: ReviewDue[];
    /** Key accounts without a saved plan: their review cycle has not started. */
    notScheduled: ProgrammeAccount[];
    /** Reviews that events triggered (a key contact left, a stance worsened, …) in the last `triggeredWithinDays` days, newest first. */
    triggered: Array<{ account: ProgrammeAccount; reviewedAt: number; triggers: string[] }>;
    triggeredWithinDays: number;
    /** Events since each key account's last review (or its plan's start) that no review has answered yet, newest first. */
    open: Array<{ account: ProgrammeAccount; trigger: ReviewTrigger }>;
  };
  coverageRisks: Array<{ account: ProgrammeAccount; risks: CoverageRiskKind[] }>;
  quarterlyReport: QuarterlyReport;
  /**
   * What the user looking may do. Everyone involved sees the programme; only managers act on it (tag,
   * untag, review), so the pages offer the actions to them alone.
   */
  viewer: { canAct: boolean; readOnlyReason: string | null };
}

export interface FiscalQuarter {
  fiscalYear: number;
  quarter: 1 | 2 | 3 | 4;
}

export interface TargetInQuarter {
  name: string;
  unit: MetricTarget['unit'];
  /** A number, or the target in words for a qualitative row. */
  target: number | string | null;
  actual: number | string | null;
  status: QuarterStatus;
}

/**
 * An action a review in the quarter produced: its words, who does it, when it is due and where its task
 * stands. The date stays an instant so the page shows it as the portal's people read dates.
 */
export interface ReviewActionInReport {
  text: string;
  owner: string;
  dueAt: number;
  status: ReviewActionStatus;
}

/**
 * A review without actions that called for several outcomes: its summary is printed under the first of them,
 * and the others point there rather than print it again.
 */
export interface SummaryUnderAnotherOutcome {
  reviewedAt: number;
  summaryUnder: ReviewOutcome;
}

/**
 * A line under an outcome: a review's action, words alone (an objective achieved, a review's summary), or a
 * pointer to where the same review's summary is printed.
 */
export type OutcomeLine = string | ReviewActionInReport | SummaryUnderAnotherOutcome;

export interface AccountQuarter {
  companyId: string;
  name: string;
  revenueLast12Months: number | null;
  /** Null when the plan has no grid row for this quarter (no plan, or a plan year that does not cover it). */
  targets: TargetInQuarter[] | null;
  /** Set when the stored grid could not be read. */
  targetsUnreadable: string | null;
  /**
   * What the programme spent on the account in the quarter (hours, money in the portal's currency) against
   * the income gained in it (won income less the same quarter a year earlier); null without a plan for it.
   */
  investment: { hours: number | null; money: number | null; incomeGained: number | null } | null;
  /** Names of the client's contacts created in the quarter: new people there we were introduced to. */
  introductions: string[];
  /** Plan updates the quarter's reviews called for, each with its owner, due date and status. */
  planUpdated: OutcomeLine[];
  celebrate: OutcomeLine[];
  escalate: OutcomeLine[];
  exploit: OutcomeLine[];
  triggersFired: string[];
  reviewsDone: number;
  /** A calendar review was overdue at the quarter's end (or now, for the current quarter). */
  reviewMissed: boolean;
  /** Competitors and our strengths and weaknesses as the account team last recorded them; null when never recorded or unreadable. */
  competition: Competition | null;
  /** The client's survey answers as the last recalculation stored them (not as at the quarter's end); null when none. */
  satisfaction: SatisfactionSummary[] | null;
}

export interface ProgrammeTargets {
  total: number;
  /** Met in a quarter that has ended. */
  met: number;
  /** Already meeting its target in a quarter still running: not yet met, since the quarter may still turn. */
  onTrack: number;
  behind: number;
  /** The quarter is still running and the target is not met yet. */
  notYetDue: number;
  withoutActual: number;
  withoutTarget: number;
}

export interface QuarterlyReport {
  quarter: FiscalQuarter & { label: string; start: number; end: number; current: boolean };
  accounts: AccountQuarter[];
  programme: {
    keyAccounts: number;
    /** Every target row of the quarter, each counted once by how it stands: the parts add up to `total`. */
    targets: ProgrammeTargets;
    introductions: number;
    planUpdated: number;
    celebrate: number;
    escalate: number;
    exploit: number;
    triggersFired: number;
    reviewsDone: number;
    reviewsMissed: number;
  };
}
