import type { SeedRecord } from '../seed.ts';
import type { ClientContact, ClientPeople } from './contacts.ts';
import type { FirmPerson } from './firm.ts';
import type { Random } from './random.ts';
import {
  associate,
  DAY,
  definedAssociationType,
  idSequence,
  iso,
  seedRecord,
  type SeedAssociationInput,
} from './records.ts';
import { CALL_TOPICS, EMAIL_SUBJECTS, MEETING_TOPICS } from './vocabulary.ts';

// Meetings, calls and emails logged by our people with client contacts: frequent and recent where
// an account is well covered, sparse and old where it has gone stale. Coverage and dependency
// scores are computed from exactly these records.

const KINDS = {
  meetings: {
    firstId: 4_000_001,
    toCompany: definedAssociationType('meetings', 'companies'),
    toContact: definedAssociationType('meetings', 'contacts'),
  },
  calls: {
    firstId: 5_000_001,
    toCompany: definedAssociationType('calls', 'companies'),
    toContact: definedAssociationType('calls', 'contacts'),
  },
  emails: {
    firstId: 6_000_001,
    toCompany: definedAssociationType('emails', 'companies'),
    toContact: definedAssociationType('emails', 'contacts'),
  },
} as const;
type Kind = keyof typeof KINDS;
const IDS_PER_KIND = 1_000_000;

/** Activity stretches back this far at most. */
const ACTIVITY_HISTORY_DAYS = 730;
/** In the "ally gone quiet" story nobody has been in touch with the ally for at least this long. */
export const QUIET_ALLY_DAYS = 240;
const HOUR = 3_600_000;

export type Activities = Record<Kind, SeedRecord[]> & { associations: SeedAssociationInput[] };

export function buildActivities(
  random: Random,
  clients: readonly ClientPeople[],
  people: readonly FirmPerson[],
  now: number,
): Activities {
  const nextIds = {
    meetings: idSequence(KINDS.meetings.firstId),
    calls: idSequence(KINDS.calls.firstId),
    emails: idSequence(KINDS.emails.firstId),
  };
  const out: Activities = { meetings: [], calls: [], emails: [], associations: [] };
  for (const client of clients) {
    const holders = relationshipHolders(random, client, people);
    for (const touch of touchesOf(random, client, now)) {
      const kind = random.weighted<Kind>(
        client.company.plan.coverage === 'broad'
          ? [
              ['meetings', 4],
              ['calls', 3],
              ['emails', 3],
            ]
          : [
              ['meetings', 2],
              ['calls', 3],
              ['emails', 5],
            ],
      );
      const id = nextIds[kind]();
      const ownerId = random.pick(holders(touch.contactIds[0])).ownerId;
      out[kind].push(
        seedRecord(
          id,
          { ...describe(random, kind, touch.at, now), hs_timestamp: iso(touch.at), hubspot_owner_id: ownerId },
          touch.at,
        ),
      );
      out.associations.push(...associate(kind, id, 'companies', client.company.id, KINDS[kind].toCompany));
      for (const contactId of touch.contactIds)
        out.associations.push(...associate(kind, id, 'contacts', contactId, KINDS[kind].toContact));
    }
  }
  // Each kind's ids end where the next kind's begin.
  for (const kind of Object.keys(KINDS) as Kind[]) {
    if (out[kind].length >= IDS_PER_KIND)
      throw new Error(
        `Too many ${kind} for their id range (${out[kind].length}): fewer companies or smaller key accounts`,
      );
  }
  return out;
}

// Who on our side holds each client relationship. On broadly covered accounts every contact is known
// by two of the account team, so no one of us is the only link; elsewhere the company owner does most.
function relationshipHolders(
  random: Random,
  { company }: ClientPeople,
  people: readonly FirmPerson[],
): (contactId: string | undefined) => FirmPerson[] {
  const owner = people.find((p) => p.ownerId === company.ownerId);
  if (!owner) throw new Error(`Company ${company.id} is owned by unknown owner ${company.ownerId}`);
  const others = random.shuffled(people.filter((p) => p !== owner));
  const firstOf = (team: FirmPerson['team']): FirmPerson[] => others.filter((p) => p.team === team).slice(0, 1);
  const { coverage } = company.plan;
  const team =
    coverage === 'broad'
      ? [
          owner,
          ...firstOf('partners'),
          ...firstOf('research'),
          ...others.filter((p) => p.team !== 'partners' && p.team !== 'research').slice(0, 1),
        ]
      : coverage === 'moderate' || coverage === 'singleThreaded'
        ? [owner, ...others.slice(0, 1)]
        : [owner];
  const byContact = new Map<string, FirmPerson[]>();
  return (contactId) => {
    if (contactId === undefined || team.length === 1) return [owner];
    let holders = byContact.get(contactId);
    if (!holders)
      byContact.set(
        contactId,
        (holders = coverage === 'broad' ? random.shuffled(team).slice(0, 2) : random.chance(0.7) ? [owner] : team),
      );
    return holders;
  };
}

interface Touch {
  at: number;
  /** The client contacts present, the main one first. */
  contactIds: string[];
}

function touchesOf(random: Random, { company, contacts, onlyThread, quietAlly }: ClientPeople, now: number): Touch[] {
  const { plan } = company;
  if (plan.story === 'acquirer') return [];
  const scale = { broad: 1.6, moderate: 1, singleThreaded: 1, singleOwner: 1.6, thin: 0.5 }[plan.coverage];
  const count =
    plan.size?.activities ??
    (plan.fees === 0
      ? random.int(1, 4)
      : Math.max(1, Math.round((2 + 38 * plan.percentile ** 5) * scale * (plan.story === 'clearlyKey' ? 1.5 : 1))));
  const start = Math.max(company.createdAt + DAY, now - ACTIVITY_HISTORY_DAYS * DAY);
  const lastTouch = Math.max(
    start + DAY,
    plan.stale ? now - random.int(200, 520) * DAY : now - random.int(0, 25) * DAY,
  );
  const quietFrom = now - QUIET_ALLY_DAYS * DAY;
  const reachable = (at: number): ClientContact[] =>
    contacts.filter(
      (c) => c.createdAt <= at && (c.leftAt === undefined || c.leftAt > at) && !(c.id === quietAlly && at >= quietFrom),
    );
  const businessHours = (day: number): number =>
    Math.min(now - HOUR, Math.floor(day / DAY) * DAY + random.int(8 * 60, 17 * 60) * 60_000);
  // Senior people get most of the attention.
  const weight = (c: ClientContact): number => (c.level <= 1 ? 6 : c.level === 2 ? 3 : 1);

  const touches = Array.from({ length: count }, (_, i): Touch => {
    // The latest touch sets the account's freshness; earlier ones lean towards recent months.
    const at = businessHours(i === 0 ? lastTouch : start + Math.floor(random.next() ** 0.6 * (lastTouch - start)));
    const present = reachable(at);
    if (onlyThread) return { at, contactIds: present.some((c) => c.id === onlyThread) ? [onlyThread] : [] };
    const wanted =
      plan.coverage === 'broad' || plan.coverage === 'singleOwner'
        ? random.int(1, 3)
        : plan.coverage === 'moderate'
          ? random.int(1, 2)
          : 1;
    const chosen = new Set<string>();
    if (quietAlly && at < quietFrom && present.some((c) => c.id === quietAlly) && random.chance(0.5))
      chosen.add(quietAlly);
    const choices = present.map((c) => [c.id, weight(c)] as const);
    for (let k = 0; k < wanted * 2 && chosen.size < Math.min(wanted, present.length); k += 1)
      chosen.add(random.weighted(choices));
    return { at, contactIds: [...chosen] };
  });

  // Well-covered accounts: someone has been in touch within the last two months with every contact whose
  // buying role or decision power is on record ("No say" included, so the allies among them stay warm).
  if (plan.coverage === 'broad' && !plan.stale) {
    for (const contact of reachable(now).filter(
      (c) => c.level <= 1 || c.decisionPower !== undefined || c.buyingRoles.length > 0,
    )) {
      const at = businessHours(now - random.int(1, 60) * DAY);
      if (reachable(at).includes(contact)) touches.push({ at, contactIds: [contact.id] });
    }
  }
  return touches;
}

function describe(random: Random, kind: Kind, at: number, now: number): Record<string, string> {
  if (kind === 'meetings') {
    return {
      hs_meeting_title: random.pick(MEETING_TOPICS),
      hs_meeting_start_time: iso(at),
      hs_meeting_end_time: iso(Math.min(now, at + random.pick([30, 60, 90]) * 60_000)),
      hs_meeting_outcome: 'COMPLETED',
    };
  }
  if (kind === 'calls') {
    return {
      hs_call_title: random.pick(CALL_TOPICS),
      hs_call_direction: random.chance(0.7) ? 'OUTBOUND' : 'INBOUND',
      hs_call_status: 'COMPLETED',
      hs_call_duration: String(random.int(2, 45) * 60_000),
    };
  }
  return {
    hs_email_subject: random.pick(EMAIL_SUBJECTS),
    hs_email_direction: random.chance(0.6) ? 'EMAIL' : 'INCOMING_EMAIL',
  };
}
