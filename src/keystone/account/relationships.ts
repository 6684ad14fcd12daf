import type { Client } from '@hubspot/api-client';
import { ASSOCIATION_BATCH_SIZE, BATCH_SIZE, batchReadAssociations } from '../../crm/batch.ts';
import { type CrmProperties } from '../../crm/records.ts';
import { CONTACT_PROPERTY, KEY_CONTACT_LABEL } from '../../crm/model/index.ts';
import {
  ACTIVITY_KINDS,
  relationshipCoverage,
  successorsInPlace,
  type Activity,
  type ActivityKind,
  type CoverageContact,
  type RelationshipCoverage,
} from '../../kam/coverage/index.ts';
import type { Settings } from '../../kam/settings/index.ts';
import { domainResult } from '../domain-result.ts';
import { asInstant, coverageContact } from '../readers/contact-fields.ts';
import {
  batchReadLabelledAssociations,
  batchReadWithHistory,
  recordsPerBatchRead,
  type RecordWithHistory,
} from '../readers/hubspot-reads.ts';
import { WATCHED_HUBSPOT_PROPERTIES } from './reviews-section.ts';

// The relationships of one company (the card) or of many (recalculation's coverage scores): each
// company's contacts with their "Key contact" labels, and the meetings, calls and emails of our people
// with those contacts. Three rounds of batch reads, whatever the number of companies:
//   1. company → contact associations with their labels, 1,000 companies a call;
//   2. the contacts with the history of what review triggers watch, 50 a call (HubSpot's most for a read
//      with history), and contact → meeting, call and email associations, 1,000 contacts a call;
//   3. the meetings, calls and emails, 100 a call.
// Each round sends all its chunks at once: the card's reads are bounded by the one account, and a
// recalculation page by its key accounts and candidates, whose reads recalculation paces (BeforeRound).
export const ALL_AT_ONCE = Number.MAX_SAFE_INTEGER;

/**
 * The most meetings, calls and emails weighed for one account. A large client's logged emails alone can
 * run to tens of thousands; reading them all would take more requests than HubSpot's burst window (190
 * per 10 s) holds and more time than a function has. And the window is the whole firm's: 4,000 take
 * 40 reads, so one person opening a large account's relationships leaves most of it to everyone else
 * (at 10,000, a single card took 100 and more at once, and at the busy hour's peak the users alone met
 * twice the 429s: 262 against 131 in 5 minutes of `npm run bench peak -- --recalculation false`). They
 * are the most recently logged: for the largest account of the benchmark's firm, 30,000 over two years,
 * about the last 97 days, beyond the 90 days after which coverage counts a contact as gone quiet. Each
 * kind gets an equal share of the limit, and what a kind does not use goes to the others, so a flood of
 * logged emails does not crowd out meetings and calls; within a kind, the most recently logged are
 * weighed (HubSpot gives records ids in the order they are created). Recalculation weighs the same, so
 * the coverage score it stores is the one the card shows.
 */
const ACTIVITIES_WEIGHED_PER_ACCOUNT = 4_000;

interface RelationshipReadOptions {
  beforeRound?: BeforeRound;
  /** ACTIVITIES_WEIGHED_PER_ACCOUNT unless given (tests give fewer). */
  mostActivities?: number;
  /**
   * The kinds of activity read, all unless given: the plan's derived actuals count meetings only, and
   * review triggers need none, so those sections leave coverage's expensive reads to Relationships.
   */
  activityKinds?: readonly ActivityKind[];
}

/**
 * Called before each round with the number of requests it is about to send (and before each round of
 * further pages of a long association list): it may wait for room in HubSpot's burst window, or throw to
 * stop the read.
 */
export type BeforeRound = (calls: number) => Promise<void>;

// HubSpot's object type of each kind of activity the coverage domain weighs.
const ACTIVITY_TYPES = { meeting: 'meetings', call: 'calls', email: 'emails' } as const satisfies Record<
  ActivityKind,
  string
>;

const CONTACT_READ = {
  properties: ['firstname', 'lastname', 'email', 'jobtitle', 'hs_buying_role', ...Object.values(CONTACT_PROPERTY)],
  /** Stance history for the card; title changes and departures as review triggers. */
  withHistory: WATCHED_HUBSPOT_PROPERTIES.contact,
};
const ACTIVITY_READ = ['hs_timestamp', 'hubspot_owner_id'];

export type RelationshipContact = RecordWithHistory & { taggedKeyContact: boolean };

/** The company→contact association carries Keystone's "Key contact" label. */
export function taggedKeyContact(associationLabels: readonly string[]): boolean {
  return associationLabels.includes(KEY_CONTACT_LABEL.label);
}

interface ActivityRecord {
  type: ActivityKind;
  id: string;
  ownerId: string | null;
  /** Epoch ms; null when HubSpot holds no usable time. */
  at: number | null;
  /** The company's contacts this activity was with. */
  contactIds: string[];
}

export interface Relationships {
  contacts: RelationshipContact[];
  /** The activities weighed: all logged with the contacts, or the most recently logged when there are more than the limit. */
  activities: ActivityRecord[];
  /** How many meetings, calls and emails are logged with the contacts. */
  activitiesLogged: number;
}

/** The relationships of each company, by company id (every id asked for is in the answer). */
export async function readRelationships(
  client: Client,
  companyIds: readonly string[],
  {
    beforeRound,
    mostActivities = ACTIVITIES_WEIGHED_PER_ACCOUNT,
    activityKinds = ACTIVITY_KINDS,
  }: RelationshipReadOptions = {},
): Promise<Map<string, Relationships>> {
  const round = async (calls: number) => {
    if (beforeRound && calls > 0) await beforeRound(calls);
  };
  // Round 1.
  await round(callsFor(companyIds, ASSOCIATION_BATCH_SIZE));
  const contactLinks = await batchReadLabelledAssociations(client, {
    fromType: 'companies',
    toType: 'contacts',
    ids: companyIds,
    concurrency: ALL_AT_ONCE,
    beforeFurtherPages: round,
  });
  const contactIds = [...new Set([...contactLinks.values()].flat().map((l) => l.toId))];

  // Round 2.
  await round(
    callsFor(contactIds, recordsPerBatchRead(CONTACT_READ.withHistory)) +
      activityKinds.length * callsFor(contactIds, ASSOCIATION_BATCH_SIZE),
  );
  const [contacts, activityLinks] = await Promise.all([
    batchReadWithHistory(client, {
      objectType: 'contacts',
      ids: contactIds,
      ...CONTACT_READ,
      concurrency: ALL_AT_ONCE,
    }),
    Promise.all(
      activityKinds.map(async (type) => ({
        type,
        byContact: await batchReadAssociations(client, {
          fromType: 'contacts',
          toType: ACTIVITY_TYPES[type],
          ids: contactIds,
          concurrency: ALL_AT_ONCE,
          beforeFurtherPages: round,
        }),
      })),
    ),
  ]);

  const contactsById = new Map(contacts.map((c) => [c.id, c]));
  const companies = companyIds.map((companyId) => ({
    companyId,
    contacts: (contactLinks.get(companyId) ?? []).flatMap((link) => {
      const contact = contactsById.get(link.toId);
      return contact ? [{ ...contact, taggedKeyContact: taggedKeyContact(link.labels) }] : [];
    }),
  }));

  // Round 3. Each type's activities are shared out to the companies as they arrive, while the other
  // types' are still on their way.
  const weighed = companies.map((company) => mostRecentlyLogged(company.contacts, activityLinks, mostActivities));
  const activityIds = activityKinds.map((type) => [...new Set(weighed.flatMap((w) => [...w.ids.get(type)!]))]);
  await round(activityIds.reduce((calls, ids) => calls + callsFor(ids, BATCH_SIZE), 0));
  const activities = await Promise.all(
    activityLinks.map(async ({ type, byContact }, t) => {
      const records = await batchReadWithHistory(client, {
        objectType: ACTIVITY_TYPES[type],
        ids: activityIds[t]!,
        properties: ACTIVITY_READ,
        withHistory: [],
        concurrency: ALL_AT_ONCE,
      });
      const byId = new Map(records.map((r) => [r.id, r.properties]));
      return companies.map((company, c) => {
        const weighedOfType = weighed[c]!.ids.get(type)!;
        return activitiesWith(company.contacts, { type, byContact, records: byId, weighed: weighedOfType });
      });
    }),
  );
  return new Map(
    companies.map(({ companyId, contacts: own }, c) => [
      companyId,
      {
        contacts: own,
        activities: activities.flatMap((ofType) => ofType[c] ?? []),
        activitiesLogged: weighed[c]!.logged,
      },
    ]),
  );
}

/**
 * The ids of the activities of each type to weigh for one company: all logged with its contacts, or, when
 * there are more than `most`, each kind's fair share of them, its most recently logged (highest ids).
 */
function mostRecentlyLogged(
  contacts: readonly RelationshipContact[],
  links: ReadonlyArray<{ type: ActivityKind; byContact: Map<string, string[]> }>,
  most: number,
): { ids: Map<ActivityKind, Set<string>>; logged: number } {
  const ofType = links.map(({ type, byContact }) => ({
    type,
    logged: [...new Set(contacts.flatMap((c) => byContact.get(c.id) ?? []))],
  }));
  const logged = ofType.reduce((sum, t) => sum + t.logged.length, 0);
  const ids = new Map(ACTIVITY_KINDS.map((type) => [type, new Set<string>()]));
  // The kinds with fewest first: what they leave of their share goes to the kinds after them.
  let left = Math.min(most, logged);
  [...ofType]
    .sort((a, b) => a.logged.length - b.logged.length)
    .forEach((kind, i, kinds) => {
      const share = Math.min(kind.logged.length, Math.ceil(left / (kinds.length - i)));
      const kept = share === kind.logged.length ? kind.logged : [...kind.logged].sort(newerIdFirst).slice(0, share);
      for (const id of kept) ids.get(kind.type)!.add(id);
      left -= share;
    });
  return { ids, logged };
}

/** HubSpot's ids are decimal numbers without leading zeros: the longer is the larger. */
function newerIdFirst(a: string, b: string): number {
  return b.length - a.length || (a < b ? 1 : a > b ? -1 : 0);
}

/** Requests a batch read of `ids` takes, `perCall` ids a request. */
function callsFor(ids: readonly string[], perCall: number): number {
  return Math.ceil(ids.length / perCall);
}

/** The activities of one type with any of `contacts` that are to be weighed, each naming which of them it was with. */
function activitiesWith(
  contacts: readonly RelationshipContact[],
  of: {
    type: ActivityKind;
    byContact: Map<string, string[]>;
    records: Map<string, CrmProperties>;
    weighed: ReadonlySet<string>;
  },
): ActivityRecord[] {
  const { type, byContact, records, weighed } = of;
  const withContacts = new Map<string, string[]>();
  for (const contact of contacts) {
    for (const activityId of byContact.get(contact.id) ?? []) {
      if (!weighed.has(activityId)) continue;
      const list = withContacts.get(activityId);
      if (list) list.push(contact.id);
      else withContacts.set(activityId, [contact.id]);
    }
  }
  return [...withContacts].flatMap(([id, contactIds]) => {
    const p = records.get(id);
    return p ? [{ type, id, ownerId: p.hubspot_owner_id || null, at: asInstant(p.hs_timestamp), contactIds }] : [];
  });
}

/** What the coverage domain weighs: the contacts as it reads them, and the activities that say who of ours touched them when. */
export function coverageInput(relationships: Relationships): { contacts: CoverageContact[]; activities: Activity[] } {
  return {
    contacts: successorsInPlace(relationships.contacts.map(coverageContact)),
    activities: relationships.activities.flatMap((a) =>
      a.ownerId !== null && a.at !== null
        ? [{ kind: a.type, ownerId: a.ownerId, contactIds: a.contactIds, at: a.at }]
        : [],
    ),
  };
}

/** Relationship coverage as the card shows it and recalculation scores it: the admin's staleness, at `now`. */
export function accountCoverage(
  input: ReturnType<typeof coverageInput>,
  settings: Pick<Settings, 'coverage'>,
  now: number,
): RelationshipCoverage {
  return domainResult(
    relationshipCoverage(input, { now, staleAfterDays: settings.coverage.staleAfterDays }),
    'relationship coverage',
  );
}
