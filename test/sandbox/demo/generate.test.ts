import { describe, expect, it } from 'vitest';
import { generateDemo, generateDemoPortal } from '../../../sandbox/demo/generate.ts';
import { COMPANY_PROPERTY } from '../../../src/crm/model/index.ts';
import { sandboxSeedSchema } from '../../../sandbox/seed.ts';
import { DAY, DEMO_NOW, demoPortal, indexPortal } from './portal-index.ts';

describe('generateDemoPortal', () => {
  const { portal, seed } = demoPortal();

  it('produces a seed the sandbox accepts', () => {
    expect(sandboxSeedSchema.safeParse(portal).success).toBe(true);
  });

  it('has about 2,000 client companies by default, with people on both sides', () => {
    expect(seed.objects.companies).toHaveLength(2_000);
    expect(seed.owners.length).toBeGreaterThanOrEqual(20);
    expect(seed.objects.contacts.length).toBeGreaterThan(seed.objects.companies.length * 2);
    for (const type of ['deals', 'meetings', 'calls', 'emails'] as const)
      expect(seed.objects[type].length).toBeGreaterThan(1_000);
  });

  it('gives the requested number of companies', () => {
    expect(demoPortal({ companies: 120 }).seed.objects.companies).toHaveLength(120);
  });

  it('is byte-identical for the same options', () => {
    const again = generateDemoPortal({ seed: 7, companies: 150, now: DEMO_NOW });
    expect(JSON.stringify(again)).toBe(JSON.stringify(generateDemoPortal({ seed: 7, companies: 150, now: DEMO_NOW })));
  });

  it('differs for a different seed', () => {
    const names = (seedNumber: number) =>
      demoPortal({ seed: seedNumber, companies: 150 }).seed.objects.companies.map((c) => c.properties.name);
    expect(names(8)).not.toEqual(names(7));
  });

  it('moves everything with `now`', () => {
    const later = demoPortal({ companies: 150, now: DEMO_NOW + 10 * DAY }).seed;
    const earlier = demoPortal({ companies: 150 }).seed;
    const shift = (iso: string): string => new Date(Date.parse(iso) + 10 * DAY).toISOString();
    expect(later.objects.companies.map((c) => c.createdAt)).toEqual(
      earlier.objects.companies.map((c) => shift(c.createdAt)),
    );
  });

  it.each([
    [{ now: DEMO_NOW, companies: 10 }, 'companies'],
    [{ now: DEMO_NOW, seed: -1 }, 'seed'],
    [{ now: DEMO_NOW, seed: 1.5 }, 'seed'],
    [{}, 'now'],
  ])('rejects bad options %j, naming the field', (options, field) => {
    expect(() => generateDemo(options as never)).toThrow(new RegExp(`^Invalid demo portal options: ${field}: `));
  });

  it('dates nothing after now except the expected close of open deals and when open tasks are due', () => {
    const plannedAhead = (type: string, name: string, properties: Record<string, string>) =>
      (type === 'deals' && name === 'closedate' && properties.hs_is_closed === 'false') ||
      (type === 'tasks' && name === 'hs_timestamp' && properties.hs_task_status !== 'COMPLETED');
    const stamps = (Object.entries(seed.objects) as Array<[string, typeof seed.objects.deals]>).flatMap(
      ([type, records]) =>
        records.flatMap((r) => [
          r.createdAt,
          r.updatedAt,
          ...Object.values(r.propertyHistory ?? {})
            .flat()
            .map((h) => h.timestamp),
          ...Object.entries(r.properties)
            .filter(
              ([name]) => /(_time|timestamp|_at|closedate)$/.test(name) && !plannedAhead(type, name, r.properties),
            )
            .map(([, v]) => v),
        ]),
    );
    const after = stamps.filter((s): s is string => s !== undefined && Date.parse(s) > DEMO_NOW);
    expect(stamps.length).toBeGreaterThan(50_000);
    expect(after).toEqual([]);
  });

  it('lets open deals close in the coming months', () => {
    const open = seed.objects.deals.filter((d) => d.properties.hs_is_closed === 'false');
    expect(open.length).toBeGreaterThan(0);
    for (const deal of open) expect(Date.parse(deal.properties.closedate ?? '')).toBeGreaterThan(DEMO_NOW);
  });

  it('spreads deals over the three years before now', () => {
    const closed = seed.objects.deals
      .filter((d) => d.properties.hs_is_closed === 'true')
      .map((d) => Date.parse(d.properties.closedate ?? ''));
    const years = new Set(closed.map((t) => Math.floor((DEMO_NOW - t) / (365 * 86_400_000))));
    expect([...years].sort()).toEqual([0, 1, 2]);
    expect(new Set(seed.objects.deals.map((d) => d.properties.dealstage)).size).toBeGreaterThanOrEqual(5);
  });

  describe('the 80/20 shape', () => {
    const topFifthShare = (fees: number[]): number => {
      const sorted = [...fees].sort((a, b) => b - a);
      const total = sorted.reduce((a, b) => a + b, 0);
      return sorted.slice(0, Math.round(sorted.length * 0.2)).reduce((a, b) => a + b, 0) / total;
    };

    it('gets about 80 % of closed-won fees from the top fifth of clients', () => {
      const share = topFifthShare([...indexPortal(seed).closedWonFees().values()]);
      expect(share).toBeGreaterThan(0.75);
      expect(share).toBeLessThan(0.85);
    });

    it.each([2, 3, 99])('holds for seed %i too', (other) => {
      const share = topFifthShare([
        ...indexPortal(demoPortal({ seed: other, companies: 500 }).seed)
          .closedWonFees()
          .values(),
      ]);
      expect(share).toBeGreaterThan(0.75);
      expect(share).toBeLessThan(0.85);
    });

    it('leaves a few prospects that have never bought', () => {
      const clients = indexPortal(seed).closedWonFees().size;
      expect(clients).toBeGreaterThan(1_700);
      expect(clients).toBeLessThan(2_000);
    });
  });

  describe('a larger firm', () => {
    const large = demoPortal({
      companies: 300,
      people: 65,
      keyAccountSize: { contacts: { least: 12, most: 60 }, activities: { least: 30, most: 400 } },
    });
    const index = indexPortal(large.seed);
    const fees = index.closedWonFees();
    const keyAccounts = large.seed.objects.companies
      .filter((c) => c.properties[COMPANY_PROPERTY.status] === 'key')
      .sort((a, b) => (fees.get(b.id) ?? 0) - (fees.get(a.id) ?? 0));

    it('has as many people as asked, each with an address of their own, mostly in sales', () => {
      const owners = large.seed.owners;
      expect(owners).toHaveLength(65);
      expect(new Set(owners.map((o) => o.email)).size).toBe(65);
      const inTeam = (name: string) => owners.filter((o) => o.teams?.[0]?.name.startsWith(name)).length;
      expect(inTeam('Sales')).toBeGreaterThan(owners.length / 2);
      expect(inTeam('Key Account Managers')).toBeGreaterThan(5);
    });

    it('sizes key accounts from the largest client down to the smallest', () => {
      const sizes = keyAccounts.map((c) => ({
        contacts: index.contactsOf(c.id).length,
        activities: index.activitiesOf(c.id).length,
      }));
      expect(sizes[0]!.contacts).toBe(60);
      expect(sizes[0]!.activities).toBeGreaterThanOrEqual(400);
      expect(sizes.at(-1)!.contacts).toBe(12);
      expect(Math.min(...sizes.map((s) => s.activities))).toBeLessThan(60);
    });
  });
});
