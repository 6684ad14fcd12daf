import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanInput } from '../../src/contracts/save-account-plan.ts';
import { COMPANY_PROPERTY, CONTACT_PROPERTY } from '../../src/crm/model/index.ts';
import { ObjectTypeResolver } from '../../src/crm/object-types.ts';
import { collectAll } from '../../src/crm/paging.ts';
import { defaultSettings } from '../../src/kam/settings/index.ts';
import { recordContactStanceParametersSchema } from '../../src/contracts/record-contact-stance.ts';
import { saveAccountPlanParametersSchema as planParameters } from '../../src/contracts/save-account-plan.ts';
import {
  cardData,
  changeKeyAccountStatus,
  recordContactStance,
  saveAccountPlan,
} from '../../src/keystone/account/index.ts';
import { portfolioOverview, readPortfolioRecords } from '../../src/keystone/portfolio/index.ts';
import {
  recalculateSlice,
  storedSnapshot,
  type SliceResult,
} from '../../src/keystone/portfolio-recalculation/index.ts';
import { loadSettingsRecord, storedSettingsOf } from '../../src/keystone/settings/index.ts';
import {
  DAY,
  NOW,
  anOwner,
  loadAccounts,
  startSandboxPortal,
  type ContactSpec,
  type LoadableAccount,
  type SandboxPortal,
} from '../app/functions/account-portal.ts';

// Accounts past what one HubSpot request holds, read from the sandbox as strictly as HubSpot answers:
// contacts read with their history 50 a call (HubSpot refuses more), and every association list a
// record read cuts short at 100 followed to its end. Card, portfolio home and recalculation each see
// the whole account.

const ours = anOwner({ firstName: 'Olga', lastName: 'Ours' });

/** A key account with `count` contacts; the last one's stance changed, so its history must come back from the last batch. */
function keyAccountWith(name: string, count: number, firstId: number): LoadableAccount {
  const contacts = Array.from(
    { length: count },
    (_, i): ContactSpec => ({ id: String(firstId + i), firstname: `${name}${i}` }),
  );
  contacts[count - 1] = {
    ...contacts[count - 1],
    properties: { [CONTACT_PROPERTY.stance]: 'ally' },
    stanceHistory: [['neutral', 100]],
  };
  return {
    owners: [ours],
    company: { name, [COMPANY_PROPERTY.status]: 'key' },
    contacts,
    activities: [{ type: 'meetings', ownerId: ours.id, contactIds: [String(firstId + count - 1)], daysAgo: 5 }],
  };
}

/** 149 deals of 100 and one of 1,000, all won in the last 12 months: 15,900, the largest deal listed last. */
const DEAL_REVENUE = 149 * 100 + 1_000;
const won = (amount: number) => ({
  amount: String(amount),
  dealstage: 'closedwon',
  hs_is_closed_won: 'true',
  hs_is_closed: 'true',
  closedate: new Date(NOW - 30 * DAY).toISOString(),
});
const manyDeals: LoadableAccount = {
  owners: [ours],
  company: { name: 'Many Deals', [COMPANY_PROPERTY.status]: 'key' },
  deals: [...Array.from({ length: 149 }, () => won(100)), won(1_000)],
};

/** A plan of 60 objectives saved twice: 120 objective rows on the company, the current 60 after the first 100. */
function planOf(title: string): PlanInput {
  return {
    businessObjective: 'Grow with them',
    team: { relationshipPartner: ours.id, accountManager: null, researcher: null },
    objectives: Array.from({ length: 60 }, (_, i) => ({
      title: `${title} ${i}`,
      measure: '',
      ownerId: ours.id,
      dueAt: NOW + 30 * DAY,
    })),
    quarterlyTargets: { fiscalYear: new Date(NOW).getUTCFullYear(), rows: [] },
  };
}

const routeCount = async (portal: SandboxPortal, route: string) => (await portal.control.stats()).byRoute[route] ?? 0;

describe('accounts larger than one HubSpot request', () => {
  let portal: SandboxPortal;
  let ids: { c51: string; c101: string; c500: string; deals: string };
  const objectTypes = () => new ObjectTypeResolver(portal.client);
  const card = (companyId: string) =>
    cardData(portal.client, objectTypes(), { companyId, userId: ours.userId, now: NOW });

  beforeAll(async () => {
    portal = await startSandboxPortal();
    const [c51, c101, c500, deals] = await loadAccounts(portal, [
      keyAccountWith('Fifty', 51, 10_000),
      keyAccountWith('Hundred', 101, 20_000),
      keyAccountWith('Five', 500, 30_000),
      manyDeals,
    ]);
    ids = { c51: c51!.companyId, c101: c101!.companyId, c500: c500!.companyId, deals: deals!.companyId };
    for (const title of ['First plan', 'Second plan']) {
      const baseRevision = (await card(ids.deals)).plan.revision;
      await saveAccountPlan(portal.client, objectTypes(), {
        ...planParameters.parse({ companyId: ids.deals, userId: ours.userId, baseRevision, plan: planOf(title) }),
        now: NOW,
      });
    }
  }, 60_000);
  afterAll(() => portal.close());

  describe('the card', () => {
    it.each([
      ['c51', 51],
      ['c101', 101],
      ['c500', 500],
    ] as const)(
      'shows every contact of an account with %s contacts, 50 a batch read with their history',
      async (key, count) => {
        await portal.control.resetStats();
        const { relationships } = await card(ids[key]);
        expect(relationships.contacts).toHaveLength(count);
        expect(relationships.contacts.find((c) => c.stance === 'ally')!.stanceHistory.map((h) => h.stance)).toEqual([
          'ally',
          'neutral',
        ]);
        expect(await routeCount(portal, 'POST /crm/v3/objects/contacts/batch/read')).toBe(Math.ceil(count / 50));
      },
    );

    it('counts all 150 deals of a company, though the company read lists 100', async () => {
      await portal.control.resetStats();
      const { keyAccount } = await card(ids.deals);
      expect(keyAccount.score.criteria.find((c) => c.criterion === 'historicPurchases')?.value).toBe(DEAL_REVENUE);
      // The rest of the list: one associations read (the card names deals by their object type id).
      expect(await routeCount(portal, 'POST /crm/v4/associations/companies/0-3/batch/read')).toBe(1);
    });

    it("shows the current plan's objectives when the company holds 120 objective rows", async () => {
      const { plan } = await card(ids.deals);
      expect(plan.revision).toBe(2);
      expect(plan.objectives.map((o) => o.title)).toEqual(Array.from({ length: 60 }, (_, i) => `Second plan ${i}`));
    });
  });

  describe('the portfolio home', () => {
    it("reads every key account's contacts with their history and all their deals, in batches HubSpot accepts", async () => {
      await portal.control.resetStats();
      const record = await loadSettingsRecord(portal.client, objectTypes());
      const records = await readPortfolioRecords(portal.client, objectTypes(), storedSettingsOf(record).portal);
      expect([ids.c51, ids.c101, ids.c500].map((id) => records.keyAccountContacts.get(id)?.length)).toEqual([
        51, 101, 500,
      ]);
      expect(
        records.keyAccountContacts
          .get(ids.c500)!
          .at(-1)!
          .history[CONTACT_PROPERTY.stance]?.map((h) => h.value),
      ).toEqual(['ally', 'neutral']);
      expect(records.keyAccountDeals.get(ids.deals)).toHaveLength(150);
      expect(await routeCount(portal, 'POST /crm/v3/objects/contacts/batch/read')).toBe(Math.ceil(652 / 50));
      const stored = storedSnapshot(record?.portfolioSnapshot);
      const overview = portfolioOverview(records, { stored, settings: defaultSettings(), now: NOW });
      expect(overview.concentration.keyAccounts.find((k) => k.companyId === ids.deals)?.largestDeal).toMatchObject({
        amount: 1_000,
      });
    });
  });

  describe('recalculation', () => {
    it('scores the company on all 150 deals and weighs the relationships of every key account', async () => {
      let cursor: string | null = null;
      let slices = 0;
      do {
        const slice: SliceResult = await recalculateSlice(portal.client, {
          cursor,
          budgetMs: 12_000,
          settings: defaultSettings(),
          now: NOW,
          elapsed: () => performance.now(),
          objectTypes: objectTypes(),
        });
        expect(slice.interruptedBy).toBeNull();
        cursor = slice.cursor;
        slices += 1;
      } while (cursor && slices < 10);
      const companies = await collectAll((after) =>
        portal.client.crm.companies.basicApi.getPage(100, after, [
          COMPANY_PROPERTY.revenueLast12Months,
          COMPANY_PROPERTY.coverageScore,
        ]),
      );
      const written = new Map(companies.map((c) => [c.id, c.properties]));
      expect(written.get(ids.deals)?.[COMPANY_PROPERTY.revenueLast12Months]).toBe(String(DEAL_REVENUE));
      for (const id of [ids.c51, ids.c101, ids.c500])
        expect(Number(written.get(id)?.[COMPANY_PROPERTY.coverageScore])).toBeGreaterThan(0);
    });
  });

  // Last: these change the portal the reads above expect.
  describe('manager actions', () => {
    it('tags a company with 150 deals on all of them, reading the rest of its deal list', async () => {
      await portal.control.resetStats();
      const change = await changeKeyAccountStatus(portal.client, objectTypes(), {
        companyId: ids.deals,
        userId: ours.userId,
        status: 'candidate',
        expectedStatus: 'key',
        reason: 'Reviewing the relationship',
        now: NOW,
      });
      expect(change).toMatchObject({ previousStatus: 'key', keyAccountStatus: 'candidate' });
      expect(await routeCount(portal, 'POST /crm/v4/associations/companies/deals/batch/read')).toBe(1);
    });

    it('records the stance of a contact associated with 120 companies, the account among the last 20', async () => {
      const companies = await Promise.all(
        [0, 1].map((batch) =>
          portal.client.crm.companies.batchApi.create({
            inputs: Array.from({ length: 60 }, (_, i) => ({
              properties: { name: `Group ${batch}-${i}` },
              associations: [],
            })),
          }),
        ),
      );
      const companyIds = companies
        .flatMap((answer) => answer.results.map((c) => c.id))
        .sort((a, b) => Number(a) - Number(b));
      const contact = await portal.client.crm.contacts.basicApi.create({
        properties: { firstname: 'Gil', lastname: 'Groupwide' },
        associations: [],
      });
      for (const batch of [companyIds.slice(0, 60), companyIds.slice(60)]) {
        await portal.client.crm.associations.v4.batchApi.createDefault('contacts', 'companies', {
          inputs: batch.map((id) => ({ _from: { id: contact.id }, to: { id } })),
        });
      }
      const change = recordContactStanceParametersSchema.parse({
        companyId: companyIds.at(-1),
        userId: ours.userId,
        contactId: contact.id,
        stance: 'ally',
      });
      expect(await recordContactStance(portal.client, objectTypes(), { ...change, now: NOW })).toMatchObject({
        contactId: contact.id,
        stance: 'ally',
      });
    });
  });
});
