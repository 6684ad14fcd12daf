import type {
  CardData,
  CompetitionSection,
  CoverageWarning,
  KeyAccountSection,
  KeyContact,
  Objective,
  Permissions,
  PlanSection,
  RelationshipsSection,
  TargetRow,
} from '../../contracts/card-data.ts';
import type { CrmRecord } from '../../crm/records.ts';
import { COMPANY_PROPERTY, KEY_ACCOUNT_PLAN, OBJECTIVE } from '../../crm/model/index.ts';
import { fromHubSpotDateTime, fromHubSpotNumber, readFields } from '../../crm/records.ts';
import { watchReasons, type CoverageContact, type RelationshipCoverage } from '../../kam/coverage/index.ts';
import { NO_COMPETITION } from '../../kam/competition/index.ts';
import {
  QUARTERS,
  fillDerivedActuals,
  investmentAgainstBenefit,
  metricProgress,
  quarterBounds,
  type MetricTarget,
} from '../../kam/objectives/index.ts';
import {
  SELECTION_CRITERIA,
  SELECTION_CRITERION_LABELS,
  scoreCompany,
  statusHistory,
  type SelectionCriterion,
} from '../../kam/selection/index.ts';
import type { Settings } from '../../kam/settings/index.ts';
import { icpTierSchema } from '../../kam/shared/index.ts';
import { DEPARTED_WORDS } from '../../kam/shared/labels.ts';
import { domainResult } from '../domain-result.ts';
import type { Client } from '@hubspot/api-client';
import type { ObjectTypeResolver } from '../../crm/object-types.ts';
import { identityAmong, withBootstrapRoles } from '../access/index.ts';
import { KeystoneError } from '../../errors/keystone-error.ts';
import { PLAN_STANCES, readAccount, type AccountReads, type AccountSnapshot } from './account-reader.ts';
import type { CardBase, CardSection } from '../../contracts/card-section.ts';
import type { CardSectionName } from '../../contracts/card-sections.ts';
import { statusAuditOf } from './status-audit.ts';
import { companyFacts, dealAmounts } from '../readers/company-facts.ts';
import { asDepartureReason, contactName, stanceHistoryOf } from '../readers/contact-fields.ts';
import { accountCoverage, coverageInput } from './relationships.ts';
import { storedCompetition } from './competition.ts';
import { peopleDirectory, type PeopleDirectory } from '../readers/people.ts';
import { accountFacts, storedMeetings, storedPlanGrid, planYearStart } from './plan-targets.ts';
import { reviewsSection } from './reviews-section.ts';
import { openTabSession, sealTabSession, type TabFacts } from './tab-session.ts';

// Turns what HubSpot holds about one company into the card's sections, through the KAM domain:
// selection scores it, coverage weighs its relationships, objectives fills the grid's derived actuals.

/** Everything the company card shows, for the user the card says is looking. */
export async function cardData(
  client: Client,
  objectTypes: ObjectTypeResolver,
  request: { companyId: string; userId: number; portalId?: number; now: number },
): Promise<CardData> {
  const snapshot = await readAccount(client, objectTypes, request);
  return assembleCardData(snapshot, {
    now: request.now,
    permissions: await permissionsOf(client, snapshot, request.userId),
  });
}

/**
 * What each tab section reads beyond the owners, the company and the settings. Status is the score
 * from the company and its deals (3 calls: the owners come with the settings while the people stored
 * there are fresh); Relationships weighs coverage from every kind of activity, the only section to
 * read them; the plan's derived actuals count won deals, the contacts' stances (read only for a grid
 * with stance rows) and the meetings the last recalculation counted; review triggers read the history
 * of the company and its contacts.
 */
const SECTION_READS: Record<CardSectionName, AccountReads> = {
  status: { deals: true, plan: false, reviews: false, relationships: null },
  relationships: { deals: false, plan: false, reviews: false, relationships: ['meeting', 'call', 'email'] },
  plan: { deals: true, plan: true, reviews: false, relationships: PLAN_STANCES },
  reviews: { deals: false, plan: true, reviews: true, relationships: [] },
};

/** One section of the company card, reading only what it shows. */
export async function cardSection(
  client: Client,
  objectTypes: ObjectTypeResolver,
  request: {
    section: CardSectionName;
    companyId: string;
    userId: number;
    portalId?: number;
    now: number;
    /** What an earlier section of the tab handed the card, and the key it was sealed with. */
    session: { key: Buffer; token?: string | undefined };
  },
): Promise<CardSection> {
  const { section, now, userId, session } = request;
  const known = session.token ? openTabSession(session.key, session.token, { userId, now }) : null;
  const snapshot = await readAccount(client, objectTypes, { ...request, reads: SECTION_READS[section], known });
  const context: SectionContext = { settings: snapshot.settings, people: peopleDirectory(snapshot.owners), now };
  const base = {
    ...cardBase(snapshot, { ...context, permissions: await permissionsOf(client, snapshot, userId) }),
    // A session is sealed once, from a fresh read, and handed back unchanged until it expires: the tab
    // never trusts people and settings older than its lifetime, however many sections it opens.
    session: known && session.token ? session.token : sealTabSession(session.key, tabFactsOf(snapshot, userId, now)),
  };
  if (section === 'status') return { ...base, section, keyAccount: keyAccountSection(snapshot, context) };
  const relationships = relationshipsSection(snapshot, context);
  if (section === 'relationships') return { ...base, section, relationships: relationships.section };
  if (section === 'plan') return { ...base, section, plan: planSection(snapshot, context, relationships.coverage) };
  return { ...base, section, reviews: reviewsSection(snapshot, context, relationships.coverage) };
}

const tabFactsOf = (snapshot: AccountSnapshot, userId: number, issuedAt: number) => ({
  userId,
  issuedAt,
  facts: { owners: snapshot.owners, settings: snapshot.settings, portal: snapshot.portal } satisfies TabFacts,
});

// Read-only unless the user is a manager. The owners list the card reads anyway (or the people stored
// with the settings, used only when they know the user) identifies the user, so no call is spent on
// it; the write functions verify the user again, live, themselves. An id that is not an active user of
// the portal (a deactivated user, an owner id sent as a user id) is refused as every other function
// refuses it, rather than shown the account read-only. While no admin is configured,
// HubSpot's users API says whether the user is a super admin (one call, only then): they may act as the
// functions let them, so a new portal's cards are not read-only for everyone until settings are saved.
async function permissionsOf(client: Client, snapshot: AccountSnapshot, userId: number): Promise<Permissions> {
  const identity = identityAmong(snapshot.owners, userId);
  if (!identity) throw new KeystoneError('KAM.UNKNOWN_USER');
  const caller = await withBootstrapRoles(client, identity, snapshot.settings.access);
  return {
    canEdit: caller.isManager,
    isAdmin: caller.isAdmin,
    readOnlyReason: caller.isManager
      ? null
      : 'Only key account managers can change this. Ask a Keystone admin to add you or your team.',
  };
}

/** What every section is read with: the settings in force, names for the people records point at, and when. */
interface SectionContext {
  settings: Settings;
  people: PeopleDirectory;
  now: number;
}

function assembleCardData(
  snapshot: AccountSnapshot,
  { now, permissions }: { now: number; permissions: Permissions },
): CardData {
  const context: SectionContext = { settings: snapshot.settings, people: peopleDirectory(snapshot.owners), now };
  const relationships = relationshipsSection(snapshot, context);
  return {
    ...cardBase(snapshot, { ...context, permissions }),
    keyAccount: keyAccountSection(snapshot, context),
    relationships: relationships.section,
    plan: planSection(snapshot, context, relationships.coverage),
    reviews: reviewsSection(snapshot, context, relationships.coverage),
  };
}

/** What every section answers beside its own part. */
function cardBase(
  snapshot: AccountSnapshot,
  { people, now, permissions }: SectionContext & { permissions: Permissions },
): CardBase {
  return {
    company: {
      companyId: snapshot.company.id,
      name: snapshot.company.properties.name || `Company ${snapshot.company.id}`,
    },
    portal: snapshot.portal,
    readAt: now,
    permissions,
    owners: people.pickable(),
  };
}

const CRITERION_UNITS: Record<SelectionCriterion, KeyAccountSection['score']['criteria'][number]['unit']> = {
  historicPurchases: 'currency',
  potentialPurchases: 'currency',
  shareOfWallet: 'percent',
  profitability: 'percent',
  prestige: 'rating',
  advocacy: 'count',
  strategicFit: 'rating',
};

/** What the account team fills in to give a missing criterion a value. */
const WHAT_TO_FILL_IN: Record<SelectionCriterion, string> = {
  historicPurchases: 'Closed-won deals with amounts on this company',
  potentialPurchases: '"Potential annual revenue" on the company (or open deals with amounts)',
  shareOfWallet: '"Client\'s total spend in our area" on the company',
  profitability: '"Margin %" on the company',
  prestige: '"Prestige rating" (0–10) on the company',
  advocacy: '"Referrals made" on the company',
  strategicFit: '"Strategic fit rating" (0–10) on the company',
};

function keyAccountSection(snapshot: AccountSnapshot, { settings, people, now }: SectionContext): KeyAccountSection {
  const p = snapshot.company.properties;
  const facts = companyFacts(
    snapshot.company.id,
    p,
    dealAmounts(
      snapshot.deals.map((d) => d.properties),
      now,
    ),
  );
  const score = scoreCompany(facts, settings.selection);
  const totalWeight = SELECTION_CRITERIA.reduce((sum, c) => sum + settings.selection.weights[c], 0);
  const tier = icpTierSchema.safeParse(p.hs_ideal_customer_profile);
  const history = statusHistory(statusAuditOf(snapshot.company)).map(({ changedByUserId, ...change }) => ({
    ...change,
    changedBy: people.byUserId(changedByUserId),
  }));
  // Who set the status and why is the history's newest change: a status a workflow or an import wrote
  // since leaves the reason and author of Keystone's last change in place, which are not this status's.
  const latest = history[0];
  return {
    status: facts.status,
    changedBy: latest?.changedBy ?? null,
    changedAt: latest?.at ?? null,
    reason: latest?.reason ?? null,
    history,
    isTargetAccount: p.hs_is_target_account === 'true',
    tier: tier.success ? tier.data : null,
    clientStrategy: p[COMPANY_PROPERTY.clientStrategy]?.trim() || null,
    score: {
      total: score.score ?? 0,
      completeness: score.completeness,
      enoughData: score.enoughData,
      criteria: score.criteria.map((c) => ({
        criterion: c.criterion,
        label: SELECTION_CRITERION_LABELS[c.criterion],
        value: c.value === null ? null : shownValue(c),
        unit: CRITERION_UNITS[c.criterion],
        weight: totalWeight > 0 ? c.weight / totalWeight : 0,
        contribution: c.contribution,
        missing: c.missing && c.weight > 0 ? WHAT_TO_FILL_IN[c.criterion] : null,
      })),
      suggestedStatus: score.suggestedStatus,
      suggestedTier: score.icpTier,
      thresholds: { candidate: settings.selection.thresholds.candidate, key: settings.selection.thresholds.key },
    },
  };
}

/**
 * The value as the card labels it. Share of wallet is scored on the room left in the client's spend in our
 * area (the part not yet ours), so that is what the card shows under "Room in share of wallet", as a
 * percentage: a client of whose spend we hold 48% shows 52%, and the points follow it.
 */
function shownValue(c: { criterion: SelectionCriterion; value: number; normalised: number }): number {
  return c.criterion === 'shareOfWallet' ? c.normalised * 100 : c.value;
}

function competitionSection(snapshot: AccountSnapshot, { people }: SectionContext): CompetitionSection {
  const stored = storedCompetition(snapshot.company.properties[COMPANY_PROPERTY.competition]);
  if (stored === null || stored === 'unreadable')
    return { ...NO_COMPETITION, revision: 0, savedBy: null, savedAt: null, unreadable: stored === 'unreadable' };
  return {
    ...stored.competition,
    revision: stored.revision,
    savedBy: people.byUserId(stored.savedByUserId),
    savedAt: stored.savedAt,
    unreadable: false,
  };
}

function relationshipsSection(
  snapshot: AccountSnapshot,
  { settings, people, now }: SectionContext,
): { section: RelationshipsSection; coverage: RelationshipCoverage } {
  const input = coverageInput(snapshot);
  const { contacts } = input;
  const coverage = accountCoverage(input, settings, now);
  // Coverage details every contact (current and departed) by the same rules it weighs key contacts with.
  const touches = new Map(coverage.contactTouches.map((t) => [t.contactId, t]));
  const byId = new Map(snapshot.contacts.map((c) => [c.id, c]));
  const ref = (id: string | null) =>
    id === null ? null : { contactId: id, name: byId.has(id) ? contactName(byId.get(id)!.properties, id) : null };
  const departed = new Set(contacts.filter((c) => c.leftCompany).map((c) => c.id));
  // A supervisor who left is still whom the contact reported to, and is said to have left, as coverage warns.
  const supervisorOf = (id: string | null) => (id === null ? null : { ...ref(id)!, left: departed.has(id) });

  const cards = contacts.map((c): KeyContact => {
    const record = byId.get(c.id)!;
    const touch = touches.get(c.id);
    return {
      contactId: c.id,
      name: c.name,
      jobTitle: c.title,
      email: record.properties.email || null,
      watched: touch?.keyContact ?? false,
      watchedBecause: watchReasons(c),
      keyContactLabel: c.taggedKeyContact,
      stance: c.stance,
      stanceHistory: stanceHistoryOf(record),
      jobTitleHistory: (record.history.jobtitle ?? []).map((h) => ({ jobTitle: h.value || null, at: h.at })),
      buyingRoles: c.buyingRoles,
      decisionPower: c.decisionPower,
      decisionTopics: c.decisionTopics,
      reportsTo: supervisorOf(c.reportsTo),
      lastTouchAt: touch?.lastTouchedAt ?? null,
      heldBy: (touch?.ourPeople ?? []).map((ownerId) => ({ person: people.byOwnerId(ownerId)! })),
      departure: c.leftCompany
        ? { leftAt: c.leftAt, replacedBy: ref(c.replacedBy), reason: asDepartureReason(record.properties) }
        : null,
    };
  });
  // Watched contacts first, then the rest, each by name; departed contacts last.
  cards.sort(
    (a, b) =>
      Number(a.departure !== null) - Number(b.departure !== null) ||
      Number(b.watched) - Number(a.watched) ||
      a.name.localeCompare(b.name),
  );

  return {
    coverage,
    section: {
      contacts: cards,
      competition: competitionSection(snapshot, { settings, people, now }),
      coverage: {
        score: coverage.score.value,
        reasons: coverage.score.reasons.map((r) => `${r.reason} (${r.points} of ${r.maxPoints} points)`),
        warnings: coverageWarnings(coverage, contacts, people),
      },
      activities: { logged: snapshot.activitiesLogged, weighed: snapshot.activities.length },
    },
  };
}

/** Warnings before the rest, most worth acting on first; the others keep coverage's order. */
const FIRST_WARNINGS: readonly CoverageWarning['kind'][] = ['departed_key_contacts'];

/**
 * Coverage's warnings in the card's words, the one most worth acting on first: a watched contact who left
 * with nobody recorded in their place, then as coverage ranks them. The card lists them in this order and
 * the sidebar's top risk is the first of them (coverageSummary), so the two never disagree.
 */
export function coverageWarnings(
  coverage: RelationshipCoverage,
  contacts: readonly CoverageContact[],
  people: PeopleDirectory,
): CoverageWarning[] {
  const names = new Map(contacts.map((c) => [c.id, c.name]));
  const list = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? `contact ${id}`).join(', ');
  const days = coverage.staleAfterDays;
  // Each departure in the words of why they left, as the review trigger says it: "Jan Stewer retired; Ann
  // Lee, Bob Ray left the client". Someone who moved to another role there has not left the client.
  const leftReason = new Map(contacts.map((c) => [c.id, c.leftReason]));
  const departedInWords = (ids: readonly string[]) => {
    const byReason = new Map<string, string[]>();
    for (const id of ids) {
      const words = DEPARTED_WORDS[leftReason.get(id) ?? 'left'];
      byReason.set(words, [...(byReason.get(words) ?? []), id]);
    }
    return [...byReason].map(([words, who]) => `${list(who)} ${words}`).join('; ');
  };
  const supervisors = new Map(contacts.map((c) => [c.id, c.reportsTo]));
  // "Ann Lee, Bob Ray reported to Jo Bloggs, who has left; Cy Moe reported to …", one group per supervisor.
  const reportedToWhoLeft = (ids: readonly string[]) => {
    const bySupervisor = new Map<string, string[]>();
    for (const id of ids) {
      const supervisor = supervisors.get(id) ?? '';
      bySupervisor.set(supervisor, [...(bySupervisor.get(supervisor) ?? []), id]);
    }
    return [...bySupervisor]
      .map(([supervisor, reports]) => `${list(reports)} reported to ${list([supervisor])}, who has left`)
      .join('; ');
  };
  // Never touched is not the same as gone quiet: "Nobody of ours has ever been in touch with decision
  // makers Ann Lee, nor with Bob Ray for over 90 days."
  const lastTouch = new Map(coverage.keyContacts.map((k) => [k.contactId, k.lastTouchedAt]));
  const neverTouched = (id: string) => (lastTouch.get(id) ?? null) === null;
  const outOfTouch = (ids: readonly string[], { calling }: { calling: string }) => {
    const never = ids.filter(neverTouched);
    const quiet = ids.filter((id) => !neverTouched(id));
    const overDays = `for over ${days} days`;
    if (never.length === 0) return `No one has been in touch with ${calling}${list(quiet)} ${overDays}`;
    const neverWords = `Nobody of ours has ever been in touch with ${calling}${list(never)}`;
    return quiet.length === 0 ? neverWords : `${neverWords}, nor with ${list(quiet)} ${overDays}`;
  };
  const worded = coverage.warnings.map(({ kind, contactIds, ownerId }): CoverageWarning => {
    const message = {
      out_of_touch: `Nobody at this client has heard from us in the last ${days} days.`,
      single_threaded: `Only ${list(contactIds)} at this client has heard from us in the last ${days} days.`,
      single_person_dependency: `${people.byOwnerId(ownerId)?.name ?? 'One person'} alone holds our relationship with ${list(contactIds)}: introduce a colleague.`,
      uncovered_decision_makers: `${outOfTouch(contactIds, { calling: contactIds.length === 1 ? 'decision maker ' : 'decision makers ' })}.`,
      // An ally nobody of ours has met is to be got to know; one gone quiet may have changed sides.
      stale_allies: `${outOfTouch(contactIds, { calling: '' })}: ${contactIds.every(neverTouched) ? 'who of ours will get to know them?' : 'are they still on our side?'}`,
      departed_key_contacts: `${departedInWords(contactIds)}: who has taken over, and do we know them?`,
      supervisors_left: `${reportedToWhoLeft(contactIds)}: whom do they report to now?`,
      unknown_supervisors: `We do not know whom ${list(contactIds)} ${contactIds.length === 1 ? 'reports' : 'report'} to.`,
    }[kind];
    return { kind, message, contactIds };
  });
  const rank = (w: CoverageWarning) => {
    const first = FIRST_WARNINGS.indexOf(w.kind);
    return first === -1 ? FIRST_WARNINGS.length : first;
  };
  return worded.sort((a, b) => rank(a) - rank(b));
}

function planSection(
  snapshot: AccountSnapshot,
  { settings, people, now }: SectionContext,
  coverage: RelationshipCoverage,
): PlanSection {
  const plan = snapshot.plan === null ? null : readFields(snapshot.plan.properties, KEY_ACCOUNT_PLAN.property);
  const yearStart = planYearStart(plan?.planStart ?? null, settings.fiscalYearStartMonth, now);
  const stored = storedPlanGrid(plan?.quarterlyTargets ?? null);
  const facts = accountFacts(snapshot.contacts, snapshot.deals);
  // Meetings as the last recalculation counted them (it reads every key account's activities for
  // coverage anyway), so the plan reads none: the card says when they were counted.
  const meetings = storedMeetings(snapshot.company);
  const derived = domainResult(
    fillDerivedActuals(
      { businessObjective: plan?.businessObjective || 'Plan', targets: stored.targets },
      { ...facts, stanceCounts: coverage.stanceCounts, ...meetings.facts },
      { now, yearStart },
    ),
    'derived actuals',
  );
  return {
    revision: plan === null ? 0 : (fromHubSpotNumber(plan.revision) ?? 0),
    savedBy: people.byUserId(plan?.savedBy),
    savedAt: fromHubSpotDateTime(plan?.savedAt),
    businessObjective: plan?.businessObjective ?? '',
    team: {
      relationshipPartner: people.byOwnerId(plan?.relationshipPartner),
      accountManager: people.byOwnerId(plan?.accountManager),
      researcher: people.byOwnerId(plan?.researcher),
    },
    objectives: objectivesOf(snapshot.objectives, people),
    quarterlyTargets: {
      fiscalYear: new Date(yearStart).getUTCFullYear(),
      fiscalYearStartMonth: settings.fiscalYearStartMonth,
      quarterStarts: Object.fromEntries(
        QUARTERS.map((q) => [q, quarterBounds(yearStart, q).start]),
      ) as PlanSection['quarterlyTargets']['quarterStarts'],
      rows: derived.plan.targets.flatMap((metric) =>
        metric.unit === 'text' ? [] : [targetRow(metric, yearStart, now)],
      ),
      meetingsCountedAt: meetings.countedAt,
    },
    investment: investmentAgainstBenefit(stored.investment, { wonDeals: facts.wonDeals ?? [], yearStart, now }),
  };
}

function targetRow(metric: Exclude<MetricTarget, { unit: 'text' }>, yearStart: number, now: number): TargetRow {
  return {
    metric: metric.id,
    label: metric.name,
    unit: metric.unit,
    targets: metric.quarters,
    actuals: metric.actuals,
    derived: metric.source !== 'typed',
    measure: metric.measure,
    baseline: metric.baseline,
    scale: metric.unit === 'scale' ? metric.scale : null,
    status: metricProgress(metric, yearStart, now).quarters,
  };
}

function objectivesOf(records: readonly CrmRecord[], people: PeopleDirectory): Objective[] {
  return records
    .map((r) => readFields(r.properties, OBJECTIVE.property))
    .sort((a, b) => (fromHubSpotNumber(a.displayOrder) ?? 0) - (fromHubSpotNumber(b.displayOrder) ?? 0))
    .map((o) => {
      const status = o.status === 'achieved' || o.status === 'dropped' ? o.status : 'open';
      const dueAt = fromHubSpotDateTime(o.dueDate);
      return {
        objectiveKey: o.objectiveKey ?? '',
        title: o.title ?? '',
        measure: o.measure ?? '',
        owner: people.byOwnerId(o.ownerId),
        dueAt,
        status,
        achievedAt: fromHubSpotDateTime(o.achievedAt),
      };
    });
}
