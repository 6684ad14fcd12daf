import { RECORDED_EVENT_WORDS } from '../../kam/reviews/recorded-event-words.ts';
import { z } from 'zod';
import {
  reviewTriggerSchema as wireTriggerSchema,
  type Review,
  type ReviewTrigger,
  type ReviewsSection,
} from '../../contracts/card-data.ts';
import type { CrmRecord } from '../../crm/records.ts';
import {
  COMPANY_PROPERTY,
  CONTACT_PROPERTY,
  KEY_ACCOUNT_PLAN,
  OBJECTIVE,
  REVIEW,
  REVIEW_OUTCOMES,
} from '../../crm/model/index.ts';
import { fromHubSpotDateTime, readFields } from '../../crm/records.ts';
import type { RelationshipCoverage } from '../../kam/coverage/index.ts';
import {
  changeEventsFromHistory,
  newBuyerRoles,
  openRecordedEvents,
  recordedEventSchema,
  reviewActionSchema,
  reviewSchedule,
  reviewTriggers,
  type PropertyHistory,
  type RecordedEvent,
  type RecordedEventKind,
  type ReviewTrigger as DomainTrigger,
} from '../../kam/reviews/index.ts';
import type { Settings } from '../../kam/settings/index.ts';
import { andList } from '../../kam/shared/and-list.ts';
import { DEPARTED_WORDS, STANCE_LABELS } from '../../kam/shared/labels.ts';
import { REVIEW_CADENCES, STANCES, type ReviewCadence } from '../../kam/shared/index.ts';
import { domainResult } from '../domain-result.ts';
import { KeystoneError } from '../../errors/keystone-error.ts';
import type { RecordWithHistory } from '../readers/hubspot-reads.ts';
import { asDepartureReason, asInstant, asStance, contactName } from '../readers/contact-fields.ts';
import type { PeopleDirectory } from '../readers/people.ts';
import { competitionRevision } from './competition.ts';

// Reviews: when the next calendar review falls due, what changed since the last one (from HubSpot's
// property history), and the reviews logged so far.

/** HubSpot's properties behind the reviews domain's watched properties, with the values it accepts. */
const CONTACT_WATCH = [
  { property: 'leftCompany', hubspot: CONTACT_PROPERTY.leftCompany, values: ['true', 'false'] },
  { property: 'title', hubspot: 'jobtitle', values: null },
  { property: 'stance', hubspot: CONTACT_PROPERTY.stance, values: STANCES },
  { property: 'buyingRoles', hubspot: 'hs_buying_role', values: null },
] as const;
const COMPANY_WATCH = [
  { property: 'parentCompany', hubspot: 'hs_parent_company_id' },
  { property: 'strategy', hubspot: COMPANY_PROPERTY.clientStrategy },
  { property: 'competition', hubspot: COMPANY_PROPERTY.competition },
  { property: 'owner', hubspot: 'hubspot_owner_id' },
  { property: 'team', hubspot: 'hubspot_team_id' },
] as const;

const OBJECT_TYPE = { contact: 'contacts', company: 'companies', objective: 'objectives' } as const;

export function reviewsSection(
  snapshot: ReviewRecords,
  { settings, people, now }: { settings: Settings; people: PeopleDirectory; now: number },
  coverage: RelationshipCoverage,
): ReviewsSection {
  const cadence = accountCadence(snapshot.company.properties[COMPANY_PROPERTY.reviewCadence], settings);
  const history = reviewHistory(snapshot.reviews, people);
  const plan = snapshot.plan === null ? null : readFields(snapshot.plan.properties, KEY_ACCOUNT_PLAN.property);
  // The review cycle runs from when the plan was first saved.
  const planStartedAt =
    snapshot.plan === null
      ? null
      : (fromHubSpotDateTime(snapshot.plan.properties.hs_createdate) ?? fromHubSpotDateTime(plan?.savedAt));
  const companyNames = Object.fromEntries(snapshot.companyNames);
  // Only key accounts are in the review cycle: a former key account keeps its plan and logged reviews,
  // but nothing falls due or is called for.
  const inReviewCycle = snapshot.company.properties[COMPANY_PROPERTY.status] === 'key';
  if (planStartedAt === null || !inReviewCycle)
    return { cadence, inReviewCycle, nextDueAt: null, status: 'not_scheduled', triggered: [], companyNames, history };

  const lastReviewedAt = history[0]?.reviewedAt ?? null;
  const schedule = domainResult(
    reviewSchedule({
      cadence,
      lastReviewedAt,
      planStartedAt,
      overdueAfterDays: settings.reviews.overdueAfterDays,
      now,
    }),
    'review schedule',
  );
  const keyContactIds = [
    ...coverage.keyContacts.map((k) => k.contactId),
    ...coverage.departedKeyContacts.map((d) => d.contactId),
  ];
  return {
    cadence,
    inReviewCycle,
    nextDueAt: schedule.dueAt,
    status: schedule.status === 'due' || schedule.status === 'overdue' ? schedule.status : 'upcoming',
    triggered: openReviewTriggers(snapshot, people, { keyContactIds, lastReviewedAt, planStartedAt }),
    companyNames,
    history,
  };
}

/** The HubSpot properties whose history review triggers read, for batch reads beyond the card's. */
export const WATCHED_HUBSPOT_PROPERTIES = {
  contact: CONTACT_WATCH.map((w) => w.hubspot),
  company: COMPANY_WATCH.map((w) => w.hubspot),
};

/** What review triggers read of one account: its company and contacts with property history, and its current objectives. */
interface TriggerRecords {
  company: RecordWithHistory;
  /** Objective rows of the plan's current revision. */
  objectives: readonly CrmRecord[];
  contacts: readonly RecordWithHistory[];
  /** Names of the companies the account's parent-company history points at (parentCompanyIds), by id. */
  companyNames: ReadonlyMap<string, string>;
}

/** What the card's reviews section reads: the trigger records, the plan (its start opens the cycle) and the logged reviews. */
interface ReviewRecords extends TriggerRecords {
  plan: CrmRecord | null;
  reviews: readonly CrmRecord[];
}

/** Every company the account has had as its parent, now or before: the names a new-parent trigger speaks of. */
export function parentCompanyIds(company: RecordWithHistory): string[] {
  const ids = [
    company.properties.hs_parent_company_id,
    ...(company.history.hs_parent_company_id ?? []).map((e) => e.value),
  ];
  return [...new Set(ids.filter((id): id is string => !!id))];
}

/** The company's own review cadence, or the portal's default when it has none (or one Keystone does not know). */
export function accountCadence(value: string | null | undefined, settings: Settings): ReviewCadence {
  return (REVIEW_CADENCES as readonly string[]).includes(value ?? '')
    ? (value as ReviewCadence)
    : settings.reviews.defaultCadence;
}

/**
 * Reviews and the events that call for them belong to key accounts, as the card offers them: a press on a
 * card that loaded before the company left the programme is refused before anything is written.
 */
export function refuseUnlessKeyAccount(status: string | null | undefined): void {
  if (status !== 'key') throw new KeystoneError('KAM.NOT_A_KEY_ACCOUNT');
}

/**
 * The review triggers no review has answered yet (after the last review, or the plan's start), newest
 * first, as the card shows them; the portfolio home lists them across key accounts too.
 */
export function openReviewTriggers(
  records: TriggerRecords,
  people: PeopleDirectory,
  when: { keyContactIds: string[]; lastReviewedAt: number | null; planStartedAt: number },
): ReviewTrigger[] {
  const events = domainResult(changeEventsFromHistory(watchedHistories(records)), 'changes since the last review');
  const triggers = domainResult(reviewTriggers({ events, ...when }), 'review triggers');
  const recorded = openRecordedEvents(recordedEventsOf(records.company.properties), when).map((e) =>
    recordedEventTrigger(e, records.company.id, people),
  );
  return [...triggers.filter((t) => t.open).map((t) => wireTrigger(t, records, people)), ...recorded].sort(
    (a, b) => b.at - a.at,
  );
}

const recordedEventsSchema = z.array(recordedEventSchema);

/** The events managers recorded on the company (unreadable JSON, typed into HubSpot by hand, reads as none). */
export function recordedEventsOf(properties: Record<string, string | null>): RecordedEvent[] {
  const parsed = recordedEventsSchema.safeParse(safeJson(properties[COMPANY_PROPERTY.recordedEvents] ?? null));
  return parsed.success ? parsed.data : [];
}

function recordedEventSentence(kind: RecordedEventKind, note: string): string {
  const sentence = `${RECORDED_EVENT_WORDS[kind]}: ${note}`;
  return sentence.length <= 500 ? sentence : `${sentence.slice(0, 499)}…`;
}

/**
 * A recorded event as the card shows it among the open triggers, with the manager who recorded it by name
 * when `people` is at hand (the card's read; the function that records it answers without).
 */
export function recordedEventTrigger(event: RecordedEvent, companyId: string, people?: PeopleDirectory): ReviewTrigger {
  return {
    kind: event.kind,
    at: event.at,
    message: recordedEventSentence(event.kind, event.note),
    evidence: {
      objectType: 'companies',
      objectId: companyId,
      property: 'recordedEvent',
      from: null,
      to: event.note,
      ...(people ? { recordedBy: people.byUserId(event.recordedBy) } : {}),
    },
  };
}

/** Property histories of the watched properties, leaving out values the domain would not recognise (typed into HubSpot by hand). */
function watchedHistories(snapshot: TriggerRecords): PropertyHistory[] {
  const histories: PropertyHistory[] = [];
  for (const contact of snapshot.contacts) {
    for (const watch of CONTACT_WATCH) {
      const entries = (contact.history[watch.hubspot] ?? []).filter(
        (e) => watch.values === null || e.value === '' || (watch.values as readonly string[]).includes(e.value),
      );
      if (entries.length > 0)
        histories.push({
          kind: 'contact',
          recordId: contact.id,
          property: watch.property,
          history: entries.map((e) => ({ value: e.value, timestamp: e.at })),
        });
    }
  }
  for (const watch of COMPANY_WATCH) {
    const entries = snapshot.company.history[watch.hubspot] ?? [];
    // The competition is a whole document: its revision is the evidence, so a logged review stays small.
    const value = (raw: string) => (watch.property === 'competition' ? competitionRevision(raw) : raw);
    if (entries.length > 0)
      histories.push({
        kind: 'company',
        recordId: snapshot.company.id,
        property: watch.property,
        history: entries.map((e) => ({ value: value(e.value), timestamp: e.at })),
      });
  }
  // Objective rows are rewritten on every plan save; their carried-over achieved date is the evidence.
  for (const row of snapshot.objectives) {
    const o = readFields(row.properties, OBJECTIVE.property);
    const achievedAt = fromHubSpotDateTime(o.achievedAt);
    if (o.status === 'achieved' && achievedAt !== null && o.objectiveKey) {
      histories.push({
        kind: 'objective',
        recordId: o.objectiveKey,
        property: 'status',
        history: [{ value: 'achieved', timestamp: achievedAt }],
      });
    }
  }
  return histories;
}

function wireTrigger(trigger: DomainTrigger, snapshot: TriggerRecords, people: PeopleDirectory): ReviewTrigger {
  const { evidence } = trigger;
  const leftAt = trigger.kind === 'key_contact_left' ? departureDate(snapshot, evidence.recordId) : null;
  return {
    kind: trigger.kind,
    // A departure is dated the day the contact left, which the manager picks and may be days before it
    // was recorded; when it was recorded stays beside it, as that is what a review answers.
    at: leftAt ?? trigger.at,
    message: triggerMessage(trigger, snapshot, people),
    evidence: {
      objectType: OBJECT_TYPE[evidence.recordKind],
      objectId: evidence.recordId,
      property: evidence.property,
      from: evidence.from,
      to: evidence.to,
      ...(leftAt === null ? {} : { recordedAt: trigger.at }),
    },
  };
}

/** The day a contact left, as the departure standing on them records it; null when it records none. */
function departureDate(snapshot: TriggerRecords, contactId: string): number | null {
  const contact = snapshot.contacts.find((c) => c.id === contactId);
  return contact ? asInstant(contact.properties[CONTACT_PROPERTY.leftAt]) : null;
}

/** A stance in the words the card shows it in ("Supporter"), not as it is stored. */
const stanceLabel = (value: string | null): string => {
  const stance = asStance(value);
  return stance === null ? 'no stance' : STANCE_LABELS[stance];
};

/** A change of stance in words, open or reviewed: "Dan Middleton went from Neutral to Supporter". */
function stanceSentence(who: string, { from, to }: { from: string | null; to: string | null }): string {
  return from === null
    ? `${who} was first recorded as ${stanceLabel(to)}`
    : `${who} went from ${stanceLabel(from)} to ${stanceLabel(to)}`;
}

// The sentences a stance change has been stored in by reviews, older words included ("went from supporter to
// neutral", "is a new protester"): the contact's name is what comes before.
const STORED_STANCE_SENTENCE = /^(.+?) (?:went from .+ to .+|is a new .+|was first recorded as .+)$/s;

/**
 * A reviewed trigger's sentence as open triggers word it: a review stores the sentence of its day, so a
 * stance change stored in older words is worded again from its evidence, with the contact's name it stored.
 */
export function storedTriggerMessage(stored: { message: string }): string {
  const trigger = wireTriggerSchema.safeParse(stored);
  if (!trigger.success) return stored.message;
  const { kind, message, evidence } = trigger.data;
  const who = STORED_STANCE_SENTENCE.exec(message)?.[1];
  return (kind === 'stance_worsened' || kind === 'stance_improved') && who !== undefined
    ? stanceSentence(who, evidence)
    : message;
}

function triggerMessage({ kind, evidence }: DomainTrigger, snapshot: TriggerRecords, people: PeopleDirectory): string {
  const contact = snapshot.contacts.find((c) => c.id === evidence.recordId);
  const who = contact ? contactName(contact.properties, contact.id) : `Contact ${evidence.recordId}`;
  const owner = (id: string | null) => (id === null ? 'nobody' : people.byOwnerId(id)!.name);
  switch (kind) {
    case 'key_contact_left': {
      const reason = contact ? asDepartureReason(contact.properties) : null;
      return `${who} ${reason === null ? 'left the client' : DEPARTED_WORDS[reason]}`;
    }
    case 'key_contact_title_changed':
      return `${who} changed title from ${evidence.from} to ${evidence.to}`;
    case 'new_buyer':
      return `${who} is a new ${andList(newBuyerRoles(evidence.from, evidence.to).map((role) => role.toLowerCase().replaceAll('_', ' ')))}`;
    case 'stance_worsened':
    case 'stance_improved':
      return stanceSentence(who, evidence);
    case 'new_parent_company': {
      const name = evidence.to === null ? undefined : snapshot.companyNames.get(evidence.to);
      return name
        ? `The client has a new parent company: ${name}`
        : `The client has a new parent company (company ${evidence.to})`;
    }
    case 'company_merged':
      return 'The client was merged with another company record';
    case 'client_strategy_changed':
      return "The client's strategy changed";
    case 'competition_changed':
      return `Competitors or our strengths and weaknesses were updated (revision ${evidence.to ?? '?'})`;
    case 'our_owner_changed':
      return `The company owner changed from ${owner(evidence.from)} to ${owner(evidence.to)}`;
    case 'our_team_changed':
      return 'The HubSpot team looking after this company changed';
    case 'objective_achieved': {
      const row = snapshot.objectives
        .map((r) => readFields(r.properties, OBJECTIVE.property))
        .find((o) => o.objectiveKey === evidence.recordId);
      return `Objective achieved: ${row?.title ?? evidence.recordId}`;
    }
    default:
      return recordedEventSentence(kind, evidence.to ?? '');
  }
}

const storedTriggersSchema = z.array(wireTriggerSchema);

const storedActionsSchema = z.array(reviewActionSchema.extend({ taskId: z.string().nullable().default(null) }));
export type StoredReviewAction = z.infer<typeof storedActionsSchema>[number];

/** The actions a review stored, with the tasks made for them; null when it stored none (logged before actions). */
export function storedReviewActions(text: string | null | undefined): StoredReviewAction[] | null {
  if (!text) return null;
  const parsed = storedActionsSchema.safeParse(safeJson(text));
  return parsed.success ? parsed.data : null;
}

function reviewHistory(records: readonly CrmRecord[], people: PeopleDirectory): Review[] {
  return records
    .map((r): Review | null => {
      const f = readFields(r.properties, REVIEW.property);
      const reviewedAt = fromHubSpotDateTime(f.reviewedAt);
      if (reviewedAt === null) return null;
      const triggers = storedTriggersSchema.safeParse(safeJson(f.triggers));
      return {
        reviewId: r.id,
        kind: f.kind === 'triggered' ? 'triggered' : 'calendar',
        reviewedAt,
        reviewedBy: people.byUserId(f.reviewedBy),
        outcomes: (f.outcomes ?? '')
          .split(';')
          .filter((o): o is Review['outcomes'][number] => (REVIEW_OUTCOMES as readonly string[]).includes(o)),
        summary: f.summary ?? '',
        triggers: triggers.success ? triggers.data.map((t) => ({ ...t, message: storedTriggerMessage(t) })) : [],
        actions: (storedReviewActions(f.actions) ?? []).map((a) => ({
          outcome: a.outcome,
          text: a.text,
          owner: people.byOwnerId(a.ownerId),
          dueAt: a.dueAt,
          taskId: a.taskId,
        })),
      };
    })
    .filter((r): r is Review => r !== null)
    .sort((a, b) => b.reviewedAt - a.reviewedAt);
}

function safeJson(text: string | null): unknown {
  try {
    return text ? JSON.parse(text) : [];
  } catch {
    return [];
  }
}
