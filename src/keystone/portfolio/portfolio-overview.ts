import type {
  CoverageRiskKind,
  FiscalQuarter,
  PortfolioOverview,
  ProgrammeAccount,
  ReviewDue,
} from '../../contracts/portfolio-overview.ts';
import type { ReviewTrigger } from '../../contracts/card-data.ts';
import type { CrmRecord } from '../../crm/records.ts';
import { COMPANY_PROPERTY, OBJECTIVE } from '../../crm/model/index.ts';
import { fromHubSpotDateTime, fromHubSpotNumber, readFields } from '../../crm/records.ts';
import { isKeyContact } from '../../kam/coverage/index.ts';
import { portfolioConcentration, type PortfolioAccount } from '../../kam/portfolio/index.ts';
import type { ReviewScheduleStatus } from '../../kam/reviews/index.ts';
import { selectionDrift, type PortfolioScores, type SuggestedStatus } from '../../kam/selection/index.ts';
import type { Settings } from '../../kam/settings/index.ts';
import { DAY_MS, storedKeyAccountStatus } from '../../kam/shared/index.ts';
import { dealAmounts } from '../readers/company-facts.ts';
import type { StoredSnapshot } from '../portfolio-recalculation/portfolio-snapshot.ts';
import { storedHolding } from '../account/coverage-summary.ts';
import { storedSatisfaction } from '../account/satisfaction.ts';
import { coverageContact } from '../readers/contact-fields.ts';
import { peopleDirectory, type PeopleDirectory } from '../readers/people.ts';
import { openReviewTriggers } from '../account/reviews-section.ts';
import type { PortfolioRecords } from './portfolio-reads.ts';
import { quarterlyReport, quarterOf } from './quarterly-report.ts';
import {
  cadenceOf,
  calendarReviewAt,
  kamTeam,
  plansByCompany,
  reviewsByCompany,
  type Plan,
} from './programme-records.ts';

// The portfolio home page's figures: the 80/20 picture of the whole portfolio from the snapshot the last
// complete recalculation stored, and how much the firm depends on a few key accounts, one contract or
// one person, through src/kam/portfolio; the drift lists through src/kam/selection, the review
// schedule through src/kam/reviews. Pure: the same records, snapshot and `now` always give the same overview.

/** A coverage score below this (of 100) counts as a risk. */
const LOW_COVERAGE_SCORE = 50;

/** What the overview's parts read: the records, indexed by company, names for our people, the settings and when. */
interface Programme {
  records: PortfolioRecords;
  companies: Map<string, CrmRecord>;
  plans: Map<string, Plan>;
  people: PeopleDirectory;
  settings: Settings;
  now: number;
}

/** The overview at `now`, with the quarterly report for `quarter` (the current fiscal quarter when null). */
export function portfolioOverview(
  records: PortfolioRecords,
  {
    stored,
    settings,
    now,
    quarter = null,
    canAct = false,
  }: {
    stored: StoredSnapshot;
    settings: Settings;
    now: number;
    quarter?: FiscalQuarter | null;
    /** Whether the user looking is a manager, who acts on the lists (tags, reviews); others read them. */
    canAct?: boolean;
  },
): PortfolioOverview {
  const people = peopleDirectory(records.owners);
  const inProgramme = records.programmeCompanies.map(programmeAccount);
  const byId = new Map(inProgramme.map((a) => [a.companyId, a]));
  const keyAccounts = inProgramme.filter((a) => a.status === 'key').sort(byRevenueThenName);
  const plans = plansByCompany(records.plans);
  const companies = new Map(records.programmeCompanies.map((c) => [c.id, c]));
  const programme: Programme = { records, companies, plans, people, settings, now };
  const reviewState = reviews(keyAccounts, programme);
  // The report counts the triggers still open among those fired in its quarter.
  const openTriggers = new Map<string, PortfolioOverview['reviews']['open']>();
  for (const o of reviewState.open)
    openTriggers.set(o.account.companyId, [...(openTriggers.get(o.account.companyId) ?? []), o]);
  const { snapshot } = stored;

  return {
    readAt: now,
    portal: records.portal,
    freshness: {
      snapshot: snapshot && {
        startedAt: snapshot.startedAt,
        completedAt: snapshot.completedAt,
        companiesScored: snapshot.companiesScored,
      },
      snapshotUnreadable: stored.unreadable,
    },
    concentration: concentration(keyAccounts, stored, programme),
    programme: {
      keyAccounts,
      candidates: inProgramme
        .filter((a) => a.status === 'candidate' || (a.status === 'none' && a.suggestedStatus === 'candidate'))
        .sort(byScoreThenName),
    },
    drift: drift(inProgramme, byId),
    reviews: reviewState,
    coverageRisks: keyAccounts.flatMap((account) => {
      const risks = coverageRisksOf(account, plans.get(account.companyId));
      return risks.length > 0 ? [{ account, risks }] : [];
    }),
    quarterlyReport: quarterlyReport(
      keyAccounts,
      { ...records, companies: records.programmeCompanies, openTriggers, people },
      {
        quarter: quarter ?? quarterOf(now, settings),
        settings,
        now,
      },
    ),
    viewer: {
      canAct,
      readOnlyReason: canAct
        ? null
        : 'You can read the programme. Only key account managers tag accounts and log reviews: ask a Keystone admin to add you or your team.',
    },
  };
}

function programmeAccount(company: CrmRecord): ProgrammeAccount {
  const p = company.properties;
  const suggested = p[COMPANY_PROPERTY.suggestedStatus] ?? '';
  return {
    companyId: company.id,
    name: p.name || `Company ${company.id}`,
    status: storedKeyAccountStatus(p[COMPANY_PROPERTY.status]),
    suggestedStatus: ['none', 'candidate', 'key'].includes(suggested) ? (suggested as SuggestedStatus) : null,
    score: fromHubSpotNumber(p[COMPANY_PROPERTY.score]),
    revenueLast12Months: fromHubSpotNumber(p[COMPANY_PROPERTY.revenueLast12Months]),
    coverageScore: fromHubSpotNumber(p[COMPANY_PROPERTY.coverageScore]),
    scoredAt: fromHubSpotDateTime(p[COMPANY_PROPERTY.scoredAt]),
    satisfaction: storedSatisfaction(p[COMPANY_PROPERTY.satisfaction]),
  };
}

function concentration(
  keyAccounts: readonly ProgrammeAccount[],
  stored: StoredSnapshot,
  programme: Programme,
): PortfolioOverview['concentration'] {
  const { records, companies, people, settings, now } = programme;
  // Deals are read for key accounts only: the dependence figures speak of them, as shares of the whole
  // portfolio's revenue. Who holds each relationship is as recalculation weighed it, the card's way: who
  // of ours is actually in touch with the client's people, not who is named on the plan.
  const portfolio: PortfolioAccount[] = keyAccounts.map((a) => ({
    companyId: a.companyId,
    name: a.name,
    revenue: Math.max(0, a.revenueLast12Months ?? 0),
    deals: (records.keyAccountDeals.get(a.companyId) ?? []).flatMap((d) => {
      // The same 12-month closed-won rule as the stored revenue; a deal outside it adds nothing.
      const amount = dealAmounts([d.properties], now).revenueLast12Months ?? 0;
      return amount > 0 ? [{ dealId: d.id, amount }] : [];
    }),
    ...(storedHolding(companies.get(a.companyId)?.properties ?? {}) ?? {
      relationshipOwnerIds: null,
      soleRelationshipOwnerId: null,
    }),
  }));
  const result = portfolioConcentration(stored.snapshot?.distribution ?? null, portfolio, settings.portfolio);
  const person = (ownerId: string) => people.byOwnerId(ownerId)!;
  return {
    pareto: result.pareto,
    keyAccounts: result.accounts.map(({ relationshipOwnerIds, ...risk }) => ({
      ...risk,
      heldBy: relationshipOwnerIds?.map(person) ?? null,
    })),
    revenueDependingOnOneContract: result.revenueDependingOnOneContract,
    revenueDependingOnOnePerson: result.revenueDependingOnOnePerson,
    onePersonDependence: result.singlePersonDependence.owners.map(({ ownerId, ...rest }) => ({
      person: person(ownerId),
      ...rest,
    })),
    keyAccountsWithoutRelationship: result.singlePersonDependence.accountsWithoutRelationship,
    singleContractShareWarning: settings.portfolio.singleContractShareWarning,
  };
}

// The drift rule is the selection domain's; it reads the scores recalculation stored. A company never
// scored has no suggested status and stays out of both lists.
function drift(accounts: readonly ProgrammeAccount[], byId: Map<string, ProgrammeAccount>): PortfolioOverview['drift'] {
  const scored = accounts.filter((a) => a.suggestedStatus !== null);
  const scores: PortfolioScores = {
    count: scored.length,
    companyIds: scored.map((a) => a.companyId),
    statuses: scored.map((a) => a.status),
    scores: Float64Array.from(scored, (a) => a.score ?? Number.NaN),
    completeness: Float64Array.from(scored, () => Number.NaN),
    enoughData: scored.map((a) => a.score !== null),
    suggestedStatuses: scored.map((a) => a.suggestedStatus!),
    icpTiers: scored.map(() => null),
  };
  const lists = selectionDrift(scores);
  const back = (list: Array<{ companyId: string }>) => list.map((s) => byId.get(s.companyId)!);
  return {
    qualifiesButNotTagged: back(lists.qualifiesButNotTagged),
    taggedButNoLongerQualifies: back(lists.taggedButNoLongerQualifies),
    taggedWithoutEnoughData: back(lists.taggedWithoutEnoughData),
  };
}

/** How far back the home page lists triggered reviews. */
const RECENT_TRIGGER_DAYS = 90;

const URGENCY: Record<ReviewScheduleStatus, number> = { overdue: 0, due: 1, due_soon: 2, not_due: 3 };

function reviews(keyAccounts: readonly ProgrammeAccount[], programme: Programme): PortfolioOverview['reviews'] {
  const { records, companies, plans, settings, now } = programme;
  const logged = reviewsByCompany(records.reviews);
  const upcoming: ReviewDue[] = [];
  const notScheduled: ProgrammeAccount[] = [];
  const triggered: PortfolioOverview['reviews']['triggered'] = [];
  const open: PortfolioOverview['reviews']['open'] = [];
  for (const account of keyAccounts) {
    for (const review of logged.get(account.companyId) ?? []) {
      const recent = review.reviewedAt <= now && now - review.reviewedAt <= RECENT_TRIGGER_DAYS * DAY_MS;
      if (review.kind === 'triggered' && recent)
        triggered.push({ account, reviewedAt: review.reviewedAt, triggers: review.triggers });
    }
    const cadence = cadenceOf(companies.get(account.companyId), settings);
    const reviewed = logged.get(account.companyId) ?? [];
    const schedule = calendarReviewAt(plans.get(account.companyId), {
      cadence,
      reviews: reviewed,
      settings,
      asOf: now,
    });
    if (schedule === null) notScheduled.push(account);
    else if (schedule.status !== 'not_due')
      upcoming.push({
        account,
        status: schedule.status,
        dueAt: schedule.dueAt,
        daysUntilDue: schedule.daysUntilDue,
        lastReviewedAt: schedule.lastReviewedAt,
      });
    if (schedule !== null)
      open.push(...openTriggersOf(account, schedule, programme).map((trigger) => ({ account, trigger })));
  }
  upcoming.sort(
    (a, b) =>
      URGENCY[a.status] - URGENCY[b.status] || a.dueAt - b.dueAt || a.account.name.localeCompare(b.account.name),
  );
  triggered.sort((a, b) => b.reviewedAt - a.reviewedAt || a.account.name.localeCompare(b.account.name));
  open.sort((a, b) => b.trigger.at - a.trigger.at || a.account.name.localeCompare(b.account.name));
  return { upcoming, notScheduled, triggered, triggeredWithinDays: RECENT_TRIGGER_DAYS, open };
}

// The same triggers the account card shows, from the history read in batches. Key contacts are told
// as the card tells them: the "Key contact" association label, or their roles.
function openTriggersOf(
  account: ProgrammeAccount,
  schedule: { lastReviewedAt: number | null; planStartedAt: number },
  programme: Programme,
): ReviewTrigger[] {
  const { records, people } = programme;
  const plan = programme.plans.get(account.companyId)!;
  const company = records.keyAccountHistory.get(account.companyId);
  if (!company) return [];
  const contacts = records.keyAccountContacts.get(account.companyId) ?? [];
  const keyContactIds = contacts.filter((c) => isKeyContact(coverageContact(c))).map((c) => c.id);
  // Only the plan's current revision: every save rewrites the objective rows.
  const objectives = records.objectives.filter((o) => {
    const f = readFields(o.properties, OBJECTIVE.property);
    return f.companyId === account.companyId && fromHubSpotNumber(f.planRevision) === fromHubSpotNumber(plan.revision);
  });
  return openReviewTriggers({ company, contacts, objectives, companyNames: records.companyNames }, people, {
    keyContactIds,
    lastReviewedAt: schedule.lastReviewedAt,
    planStartedAt: schedule.planStartedAt,
  });
}

function coverageRisksOf(account: ProgrammeAccount, plan: Plan | undefined): CoverageRiskKind[] {
  const risks: CoverageRiskKind[] = [];
  if (!plan) risks.push('no_plan');
  const team = kamTeam(plan);
  if (plan && team.length === 0) risks.push('no_team');
  if (team.length === 1) risks.push('one_person_team');
  if (account.coverageScore !== null && account.coverageScore < LOW_COVERAGE_SCORE) risks.push('low_coverage');
  return risks;
}

function byRevenueThenName(a: ProgrammeAccount, b: ProgrammeAccount): number {
  return (b.revenueLast12Months ?? 0) - (a.revenueLast12Months ?? 0) || a.name.localeCompare(b.name);
}

function byScoreThenName(a: ProgrammeAccount, b: ProgrammeAccount): number {
  return (b.score ?? -1) - (a.score ?? -1) || a.name.localeCompare(b.name);
}
