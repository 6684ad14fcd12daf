import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO_PORTAL_ID, generateDemoPortal } from '../../sandbox/demo/generate.ts';
import { firmPeople } from '../../sandbox/demo/firm.ts';
import { demoAccess } from '../../sandbox/demo/keystone-objects.ts';
import type { DemoOptionsInput } from '../../sandbox/demo/options.ts';
import { HUBSPOT_RATE_LIMITS } from '../../sandbox/http/rate-limit.ts';
import type { SandboxSeedInput } from '../../sandbox/seed.ts';
import { COMPANY_PROPERTY } from '../../src/crm/model/index.ts';
import { SETUP_VERSION } from '../../src/crm/setup/setup-version.ts';

// The firm the busy hour is played on: the demo generator's consultancy at a real firm's size. It
// takes about a minute to build, so it is built once and kept as a sandbox snapshot under the cache
// folder, keyed by FIRM_VERSION, the generator's options and the generator's own source (a change to
// either builds it anew and removes the old one). Beside it, the cast: who the users are, who may
// save, and each company's fees and owner, which the users' hour is drawn from.

/** Raise when the portal or the cast would come out different for the same options. */
export const FIRM_VERSION = 1;

/** The busy hour starts at 10:00 on a Tuesday in London (GMT in November); the portal's "today". */
export const HOUR_START = Date.UTC(2026, 10, 17, 10);

/** A private app's limits on the firm's Enterprise portal: 190 requests per 10 s, search 5 per second, 1,000,000 a day. */
export const FIRM_LIMITS = { ...HUBSPOT_RATE_LIMITS, perDay: 1_000_000 };

export interface Firm {
  /** Names its cache entry: building one firm leaves the other's in place. */
  name: 'firm' | 'smoke';
  size: Required<Pick<DemoOptionsInput, 'companies' | 'people' | 'keyAccountSize'>>;
}

/** 36,000 clients, 350 of our people, key accounts of 20 to 500 contacts and up to 30,000 activities. */
export const FIRM: Firm = {
  name: 'firm',
  size: {
    companies: 36_000,
    people: 350,
    keyAccountSize: { contacts: { least: 20, most: 500 }, activities: { least: 150, most: 30_000 } },
  },
};
/** The smallest firm that still has every kind of account, for the smoke run. */
export const SMOKE_FIRM: Firm = {
  name: 'smoke',
  size: {
    companies: 60,
    people: 30,
    keyAccountSize: { contacts: { least: 5, most: 30 }, activities: { least: 10, most: 300 } },
  },
};

export interface Cast {
  portalId: number;
  /** Runs the recalculation from the settings page. */
  adminUserId: number;
  people: Array<{ userId: number; ownerId: string; team: string; manager: boolean }>;
  /** Column by column, to keep 36,000 companies small. */
  companies: { id: string[]; fees: number[]; ownerId: string[]; key: boolean[] };
  records: Record<string, number>;
  associations: number;
}

export interface FirmFiles {
  /** The sandbox snapshot standing for the seed (startSandbox's seedCache). */
  portal: string;
  cast: string;
}

const DEMO_SOURCES = resolve(import.meta.dirname, '../../sandbox/demo');

export function firmFiles(cacheDir: string, { name, size }: Firm, seed: number): FirmFiles {
  // A portal set up by an older Keystone would refuse recalculation until set up again: build it anew.
  const hash = createHash('sha256').update(JSON.stringify({ FIRM_VERSION, SETUP_VERSION, size, seed, HOUR_START }));
  for (const file of readdirSync(DEMO_SOURCES)
    .filter((f) => f.endsWith('.ts'))
    .sort())
    hash.update(readFileSync(join(DEMO_SOURCES, file)));
  const dir = join(cacheDir, `${cachePrefix(name)}${hash.digest('hex').slice(0, 16)}`);
  return { portal: join(dir, 'portal.json'), cast: join(dir, 'cast.json') };
}

const cachePrefix = (name: Firm['name']) => `peak-${name}-`;

/** Whether the firm was built before (the snapshot is written last, so its presence means both are whole). */
export const firmIsCached = (files: FirmFiles) => existsSync(files.portal) && existsSync(files.cast);

/**
 * The firm's seed, for the sandbox to build its cached snapshot from: writes the cast beside it first
 * and removes older builds of the same firm from the cache folder (each is a few hundred megabytes).
 */
export function buildFirm(files: FirmFiles, { name, size }: Firm, seed: number): SandboxSeedInput {
  const dir = resolve(files.portal, '..');
  const cacheDir = resolve(dir, '..');
  if (existsSync(cacheDir))
    for (const old of readdirSync(cacheDir).filter((d) => d.startsWith(cachePrefix(name))))
      rmSync(join(cacheDir, old), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const portal = generateDemoPortal({ seed, now: HOUR_START, ...size });
  writeFileSync(files.cast, JSON.stringify(castOf(portal, size.people)));
  return portal;
}

export const firmOf = (options: { smoke: boolean }): Firm => (options.smoke ? SMOKE_FIRM : FIRM);

export const readCast = (files: FirmFiles): Cast => JSON.parse(readFileSync(files.cast, 'utf8')) as Cast;

function castOf(portal: SandboxSeedInput, headcount: number): Cast {
  const people = firmPeople(headcount);
  const access = demoAccess(people);
  const managers = new Set(access.managerUserIds);
  const companies = portal.objects.companies ?? [];
  const fees = closedWonFees(portal);
  return {
    portalId: portal.portalId ?? DEMO_PORTAL_ID,
    adminUserId: Number(access.adminUserIds[0]),
    people: people.map((p) => ({
      userId: p.userId,
      ownerId: p.ownerId,
      team: p.team,
      manager: managers.has(String(p.userId)) || p.owner.teams.some((t) => access.managerTeamIds.includes(t.id)),
    })),
    companies: {
      id: companies.map((c) => c.id),
      fees: companies.map((c) => fees.get(c.id) ?? 0),
      ownerId: companies.map((c) => c.properties.hubspot_owner_id ?? ''),
      key: companies.map((c) => c.properties[COMPANY_PROPERTY.status] === 'key'),
    },
    records: Object.fromEntries(Object.entries(portal.objects).map(([type, records]) => [type, records?.length ?? 0])),
    associations: portal.associations.length,
  };
}

/** Closed-won fees per company over the portal's three years. */
function closedWonFees(portal: SandboxSeedInput): Map<string, number> {
  const won = new Map<string, number>();
  for (const deal of portal.objects.deals ?? [])
    if (deal.properties.dealstage === 'closedwon') won.set(deal.id, Number(deal.properties.amount));
  const fees = new Map<string, number>();
  const counted = new Set<string>();
  for (const a of portal.associations) {
    if (a.fromType !== 'deals' || a.toType !== 'companies' || counted.has(a.fromId)) continue;
    const amount = won.get(a.fromId);
    if (amount === undefined) continue;
    counted.add(a.fromId);
    fees.set(a.toId, (fees.get(a.toId) ?? 0) + amount);
  }
  return fees;
}
