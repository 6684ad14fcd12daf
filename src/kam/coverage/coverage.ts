import {
  DAY_MS,
  STANCES,
  isFriendly,
  isHostile,
  validate,
  type Instant,
  type Stance,
  type Validated,
} from '../shared/index.ts';
import { headsOfOrganisation } from './org-chart.ts';
import { isDecisionMaker, isKeyContact } from './roles.ts';
import {
  coverageInputSchema,
  coverageOptionsSchema,
  type CoverageContact,
  type CoverageInput,
  type CoverageOptions,
} from './schema.ts';
import { coverageScore, type CoverageScore } from './score.ts';

/** One owner holding at least this share of the engaged contacts alone is a single-person dependency ("most"). */
const SINGLE_PERSON_DEPENDENCY_SHARE = 0.5;

interface PeopleAround {
  /** Current contacts on record. */
  known: number;
  /** Of those, how many we touched within the staleness window. */
  inTouch: number;
}

interface KeyContactCoverage {
  contactId: string;
  name: string;
  title: string | null;
  stance: Stance | null;
  decisionMaker: boolean;
  decisionTopics: string[];
  /** Our people (owner IDs) who touched this contact within the window, most touches first. */
  ourPeople: string[];
  lastTouchedAt: Instant | null;
  /** Whole days since the last touch; null when never touched. */
  daysSinceLastTouch: number | null;
  /** Never touched, or not within the last `staleAfterDays` days. */
  stale: boolean;
  org: {
    /**
     * Null when nobody recorded whom this contact reports to. `known` when the supervisor is a current
     * contact; `left` when they have left the client, so whom this one reports to now is not on record.
     */
    supervisor: { contactId: string; known: boolean; left: boolean; inTouch: boolean } | null;
    subordinates: PeopleAround;
    peers: PeopleAround;
  };
}

/** Every contact, current or departed, as activity shows them: for lists beyond the key contacts. */
interface ContactTouch {
  contactId: string;
  keyContact: boolean;
  lastTouchedAt: Instant | null;
  /** Our people who touched this contact within the window, most touches first. */
  ourPeople: string[];
}

interface DepartedKeyContact {
  contactId: string;
  name: string;
  title: string | null;
  leftAt: Instant | null;
  replacedBy: string | null;
  /** The replacement is a current contact we have touched within the window. */
  replacementInTouch: boolean;
}

interface OurPersonOnAccount {
  ownerId: string;
  /** Current contacts this person touched within the window. */
  contactsHeld: number;
  /** Of those, contacts nobody else of ours touched: lost if this person leaves. */
  soleHolderOf: number;
  touches: number;
}

interface StanceCounts extends Record<Stance, number> {
  unknown: number;
  /** Allies and supporters: a plan's "Friends and allies". */
  friendsAndAllies: number;
  /** Protesters and enemies: a plan's "Enemies and protesters". */
  enemiesAndProtesters: number;
}

/** What a card should point out; each names the client contacts it is about. */
export const COVERAGE_WARNINGS = [
  'out_of_touch',
  'single_threaded',
  'single_person_dependency',
  'uncovered_decision_makers',
  'stale_allies',
  'departed_key_contacts',
  'supervisors_left',
  'unknown_supervisors',
] as const;
export type CoverageWarningKind = (typeof COVERAGE_WARNINGS)[number];

interface CoverageWarning {
  kind: CoverageWarningKind;
  contactIds: string[];
  /** The one of our people a single-person dependency is on; null for other warnings. */
  ownerId: string | null;
}

export interface RelationshipCoverage {
  staleAfterDays: number;
  stanceCounts: StanceCounts;
  decisionMakers: { total: number; covered: number; uncoveredContactIds: string[] };
  /** "Who decides on what": each topic key contacts decide or influence, and whether one of them is in touch. */
  decisionTopics: Array<{ topic: string; contactIds: string[]; covered: boolean }>;
  /** Single-threaded: exactly one contact engaged (with none, the client is out of touch). */
  depth: { currentContacts: number; engagedContacts: number; singleThreaded: boolean };
  breadth: {
    ourPeople: OurPersonOnAccount[];
    keyContactsWithSeveralOfOurPeople: number;
    singlePersonDependency: { ownerId: string; soleHolderOf: number; share: number } | null;
  };
  freshness: { staleKeyContactIds: string[]; staleFriendlyContactIds: string[] };
  keyContacts: KeyContactCoverage[];
  departedKeyContacts: DepartedKeyContact[];
  /** Every contact in input order, current and departed. */
  contactTouches: ContactTouch[];
  warnings: CoverageWarning[];
  score: CoverageScore;
}

/**
 * Relationship coverage of one account, both sides: who we know at the client and how well, and
 * how many of our people hold those relationships. Activities after `now` (planned meetings) and
 * activities with contacts not in `contacts` are ignored; departed contacts count only as departed.
 */
export function relationshipCoverage(input: CoverageInput, options: CoverageOptions): Validated<RelationshipCoverage> {
  const parsedOptions = validate(coverageOptionsSchema, options);
  if (!parsedOptions.success) return parsedOptions;
  const parsed = validate(coverageInputSchema, input);
  if (!parsed.success) return parsed;
  return { success: true, data: computeCoverage(parsed.data.contacts, parsed.data.activities, parsedOptions.data) };
}

function computeCoverage(
  contacts: CoverageContact[],
  activities: ReadonlyArray<{ ownerId: string; contactIds: string[]; at: Instant }>,
  { now, staleAfterDays }: CoverageOptions,
): RelationshipCoverage {
  const windowStart = now - staleAfterDays * DAY_MS;
  const byId = new Map(contacts.map((c) => [c.id, c]));

  // One pass over the activities: last touch per contact, and touches per owner within the window.
  const lastTouch = new Map<string, Instant>();
  const ownersInWindow = new Map<string, Map<string, number>>();
  for (const activity of activities) {
    if (activity.at > now) continue;
    for (const contactId of activity.contactIds) {
      if (!byId.has(contactId)) continue;
      const previous = lastTouch.get(contactId);
      if (previous === undefined || activity.at > previous) lastTouch.set(contactId, activity.at);
      if (activity.at < windowStart) continue;
      let owners = ownersInWindow.get(contactId);
      if (!owners) ownersInWindow.set(contactId, (owners = new Map<string, number>()));
      owners.set(activity.ownerId, (owners.get(activity.ownerId) ?? 0) + 1);
    }
  }

  const current = contacts.filter((c) => !c.leftCompany);
  const inTouch = (contactId: string): boolean =>
    ownersInWindow.has(contactId) && byId.get(contactId)?.leftCompany === false;

  const stanceCounts = countStances(current);
  const teams = groupByManager(current, inTouch);
  const ourPeople = ourPeopleOnAccount(current, ownersInWindow);
  const engagedContacts = current.filter((c) => ownersInWindow.has(c.id)).length;

  const keyContacts = current.filter(isKeyContact).map((contact): KeyContactCoverage => {
    const owners = ownersInWindow.get(contact.id);
    const last = lastTouch.get(contact.id) ?? null;
    const team = contact.reportsTo === null ? undefined : teams.get(contact.reportsTo);
    const ownTeam = teams.get(contact.id);
    const peersInTouch = (team?.inTouch ?? 0) - (inTouch(contact.id) ? 1 : 0);
    return {
      contactId: contact.id,
      name: contact.name,
      title: contact.title,
      stance: contact.stance,
      decisionMaker: isDecisionMaker(contact),
      decisionTopics: contact.decisionTopics,
      ourPeople: mostTouchesFirst(owners),
      lastTouchedAt: last,
      daysSinceLastTouch: last === null ? null : Math.floor((now - last) / DAY_MS),
      stale: !owners,
      org: {
        supervisor:
          contact.reportsTo === null
            ? null
            : {
                contactId: contact.reportsTo,
                known: byId.get(contact.reportsTo)?.leftCompany === false,
                left: byId.get(contact.reportsTo)?.leftCompany === true,
                inTouch: inTouch(contact.reportsTo),
              },
        subordinates: { known: ownTeam?.known ?? 0, inTouch: ownTeam?.inTouch ?? 0 },
        peers: { known: team ? team.known - 1 : 0, inTouch: team ? peersInTouch : 0 },
      },
    };
  });

  const decisionMakers = keyContacts.filter((k) => k.decisionMaker);
  const dependency = singlePersonDependency(ourPeople, engagedContacts);
  const departedKeyContacts = contacts
    .filter((c) => c.leftCompany && isKeyContact(c))
    .map(
      (c): DepartedKeyContact => ({
        contactId: c.id,
        name: c.name,
        title: c.title,
        leftAt: c.leftAt,
        replacedBy: c.replacedBy,
        replacementInTouch: c.replacedBy !== null && inTouch(c.replacedBy),
      }),
    );

  const coverage: Omit<RelationshipCoverage, 'score' | 'warnings'> = {
    staleAfterDays,
    stanceCounts,
    decisionMakers: {
      total: decisionMakers.length,
      covered: decisionMakers.filter((k) => !k.stale).length,
      uncoveredContactIds: decisionMakers.filter((k) => k.stale).map((k) => k.contactId),
    },
    decisionTopics: decisionTopicsOf(keyContacts),
    depth: { currentContacts: current.length, engagedContacts, singleThreaded: engagedContacts === 1 },
    breadth: {
      ourPeople,
      keyContactsWithSeveralOfOurPeople: keyContacts.filter((k) => k.ourPeople.length >= 2).length,
      singlePersonDependency: dependency,
    },
    freshness: {
      staleKeyContactIds: keyContacts.filter((k) => k.stale).map((k) => k.contactId),
      staleFriendlyContactIds: keyContacts.filter((k) => k.stale && isFriendly(k.stance)).map((k) => k.contactId),
    },
    keyContacts,
    departedKeyContacts,
    contactTouches: contacts.map((c) => ({
      contactId: c.id,
      keyContact: isKeyContact(c),
      lastTouchedAt: lastTouch.get(c.id) ?? null,
      ourPeople: mostTouchesFirst(ownersInWindow.get(c.id)),
    })),
  };
  const warnings = coverageWarnings(coverage, {
    current,
    ownersInWindow,
    heads: headsOfOrganisation(
      current.filter((c) => c.reportsTo === null),
      (id) => teams.has(id),
    ),
  });
  return { ...coverage, warnings, score: coverageScore(coverage) };
}

function coverageWarnings(
  coverage: Omit<RelationshipCoverage, 'score' | 'warnings'>,
  seen: {
    current: readonly CoverageContact[];
    ownersInWindow: Map<string, Map<string, number>>;
    heads: ReadonlySet<string>;
  },
): CoverageWarning[] {
  const { current, ownersInWindow, heads } = seen;
  const { depth, breadth, decisionMakers, freshness, departedKeyContacts, keyContacts } = coverage;
  const warnings: CoverageWarning[] = [];
  // Nobody engaged is worse than a single thread: nobody at the client hears from us.
  if (depth.engagedContacts === 0) {
    warnings.push({ kind: 'out_of_touch', contactIds: [], ownerId: null });
  }
  if (depth.singleThreaded) {
    warnings.push({
      kind: 'single_threaded',
      contactIds: current.filter((c) => ownersInWindow.has(c.id)).map((c) => c.id),
      ownerId: null,
    });
  }
  const dependency = breadth.singlePersonDependency;
  if (dependency) {
    const heldOnlyByThem = current.filter((c) => {
      const owners = ownersInWindow.get(c.id);
      return owners?.size === 1 && owners.has(dependency.ownerId);
    });
    warnings.push({
      kind: 'single_person_dependency',
      contactIds: heldOnlyByThem.map((c) => c.id),
      ownerId: dependency.ownerId,
    });
  }
  const listed: Array<[CoverageWarningKind, string[]]> = [
    ['uncovered_decision_makers', decisionMakers.uncoveredContactIds],
    ['stale_allies', freshness.staleFriendlyContactIds],
    // A departure whose successor is recorded has been answered: who took over is known.
    ['departed_key_contacts', departedKeyContacts.filter((d) => d.replacedBy === null).map((d) => d.contactId)],
    // Whom they report to was recorded, and that person has left: not an unknown, a change to follow up.
    ['supervisors_left', keyContacts.filter((k) => k.org.supervisor?.left).map((k) => k.contactId)],
    // Nobody is above the head of the organisation, so only a missing supervisor below the top is a gap.
    [
      'unknown_supervisors',
      keyContacts
        .filter((k) => !k.org.supervisor?.known && !k.org.supervisor?.left && !heads.has(k.contactId))
        .map((k) => k.contactId),
    ],
  ];
  for (const [kind, contactIds] of listed)
    if (contactIds.length > 0) warnings.push({ kind, contactIds, ownerId: null });
  return warnings;
}

function mostTouchesFirst(owners: Map<string, number> | undefined): string[] {
  return owners ? [...owners].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([ownerId]) => ownerId) : [];
}

// Topics are typed by hand, so "Budget" and "budget " are one topic, shown as first written.
function decisionTopicsOf(keyContacts: readonly KeyContactCoverage[]): RelationshipCoverage['decisionTopics'] {
  const topics = new Map<string, { topic: string; contactIds: string[]; covered: boolean }>();
  for (const contact of keyContacts) {
    for (const written of contact.decisionTopics) {
      const key = written.toLowerCase();
      const topic = topics.get(key) ?? { topic: written, contactIds: [], covered: false };
      if (!topic.contactIds.includes(contact.contactId)) topic.contactIds.push(contact.contactId);
      topic.covered ||= !contact.stale;
      topics.set(key, topic);
    }
  }
  return [...topics.values()].sort((a, b) => a.topic.localeCompare(b.topic));
}

function countStances(current: readonly CoverageContact[]): StanceCounts {
  const counts = Object.fromEntries(STANCES.map((s) => [s, 0])) as Record<Stance, number>;
  let unknown = 0;
  for (const c of current) {
    if (c.stance === null) unknown += 1;
    else counts[c.stance] += 1;
  }
  return {
    ...counts,
    unknown,
    friendsAndAllies: current.filter((c) => isFriendly(c.stance)).length,
    enemiesAndProtesters: current.filter((c) => isHostile(c.stance)).length,
  };
}

/** Current contacts grouped by whom they report to: a manager's subordinates are each other's peers. */
function groupByManager(
  current: readonly CoverageContact[],
  inTouch: (id: string) => boolean,
): Map<string, PeopleAround> {
  const teams = new Map<string, PeopleAround>();
  for (const c of current) {
    if (c.reportsTo === null) continue;
    const team = teams.get(c.reportsTo) ?? { known: 0, inTouch: 0 };
    team.known += 1;
    if (inTouch(c.id)) team.inTouch += 1;
    teams.set(c.reportsTo, team);
  }
  return teams;
}

function ourPeopleOnAccount(
  current: readonly CoverageContact[],
  ownersInWindow: Map<string, Map<string, number>>,
): OurPersonOnAccount[] {
  const people = new Map<string, OurPersonOnAccount>();
  for (const contact of current) {
    const owners = ownersInWindow.get(contact.id);
    if (!owners) continue;
    for (const [ownerId, touches] of owners) {
      const person = people.get(ownerId) ?? { ownerId, contactsHeld: 0, soleHolderOf: 0, touches: 0 };
      person.contactsHeld += 1;
      person.touches += touches;
      if (owners.size === 1) person.soleHolderOf += 1;
      people.set(ownerId, person);
    }
  }
  return [...people.values()].sort(
    (a, b) => b.soleHolderOf - a.soleHolderOf || b.contactsHeld - a.contactsHeld || a.ownerId.localeCompare(b.ownerId),
  );
}

function singlePersonDependency(
  ourPeople: readonly OurPersonOnAccount[],
  engagedContacts: number,
): RelationshipCoverage['breadth']['singlePersonDependency'] {
  const top = ourPeople[0];
  if (!top || engagedContacts === 0) return null;
  const share = top.soleHolderOf / engagedContacts;
  return share >= SINGLE_PERSON_DEPENDENCY_SHARE
    ? { ownerId: top.ownerId, soleHolderOf: top.soleHolderOf, share }
    : null;
}
