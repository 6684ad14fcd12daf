import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as cardDataMain } from '../../../src/app/functions/card_data.ts';
import { main as cardSectionMain } from '../../../src/app/functions/card_section.ts';
import { main as saveAccountPlanMain } from '../../../src/app/functions/save_account_plan.ts';
import {
  CARD_SECTIONS,
  SECTION_FIELD,
  cardSectionSchema,
  type CardSection,
  type CardSectionName,
} from '../../../src/contracts/index.ts';
import { COMPANY_PROPERTY } from '../../../src/crm/model/index.ts';
import { PORTAL_ID } from '../../crm/sandbox-portal.ts';
import { onTestClock } from '../../clock.ts';
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

const cardData = onTestClock(cardDataMain);
const cardSection = onTestClock(cardSectionMain);
const saveAccountPlan = onTestClock(saveAccountPlanMain);
const manager = anOwner({ firstName: 'Max', lastName: 'Manager' });

/** The tab's sections each read only what they show: what one costs, and that it answers as the whole card does. */
describe('card_section', () => {
  let portal: SandboxPortal;
  let companyId: string;
  beforeAll(async () => {
    portal = await startSandboxPortal();
    portal.useForFunctions();
    const contacts = Array.from({ length: 60 }, (_, i): ContactSpec => ({ id: String(3_000 + i), firstname: `C${i}` }));
    const activity = (type: 'meetings' | 'calls' | 'emails', i: number) => ({
      type,
      ownerId: manager.id,
      contactIds: [String(3_000 + (i % 60))],
      daysAgo: 1 + (i % 200),
    });
    ({ companyId } = await loadAccount(portal, {
      owners: [manager],
      company: { [COMPANY_PROPERTY.status]: 'key' },
      contacts,
      activities: [
        ...Array.from({ length: 130 }, (_, i) => activity('meetings', i)),
        ...Array.from({ length: 40 }, (_, i) => activity('calls', i)),
        ...Array.from({ length: 30 }, (_, i) => activity('emails', i)),
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
    // A portal whose admins are named: nobody's HubSpot role is asked (one call more until then). The
    // manager may save a plan, as the Plan's stance rows need.
    await configureAccess(manager, { managerUserIds: [String(manager.userId)] });
  });
  afterAll(() => portal.close());

  async function read(
    section: CardSectionName,
    { session, userId = manager.userId }: { session?: string; userId?: number } = {},
  ): Promise<{ answer: CardSection; byRoute: Record<string, number> }> {
    await portal.control.resetStats();
    const result = await cardSection({
      parameters: { companyId, userId, portalId: PORTAL_ID, section, ...(session ? { session } : {}) },
    });
    if (result.status !== 'ok') throw new Error(`card_section failed: ${result.code} ${result.message}`);
    const { status: _ok, ...payload } = result;
    return { answer: cardSectionSchema.parse(payload), byRoute: (await portal.control.stats()).byRoute };
  }
  const total = (byRoute: Record<string, number>) => Object.values(byRoute).reduce((a, b) => a + b, 0);
  const activityReads = (byRoute: Record<string, number>, type: string) =>
    (byRoute[`POST /crm/v3/objects/${type}/batch/read`] ?? 0) +
    (byRoute[`POST /crm/v4/associations/contacts/${type}/batch/read`] ?? 0);

  it('answers each section as the whole card shows it', async () => {
    const whole = await cardData({ parameters: { companyId, userId: manager.userId, portalId: PORTAL_ID } });
    if (whole.status !== 'ok') throw new Error(whole.message);
    for (const section of CARD_SECTIONS) {
      const { answer } = await read(section);
      const field = SECTION_FIELD[section];
      expect((answer as Record<string, unknown>)[field], section).toEqual(whole[field]);
      expect(answer.permissions).toEqual(whole.permissions);
      expect(answer.company).toEqual(whole.company);
    }
  });

  it('Status: the company, the settings (with the people the save stored) and its deals, 3 calls, and no contact or activity', async () => {
    const { byRoute } = await read('status');
    expect(total(byRoute)).toBe(3);
    expect(byRoute['GET /crm/v3/owners']).toBeUndefined();
    expect(Object.keys(byRoute).filter((route) => /contacts|meetings|calls|emails/.test(route))).toEqual([]);
  });

  it('Relationships: the contacts and every kind of activity, the only section to read calls and emails', async () => {
    const { byRoute } = await read('relationships');
    expect(activityReads(byRoute, 'meetings')).toBe(3); // associations, then 130 meetings 100 a call
    expect(activityReads(byRoute, 'calls')).toBe(2);
    expect(activityReads(byRoute, 'emails')).toBe(2);
    expect(byRoute['POST /crm/v3/objects/deals/batch/read']).toBeUndefined();
  });

  it('Plan: no activity (recalculation counts its meetings), and no contact without stance rows: 4 calls', async () => {
    const { byRoute } = await read('plan');
    expect(total(byRoute)).toBe(4); // the company, the settings (with the people), the plan, its deals
    expect(Object.keys(byRoute).filter((route) => /contacts|meetings|calls|emails/.test(route))).toEqual([]);
  });

  it("a later section sent Status's session reads neither the people nor the settings, and answers the same", async () => {
    const status = await read('status');
    const fresh = await read('plan');
    const { answer, byRoute } = await read('plan', { session: status.answer.session });
    expect(total(byRoute)).toBe(3); // the company, the plan, its deals
    expect(byRoute['GET /crm/v3/owners/']).toBeUndefined();
    expect(Object.keys(byRoute).filter((route) => route.includes('keystone_settings'))).toEqual([]);
    const { session: _given, readAt: _r, ...shown } = answer;
    const { session: _new, readAt: _f, ...shownFresh } = fresh.answer;
    expect(shown).toEqual(shownFresh);
    // Handed back as it came: a session is never renewed from itself, so it ages out.
    expect(answer.session).toBe(status.answer.session);
    expect(fresh.answer.session).not.toBe(status.answer.session);
  });

  it('reads the people and settings again for a session it did not seal, or sealed for someone else', async () => {
    const status = await read('status');
    for (const [altered, session] of [`${status.answer.session}x`, 'not a session'].entries()) {
      const { byRoute } = await read('plan', { session });
      expect(total(byRoute), `session ${altered}`).toBe(4); // the settings (with the people), company, plan, deals
    }
    // Someone else sending the manager's session is not taken for the manager: the owners are read, and
    // a user who is not among them is refused as without a session.
    const other = anOwner({ firstName: 'Olive', lastName: 'Other' });
    const asOther = await cardSection({
      parameters: {
        companyId,
        userId: other.userId,
        portalId: PORTAL_ID,
        section: 'plan',
        session: status.answer.session,
      },
    });
    expect(asOther).toMatchObject({ status: 'error', code: 'KAM.UNKNOWN_USER' });
  });

  it('Reviews: the contacts with their history for its triggers, no activity', async () => {
    const { byRoute } = await read('reviews');
    for (const type of ['meetings', 'calls', 'emails']) expect(activityReads(byRoute, type), type).toBe(0);
    expect(byRoute['POST /crm/v3/objects/contacts/batch/read']).toBe(2); // 60 contacts, 50 a call with history
  });

  it('Plan: the contacts once, with their stance history, when its grid counts stances; still no activity', async () => {
    const saved = await saveAccountPlan({
      parameters: {
        companyId,
        userId: manager.userId,
        baseRevision: 0,
        plan: {
          businessObjective: 'More friends',
          team: { relationshipPartner: null, accountManager: manager.id, researcher: null },
          objectives: [],
          quarterlyTargets: {
            fiscalYear: new Date(NOW).getUTCFullYear(),
            rows: [{ metric: 'friends_and_allies', label: 'Friends and allies', unit: 'count', targets: { Q4: 5 } }],
          },
        },
      },
    });
    expect(saved.status).toBe('ok');
    const { byRoute } = await read('plan');
    for (const type of ['meetings', 'calls', 'emails']) expect(activityReads(byRoute, type), type).toBe(0);
    expect(byRoute['POST /crm/v4/associations/companies/contacts/batch/read']).toBe(1);
    expect(byRoute['POST /crm/v3/objects/contacts/batch/read']).toBe(2); // 60 contacts, 50 a call with history
  });
});
