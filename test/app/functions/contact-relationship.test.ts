import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main as cardDataMain } from '../../../src/app/functions/card_data.ts';
import { main as recordDepartureMain } from '../../../src/app/functions/record_contact_departure.ts';
import { main as recordStanceMain } from '../../../src/app/functions/record_contact_stance.ts';
import { ACCOUNT_SUMMARY_PROPERTY, type KeyContact } from '../../../src/contracts/index.ts';
import { CONTACT_PROPERTY } from '../../../src/crm/model/index.ts';
import {
  NOW,
  anOwner,
  configureAccess,
  loadAccount,
  startSandboxPortal,
  type SandboxPortal,
} from './account-portal.ts';
import { onTestClock } from '../../clock.ts';

const cardData = onTestClock(cardDataMain);
const recordDeparture = onTestClock(recordDepartureMain);
const recordStance = onTestClock(recordStanceMain);

const admin = anOwner({ firstName: 'Ada', lastName: 'Admin' });
const manager = anOwner({ firstName: 'Max', lastName: 'Manager' });
const salesperson = anOwner({ firstName: 'Sal', lastName: 'Seller' });

describe('record_contact_stance and record_contact_departure', () => {
  let portal: SandboxPortal;
  let companyId: string;
  const contact = async (contactId: string): Promise<KeyContact> => {
    const answer = await cardData({ parameters: { companyId, userId: manager.userId } });
    if (answer.status !== 'ok') throw new Error(answer.message);
    return answer.relationships.contacts.find((c) => c.contactId === contactId)!;
  };

  beforeAll(async () => {
    portal = await startSandboxPortal();
    portal.useForFunctions();
  });
  afterAll(() => portal.close());
  beforeEach(async () => {
    ({ companyId } = await loadAccount(portal, {
      owners: [admin, manager, salesperson],
      contacts: [
        {
          id: '801',
          firstname: 'Tom',
          properties: { [CONTACT_PROPERTY.stance]: 'protester', [CONTACT_PROPERTY.decisionTopics]: 'Budget' },
        },
        { id: '802', firstname: 'Una' },
      ],
      otherCompanies: [{ id: '899', contactIds: ['803'] }],
    }));
    await configureAccess(admin, { managerUserIds: [String(manager.userId)] });
  });

  it('records stance, decision power and topics; the stance history comes from HubSpot', async () => {
    const answer = await recordStance({
      parameters: {
        companyId,
        userId: manager.userId,
        contactId: '801',
        stance: 'supporter',
        decisionPower: 'decides',
        decisionTopics: ['Budget', 'IT suppliers'],
      },
    });

    expect(answer).toEqual({
      status: 'ok',
      contactId: '801',
      stance: 'supporter',
      decisionPower: 'decides',
      decisionTopics: ['Budget', 'IT suppliers'],
      keyContact: null,
    });
    const tom = await contact('801');
    expect(tom).toMatchObject({
      stance: 'supporter',
      decisionPower: 'decides',
      decisionTopics: ['Budget', 'IT suppliers'],
      watched: true,
    });
    expect(tom.stanceHistory.map((h) => h.stance)).toEqual(['supporter', 'protester']);
  });

  it('changes only what it is given, and clears what is set to null', async () => {
    await recordStance({
      parameters: { companyId, userId: manager.userId, contactId: '801', decisionPower: 'influences' },
    });
    const answer = await recordStance({
      parameters: { companyId, userId: manager.userId, contactId: '801', stance: null },
    });

    expect(answer).toMatchObject({
      status: 'ok',
      stance: null,
      decisionPower: 'influences',
      decisionTopics: ['Budget'],
    });
    expect(await contact('801')).toMatchObject({
      stance: null,
      decisionPower: 'influences',
      decisionTopics: ['Budget'],
    });
  });

  it('records a departure with why, when and who took over, and undoes a mistaken one', async () => {
    const leftAt = Date.parse('2026-10-01T00:00:00.000Z');
    const answer = await recordDeparture({
      parameters: {
        companyId,
        userId: manager.userId,
        contactId: '801',
        left: true,
        reason: 'retired',
        leftAt,
        replacedByContactId: '802',
      },
    });

    expect(answer).toEqual({
      status: 'ok',
      contactId: '801',
      left: true,
      reason: 'retired',
      leftAt,
      replacedBy: { contactId: '802', name: 'Una Client' },
    });
    expect((await contact('801')).departure).toEqual({
      leftAt,
      reason: 'retired',
      replacedBy: { contactId: '802', name: 'Una Client' },
    });

    expect(
      await recordDeparture({ parameters: { companyId, userId: manager.userId, contactId: '801', left: false } }),
    ).toMatchObject({ status: 'ok', left: false, reason: null, leftAt: null, replacedBy: null });
    expect((await contact('801')).departure).toBeNull();
  });

  it('puts the reports of someone who left under the successor recorded, and stores as top risk the warning the tab lists first', async () => {
    ({ companyId } = await loadAccount(portal, {
      owners: [admin, manager, salesperson],
      contacts: [
        {
          id: '811',
          firstname: 'Leo',
          properties: { jobtitle: 'Managing Director', [CONTACT_PROPERTY.stance]: 'ally' },
        },
        { id: '812', firstname: 'Imogen', properties: { [CONTACT_PROPERTY.stance]: 'supporter' } },
        {
          id: '813',
          firstname: 'Jack',
          properties: { [CONTACT_PROPERTY.decisionPower]: 'decides', [CONTACT_PROPERTY.reportsTo]: '811' },
        },
      ],
      activities: [
        { type: 'meetings', ownerId: manager.id, contactIds: ['811', '812', '813'], daysAgo: 5 },
        { type: 'calls', ownerId: salesperson.id, contactIds: ['811', '812', '813'], daysAgo: 5 },
      ],
    }));
    await configureAccess(admin, { managerUserIds: [String(manager.userId)] });

    const departure = { companyId, userId: manager.userId, contactId: '811', left: true, reason: 'retired' };
    expect(await recordDeparture({ parameters: { ...departure, replacedByContactId: '812' } })).toMatchObject({
      status: 'ok',
    });

    const answer = await cardData({ parameters: { companyId, userId: manager.userId } });
    if (answer.status !== 'ok') throw new Error(answer.message);
    const { warnings } = answer.relationships.coverage;
    expect(answer.relationships.contacts.find((c) => c.contactId === '813')?.reportsTo).toEqual({
      contactId: '812',
      name: 'Imogen Client',
      left: false,
    });
    expect(warnings.map((w) => w.message).join(' ')).not.toContain('whom do they report to now');
    const stored = await portal.client.crm.companies.basicApi.getById(companyId, [ACCOUNT_SUMMARY_PROPERTY.topRisk]);
    expect(stored.properties[ACCOUNT_SUMMARY_PROPERTY.topRisk] ?? '').toBe(warnings[0]?.message ?? '');
  });

  it('pressed again after a failure, completes the same stance without writing it twice or over a later change', async () => {
    const press = {
      companyId,
      userId: manager.userId,
      contactId: '801',
      stance: 'ally' as const,
      actionId: 'press-stance-1',
    };
    // The contact is written, then storing the sidebar's summary on the company fails.
    await portal.control.injectFault({
      kind: 'serverError',
      status: 503,
      method: 'PATCH',
      path: '/crm/v3/objects/companies/*',
    });
    expect(await recordStance({ parameters: press })).toMatchObject({
      status: 'error',
      code: 'KAM.HUBSPOT_UNAVAILABLE',
    });
    await portal.control.clearFaults();
    // Another manager changes the stance before the first presses again.
    expect(await recordStance({ parameters: { ...press, stance: 'enemy', actionId: 'press-stance-2' } })).toMatchObject(
      { status: 'ok' },
    );

    expect(await recordStance({ parameters: press })).toMatchObject({ status: 'ok', stance: 'ally' });
    const tom = await contact('801');
    expect(tom.stance).toBe('enemy');
    expect(tom.stanceHistory.map((h) => h.stance)).toEqual(['enemy', 'ally', 'protester']);
  });

  it('answers a stance whose update was made but whose answer was lost as recorded', async () => {
    await portal.control.injectFault({
      kind: 'lostAnswer',
      mode: 'drop',
      method: 'PATCH',
      path: '/crm/v3/objects/contacts/*',
      times: 1,
    });
    expect(
      await recordStance({
        parameters: { companyId, userId: manager.userId, contactId: '801', stance: 'ally', actionId: 'press-stance-3' },
      }),
    ).toMatchObject({ status: 'ok', stance: 'ally' });
    expect((await contact('801')).stanceHistory.map((h) => h.stance)).toEqual(['ally', 'protester']);
  });

  it('pressed again after a failure, completes the same departure with one entry in its history', async () => {
    const leftAt = Date.parse('2026-10-01T00:00:00.000Z');
    const press = {
      companyId,
      userId: manager.userId,
      contactId: '801',
      left: true,
      reason: 'left' as const,
      leftAt,
      actionId: 'press-departure-1',
    };
    await portal.control.injectFault({
      kind: 'serverError',
      status: 503,
      method: 'PATCH',
      path: '/crm/v3/objects/companies/*',
    });
    expect(await recordDeparture({ parameters: press })).toMatchObject({ status: 'error' });
    await portal.control.clearFaults();

    expect(await recordDeparture({ parameters: press })).toMatchObject({ status: 'ok', leftAt });
    expect((await contact('801')).departure).toMatchObject({ leftAt, reason: 'left' });
    const tom = await portal.client.crm.contacts.basicApi.getById(
      '801',
      [CONTACT_PROPERTY.leftAt],
      [CONTACT_PROPERTY.leftAt],
    );
    expect(tom.propertiesWithHistory?.[CONTACT_PROPERTY.leftAt]).toHaveLength(1);
  });

  it('dates a departure today when no date is given', async () => {
    const answer = await recordDeparture({
      parameters: { companyId, userId: manager.userId, contactId: '801', left: true, reason: 'moved_role' },
    });
    expect(answer).toMatchObject({ status: 'ok', leftAt: NOW, reason: 'moved_role' });
    expect((await contact('801')).departure).toMatchObject({ leftAt: NOW, reason: 'moved_role' });
  });

  it('marks a contact as a key contact on the company and unmarks them; the card says why it watches them', async () => {
    expect(await contact('802')).toMatchObject({ watched: false, keyContactLabel: false, watchedBecause: [] });
    const mark = (keyContact: boolean) =>
      recordStance({ parameters: { companyId, userId: manager.userId, contactId: '802', keyContact } });

    expect(await mark(true)).toMatchObject({ status: 'ok', keyContact: true });
    expect(await contact('802')).toMatchObject({
      watched: true,
      keyContactLabel: true,
      watchedBecause: ['key_contact_label'],
    });
    // Marking again changes nothing.
    expect(await mark(true)).toMatchObject({ status: 'ok' });

    expect(await mark(false)).toMatchObject({ status: 'ok', keyContact: false });
    expect(await contact('802')).toMatchObject({ watched: false, keyContactLabel: false, watchedBecause: [] });
    const links = await portal.client.crm.associations.v4.basicApi.getPage('contacts', '802', 'companies');
    expect(links.results.map((l) => String(l.toObjectId))).toContain(companyId);
  });

  it('refuses contacts of another company, and writes nothing', async () => {
    await portal.control.resetStats();
    const stance = await recordStance({
      parameters: { companyId, userId: manager.userId, contactId: '803', stance: 'ally' },
    });
    const replacement = await recordDeparture({
      parameters: {
        companyId,
        userId: manager.userId,
        contactId: '801',
        left: true,
        reason: 'left',
        replacedByContactId: '803',
      },
    });
    const missing = await recordStance({
      parameters: { companyId, userId: manager.userId, contactId: '999999', stance: 'ally' },
    });

    expect(stance).toMatchObject({
      status: 'error',
      code: 'KAM.CONTACT_NOT_AT_COMPANY',
      message: expect.stringContaining('Person803 Client'),
    });
    expect(replacement).toMatchObject({ status: 'error', code: 'KAM.CONTACT_NOT_AT_COMPANY' });
    expect(missing).toMatchObject({ status: 'error', code: 'KAM.CONTACT_NOT_FOUND' });
    expect(await portal.writes()).toEqual([]);
  });

  it('refuses someone who is not a manager, and writes nothing', async () => {
    await portal.control.resetStats();
    expect(
      await recordStance({ parameters: { companyId, userId: salesperson.userId, contactId: '801', stance: 'ally' } }),
    ).toMatchObject({ status: 'error', code: 'KAM.NOT_A_MANAGER' });
    expect(
      await recordDeparture({
        parameters: { companyId, userId: salesperson.userId, contactId: '801', left: true, reason: 'left' },
      }),
    ).toMatchObject({ status: 'error', code: 'KAM.NOT_A_MANAGER' });
    expect(await portal.writes()).toEqual([]);
  });

  it('rejects malformed changes with their paths, and writes nothing', async () => {
    await portal.control.resetStats();
    const answers = await Promise.all([
      recordStance({ parameters: { companyId, userId: manager.userId, contactId: '801' } }),
      recordStance({
        parameters: { companyId, userId: manager.userId, contactId: '801', stance: 'frenemy', decisionTopics: ['a;b'] },
      }),
      recordDeparture({
        parameters: {
          companyId,
          userId: manager.userId,
          contactId: '801',
          left: true,
          reason: 'left',
          replacedByContactId: '801',
        },
      }),
      recordDeparture({
        parameters: {
          companyId,
          userId: manager.userId,
          contactId: '801',
          left: true,
          reason: 'left',
          leftAt: NOW + 86_400_000,
        },
      }),
      recordDeparture({
        parameters: {
          companyId,
          userId: manager.userId,
          contactId: '801',
          left: true,
          reason: 'left',
          leftAt: -Number.MAX_SAFE_INTEGER,
        },
      }),
      recordDeparture({ parameters: { companyId, userId: manager.userId, contactId: '801', left: true } }),
      recordDeparture({
        parameters: { companyId, userId: manager.userId, contactId: '801', left: true, reason: 'fired' },
      }),
    ]);

    expect(answers.map((a) => a.status === 'error' && [a.code, a.issues?.map((i) => i.path)])).toEqual([
      ['KAM.INVALID_PARAMETERS', ['']],
      ['KAM.INVALID_PARAMETERS', ['stance', 'decisionTopics.0']],
      ['KAM.INVALID_PARAMETERS', ['replacedByContactId']],
      ['KAM.INVALID_PARAMETERS', ['leftAt']],
      ['KAM.INVALID_PARAMETERS', ['leftAt']],
      ['KAM.INVALID_PARAMETERS', ['reason']],
      ['KAM.INVALID_PARAMETERS', ['reason']],
    ]);
    expect(await portal.writes()).toEqual([]);
  });
});
