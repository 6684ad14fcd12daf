import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as cardDataMain } from '../../../src/app/functions/card_data.ts';
import { cardDataSchema, type CardData } from '../../../src/contracts/index.ts';
import { REQUEST_SILENCE_LIMIT_MS } from '../../../src/crm/client.ts';
import { COMPANY_PROPERTY, CONTACT_PROPERTY } from '../../../src/crm/model/index.ts';
import { PORTAL_ID } from '../../crm/sandbox-portal.ts';
import {
  DAY,
  NOW,
  anOwner,
  configureAccess,
  loadAccount,
  startSandboxPortal,
  type ContactSpec,
  type SandboxPortal,
} from './account-portal.ts';
import { onTestClock } from '../../clock.ts';

const cardData = onTestClock(cardDataMain);

const manager = anOwner({ firstName: 'Max', lastName: 'Manager' });
const colleague = anOwner({ firstName: 'Cleo', lastName: 'Colleague' });
const admin = anOwner({ firstName: 'Ada', lastName: 'Admin' });

const ann: ContactSpec = {
  firstname: 'Ann',
  properties: {
    jobtitle: 'CFO',
    [CONTACT_PROPERTY.stance]: 'ally',
    [CONTACT_PROPERTY.decisionPower]: 'final_say',
    [CONTACT_PROPERTY.decisionTopics]: 'Budget; Suppliers',
  },
  stanceHistory: [['neutral', 100]],
  titleHistory: [['Finance director', 300]],
};
const bob: ContactSpec = { firstname: 'Bob', properties: { jobtitle: 'Buyer', hs_buying_role: 'END_USER' } };

/** As the card calls it: with the portal id from its context, unless told `null` (an older card). */
async function readCard(companyId: string, userId: number, portalId: number | null = PORTAL_ID): Promise<CardData> {
  const answer = await cardData({ parameters: { companyId, userId, ...(portalId === null ? {} : { portalId }) } });
  if (answer.status !== 'ok') throw new Error(`card_data failed: ${answer.code} ${answer.message}`);
  const { status: _ok, ...payload } = answer;
  return cardDataSchema.parse(payload);
}

describe('card_data', () => {
  let portal: SandboxPortal;
  beforeAll(async () => {
    portal = await startSandboxPortal();
    portal.useForFunctions();
  });
  afterAll(() => portal.close());

  it('answers status, explainable score, plan and reviews of a company in one call', async () => {
    const { companyId } = await loadAccount(portal, {
      owners: [manager, colleague],
      company: { [COMPANY_PROPERTY.status]: 'key', [COMPANY_PROPERTY.prestige]: '8', hs_is_target_account: 'true' },
      contacts: [ann, bob],
      deals: [
        {
          amount: '50000',
          dealstage: 'closedwon',
          hs_is_closed_won: 'true',
          hs_is_closed: 'true',
          closedate: new Date(NOW - 30 * DAY).toISOString(),
        },
      ],
    });

    const card = await readCard(companyId, manager.userId);

    expect(card.company).toEqual({ companyId, name: 'Acme Ltd' });
    expect(card.keyAccount).toMatchObject({ status: 'key', isTargetAccount: true, changedBy: null });
    const historic = card.keyAccount.score.criteria.find((c) => c.criterion === 'historicPurchases');
    expect(historic).toMatchObject({ value: 50_000, unit: 'currency', missing: null });
    expect(historic!.contribution).toBeGreaterThan(0);
    expect(card.keyAccount.score.criteria.find((c) => c.criterion === 'profitability')).toMatchObject({
      value: null,
      contribution: 0,
      missing: '"Margin %" on the company',
    });
    expect(card.keyAccount.score.criteria.reduce((sum, c) => sum + c.contribution, 0)).toBeCloseTo(
      card.keyAccount.score.total,
    );
    expect(card.keyAccount.score.thresholds).toEqual({ candidate: 50, key: 70 });
    // Revenue and prestige alone are too little of the weight to judge the tag by.
    expect(card.keyAccount.score).toMatchObject({ enoughData: false, suggestedStatus: 'none' });
    expect(card.plan).toMatchObject({
      revision: 0,
      businessObjective: '',
      objectives: [],
      team: { relationshipPartner: null, accountManager: null, researcher: null },
    });
    expect(card.reviews).toMatchObject({ status: 'not_scheduled', nextDueAt: null, history: [], cadence: 'quarterly' });
    // No admin is configured yet: until a HubSpot super admin names Keystone's admins in its settings, the
    // super admin (HubSpot's users API says so; here Max) acts as one, and everyone else reads.
    expect(card.permissions).toEqual({ canEdit: true, isAdmin: true, readOnlyReason: null });
    expect((await readCard(companyId, colleague.userId)).permissions).toEqual({
      canEdit: false,
      isAdmin: false,
      readOnlyReason: expect.any(String),
    });
    expect(card.owners.map((o) => o.name)).toEqual(['Cleo Colleague', 'Max Manager']);
  });

  it('shows the room in share of wallet under that label, and scores the room: the more of the wallet is ours, the fewer points', async () => {
    const deal = (amount: string) => ({
      amount,
      dealstage: 'closedwon',
      hs_is_closed_won: 'true',
      hs_is_closed: 'true',
      closedate: new Date(NOW - 30 * DAY).toISOString(),
    });
    const walletOf = async (ourRevenue: string) => {
      const { companyId } = await loadAccount(portal, {
        owners: [manager],
        company: { [COMPANY_PROPERTY.totalSpendInOurArea]: '100000' },
        deals: [deal(ourRevenue)],
      });
      const card = await readCard(companyId, manager.userId);
      return card.keyAccount.score.criteria.find((c) => c.criterion === 'shareOfWallet')!;
    };

    // We hold 48% of the client's spend in our area: 52% is room to grow.
    const mostlyOurs = await walletOf('48000');
    expect(mostlyOurs).toMatchObject({ label: 'Room in share of wallet', unit: 'percent', value: 52 });
    const littleOurs = await walletOf('10000');
    expect(littleOurs.value).toBe(90);
    // The same criteria are known for both, so the points are in proportion to the room shown.
    expect(littleOurs.contribution / mostlyOurs.contribution).toBeCloseTo(90 / 52, 10);
  });

  it('shows each contact with stance history, roles, decision power, last touch and who of ours holds the relationship', async () => {
    const { companyId } = await loadAccount(portal, {
      owners: [manager, colleague],
      contacts: [
        { ...ann, id: '901', properties: { ...ann.properties, [CONTACT_PROPERTY.reportsTo]: '902' } },
        { ...bob, id: '902' },
      ],
      activities: [
        { type: 'meetings', ownerId: manager.id, contactIds: ['901'], daysAgo: 10 },
        { type: 'calls', ownerId: manager.id, contactIds: ['901'], daysAgo: 20 },
        { type: 'emails', ownerId: colleague.id, contactIds: ['901', '902'], daysAgo: 5 },
      ],
    });

    const { relationships } = await readCard(companyId, manager.userId);

    const [first, second] = relationships.contacts;
    expect(first).toMatchObject({
      contactId: '901',
      name: 'Ann Client',
      jobTitle: 'CFO',
      watched: true,
      stance: 'ally',
      decisionPower: 'final_say',
      decisionTopics: ['Budget', 'Suppliers'],
      reportsTo: { contactId: '902', name: 'Bob Client' },
      lastTouchAt: NOW - 5 * DAY,
      departure: null,
    });
    expect(first!.stanceHistory.map((h) => h.stance)).toEqual(['ally', 'neutral']);
    expect(first!.jobTitleHistory.map((h) => h.jobTitle)).toEqual(['CFO', 'Finance director']);
    expect(first!.heldBy.map((h) => h.person.name)).toEqual(['Max Manager', 'Cleo Colleague']);
    expect(second).toMatchObject({
      contactId: '902',
      watched: true,
      watchedBecause: ['buying_role'],
      buyingRoles: ['END_USER'],
      heldBy: [{ person: { name: 'Cleo Colleague' } }],
    });
    expect(relationships.coverage.score).toBeGreaterThan(0);
    expect(relationships.coverage.reasons.length).toBeGreaterThan(0);
    // Bob hears only from Cleo: half the relationships hang on one person of ours.
    expect(relationships.coverage.warnings).toEqual([
      {
        kind: 'single_person_dependency',
        contactIds: ['902'],
        message: expect.stringContaining('Cleo Colleague alone'),
      },
    ]);
  });

  it('warns about a departed key contact nobody has replaced and an ally nobody has kept in touch with', async () => {
    const { companyId } = await loadAccount(portal, {
      owners: [manager],
      contacts: [
        {
          id: '911',
          firstname: 'Tom',
          properties: { [CONTACT_PROPERTY.stance]: 'ally', [CONTACT_PROPERTY.decisionPower]: 'decides' },
        },
        {
          id: '912',
          firstname: 'Lea',
          properties: {
            [CONTACT_PROPERTY.decisionPower]: 'decides',
            [CONTACT_PROPERTY.leftCompany]: 'true',
            [CONTACT_PROPERTY.leftAt]: new Date(NOW - 40 * DAY).toISOString(),
          },
        },
      ],
      activities: [
        { type: 'meetings', ownerId: manager.id, contactIds: ['911'], daysAgo: 200 },
        { type: 'calls', ownerId: manager.id, contactIds: ['912'], daysAgo: 60 },
      ],
    });

    const { relationships } = await readCard(companyId, manager.userId);

    const warnings = Object.fromEntries(relationships.coverage.warnings.map((w) => [w.kind, w]));
    expect(warnings.stale_allies).toMatchObject({
      contactIds: ['911'],
      message: expect.stringContaining('Tom Client'),
    });
    expect(warnings.departed_key_contacts).toMatchObject({ contactIds: ['912'] });
    // A departed contact still shows when we last spoke and who of ours knew them.
    expect(relationships.contacts.find((c) => c.contactId === '912')).toMatchObject({
      watched: true,
      departure: { leftAt: NOW - 40 * DAY, replacedBy: null },
      lastTouchAt: NOW - 60 * DAY,
      heldBy: [{ person: { name: 'Max Manager' } }],
    });
  });

  it('words each warning as its title says, tells never in touch from gone quiet, and lists a departure first', async () => {
    const { companyId } = await loadAccount(portal, {
      owners: [manager],
      contacts: [
        {
          id: '931',
          firstname: 'Tom',
          properties: { [CONTACT_PROPERTY.stance]: 'ally', [CONTACT_PROPERTY.decisionPower]: 'decides' },
        },
        { id: '932', firstname: 'Una', properties: { [CONTACT_PROPERTY.stance]: 'supporter' } },
        { id: '933', firstname: 'Vic', properties: { [CONTACT_PROPERTY.decisionPower]: 'final_say' } },
        {
          id: '934',
          firstname: 'Lea',
          properties: {
            [CONTACT_PROPERTY.stance]: 'neutral',
            [CONTACT_PROPERTY.leftCompany]: 'true',
            [CONTACT_PROPERTY.leftAt]: new Date(NOW - 40 * DAY).toISOString(),
          },
        },
      ],
      activities: [{ type: 'meetings', ownerId: manager.id, contactIds: ['931'], daysAgo: 200 }],
    });

    const { relationships } = await readCard(companyId, manager.userId);

    expect(relationships.coverage.warnings.slice(0, 4)).toEqual([
      {
        kind: 'departed_key_contacts',
        contactIds: ['934'],
        message: 'Lea Client left the client: who has taken over, and do we know them?',
      },
      {
        kind: 'out_of_touch',
        contactIds: [],
        message: 'Nobody at this client has heard from us in the last 90 days.',
      },
      {
        kind: 'uncovered_decision_makers',
        contactIds: ['931', '933'],
        message:
          'Nobody of ours has ever been in touch with decision makers Vic Client, nor with Tom Client for over 90 days.',
      },
      {
        kind: 'stale_allies',
        contactIds: ['931', '932'],
        message:
          'Nobody of ours has ever been in touch with Una Client, nor with Tom Client for over 90 days: are they still on our side?',
      },
    ]);
  });

  it('names one decision maker as one, and several contacts whose supervisor is unknown as several', async () => {
    const { companyId } = await loadAccount(portal, {
      owners: [manager],
      contacts: [
        {
          id: '951',
          firstname: 'Vic',
          properties: { jobtitle: 'Chief Executive Officer', [CONTACT_PROPERTY.decisionPower]: 'final_say' },
        },
        { id: '952', firstname: 'Ann', properties: { [CONTACT_PROPERTY.stance]: 'supporter' } },
        { id: '953', firstname: 'Bob', properties: { [CONTACT_PROPERTY.stance]: 'neutral' } },
      ],
      activities: [{ type: 'meetings', ownerId: manager.id, contactIds: ['952', '953'], daysAgo: 5 }],
    });

    const { relationships } = await readCard(companyId, manager.userId);

    const messages = Object.fromEntries(relationships.coverage.warnings.map((w) => [w.kind, w.message]));
    expect(messages.uncovered_decision_makers).toBe(
      'Nobody of ours has ever been in touch with decision maker Vic Client.',
    );
    expect(messages.unknown_supervisors).toBe('We do not know whom Ann Client, Bob Client report to.');
  });

  it('words each departure by why they left, as its review trigger does', async () => {
    const left = (reason?: string) => ({
      [CONTACT_PROPERTY.stance]: 'ally',
      [CONTACT_PROPERTY.leftCompany]: 'true',
      [CONTACT_PROPERTY.leftAt]: new Date(NOW - 10 * DAY).toISOString(),
      ...(reason === undefined ? {} : { [CONTACT_PROPERTY.leftReason]: reason }),
    });
    const { companyId } = await loadAccount(portal, {
      owners: [manager],
      contacts: [
        { id: '941', firstname: 'Ann', properties: left('retired') },
        { id: '942', firstname: 'Bob', properties: left('moved_role') },
        { id: '943', firstname: 'Cy', properties: left('left') },
        { id: '944', firstname: 'Dot', properties: left() },
        { id: '945', firstname: 'Eve', properties: left('retired') },
      ],
      activities: [],
    });

    const { relationships } = await readCard(companyId, manager.userId);

    expect(relationships.coverage.warnings[0]).toEqual({
      kind: 'departed_key_contacts',
      contactIds: ['941', '942', '943', '944', '945'],
      message:
        'Ann Client, Eve Client retired; Bob Client moved to another role; Cy Client, Dot Client left the client: who has taken over, and do we know them?',
    });
  });

  it('asks nothing about departures whose successor is recorded, puts the successor in their place and their reports under the successor, and asks only about reports of someone who left unreplaced', async () => {
    const left = (replacedBy: string) => ({
      [CONTACT_PROPERTY.leftCompany]: 'true',
      [CONTACT_PROPERTY.leftAt]: new Date(NOW - 20 * DAY).toISOString(),
      [CONTACT_PROPERTY.leftReason]: 'retired',
      [CONTACT_PROPERTY.replacedBy]: replacedBy,
    });
    const { companyId } = await loadAccount(portal, {
      owners: [manager],
      contacts: [
        {
          id: '921',
          firstname: 'Victoria',
          properties: { jobtitle: 'Managing Director', [CONTACT_PROPERTY.decisionPower]: 'final_say', ...left('922') },
        },
        {
          id: '922',
          firstname: 'George',
          properties: { jobtitle: 'Managing Director', [CONTACT_PROPERTY.stance]: 'supporter' },
        },
        { id: '923', firstname: 'Emily', properties: { [CONTACT_PROPERTY.stance]: 'ally', ...left('924') } },
        { id: '924', firstname: 'Nathan', properties: { [CONTACT_PROPERTY.reportsTo]: '922' } },
        {
          id: '925',
          firstname: 'Ann',
          properties: { [CONTACT_PROPERTY.decisionPower]: 'decides', [CONTACT_PROPERTY.reportsTo]: '921' },
        },
        // Isaac reported to Tom and took his place when Tom left: he reports to whom Tom reported.
        {
          id: '926',
          firstname: 'Tom',
          properties: { [CONTACT_PROPERTY.stance]: 'ally', [CONTACT_PROPERTY.reportsTo]: '922', ...left('927') },
        },
        {
          id: '927',
          firstname: 'Isaac',
          properties: { [CONTACT_PROPERTY.stance]: 'supporter', [CONTACT_PROPERTY.reportsTo]: '926' },
        },
        // Paul left and nobody is recorded in his place: whom Rita reports to now is not known.
        { id: '928', firstname: 'Paul', properties: { [CONTACT_PROPERTY.reportsTo]: '922', ...left('') } },
        {
          id: '929',
          firstname: 'Rita',
          properties: { [CONTACT_PROPERTY.stance]: 'neutral', [CONTACT_PROPERTY.reportsTo]: '928' },
        },
      ],
      activities: [
        { type: 'meetings', ownerId: manager.id, contactIds: ['922', '924', '925', '927', '929'], daysAgo: 5 },
      ],
    });

    const { relationships } = await readCard(companyId, manager.userId);

    const kinds = relationships.coverage.warnings.map((w) => w.kind);
    expect(kinds).not.toContain('departed_key_contacts');
    expect(kinds).not.toContain('unknown_supervisors');
    expect(relationships.coverage.warnings.find((w) => w.kind === 'supervisors_left')).toEqual({
      kind: 'supervisors_left',
      contactIds: ['929'],
      message: 'Rita Client reported to Paul Client, who has left: whom do they report to now?',
    });
    // Ann reported to Victoria, whom George replaced: she reports to George now, and nobody asks.
    const ann = relationships.contacts.find((c) => c.contactId === '925');
    expect(ann?.reportsTo).toEqual({ contactId: '922', name: 'George Client', left: false });
    const nathan = relationships.contacts.find((c) => c.contactId === '924');
    expect(nathan?.reportsTo).toEqual({ contactId: '922', name: 'George Client', left: false });
    const isaac = relationships.contacts.find((c) => c.contactId === '927');
    expect(isaac?.reportsTo).toEqual({ contactId: '922', name: 'George Client', left: false });
  });

  describe('reads a 150-contact, 250-activity account with batch reads only', () => {
    let companyId: string;
    beforeAll(async () => {
      const contacts = Array.from(
        { length: 150 },
        (_, i): ContactSpec => ({ id: String(2_000 + i), firstname: `C${i}` }),
      );
      const activity = (type: 'meetings' | 'calls' | 'emails', i: number) => ({
        type,
        ownerId: manager.id,
        contactIds: [String(2_000 + (i % 150))],
        daysAgo: 1 + (i % 300),
      });
      ({ companyId } = await loadAccount(portal, {
        owners: [manager],
        contacts,
        activities: [
          ...Array.from({ length: 120 }, (_, i) => activity('meetings', i)),
          ...Array.from({ length: 80 }, (_, i) => activity('calls', i)),
          ...Array.from({ length: 50 }, (_, i) => activity('emails', i)),
        ],
        deals: [
          {
            amount: '1000',
            dealstage: 'closedwon',
            hs_is_closed_won: 'true',
            hs_is_closed: 'true',
            closedate: new Date(NOW - 10 * DAY).toISOString(),
          },
        ],
      }));
      // A portal whose admins are named: nobody's HubSpot role is asked (one call more until then).
      await configureAccess(manager, {});
    });
    // Contacts 50 a call (read with their history, HubSpot's most), and each activity type 100 a call on
    // its own (HubSpot batch-reads one object type a call).
    const perBatch = Math.ceil(150 / 50) + Math.ceil(120 / 100) + Math.ceil(80 / 100) + Math.ceil(50 / 100);

    async function callsFor(portalId: number | null): Promise<{ total: number; byRoute: Record<string, number> }> {
      await portal.control.resetStats();
      const card = await readCard(companyId, manager.userId, portalId);
      expect(card.relationships.contacts).toHaveLength(150);
      // As setup copied them onto the settings record from HubSpot's account details.
      expect(card.portal).toEqual({ currency: 'GBP', timeZone: 'Europe/London' });
      return portal.control.stats();
    }

    it('with the portal id from the card: 8 fixed calls, one per 50 contacts and per 100 activities of a kind', async () => {
      const { total, byRoute } = await callsFor(PORTAL_ID);
      // Fixed: the company's labelled contacts, the company, settings (with the portal's currency and time
      // zone, and the people the settings save stored: no account details or owners call), plan, three
      // contact → activity association reads and the deals.
      expect(total).toBe(8 + perBatch);
      expect(byRoute['GET /crm/v3/owners']).toBeUndefined();
      expect(byRoute['GET /account-info/v3/details']).toBeUndefined();
      expect(byRoute['GET /crm-object-schemas/v3/schemas']).toBeUndefined();
      const perRecordReads = Object.entries(byRoute).filter(
        ([route]) => route.startsWith('GET /crm/v3/objects/') && route.endsWith('/:id'),
      );
      expect(perRecordReads.map(([, count]) => count)).toEqual([1, 1, 1]);
      expect(perRecordReads.map(([route]) => route)).toContain('GET /crm/v3/objects/companies/:id');
    });

    it("without it, one more: the schemas read that finds Keystone's object types", async () => {
      const { total, byRoute } = await callsFor(null);
      expect(total).toBe(9 + perBatch);
      expect(byRoute['GET /crm-object-schemas/v3/schemas']).toBe(1);
    });

    it("with another portal's id, still answers by reading the schemas", async () => {
      const card = await readCard(companyId, manager.userId, PORTAL_ID + 1);
      expect(card.relationships.contacts).toHaveLength(150);
    });
  });

  it('asks for setup when Keystone has not been set up in the portal, whether or not the card names the portal', async () => {
    const { companyId } = await loadAccount(portal, { owners: [manager], skipSetup: true });
    expect(await cardData({ parameters: { companyId, userId: manager.userId } })).toMatchObject({
      status: 'error',
      code: 'KAM.SETUP_REQUIRED',
    });
    expect(await cardData({ parameters: { companyId, userId: manager.userId, portalId: PORTAL_ID } })).toMatchObject({
      status: 'error',
      code: 'KAM.SETUP_REQUIRED',
    });
  });

  it('answers KAM.COMPANY_NOT_FOUND for a company that does not exist', async () => {
    await loadAccount(portal, { owners: [manager] });
    expect(await cardData({ parameters: { companyId: '987654321', userId: manager.userId } })).toMatchObject({
      status: 'error',
      code: 'KAM.COMPANY_NOT_FOUND',
    });
  });

  it("gets through a 429 from HubSpot's 10-second window after a second, where HubSpot's own client would wait ten", async () => {
    const { companyId } = await loadAccount(portal, { owners: [manager] });
    await portal.control.injectFault({
      kind: 'rateLimit',
      policyName: 'TEN_SECONDLY_ROLLING',
      path: '/crm/v3/owners*',
      times: 1,
    });
    const started = performance.now();
    expect((await readCard(companyId, manager.userId)).company.companyId).toBe(companyId);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('answers KAM.HUBSPOT_UNAVAILABLE once HubSpot has been silent for the limit, long before the platform would stop the function', async () => {
    const { companyId } = await loadAccount(portal, { owners: [manager] });
    await portal.control.injectFault({
      kind: 'latency',
      ms: REQUEST_SILENCE_LIMIT_MS + 4_000,
      path: '/crm/v3/owners*',
      times: 1,
    });
    const started = performance.now();
    expect(await cardData({ parameters: { companyId, userId: manager.userId, portalId: PORTAL_ID } })).toMatchObject({
      status: 'error',
      code: 'KAM.HUBSPOT_UNAVAILABLE',
      message: 'HubSpot did not respond. Wait a moment and try again.',
    });
    // Not before the limit, either: a kept-alive connection is held to the limit, not to the server's shorter keep-alive.
    expect(performance.now() - started).toBeGreaterThan(REQUEST_SILENCE_LIMIT_MS - 100);
    expect(performance.now() - started).toBeLessThan(REQUEST_SILENCE_LIMIT_MS + 3_000);
  }, 20_000);

  it('rejects malformed parameters with their paths before calling HubSpot', async () => {
    await portal.control.resetStats();
    const answer = await cardData({ parameters: { companyId: '12; DROP', userId: -4, extra: 1 } });
    expect(answer).toMatchObject({ status: 'error', code: 'KAM.INVALID_PARAMETERS' });
    expect(answer.status === 'error' && answer.issues?.map((i) => i.path).sort()).toEqual(['', 'companyId', 'userId']);
    expect((await portal.control.stats()).total).toBe(0);
  });

  it('shows the card read-only, with the reason, to someone who is not a manager', async () => {
    const { companyId } = await loadAccount(portal, { owners: [admin, manager, colleague] });
    await configureAccess(admin, { managerUserIds: [String(manager.userId)] });

    expect((await readCard(companyId, manager.userId)).permissions).toEqual({
      canEdit: true,
      isAdmin: false,
      readOnlyReason: null,
    });
    expect((await readCard(companyId, colleague.userId)).permissions).toMatchObject({
      canEdit: false,
      isAdmin: false,
      readOnlyReason: expect.stringContaining('managers'),
    });
  });

  it('answers KAM.UNKNOWN_USER, as every other function does, to an id that is not an active user of the portal', async () => {
    const leaver = anOwner({ firstName: 'Lee', lastName: 'Leaver', archived: true });
    const { companyId } = await loadAccount(portal, { owners: [admin, manager, leaver] });
    expect(manager.userId).not.toBe(Number(manager.id));

    for (const userId of [424_242, leaver.userId, Number(manager.id)])
      expect(await cardData({ parameters: { companyId, userId, portalId: PORTAL_ID } })).toMatchObject({
        status: 'error',
        code: 'KAM.UNKNOWN_USER',
      });
  });
});
