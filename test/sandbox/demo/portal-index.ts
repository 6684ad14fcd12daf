import { generateDemo, type Demo } from '../../../sandbox/demo/generate.ts';
import type { DemoOptionsInput } from '../../../sandbox/demo/options.ts';
import { sandboxSeedSchema, type SandboxSeed, type SeedRecord } from '../../../sandbox/seed.ts';

// Test helpers: a demo portal at a fixed "today", parsed through the seed schema, with lookups
// the assertions need (records by id, links between records, fees per company).

export const DEMO_NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
export const DAY = 86_400_000;

export function demoPortal(overrides: Partial<DemoOptionsInput> = {}): Demo & { seed: SandboxSeed } {
  const demo = generateDemo({ now: DEMO_NOW, ...overrides });
  return { ...demo, seed: sandboxSeedSchema.parse(demo.portal) };
}

export type ObjectType = keyof SandboxSeed['objects'];
export const ACTIVITY_TYPES = ['meetings', 'calls', 'emails'] as const satisfies readonly ObjectType[];

export interface PortalIndex {
  record(type: ObjectType, id: string): SeedRecord;
  /** Ids of `toType` records linked from a record, in either stored direction. */
  linked(fromType: ObjectType, fromId: string, toType: ObjectType): string[];
  contactsOf(companyId: string): SeedRecord[];
  activitiesOf(companyId: string): SeedRecord[];
  /** Closed-won deal amounts per company id, optionally only deals closed after `since`. */
  closedWonFees(since?: number): Map<string, number>;
}

export function indexPortal(seed: SandboxSeed): PortalIndex {
  const byId = new Map<string, SeedRecord>();
  for (const [type, records] of Object.entries(seed.objects)) for (const r of records) byId.set(`${type}/${r.id}`, r);
  const links = new Map<string, string[]>();
  const link = (fromType: string, fromId: string, toType: string, toId: string): void => {
    const key = `${fromType}/${fromId}>${toType}`;
    const list = links.get(key) ?? [];
    if (!list.includes(toId)) list.push(toId);
    links.set(key, list);
  };
  for (const a of seed.associations) {
    link(a.fromType, a.fromId, a.toType, a.toId);
    link(a.toType, a.toId, a.fromType, a.fromId);
  }
  const record = (type: ObjectType, id: string): SeedRecord => {
    const found = byId.get(`${type}/${id}`);
    if (!found) throw new Error(`No ${type} record ${id}`);
    return found;
  };
  const linked = (fromType: ObjectType, fromId: string, toType: ObjectType): string[] =>
    links.get(`${fromType}/${fromId}>${toType}`) ?? [];
  return {
    record,
    linked,
    contactsOf: (companyId) => linked('companies', companyId, 'contacts').map((id) => record('contacts', id)),
    activitiesOf: (companyId) =>
      ACTIVITY_TYPES.flatMap((type) => linked('companies', companyId, type).map((id) => record(type, id))),
    closedWonFees: (since = -Infinity) => {
      const fees = new Map<string, number>();
      for (const deal of seed.objects.deals) {
        if (deal.properties.dealstage !== 'closedwon' || Date.parse(deal.properties.closedate ?? '') <= since) continue;
        for (const companyId of linked('deals', deal.id, 'companies'))
          fees.set(companyId, (fees.get(companyId) ?? 0) + Number(deal.properties.amount));
      }
      return fees;
    },
  };
}

export const at = (iso: string | undefined): number => {
  const t = Date.parse(iso ?? '');
  if (Number.isNaN(t)) throw new Error(`Not a timestamp: ${String(iso)}`);
  return t;
};
