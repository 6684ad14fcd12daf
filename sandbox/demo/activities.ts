import type { SeedRecord } from '../seed.ts';
import type { Coverage } from './accounts.ts';
import type { ClientContact, ClientPeople } from './contacts.ts';
import type { FirmPerson } from './firm.ts';
import type { Random } from './random.ts';
import { associate, DAY, definedAssociationType, idSequence, iso, seedRecord, type SeedAssociationInput } from './records.ts';
import { CALL_TOPICS, EMAIL_SUBJECTS, MEETING_TOPICS } from './vocabulary.ts';

// Meetings, calls and emails logged by our people with client contacts: frequent and recent where
// an account is well covered, sparse and old where it has gone stale. Coverage and dependency
// scores are computed from exactly these records.

const KINDS = {
  meetings: { firstId: 4_000_001, toCompany: definedAssociationType('meetings', 'companies'), toContact: definedAssociationType('meetings', 'contacts') },
  calls: { firstId: 5_000_001, toCompany: definedAssociationType('calls', 'companies'), toContact: definedAssociationType('calls', 'contacts') },
  emails: { firstId: 6_000_001, toCompany: definedAssociationType('emails', 'companies'), toContact: definedAssociationType('emails', 'contacts') },
} as const;
type Kind = keyof typeof KINDS;

/** Activity stretches back this far at most. */
const ACTIVITY_HISTORY_DAYS = 730;
/** In the "ally gone quiet" story nobody has been in touch with the ally for at least this long. */
export const QUIET_ALLY_DAYS = 240;
const HOUR = 3_600_000;

export type Activities = Record<Kind, SeedRecord[]> & { associations: SeedAssociationInput[] };

export function buildActivities(random: Random, clients: readonly ClientPeople[], people: readonly FirmPerson[], now: number): Activities {
  const nextIds = { meetings: idSequence(KINDS.meetings.firstId), calls: idSequence(KINDS.calls.firstId), emails: idSequence(KINDS.emails.firstId) };
  const out: Activities = { meetings: [], calls: [], emails: [], associations: [] };
  for (const client of clients) {
    const team = accountTeam(random, client, people);
    for (const touch of touchesOf(random, client, now)) {
      const kind = random.weighted<Kind>(client.company.plan.coverage === 'broad' ? [['meetings', 4], ['calls', 3], ['emails', 3]] : [['meetings', 2], ['calls', 3], ['emails', 5]]);
      const id = nextIds[kind]();
      const ownerId = random.weighted(team.map((person, i) => [person.ownerId, i === 0 ? team.length : 1] as const));
      out[kind].push(seedRecord(id, { ...describe(random, kind, touch.at, now), hs_timestamp: iso(touch.at), hubspot_owner_id: ownerId }, touch.at));
      out.associations.push(...associate(kind, id, 'companies', client.company.id, KINDS[kind].toCompany));
      for (const contactId of touch.contactIds) out.associations.push(...associate(kind, id, 'contacts', contactId, KINDS[kind].toContact));
    }
  }
  return out;
}

// Who on our side works the account, the company owner first (and most often).
function accountTeam(random: Random, { company }: ClientPeople, people: readonly FirmPerson[]): FirmPerson[] {
  const owner = people.find((p) => p.ownerId === company.ownerId);
  if (!owner) throw new Error(`Company ${company.id} is owned by unknown owner ${company.ownerId}`);
  const others = random.shuffled(people.filter((p) => p !== owner));
  const byTeam = (team: FirmPerson['team']): FirmPerson[] => others.filter((p) => p.team === team).slice(0, 1);
  const extra: Record<Coverage, FirmPerson[]> = {
    broad: [...byTeam('partners'), ...byTeam('research'), ...others.filter((p) => p.team !== 'partners' && p.team !== 'research').slice(0, 1)],
    moderate: others.slice(0, 1),
    singleThreaded: others.slice(0, 1),
    thin: [],
    singleOwner: [],
  };
  return [owner, ...extra[company.plan.coverage]];
}

interface Touch {
  at: number;
  contactIds: string[];
}

function touchesOf(random: Random, { company, contacts, onlyThread, quietAlly }: ClientPeople, now: number): Touch[] {
  const { plan } = company;
  if (plan.story === 'acquirer') return [];
  const scale = { broad: 1.6, moderate: 1, singleThreaded: 1, singleOwner: 1.6, thin: 0.5 }[plan.coverage];
  const count = plan.fees === 0 ? random.int(1, 4) : Math.max(1, Math.round((2 + 38 * plan.percentile ** 5) * scale * (plan.story === 'clearlyKey' ? 1.5 : 1)));
  const start = Math.max(company.createdAt + DAY, now - ACTIVITY_HISTORY_DAYS * DAY);
  const lastTouch = Math.max(start + DAY, plan.stale ? now - random.int(200, 520) * DAY : now - random.int(0, 25) * DAY);
  const quietFrom = now - QUIET_ALLY_DAYS * DAY;
  const senior = (c: ClientContact): number => 5 - c.level;

  return Array.from({ length: count }, (_, i) => {
    // The latest touch sets the account's freshness; earlier ones lean towards recent months.
    const day = i === 0 ? lastTouch : start + Math.floor(random.next() ** 0.6 * (lastTouch - start));
    const at = Math.min(now - HOUR, Math.floor(day / DAY) * DAY + random.int(8 * 60, 17 * 60) * 60_000);
    const present = contacts.filter((c) => c.createdAt <= at && (c.leftAt === undefined || c.leftAt > at) && !(c.id === quietAlly && at >= quietFrom));
    let contactIds: string[];
    if (onlyThread) contactIds = present.some((c) => c.id === onlyThread) ? [onlyThread] : [];
    else {
      const wanted = plan.coverage === 'broad' || plan.coverage === 'singleOwner' ? random.int(1, 3) : plan.coverage === 'moderate' ? random.int(1, 2) : 1;
      const chosen = new Set<string>();
      if (quietAlly && at < quietFrom && present.some((c) => c.id === quietAlly) && random.chance(0.5)) chosen.add(quietAlly);
      for (let k = 0; k < wanted * 2 && chosen.size < Math.min(wanted, present.length); k += 1) chosen.add(random.weighted(present.map((c) => [c.id, senior(c)] as const)));
      contactIds = [...chosen];
    }
    return { at, contactIds };
  });
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
  return { hs_email_subject: random.pick(EMAIL_SUBJECTS), hs_email_direction: random.chance(0.6) ? 'EMAIL' : 'INCOMING_EMAIL' };
}
