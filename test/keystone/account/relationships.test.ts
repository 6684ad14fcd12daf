import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTACT_PROPERTY } from '../../../src/crm/model/index.ts';
import { readRelationships, type Relationships } from '../../../src/keystone/account/relationships.ts';
import {
  DAY,
  NOW,
  anOwner,
  loadAccount,
  loadAccounts,
  startSandboxPortal,
  type ContactSpec,
  type SandboxPortal,
} from '../../app/functions/account-portal.ts';

const ours = anOwner({ firstName: 'Olga', lastName: 'Ours' });
const contact = (id: string, overrides: Partial<ContactSpec> = {}): ContactSpec => ({
  id,
  firstname: `Person${id}`,
  ...overrides,
});

/** Contact ids, with whether each is tagged "Key contact". */
const contactsOf = (r: Relationships | undefined) => r?.contacts.map((c) => [c.id, c.taggedKeyContact]);
/** Activities as [type, contacts], sorted for comparison. */
const activitiesOf = (r: Relationships | undefined) => r?.activities.map((a) => [a.type, a.contactIds]).sort();

describe('reading the relationships of several companies at once', () => {
  let portal: SandboxPortal;
  let acme: string;
  let bolt: string;
  let crane: string;
  beforeAll(async () => {
    portal = await startSandboxPortal();
    const accounts = await loadAccounts(portal, [
      {
        owners: [ours],
        contacts: [contact('7101', { properties: { [CONTACT_PROPERTY.stance]: 'ally' } }), contact('7102')],
        // One meeting with people of two clients: each client sees only its own people in it.
        activities: [
          { type: 'meetings', ownerId: ours.id, contactIds: ['7101', '7201'], daysAgo: 3 },
          { type: 'calls', ownerId: ours.id, contactIds: ['7102'], daysAgo: 40 },
        ],
        keyContactIds: () => ['7101'],
      },
      {
        owners: [ours],
        contacts: [contact('7201')],
        activities: [{ type: 'emails', ownerId: ours.id, contactIds: ['7201'], daysAgo: 1 }],
      },
      { owners: [ours] },
    ]);
    [acme, bolt, crane] = accounts.map((a) => a.companyId) as [string, string, string];
  });
  afterAll(() => portal.close());
  beforeEach(() => portal.control.resetStats());

  it('gives each company its contacts with their Key contact labels, and the meetings, calls and emails with them', async () => {
    const relationships = await readRelationships(portal.client, [acme, bolt, crane]);

    expect(contactsOf(relationships.get(acme))).toEqual([
      ['7101', true],
      ['7102', false],
    ]);
    expect(relationships.get(acme)!.contacts[0]!.properties[CONTACT_PROPERTY.stance]).toBe('ally');
    expect(activitiesOf(relationships.get(acme))).toEqual([
      ['call', ['7102']],
      ['meeting', ['7101']],
    ]);
    expect(relationships.get(acme)!.activities.find((a) => a.type === 'call')).toMatchObject({
      ownerId: ours.id,
      at: NOW - 40 * DAY,
    });
    expect(contactsOf(relationships.get(bolt))).toEqual([['7201', false]]);
    expect(activitiesOf(relationships.get(bolt))).toEqual([
      ['email', ['7201']],
      ['meeting', ['7201']],
    ]);
    expect(relationships.get(crane)).toEqual({ contacts: [], activities: [], activitiesLogged: 0 });
  });

  it('reads three companies with the calls one company takes: one association read per step and one batch read per type', async () => {
    await readRelationships(portal.client, [acme, bolt, crane]);

    const { total, byRoute } = await portal.control.stats();
    expect(byRoute).toEqual({
      'POST /crm/v4/associations/companies/contacts/batch/read': 1,
      'POST /crm/v3/objects/contacts/batch/read': 1,
      'POST /crm/v4/associations/contacts/meetings/batch/read': 1,
      'POST /crm/v4/associations/contacts/calls/batch/read': 1,
      'POST /crm/v4/associations/contacts/emails/batch/read': 1,
      'POST /crm/v3/objects/meetings/batch/read': 1,
      'POST /crm/v3/objects/calls/batch/read': 1,
      'POST /crm/v3/objects/emails/batch/read': 1,
    });
    expect(total).toBe(8);
  });

  it('tells a pacing hook before each round how many requests it is about to send, and sends none of a round the hook refuses', async () => {
    const rounds: number[] = [];
    await readRelationships(portal.client, [acme, bolt, crane], {
      beforeRound: async (calls) => {
        rounds.push(calls);
      },
    });
    // Companies' contacts; the contacts and their meetings, calls and emails (one association read each); one read per type.
    expect(rounds).toEqual([1, 4, 3]);

    await portal.control.resetStats();
    const refused = new Error('no room in the window');
    await expect(
      readRelationships(portal.client, [acme], {
        beforeRound: async (calls) => {
          if (calls > 1) throw refused;
        },
      }),
    ).rejects.toBe(refused);
    expect((await portal.control.stats()).byRoute).toEqual({
      'POST /crm/v4/associations/companies/contacts/batch/read': 1,
    });
  });

  it('stops after the first read when none of the companies has contacts, and asks nothing for no companies', async () => {
    expect(await readRelationships(portal.client, [crane])).toEqual(
      new Map([[crane, { contacts: [], activities: [], activitiesLogged: 0 }]]),
    );
    expect((await portal.control.stats()).total).toBe(1);

    await portal.control.resetStats();
    expect(await readRelationships(portal.client, [])).toEqual(new Map());
    expect((await portal.control.stats()).total).toBe(0);
  });
});

describe('an account with more meetings, calls and emails than one read weighs', () => {
  let portal: SandboxPortal;
  let companyId: string;
  beforeAll(async () => {
    portal = await startSandboxPortal();
    // Ids out of list order and across a change in their number of digits: the highest are the most recently logged.
    ({ companyId } = await loadAccount(portal, {
      owners: [ours],
      contacts: [contact('7301'), contact('7302')],
      activities: [
        { id: '99998', type: 'meetings', ownerId: ours.id, contactIds: ['7301'], daysAgo: 1 },
        { id: '100002', type: 'calls', ownerId: ours.id, contactIds: ['7302'], daysAgo: 500 },
        { id: '99999', type: 'emails', ownerId: ours.id, contactIds: ['7301'], daysAgo: 2 },
        { id: '100001', type: 'meetings', ownerId: ours.id, contactIds: ['7301', '7302'], daysAgo: 3 },
        { id: '100003', type: 'emails', ownerId: ours.id, contactIds: ['7302'], daysAgo: 4 },
        { id: '100004', type: 'emails', ownerId: ours.id, contactIds: ['7301'], daysAgo: 5 },
      ],
    }));
  });
  afterAll(() => portal.close());

  it('weighs each kind its share of the limit, the most recently logged of it, so many emails do not crowd out meetings', async () => {
    await portal.control.resetStats();
    const relationships = (await readRelationships(portal.client, [companyId], { mostActivities: 4 })).get(companyId)!;

    // Shares of 4: the one call; both meetings (their share of what is left is 2); the newest email.
    expect(relationships.activities.map((a) => [a.id, a.type, a.contactIds]).sort()).toEqual([
      ['100001', 'meeting', ['7301', '7302']],
      ['100002', 'call', ['7302']],
      ['100004', 'email', ['7301']],
      ['99998', 'meeting', ['7301']],
    ]);
    // The meeting with both contacts is one activity.
    expect(relationships.activitiesLogged).toBe(6);
    const { byRoute } = await portal.control.stats();
    expect(byRoute['POST /crm/v3/objects/emails/batch/read']).toBe(1);
  });

  it('weighs them all when they are within the limit', async () => {
    const relationships = (await readRelationships(portal.client, [companyId], { mostActivities: 6 })).get(companyId)!;
    expect(relationships.activities.map((a) => a.id).sort()).toEqual([
      '100001',
      '100002',
      '100003',
      '100004',
      '99998',
      '99999',
    ]);
    expect(relationships.activitiesLogged).toBe(6);
  });
});

describe("the relationships of an account larger than a card's share of the firm's window", () => {
  let portal: SandboxPortal;
  let companyId: string;
  beforeAll(async () => {
    portal = await startSandboxPortal();
    // 4,200 emails, one a day and more: the 4,000 most recent are what one read weighs.
    ({ companyId } = await loadAccount(portal, {
      owners: [ours],
      contacts: [contact('7401'), contact('7402')],
      activities: Array.from({ length: 4_200 }, (_, i) => ({
        type: 'emails' as const,
        ownerId: ours.id,
        contactIds: [i % 2 === 0 ? '7401' : '7402'],
        daysAgo: 1 + Math.floor(i / 20),
      })),
    }));
  }, 60_000);
  afterAll(() => portal.close());

  it('weighs the 4,000 most recently logged in 40 reads, leaving most of the 190 a 10 s to everyone else', async () => {
    await portal.control.resetStats();
    const relationships = (await readRelationships(portal.client, [companyId])).get(companyId)!;
    expect(relationships.activitiesLogged).toBe(4_200);
    expect(relationships.activities).toHaveLength(4_000);
    const { byRoute } = await portal.control.stats();
    expect(byRoute['POST /crm/v3/objects/emails/batch/read']).toBe(40);
  });
});
