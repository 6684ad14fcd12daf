import { COMPANY_PROPERTY } from '../../src/crm/model/company-properties.ts';
import type { SeedRecord } from '../seed.ts';
import type { AccountPlan } from './accounts.ts';
import { DEMO_TEAMS, salesTeamFor, type FirmPerson } from './firm.ts';
import type { Random } from './random.ts';
import {
  associate,
  DAY,
  definedAssociationType,
  idSequence,
  iso,
  seedRecord,
  type HistoryEntry,
  type SeedAssociationInput,
} from './records.ts';
import {
  CANDIDATE_REASONS,
  CITIES,
  CLIENT_STRATEGIES,
  COMPANY_SUFFIXES,
  FORMER_REASONS,
  INDUSTRIES,
  KEY_ACCOUNT_REASONS,
  NAME_STEMS,
  STRATEGY_AFTER_ACQUISITION,
  type Region,
} from './vocabulary.ts';

// Client companies: who they are, what they turn over, who owns them on our side, and the
// Keystone status and manager ratings the account team has recorded.

export interface ClientCompany {
  id: string;
  /** The name without "Ltd", "plc"…, as people say it. */
  name: string;
  domain: string;
  region: Region;
  /** Owner id of the company owner (one of our people). */
  ownerId: string;
  createdAt: number;
  plan: AccountPlan;
  record: SeedRecord;
}

const CHILD_TO_PARENT = definedAssociationType('companies', 'companies', 'Parent Company');
/** The acquisition in the "new parent company" story happened this long before `now`. */
export const ACQUISITION_AGE_DAYS = 30;
/** …and the account team rewrote its client strategy this long before `now`. */
export const STRATEGY_REWRITE_AGE_DAYS = 23;
/** In the "new account manager" story, the company changed owner on our side this long before `now`. */
export const HANDOVER_AGE_DAYS = 20;

export function buildCompanies(
  random: Random,
  plans: readonly AccountPlan[],
  people: readonly FirmPerson[],
  now: number,
): { companies: ClientCompany[]; associations: SeedAssociationInput[] } {
  const nextId = idSequence(1_000_001);
  const ids = plans.map(() => nextId());
  const naming = companyNamer(random);
  const partners = people.filter((p) => p.team === 'partners');
  const ownersByTeam = (team: FirmPerson['team']): FirmPerson[] => people.filter((p) => p.team === team);
  const acquirerId = ids[plans.findIndex((p) => p.story === 'acquirer')];

  const companies = plans.map((plan, i): ClientCompany => {
    const id = ids[i] as string;
    const place = random.pick(CITIES);
    const industry = random.pick(INDUSTRIES);
    const { name, domain } = naming(industry.words, place.city, plan.story === 'acquirer');
    const owner = random.pick(
      plan.status === 'none' ? ownersByTeam(salesTeamFor(place.region)) : ownersByTeam('keyAccounts'),
    );
    const createdAt = companyCreatedAt(random, plan, now);
    const annualRevenue = clientTurnover(random, plan);

    const properties: Record<string, string> = {
      name: `${name} ${random.pick(COMPANY_SUFFIXES)}`,
      domain,
      industry: industry.value,
      city: place.city,
      country: place.country,
      annualrevenue: String(annualRevenue),
      numberofemployees: String(Math.max(4, Math.round(annualRevenue / random.int(90_000, 220_000)))),
      hubspot_owner_id: owner.ownerId,
      hubspot_team_id: DEMO_TEAMS[owner.team].id,
    };
    const propertyHistory: Record<string, HistoryEntry[]> = {};

    if (plan.status !== 'none') {
      const changedBy = random.pick(partners).userId;
      const current: StatusChange = {
        status: plan.status,
        at: plan.statusSince,
        reason: random.pick(reasonsFor(plan.status)),
      };
      const changes = [current];
      if (plan.previousStatus) {
        const reasons = reasonsFor(plan.previousStatus.status);
        // By position, not by a draw: the rest of the portal stays as the same seed always made it.
        const { status, since } = plan.previousStatus;
        changes.push({ status, at: since, reason: reasons[i % reasons.length]! });
      }
      Object.assign(properties, {
        [COMPANY_PROPERTY.status]: current.status,
        [COMPANY_PROPERTY.statusReason]: current.reason,
        [COMPANY_PROPERTY.statusChangedBy]: String(changedBy),
        [COMPANY_PROPERTY.statusChangedAt]: iso(current.at),
      });
      Object.assign(propertyHistory, statusChangeHistory(changes, changedBy));
    }
    if (plan.status === 'key') {
      Object.assign(properties, {
        hs_is_target_account: 'true',
        hs_ideal_customer_profile: 'tier_1',
        [COMPANY_PROPERTY.reviewCadence]: random.chance(0.7) ? 'quarterly' : 'monthly',
      });
      // By position, not by a draw: the rest of the portal stays as the same seed always made it.
      properties[COMPANY_PROPERTY.clientStrategy] = CLIENT_STRATEGIES[i % CLIENT_STRATEGIES.length]!;
    }
    if (plan.status === 'candidate') properties.hs_ideal_customer_profile = 'tier_2';
    if (plan.status !== 'none' || plan.story === 'shouldBeKey' || plan.percentile > 0.85) {
      Object.assign(properties, managerRatings(random, plan));
    }
    if (plan.story === 'newAccountManager') {
      const previous = random.pick(ownersByTeam('keyAccounts').filter((p) => p !== owner));
      propertyHistory.hubspot_owner_id = [
        { value: owner.ownerId, at: now - HANDOVER_AGE_DAYS * DAY, byUserId: random.pick(partners).userId },
        { value: previous.ownerId, at: createdAt },
      ];
    }
    if (plan.story === 'newParentCompany' && acquirerId) {
      properties.hs_parent_company_id = acquirerId;
      propertyHistory.hs_parent_company_id = [
        { value: acquirerId, at: now - ACQUISITION_AGE_DAYS * DAY, byUserId: owner.userId },
      ];
      const before = properties[COMPANY_PROPERTY.clientStrategy] ?? CLIENT_STRATEGIES[0];
      properties[COMPANY_PROPERTY.clientStrategy] = STRATEGY_AFTER_ACQUISITION;
      propertyHistory[COMPANY_PROPERTY.clientStrategy] = [
        { value: STRATEGY_AFTER_ACQUISITION, at: now - STRATEGY_REWRITE_AGE_DAYS * DAY, byUserId: owner.userId },
        { value: before, at: plan.statusSince, byUserId: owner.userId },
      ];
    }
    return {
      id,
      name,
      domain,
      region: place.region,
      ownerId: owner.ownerId,
      createdAt,
      plan,
      record: seedRecord(id, properties, createdAt, propertyHistory),
    };
  });

  const child = companies.find((c) => c.plan.story === 'newParentCompany');
  const associations =
    child && acquirerId ? associate('companies', child.id, 'companies', acquirerId, CHILD_TO_PARENT) : [];
  return { companies, associations };
}

type StatusChange = { status: AccountPlan['status']; at: number; reason: string };

/**
 * Keystone writes a status change's status, reason, author and time in one update, so HubSpot's history
 * of each of the four holds the change's value at the change's instant: the Status tab's history pairs
 * them by it, as it does on a real portal.
 */
function statusChangeHistory(newestFirst: readonly StatusChange[], changedBy: number): Record<string, HistoryEntry[]> {
  const written = (value: (change: StatusChange) => string) =>
    newestFirst.map((change) => ({ value: value(change), at: change.at, byUserId: changedBy }));
  return {
    [COMPANY_PROPERTY.status]: written((c) => c.status),
    [COMPANY_PROPERTY.statusReason]: written((c) => c.reason),
    [COMPANY_PROPERTY.statusChangedBy]: written(() => String(changedBy)),
    [COMPANY_PROPERTY.statusChangedAt]: written((c) => iso(c.at)),
  };
}

function reasonsFor(status: AccountPlan['status']): readonly string[] {
  return status === 'key' ? KEY_ACCOUNT_REASONS : status === 'candidate' ? CANDIDATE_REASONS : FORMER_REASONS;
}

/**
 * Unique "<stem> <industry word>" names with matching `.example` domains; a city tells namesakes apart,
 * and in a portal of tens of thousands, where a city runs out of those, a second stem does.
 */
function companyNamer(
  random: Random,
): (words: readonly string[], city: string, isGroup: boolean) => { name: string; domain: string } {
  const used = new Set<string>();
  const nameOf = (stem: string, words: readonly string[], city: string, attempt: number): string =>
    attempt < 20
      ? `${stem} ${random.pick(words)}`
      : attempt < 100
        ? `${stem} ${city} ${random.pick(words)}`
        : `${stem} ${random.pick(NAME_STEMS)} ${random.pick(words)}`;
  return (words, city, isGroup) => {
    for (let attempt = 0; attempt < 1_000; attempt += 1) {
      const stem = random.pick(NAME_STEMS);
      const name = isGroup ? `${stem} Global` : nameOf(stem, words, city, attempt);
      const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`;
      if (used.has(domain)) continue;
      used.add(domain);
      return { name, domain };
    }
    throw new Error('Ran out of company names: lower the number of companies');
  };
}

// Clients that bought in the last three years mostly go back further; a quarter are new.
// A company is always in the CRM before anyone tags it.
function companyCreatedAt(random: Random, plan: AccountPlan, now: number): number {
  if (plan.story === 'acquirer') return now - ACQUISITION_AGE_DAYS * DAY;
  const isNew = plan.status === 'none' && plan.story === undefined && random.chance(0.25);
  const ageDays = isNew ? random.int(180, 1000) : random.int(1150, 2900);
  const firstTagged = plan.status === 'none' ? now : (plan.previousStatus?.since ?? plan.statusSince);
  return Math.min(now - ageDays * DAY, firstTagged - 30 * DAY) - random.int(0, DAY - 1);
}

// A client's own turnover is a few hundred times what it pays us a year.
function clientTurnover(random: Random, plan: AccountPlan): number {
  if (plan.story === 'acquirer') return random.int(3_000, 6_000) * 1_000_000;
  const annualFees = plan.fees > 0 ? plan.fees / 3 : random.int(2_000, 40_000);
  const multiple = Math.exp(Math.log(400) + 0.7 * (random.next() + random.next() + random.next() - 1.5) * 2);
  return Math.max(250_000, Math.round((annualFees * multiple) / 10_000) * 10_000);
}

// What the account team has recorded, by the part the company plays: key accounts and the untagged
// stars rate high, faded ones low, other large clients middling (they buy a lot but little else).
const RATING_PROFILES = {
  star: {
    growth: [3, 4],
    shareOfWallet: [0.1, 0.2],
    margin: [30, 45],
    prestige: [7, 10],
    strategicFit: [7, 10],
    referrals: [2, 5],
  },
  key: {
    growth: [1.3, 2.5],
    shareOfWallet: [0.25, 0.6],
    margin: [25, 45],
    prestige: [6, 10],
    strategicFit: [6, 10],
    referrals: [1, 5],
  },
  candidate: {
    growth: [1.5, 3],
    shareOfWallet: [0.15, 0.4],
    margin: [15, 35],
    prestige: [3, 8],
    strategicFit: [4, 8],
    referrals: [0, 3],
  },
  faded: {
    growth: [0.6, 0.9],
    shareOfWallet: [0.3, 0.6],
    margin: [8, 20],
    prestige: [1, 5],
    strategicFit: [1, 4],
    referrals: [0, 1],
  },
  ordinary: {
    growth: [0.8, 1.5],
    shareOfWallet: [0.3, 0.8],
    margin: [10, 30],
    prestige: [1, 6],
    strategicFit: [1, 6],
    referrals: [0, 2],
  },
} as const;

function managerRatings(random: Random, plan: AccountPlan): Record<string, string> {
  const profile =
    RATING_PROFILES[
      plan.story === 'shouldBeKey'
        ? 'star'
        : plan.story === 'noLongerQualifies' || plan.status === 'former'
          ? 'faded'
          : plan.status === 'key' || plan.status === 'candidate'
            ? plan.status
            : 'ordinary'
    ];
  const between = ([low, high]: readonly [number, number]): number => low + random.next() * (high - low);
  const whole = ([low, high]: readonly [number, number]): number => random.int(low, high);
  const annualFees = Math.max(plan.fees / 3, 5_000);
  const hundreds = (x: number): string => String(Math.round(x / 100) * 100);
  return {
    [COMPANY_PROPERTY.potentialRevenue]: hundreds(annualFees * between(profile.growth)),
    [COMPANY_PROPERTY.totalSpendInOurArea]: hundreds(annualFees / between(profile.shareOfWallet)),
    [COMPANY_PROPERTY.marginPercent]: String(whole(profile.margin)),
    [COMPANY_PROPERTY.prestige]: String(whole(profile.prestige)),
    [COMPANY_PROPERTY.strategicFit]: String(whole(profile.strategicFit)),
    [COMPANY_PROPERTY.referralCount]: String(whole(profile.referrals)),
  };
}
