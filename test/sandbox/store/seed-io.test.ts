import { describe, expect, it } from 'vitest';
import { sandboxSeedSchema } from '../../../sandbox/seed.ts';
import type { SandboxSeedInput } from '../../../sandbox/seed.ts';
import { portalFromSeed, portalToSeed } from '../../../sandbox/store/seed-io.ts';
import { portalSeed, richSeed, seedRecord } from '../helpers.ts';

const build = (seed: SandboxSeedInput) => portalFromSeed(sandboxSeedSchema.parse(seed), 1);

describe('seeds in and out', () => {
  it('makes a seed’s current value the newest history entry', () => {
    const contacts = build(richSeed()).standard('contacts');
    expect(contacts.records.get('10')!.history.jobtitle!.map((e) => e.value)).toEqual(['CFO', 'Controller']);
  });

  it('gives a custom object’s records its default association to the objects it names', () => {
    const portal = build(richSeed());
    const plan = portal.bySeedName('account_plan')!;
    const [toId, typeIds] = [...portal.associationsOf(portal.standard('companies'), '1', plan.objectTypeId)!][0]!;
    expect(toId).toBe('20');
    expect(portal.associationTypes.get([...typeIds][0]!)).toMatchObject({
      category: 'USER_DEFINED',
      label: null,
      toTypeId: plan.objectTypeId,
    });
  });

  it('writes a portal back as a seed that rebuilds the same portal, each association once', () => {
    const first = portalToSeed(build(richSeed()));
    expect(first.associations).toHaveLength(3);
    const second = portalToSeed(build(first));
    expect(second).toEqual(first);
    expect(second.objects.contacts!.find((c) => c.id === '11')?.archived).toBe(true);
    expect(second.associationDefinitions).toContainEqual(
      expect.objectContaining({ typeId: 900, label: 'Manager', inverseLabel: 'Reports to' }),
    );
  });

  it.each([
    [
      'an unknown object type',
      portalSeed({ objects: { widgets: [seedRecord({})] } }),
      'Seed objects.widgets: unknown object type "widgets"',
    ],
    [
      'an id used twice',
      portalSeed({ objects: { companies: [seedRecord({}, { id: '1' }), seedRecord({}, { id: '1' })] } }),
      'Seed objects.companies[1]: id 1 is used twice',
    ],
    [
      'an association type between other objects',
      portalSeed({
        objects: { companies: [seedRecord({}, { id: '1' })], deals: [seedRecord({}, { id: '2' })] },
        associations: [{ fromType: 'deals', fromId: '2', toType: 'companies', toId: '1', associationTypeId: 279 }],
      }),
      'Seed associations[0].associationTypeId',
    ],
  ])('refuses %s, naming where', (_, seed, message) => {
    expect(() => build(seed)).toThrow(message);
  });
});
