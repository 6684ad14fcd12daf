import type { SeedRecord } from '../seed.ts';
import type { ClientPeople } from './contacts.ts';
import type { FirmPerson } from './firm.ts';
import type { Random } from './random.ts';
import {
  associate,
  DAY,
  definedAssociationType,
  idSequence,
  iso,
  seedRecord,
  YEAR,
  type SeedAssociationInput,
} from './records.ts';
import { SERVICES } from './vocabulary.ts';

// Three years of deals per client: the won ones add up exactly to the fees the portfolio plan gave
// it (so the 80/20 shape carries through), plus lost ones and a few still open.

const DEAL_TO_COMPANY = [
  definedAssociationType('deals', 'companies', 'Primary'),
  definedAssociationType('deals', 'companies'),
];
const DEAL_TO_CONTACT = definedAssociationType('deals', 'contacts');
const OPEN_STAGES = [
  'appointmentscheduled',
  'qualifiedtobuy',
  'presentationscheduled',
  'decisionmakerboughtin',
  'contractsent',
] as const;
const DEAL_HISTORY = 3 * YEAR;

interface Deal {
  name: string;
  amount: number;
  stage: 'closedwon' | 'closedlost' | (typeof OPEN_STAGES)[number];
  createdAt: number;
  /** When it closed, or (open deals) when it is expected to. */
  closeAt: number;
}

export function buildDeals(
  random: Random,
  clients: readonly ClientPeople[],
  people: readonly FirmPerson[],
  now: number,
): { records: SeedRecord[]; associations: SeedAssociationInput[] } {
  const nextId = idSequence(3_000_001);
  const records: SeedRecord[] = [];
  const associations: SeedAssociationInput[] = [];
  for (const client of clients) {
    const { company } = client;
    const sellers = people.filter((p) => p.team !== 'research');
    for (const deal of dealsOf(random, client, now)) {
      const id = nextId();
      const ownerId = random.chance(0.85) ? company.ownerId : random.pick(sellers).ownerId;
      const isClosed = deal.stage === 'closedwon' || deal.stage === 'closedlost';
      records.push(
        seedRecord(
          id,
          {
            dealname: `${company.name} – ${deal.name}`,
            amount: String(deal.amount),
            dealstage: deal.stage,
            pipeline: 'default',
            closedate: iso(deal.closeAt),
            hs_is_closed: String(isClosed),
            hs_is_closed_won: String(deal.stage === 'closedwon'),
            // The firm lists its services as HubSpot's deal types: "new services used" is read from them.
            dealtype: deal.name,
            hubspot_owner_id: ownerId,
          },
          deal.createdAt,
          isClosed ? { dealstage: [{ value: deal.stage, at: deal.closeAt }] } : undefined,
        ),
      );
      associations.push(...associate('deals', id, 'companies', company.id, ...DEAL_TO_COMPANY));
      // The buyer: a senior contact who was there when the deal was opened.
      const buyers = client.contacts.filter(
        (c) => c.level <= 2 && c.createdAt <= deal.createdAt && (c.leftAt === undefined || c.leftAt > deal.createdAt),
      );
      if (buyers.length > 0 && random.chance(0.6))
        associations.push(...associate('deals', id, 'contacts', random.pick(buyers).id, DEAL_TO_CONTACT));
    }
  }
  return { records, associations };
}

function dealsOf(random: Random, { company }: ClientPeople, now: number): Deal[] {
  const { plan } = company;
  if (plan.story === 'acquirer') return [];
  const start = Math.max(now - DEAL_HISTORY, company.createdAt + 14 * DAY);
  const span = now - DAY - start;
  const closedAt = (fraction: number): number => start + Math.floor(fraction * span);
  const opened = (closeAt: number): number => Math.max(company.createdAt + DAY, closeAt - random.int(20, 150) * DAY);
  const service = (): string => random.pick(SERVICES);
  const deals: Deal[] = [];

  const wonCount = Math.max(
    1,
    Math.min(14, Math.floor(plan.fees / 600), Math.round(1 + 1.2 * Math.log2(1 + plan.fees / 10_000))),
  );
  if (plan.fees > 0) {
    const weights = Array.from({ length: wonCount }, () => 0.3 + random.next());
    const total = weights.reduce((a, b) => a + b, 0);
    // One deal per slice of the three years, in random order, so a steady client buys every year.
    const slices = random.shuffled(weights.map((_, i) => i));
    let left = plan.fees;
    weights.forEach((w, i) => {
      const amount = i === wonCount - 1 ? left : Math.round((plan.fees * w) / total);
      left -= amount;
      const u = ((slices[i] ?? 0) + random.next()) / wonCount;
      // Growing clients buy more lately; declining ones stopped buying over a year ago.
      const fraction = plan.trend === 'growing' ? Math.sqrt(u) : plan.trend === 'declining' ? u * u * 0.6 : u;
      const closeAt = closedAt(fraction);
      deals.push({ name: service(), amount, stage: 'closedwon', createdAt: opened(closeAt), closeAt });
    });
  }

  const typical = plan.fees > 0 ? plan.fees / wonCount : random.int(8, 60) * 1_000;
  const lostCount = plan.fees > 0 ? random.int(0, Math.ceil(wonCount / 2)) : random.int(1, 3);
  for (let i = 0; i < lostCount; i += 1) {
    const closeAt = closedAt(random.next());
    deals.push({
      name: service(),
      amount: Math.round((typical * (0.5 + random.next())) / 100) * 100,
      stage: 'closedlost',
      createdAt: opened(closeAt),
      closeAt,
    });
  }

  const openCount = plan.stale
    ? 0
    : random.int(0, 1) + (plan.status === 'key' || plan.story === 'shouldBeKey' ? random.int(1, 2) : 0);
  for (let i = 0; i < openCount; i += 1) {
    deals.push({
      name: service(),
      amount: Math.round((typical * (0.6 + random.next())) / 100) * 100,
      stage: random.pick(OPEN_STAGES),
      createdAt: Math.max(company.createdAt + DAY, now - random.int(5, 120) * DAY),
      closeAt: now + random.int(15, 150) * DAY,
    });
  }

  deals.sort((a, b) => a.createdAt - b.createdAt);
  return deals;
}
