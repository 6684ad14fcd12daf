import { CONTACT_PROPERTY } from '../../src/crm/model/contact-properties.ts';
import { DECISION_POWERS, type DecisionPower } from '../../src/kam/shared/decision-power.ts';
import type { BuyingRole } from '../../src/kam/shared/buying-role.ts';
import { BUYING_ROLES } from '../../src/kam/shared/buying-role.ts';
import type { Stance } from '../../src/kam/shared/stance.ts';
import type { SeedRecord } from '../seed.ts';
import type { ClientCompany } from './companies.ts';
import type { FirmPerson } from './firm.ts';
import type { Random } from './random.ts';
import {
  associate,
  DAY,
  definedAssociationType,
  iso,
  seedRecord,
  type HistoryEntry,
  type SeedAssociationInput,
} from './records.ts';
import {
  CHIEF_EXECUTIVE_TITLES,
  CHIEF_EXECUTIVE_TOPICS,
  DEPARTMENTS,
  FIRST_NAMES,
  LAST_NAMES,
  type Department,
} from './vocabulary.ts';

// The people we know at each client: an org chart under the chief executive, buying roles on some,
// and, on accounts the firm manages as key (or might), their stance, say and departures.

/** Who a contact is, for the parts of the generator that come after (deals, activities, stories). */
export interface ClientContact {
  id: string;
  /** 0 = chief executive, 1 = director, 2 = head of, 3 = manager, 4 = analyst. */
  level: number;
  department: Department | 'executive';
  createdAt: number;
  leftAt?: number;
  stance?: Stance;
  decisionPower?: DecisionPower;
  buyingRoles: BuyingRole[];
}

export interface ClientPeople {
  company: ClientCompany;
  contacts: ClientContact[];
  /** Single-threaded accounts: the one contact all our activity goes through. */
  onlyThread?: string;
  /** "Ally gone quiet": the ally nobody has spoken to for months. */
  quietAlly?: string;
  /** "Key contact left": the director who left and the subordinate promoted into the role. */
  departure?: { leftId: string; replacedById: string };
}

/** How long before `now` the departure in the "key contact left" story happened. */
export const RECENT_DEPARTURE_DAYS = 21;
const CONTACT_TO_COMPANY = [
  definedAssociationType('contacts', 'companies', 'Primary'),
  definedAssociationType('contacts', 'companies'),
];
const MAX_CONTACTS = 25;

type Draft = Omit<ClientContact, 'buyingRoles'> & {
  properties: Record<string, string>;
  history: Record<string, HistoryEntry[]>;
  parent?: Draft;
};

export function buildContacts(
  random: Random,
  companies: readonly ClientCompany[],
  people: readonly FirmPerson[],
  now: number,
  nextId: () => string,
): { people: ClientPeople[]; records: SeedRecord[]; associations: SeedAssociationInput[] } {
  const managers = people.filter((p) => p.team === 'partners' || p.team === 'keyAccounts');
  const result = companies.map((company) => peopleAt(random.fork(company.id), company, managers, now, nextId));
  return {
    people: result.map((r) => r.people),
    records: result.flatMap((r) => r.records),
    associations: result.flatMap(({ people: { company, contacts } }) =>
      contacts.flatMap((c) => associate('contacts', c.id, 'companies', company.id, ...CONTACT_TO_COMPANY)),
    ),
  };
}

function peopleAt(
  random: Random,
  company: ClientCompany,
  managers: readonly FirmPerson[],
  now: number,
  nextId: () => string,
): { people: ClientPeople; records: SeedRecord[] } {
  const { plan } = company;
  const tracksStance = plan.status !== 'none';
  const drafts: Draft[] = [];
  const emails = new Set<string>();
  const joinedAt = (): number =>
    company.createdAt + random.int(0, Math.max(1, Math.floor((now - 30 * DAY - company.createdAt) / DAY))) * DAY;

  const add = (department: Draft['department'], level: number, parent: Draft | undefined, createdAt: number): Draft => {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const local = `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '');
    let email = `${local}@${company.domain}`;
    for (let n = 2; emails.has(email); n += 1) email = `${local}${n}@${company.domain}`;
    emails.add(email);
    const draft: Draft = {
      id: nextId(),
      level,
      department,
      createdAt,
      parent,
      history: {},
      properties: {
        firstname: firstName,
        lastname: lastName,
        email,
        jobtitle: titleOf(random, department, level),
        lifecyclestage: plan.fees > 0 ? 'customer' : 'opportunity',
        associatedcompanyid: company.id,
        hubspot_owner_id: company.ownerId,
      },
    };
    drafts.push(draft);
    return draft;
  };

  const chief = add('executive', 0, undefined, company.createdAt + random.int(0, 30) * DAY);
  const count = contactCount(random, company);
  const departments = Object.keys(DEPARTMENTS) as Department[];
  while (drafts.length < count) {
    const department = random.pick(departments);
    // The first person we meet in a department is its director; later ones sit under someone there.
    const above = drafts.filter((d) => d.department === department && d.level < 4);
    const parent = above.length > 0 ? random.pick(above) : chief;
    add(department, parent.level + 1, parent, joinedAt());
  }

  const result: ClientPeople = { company, contacts: [] };
  const storyActors = (wanted: number): Draft[] => {
    const directors = drafts.filter((d) => d.level === 1 && drafts.some((s) => s.parent === d));
    const chosen = random
      .shuffled(directors.length >= wanted ? directors : drafts.filter((d) => d.level > 0))
      .slice(0, wanted);
    for (const d of chosen) d.createdAt = company.createdAt + random.int(10, 60) * DAY;
    return chosen;
  };
  if (plan.coverage === 'singleThreaded') {
    const [thread] = storyActors(1);
    result.onlyThread = (thread ?? chief).id;
  }

  for (const d of drafts) {
    if (d.parent && (tracksStance || random.chance(0.85))) d.properties[CONTACT_PROPERTY.reportsTo] = d.parent.id;
    if (random.chance(tracksStance ? 0.6 : 0.12)) d.properties.hs_buying_role = buyingRolesOf(random, d).join(';');
    if (tracksStance)
      recordStanceAndSay(
        random,
        d,
        plan.story === 'clearlyKey'
          ? 'warm'
          : plan.story === 'noLongerQualifies' || plan.status === 'former'
            ? 'cool'
            : 'mixed',
        managers,
        now,
      );
  }

  if (plan.story === 'allyGoneQuiet') {
    const [ally] = storyActors(1);
    if (ally) {
      setStance(ally, [{ value: 'ally', at: ally.createdAt + 40 * DAY, byUserId: random.pick(managers).userId }]);
      result.quietAlly = ally.id;
    }
  }
  if (plan.story === 'keyContactLeft')
    result.departure = retireAndPromote(random, drafts, storyActors, managers, now, add);
  else if (tracksStance && plan.story !== 'clearlyKey') {
    // A few ordinary departures: an outside hire takes over the role and the team.
    for (const d of drafts.filter(
      (x) =>
        x.level >= 1 &&
        x.level <= 2 &&
        x.createdAt < now - 400 * DAY &&
        x.id !== result.onlyThread &&
        x.id !== result.quietAlly,
    )) {
      if (!random.chance(0.05)) continue;
      const leftAt = now - random.int(60, 360) * DAY;
      const successor = add(d.department, d.level, d.parent, leftAt + random.int(7, 45) * DAY);
      successor.properties.jobtitle = d.properties.jobtitle as string;
      if (d.parent) successor.properties[CONTACT_PROPERTY.reportsTo] = d.parent.id;
      recordStanceAndSay(random, successor, 'mixed', managers, now);
      leave(d, leftAt, successor, drafts);
    }
  }

  result.contacts = drafts.map(({ id, level, department, createdAt, leftAt, stance, properties }) => ({
    id,
    level,
    department,
    createdAt,
    leftAt,
    stance,
    decisionPower: properties[CONTACT_PROPERTY.decisionPower] as DecisionPower | undefined,
    buyingRoles: (properties.hs_buying_role?.split(';') ?? []) as BuyingRole[],
  }));
  return { people: result, records: drafts.map((d) => seedRecord(d.id, d.properties, d.createdAt, d.history)) };
}

// Bigger clients: more people we know. Key and candidate accounts always have a real org chart; sized key accounts have their size.
function contactCount(random: Random, company: ClientCompany): number {
  const { plan } = company;
  if (plan.size) return plan.size.contacts;
  if (plan.fees === 0) return random.int(1, 3);
  const bySize = Math.round(1 + 22 * plan.percentile ** 6 + random.next() * 2);
  const floor =
    plan.status === 'key' || plan.status === 'candidate' || plan.story === 'shouldBeKey'
      ? 10
      : plan.coverage === 'singleThreaded'
        ? 6
        : 1;
  return Math.min(MAX_CONTACTS, Math.max(floor, bySize));
}

function titleOf(random: Random, department: Draft['department'], level: number): string {
  if (department === 'executive') return random.pick(CHIEF_EXECUTIVE_TITLES);
  return DEPARTMENTS[department].titles[Math.min(level, 4) - 1] as string;
}

function buyingRolesOf(random: Random, d: Draft): BuyingRole[] {
  const roles = new Set<BuyingRole>();
  if (d.level === 0) roles.add('DECISION_MAKER').add('EXECUTIVE_SPONSOR');
  else if (d.department === 'finance' && d.level <= 2) roles.add('BUDGET_HOLDER');
  else if (d.department === 'procurement') roles.add(random.chance(0.4) ? 'BLOCKER' : 'INFLUENCER');
  else if (d.department === 'legal') roles.add('LEGAL_AND_COMPLIANCE');
  else if (d.level === 1) roles.add('DECISION_MAKER');
  else if (d.level === 2) roles.add(random.chance(0.5) ? 'CHAMPION' : 'INFLUENCER');
  else roles.add(random.chance(0.7) ? 'END_USER' : 'OTHER');
  if (d.level === 1 && d.department === 'finance') roles.add('DECISION_MAKER');
  return BUYING_ROLES.filter((r) => roles.has(r));
}

const STANCE_MIX = {
  warm: [
    ['ally', 25],
    ['supporter', 40],
    ['neutral', 25],
    ['protester', 7],
    ['enemy', 3],
  ],
  mixed: [
    ['ally', 12],
    ['supporter', 30],
    ['neutral', 38],
    ['protester', 13],
    ['enemy', 7],
  ],
  cool: [
    ['ally', 4],
    ['supporter', 18],
    ['neutral', 45],
    ['protester', 22],
    ['enemy', 11],
  ],
} as const satisfies Record<string, ReadonlyArray<readonly [Stance, number]>>;

// Stance (with its history: people change their minds), decision power and the topics they decide on.
function recordStanceAndSay(
  random: Random,
  d: Draft,
  mood: keyof typeof STANCE_MIX,
  managers: readonly FirmPerson[],
  now: number,
): void {
  d.properties[CONTACT_PROPERTY.decisionPower] =
    d.level === 0
      ? 'final_say'
      : d.level === 1
        ? 'decides'
        : d.level === 2
          ? 'influences'
          : random.pick(DECISION_POWERS.slice(2));
  if (d.level <= 2)
    d.properties[CONTACT_PROPERTY.decisionTopics] =
      d.department === 'executive' ? CHIEF_EXECUTIVE_TOPICS : DEPARTMENTS[d.department].topics;
  if (!random.chance(0.85)) return;
  const span = Math.max(DAY, now - 7 * DAY - d.createdAt);
  const changes = random.chance(0.3) ? random.int(2, 3) : 1;
  const times = Array.from({ length: changes }, () => d.createdAt + Math.floor(random.next() * span)).sort(
    (a, b) => a - b,
  );
  let previous: Stance | undefined;
  const entries = times.map((at) => {
    const choices = STANCE_MIX[mood].filter(([s]) => s !== previous);
    previous = random.weighted(choices);
    return { value: previous, at, byUserId: random.pick(managers).userId };
  });
  setStance(d, entries);
}

function setStance(d: Draft, entries: HistoryEntry[]): void {
  const latest = entries.reduce((a, b) => (b.at > a.at ? b : a));
  d.stance = latest.value as Stance;
  d.properties[CONTACT_PROPERTY.stance] = latest.value;
  d.history[CONTACT_PROPERTY.stance] = entries;
}

function leave(d: Draft, leftAt: number, successor: Draft, everyone: readonly Draft[]): void {
  d.leftAt = leftAt;
  Object.assign(d.properties, {
    [CONTACT_PROPERTY.leftCompany]: 'true',
    [CONTACT_PROPERTY.leftAt]: iso(leftAt),
    // The story's director moved on to another employer; a subordinate was promoted into the role.
    [CONTACT_PROPERTY.leftReason]: 'left',
    [CONTACT_PROPERTY.replacedBy]: successor.id,
  });
  d.history[CONTACT_PROPERTY.leftCompany] = [{ value: 'true', at: leftAt }];
  for (const report of everyone) {
    if (report.parent === d && report !== successor) {
      report.parent = successor;
      if (report.properties[CONTACT_PROPERTY.reportsTo]) report.properties[CONTACT_PROPERTY.reportsTo] = successor.id;
    }
  }
}

// Seed 003's review: the director who opposed us retires; the protester below them, whom we have
// been working on, is promoted into the role and is now a supporter.
function retireAndPromote(
  random: Random,
  drafts: Draft[],
  storyActors: (wanted: number) => Draft[],
  managers: readonly FirmPerson[],
  now: number,
  add: (department: Draft['department'], level: number, parent: Draft | undefined, createdAt: number) => Draft,
): { leftId: string; replacedById: string } {
  const [leaver] = storyActors(1);
  if (!leaver) throw new Error('The key-contact-left story needs a director');
  const by = (): number => random.pick(managers).userId;
  const leftAt = now - RECENT_DEPARTURE_DAYS * DAY;
  const promotedAt = leftAt + 14 * DAY;
  const existing = drafts.find((d) => d.parent === leaver);
  const successor = existing ?? add(leaver.department, leaver.level + 1, leaver, leaver.createdAt + 60 * DAY);
  successor.createdAt = Math.min(successor.createdAt, leftAt - 500 * DAY);
  const oldTitle = successor.properties.jobtitle as string;
  const newTitle = leaver.properties.jobtitle as string;

  setStance(leaver, [
    { value: 'neutral', at: leaver.createdAt + 30 * DAY, byUserId: by() },
    { value: 'enemy', at: leftAt - 300 * DAY, byUserId: by() },
  ]);
  setStance(successor, [
    { value: 'protester', at: successor.createdAt + 30 * DAY, byUserId: by() },
    { value: 'supporter', at: promotedAt + 3 * DAY, byUserId: by() },
  ]);
  successor.properties.jobtitle = newTitle;
  successor.history.jobtitle = [
    { value: oldTitle, at: successor.createdAt },
    { value: newTitle, at: promotedAt },
  ];
  successor.level = leaver.level;
  successor.properties[CONTACT_PROPERTY.decisionPower] = leaver.properties[CONTACT_PROPERTY.decisionPower] ?? 'decides';
  successor.parent = leaver.parent;
  if (leaver.parent) {
    successor.properties[CONTACT_PROPERTY.reportsTo] = leaver.parent.id;
    successor.history[CONTACT_PROPERTY.reportsTo] = [
      { value: leaver.id, at: successor.createdAt },
      { value: leaver.parent.id, at: promotedAt },
    ];
  }
  leave(leaver, leftAt, successor, drafts);
  return { leftId: leaver.id, replacedById: successor.id };
}
