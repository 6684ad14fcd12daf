import type { Client } from '@hubspot/api-client';
import { afterEach, describe, expect, it } from 'vitest';
import { main as portfolioOverviewFunctionMain } from '../../../src/app/functions/portfolio_overview.ts';
import { main as recalculatePortfolioMain } from '../../../src/app/functions/recalculate_portfolio.ts';
import { main as saveSettingsMain } from '../../../src/app/functions/save_settings.ts';
import { createHubSpotClient } from '../../../src/crm/client.ts';
import {
  COMPANY_PROPERTY,
  CONTACT_PROPERTY,
  KEY_ACCOUNT_PLAN,
  PORTAL_SETTINGS,
  REVIEW,
} from '../../../src/crm/model/index.ts';
import { ObjectTypeResolver } from '../../../src/crm/object-types.ts';
import { toProperties } from '../../../src/crm/records.ts';
import { writeSettingsRecord } from '../../../src/crm/settings-record.ts';
import { runSetup } from '../../../src/crm/setup/index.ts';
import { distributionOf } from '../../../src/kam/portfolio/index.ts';
import { defaultSettings } from '../../../src/kam/settings/index.ts';
import { DAY_MS, addMonths } from '../../../src/kam/shared/time.ts';
import type { FiscalQuarter, PortfolioOverview } from '../../../src/contracts/index.ts';
import { portfolioOverview, readPortfolioRecords } from '../../../src/keystone/portfolio/index.ts';
import { storedSnapshot } from '../../../src/keystone/portfolio-recalculation/index.ts';
import { loadSettingsRecord, storedSettingsOf } from '../../../src/keystone/settings/index.ts';
import { sandboxControl } from '../../../sandbox/control.ts';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server.ts';
import { tagKeyContacts } from '../../app/functions/account-portal.ts';
import {
  TEST_TOKEN,
  aCompany,
  aContact,
  aDeal,
  anOwner,
  portalSeed,
  type PortalContents,
} from '../../crm/sandbox-portal.ts';
import { onTestClock, testClock } from '../../clock.ts';

const portfolioOverviewFunction = onTestClock(portfolioOverviewFunctionMain);
const recalculatePortfolio = onTestClock(recalculatePortfolioMain);
const saveSettings = onTestClock(saveSettingsMain);

// A small portal whose figures are worked out by hand below, read through the real client from the sandbox.

const PLANS_SAVED_AT = Date.UTC(2026, 5, 1);
// Three months and ten days after the plans were saved: a quarterly review is overdue (7 days' grace).
const NOW = addMonths(PLANS_SAVED_AT, 3) + 10 * DAY_MS;
const iso = (at: number) => new Date(at).toISOString();

// Both HubSpot super admins: either may name Keystone's first admins.
const partner = anOwner({ firstName: 'Pat', lastName: 'Partner', superAdmin: true });
const manager = anOwner({ firstName: 'Max', lastName: 'Manager', superAdmin: true });

function scored(status: string, suggested: string, score: number, revenue: number): Record<string, string> {
  return {
    [COMPANY_PROPERTY.status]: status,
    [COMPANY_PROPERTY.suggestedStatus]: suggested,
    [COMPANY_PROPERTY.score]: String(score),
    [COMPANY_PROPERTY.revenueLast12Months]: String(revenue),
    [COMPANY_PROPERTY.scoredAt]: iso(NOW - 2 * DAY_MS),
  };
}

// Revenue 600 / 200 / 100 / 50 / 50 / 0: 1,000 in all, as the portfolio snapshot records it.
// As recalculation weighed their relationships: Pat alone holds Acme's; Pat and Max both hold Bolt's.
const acme = aCompany({
  name: 'Acme',
  ...scored('key', 'key', 80, 600),
  [COMPANY_PROPERTY.coverageScore]: '60',
  [COMPANY_PROPERTY.relationshipHolders]: partner.id,
  [COMPANY_PROPERTY.soleRelationshipHolder]: partner.id,
});
const bolt = aCompany({
  name: 'Bolt',
  ...scored('key', 'candidate', 40, 200),
  [COMPANY_PROPERTY.coverageScore]: '30',
  [COMPANY_PROPERTY.relationshipHolders]: `${partner.id};${manager.id}`,
});
const crane = aCompany({ name: 'Crane', ...scored('none', 'key', 75, 100) });
const delta = aCompany({ name: 'Delta', ...scored('candidate', 'candidate', 45, 50) });
const echo = aCompany({
  name: 'Echo',
  ...scored('none', 'none', 10, 50),
  [COMPANY_PROPERTY.scoredAt]: iso(NOW - 9 * DAY_MS),
});
const fresh = aCompany({ name: 'Fresh' }); // never scored

function contents(): PortalContents {
  const won = (amount: number, monthsAgo: number) =>
    aDeal({ amount: String(amount), closedate: iso(addMonths(NOW, -monthsAgo)) });
  // Acme: 400 of its 600 in one contract (over the 50% warning); an old deal and an open one do not count.
  const acmeDeals = [
    won(400, 2),
    won(200, 5),
    won(1_000, 20),
    aDeal({ amount: '900', dealstage: 'qualifiedtobuy', hs_is_closed_won: 'false', hs_is_closed: 'false' }),
  ];
  // Bolt: two equal contracts, exactly 50%: not over the warning.
  const boltDeals = [won(100, 1), won(100, 3)];
  // Acme's people: one added in Q2 (May), two in Q3 up to now (July, September), one known since 2025.
  // Crane is not a key account: its new contact is no introduction of the programme's.
  const acmeContacts = [
    aContact({ firstname: 'Mia', lastname: 'May' }, '2026-05-10T09:00:00.000Z'),
    aContact({ firstname: 'Jules', lastname: 'July' }, '2026-07-03T09:00:00.000Z'),
    aContact({ firstname: 'Sep', lastname: 'Tember' }, '2026-09-01T09:00:00.000Z'),
    aContact({ firstname: 'Old', lastname: 'Hand' }),
  ];
  const craneContact = aContact({ firstname: 'Cal', lastname: 'Crane' }, '2026-07-03T09:00:00.000Z');
  return {
    owners: [partner, manager],
    companies: [acme, bolt, crane, delta, echo, fresh],
    deals: [...acmeDeals, ...boltDeals],
    dealCompanies: [
      ...acmeDeals.map((d) => [d.id, acme.id] as [string, string]),
      ...boltDeals.map((d) => [d.id, bolt.id] as [string, string]),
    ],
    contacts: [...acmeContacts, craneContact],
    contactCompanies: [...acmeContacts.map((c) => [c.id, acme.id] as [string, string]), [craneContact.id, crane.id]],
  };
}

/** A contact of Bolt (a decision maker unless `roles` says otherwise) who left the client `leftDaysAgo` days before NOW, as HubSpot's history records it. */
function boltContactWhoLeft(
  firstname: string,
  leftDaysAgo: number,
  roles: Record<string, string> = { [CONTACT_PROPERTY.decisionPower]: 'decides' },
) {
  const leftAt = iso(NOW - leftDaysAgo * DAY_MS);
  const contact = aContact({ firstname, lastname: 'Bolt', ...roles, [CONTACT_PROPERTY.leftCompany]: 'true' });
  return {
    ...contact,
    updatedAt: leftAt,
    propertyHistory: {
      [CONTACT_PROPERTY.leftCompany]: [
        { value: 'true', timestamp: leftAt, sourceType: 'CRM_UI' },
        { value: 'false', timestamp: contact.createdAt, sourceType: 'CRM_UI' },
      ],
    },
  };
}

/** The hand-computed portal with more contacts at Bolt. */
function withBoltContacts(boltContacts: NonNullable<PortalContents['contacts']>): PortalContents {
  const seed = contents();
  return {
    ...seed,
    contacts: [...seed.contacts!, ...boltContacts],
    contactCompanies: [...seed.contactCompanies!, ...boltContacts.map((c) => [c.id, bolt.id] as [string, string])],
  };
}

interface Portal {
  sandbox: RunningSandbox;
  client: Client;
  objectTypes: ObjectTypeResolver;
}
let portal: Portal | undefined;
afterEach(async () => {
  await portal?.sandbox.close();
  portal = undefined;
});

// What the last complete recalculation stored: the run started a day before NOW, over the six companies.
const RECALCULATED = { startedAt: NOW - DAY_MS, completedAt: NOW - DAY_MS + 90_000 };
const SNAPSHOT = JSON.stringify({
  version: 1,
  ...RECALCULATED,
  companiesScored: 6,
  distribution: distributionOf([600, 200, 100, 50, 50, 0]),
});

/**
 * The seeded portal after setup, with the portfolio snapshot (unless told otherwise), Acme's plan
 * (partner alone), Bolt's (partner and manager) and a review of Bolt.
 */
async function startPortal(seed: PortalContents = contents(), snapshot: string | null = SNAPSHOT): Promise<Portal> {
  testClock.set(PLANS_SAVED_AT);
  const sandbox = await startSandbox({
    dataFile: null,
    seed: portalSeed(seed),
    rateLimit: false,
    requiredToken: TEST_TOKEN,
    clock: testClock.now,
  });
  const client = createHubSpotClient({ accessToken: TEST_TOKEN, baseUrl: sandbox.baseUrl, attempts: 1 });
  await runSetup(client, { now: PLANS_SAVED_AT });
  const objectTypes = new ObjectTypeResolver(client);
  const [planType, reviewType] = await Promise.all([
    objectTypes.objectTypeId('plan'),
    objectTypes.objectTypeId('review'),
  ]);
  if (snapshot)
    await writeSettingsRecord(client, await objectTypes.objectTypeId('settings'), {
      [PORTAL_SETTINGS.property.portfolioSnapshot]: snapshot,
    });
  const plan = (companyId: string, team: { relationshipPartner?: string; accountManager?: string }) =>
    client.crm.objects.basicApi.create(planType, {
      properties: toProperties({ companyId, title: 'Plan', revision: 1, ...team }, KEY_ACCOUNT_PLAN.property),
      associations: [],
    });
  await plan(acme.id, { relationshipPartner: partner.id });
  await plan(bolt.id, { relationshipPartner: partner.id, accountManager: manager.id });
  testClock.set(NOW);
  // Bolt was reviewed 80 days ago: its next quarterly review is ten or so days away, due soon.
  await client.crm.objects.basicApi.create(reviewType, {
    properties: toProperties(
      { companyId: bolt.id, title: 'Quarterly review', kind: 'calendar', reviewedAt: iso(NOW - 80 * DAY_MS) },
      REVIEW.property,
    ),
    associations: [],
  });
  portal = { sandbox, client, objectTypes };
  return portal;
}

/** The overview as the function makes it: the settings record (and its snapshot) in one read, then the programme. */
async function overviewOf(p: Portal, quarter: FiscalQuarter | null = null): Promise<PortfolioOverview> {
  const objectTypes = new ObjectTypeResolver(p.client);
  const record = await loadSettingsRecord(p.client, objectTypes);
  const records = await readPortfolioRecords(p.client, objectTypes, storedSettingsOf(record).portal);
  const stored = storedSnapshot(record?.portfolioSnapshot);
  return portfolioOverview(records, { stored, settings: defaultSettings(), now: NOW, quarter });
}

const names = (accounts: Array<{ name: string }>) => accounts.map((a) => a.name);

describe('portfolio overview, read from the scores and the snapshot recalculation stored', () => {
  it('draws the Pareto curve and the concentration figures of the hand-computed portfolio', async () => {
    const pareto = (await overviewOf(await startPortal())).concentration.pareto!;
    expect(pareto.clientCount).toBe(6);
    expect(pareto.totalRevenue).toBe(1_000);
    // 600 + 200 = 800: two of six clients make 80% of revenue.
    expect(pareto.clientsForEightyPercentOfRevenue).toBe(2);
    expect(pareto.clientShareForEightyPercentOfRevenue).toBeCloseTo(2 / 6);
    // 1% of 6 clients is 0.06 of Acme (36), 5% is 0.3 (180), 10% is 0.6 (360), 20% is Acme and 0.2 of Bolt (640).
    expect(pareto.topPercentShares.map((t) => t.revenueShare)).toEqual(
      [0.036, 0.18, 0.36, 0.64].map((x) => expect.closeTo(x, 10)),
    );
    // Shares 60, 20, 10, 5, 5, 0: 3,600 + 400 + 100 + 25 + 25.
    expect(pareto.herfindahlHirschmanIndex).toBeCloseTo(4_150);
    expect(pareto.curve.at(-1)).toEqual({ clientShare: 1, revenueShare: 1 });
  });

  it("gives the portal's currency and time zone as setup copied them onto the settings record", async () => {
    expect((await overviewOf(await startPortal())).portal).toEqual({ currency: 'GBP', timeZone: 'Europe/London' });
  });

  it('puts revenue at risk on each key account, with the contract and the person it rests on', async () => {
    const { concentration } = await overviewOf(await startPortal());
    expect(
      concentration.keyAccounts.map((k) => [
        k.name,
        k.revenueAtRisk,
        k.shareOfPortfolio,
        k.dependsOnOneContract,
        k.dependsOnOnePerson,
      ]),
    ).toEqual([
      ['Acme', 600, 0.6, true, true],
      ['Bolt', 200, 0.2, false, false],
    ]);
    expect(concentration.keyAccounts[0]!.largestDeal).toMatchObject({ amount: 400, shareOfAccount: 400 / 600 });
    expect(concentration.keyAccounts[1]!.heldBy?.map((p) => p.name)).toEqual(['Pat Partner', 'Max Manager']);
    expect(concentration.revenueDependingOnOneContract).toBe(600);
    expect(concentration.revenueDependingOnOnePerson).toBe(600);
    expect(concentration.onePersonDependence).toEqual([
      {
        person: { userId: partner.userId, ownerId: partner.id, name: 'Pat Partner' },
        revenue: 600,
        shareOfPortfolio: 0.6,
        accounts: [{ companyId: acme.id, name: 'Acme', revenue: 600 }],
      },
    ]);
  });

  it('lists key accounts, candidates and both drift lists', async () => {
    const { programme, drift } = await overviewOf(await startPortal());
    expect(names(programme.keyAccounts)).toEqual(['Acme', 'Bolt']);
    expect(names(programme.candidates)).toEqual(['Delta']);
    expect(names(drift.qualifiesButNotTagged)).toEqual(['Crane']);
    expect(names(drift.taggedButNoLongerQualifies)).toEqual(['Bolt']);
  });

  it('finds the overdue review, the one due soon, and the coverage risks of key accounts', async () => {
    const { reviews, coverageRisks } = await overviewOf(await startPortal());
    expect(reviews.upcoming.map((r) => [r.account.name, r.status, r.lastReviewedAt])).toEqual([
      ['Acme', 'overdue', null],
      ['Bolt', 'due_soon', NOW - 80 * DAY_MS],
    ]);
    expect(reviews.upcoming[0]!.dueAt).toBe(addMonths(PLANS_SAVED_AT, 3));
    expect(coverageRisks.map((c) => [c.account.name, c.risks])).toEqual([
      ['Acme', ['one_person_team']],
      ['Bolt', ['low_coverage']],
    ]);
  });

  it("reports the quarter's reviews done, and the review missed so far this quarter", async () => {
    const p = await startPortal();
    const secondQuarter = (await overviewOf(p, { fiscalYear: 2026, quarter: 2 })).quarterlyReport;
    expect(secondQuarter.accounts.map((a) => [a.name, a.reviewsDone, a.reviewMissed])).toEqual([
      ['Acme', 0, false],
      ['Bolt', 1, false],
    ]);
    const thisQuarter = (await overviewOf(p)).quarterlyReport;
    expect(thisQuarter.quarter).toMatchObject({ label: 'Q3 FY2026', current: true });
    expect(thisQuarter.programme).toMatchObject({ keyAccounts: 2, reviewsDone: 0, reviewsMissed: 1 });
  });

  it("names each key account's introductions: its contacts created in the quarter, read from the CRM", async () => {
    const p = await startPortal();
    const control = sandboxControl(p.sandbox.baseUrl);
    await control.resetStats();
    const secondQuarter = (await overviewOf(p, { fiscalYear: 2026, quarter: 2 })).quarterlyReport;
    expect(secondQuarter.accounts.map((a) => [a.name, a.introductions])).toEqual([
      ['Acme', ['Mia May']],
      ['Bolt', []],
    ]);
    // Contacts come in batches only, one call each for both key accounts: never a request per contact or per company.
    const contactCalls = Object.entries((await control.stats()).byRoute).filter(([route]) =>
      route.includes('contacts'),
    );
    expect(contactCalls.sort()).toEqual([
      ['POST /crm/v3/objects/contacts/batch/read', 1],
      ['POST /crm/v4/associations/companies/contacts/batch/read', 1],
    ]);
    const thisQuarter = (await overviewOf(p)).quarterlyReport;
    expect(thisQuarter.accounts.map((a) => [a.name, a.introductions])).toEqual([
      ['Acme', ['Jules July', 'Sep Tember']],
      ['Bolt', []],
    ]);
    expect(thisQuarter.programme.introductions).toBe(2);
  });

  it("lists the events no review has answered yet across key accounts, from the CRM's property history, in batches", async () => {
    // Bolt was last reviewed 80 days ago. Its decision maker Kim left 10 days ago: a review is waiting.
    // Lee, also a decision maker, left 100 days ago, before that review: answered. Nia left too, but is no key contact.
    const boltContacts = [
      boltContactWhoLeft('Kim', 10),
      boltContactWhoLeft('Lee', 100),
      boltContactWhoLeft('Nia', 5, {}),
    ];
    const p = await startPortal(withBoltContacts(boltContacts));
    const control = sandboxControl(p.sandbox.baseUrl);
    await control.resetStats();
    const { reviews, quarterlyReport } = await overviewOf(p);
    expect(
      reviews.open.map(({ account, trigger }) => [
        account.name,
        trigger.kind,
        trigger.message,
        trigger.evidence.objectId,
        trigger.at,
      ]),
    ).toEqual([['Bolt', 'key_contact_left', 'Kim Bolt left the client', boltContacts[0]!.id, NOW - 10 * DAY_MS]]);
    // One batch read of the key accounts' contacts and one of the key accounts themselves, with history.
    const routes = (await control.stats()).byRoute;
    expect([
      routes['POST /crm/v3/objects/contacts/batch/read'],
      routes['POST /crm/v3/objects/companies/batch/read'],
    ]).toEqual([1, 1]);
    // Kim's departure fell in this quarter: the report counts it among the triggers fired.
    expect(quarterlyReport.accounts.map((a) => [a.name, a.triggersFired])).toEqual([
      ['Acme', []],
      ['Bolt', ['Kim Bolt left the client (not reviewed yet)']],
    ]);
    expect(quarterlyReport.programme.triggersFired).toBe(1);
  });

  it('names the new parent company of a key account in its trigger, with one more batch read for all parents', async () => {
    const p = await startPortal();
    const parent = await p.client.crm.companies.basicApi.create({
      properties: { name: 'Megacorp Holdings' },
      associations: [],
    });
    await p.client.crm.companies.basicApi.update(bolt.id, { properties: { hs_parent_company_id: parent.id } });
    const control = sandboxControl(p.sandbox.baseUrl);
    await control.resetStats();
    const { reviews } = await overviewOf(p);
    expect(reviews.open.map(({ account, trigger }) => [account.name, trigger.kind, trigger.message])).toEqual([
      ['Bolt', 'new_parent_company', 'The client has a new parent company: Megacorp Holdings'],
    ]);
    expect((await control.stats()).byRoute['POST /crm/v3/objects/companies/batch/read']).toBe(2);
  });

  it('lists an event a manager recorded on a key account as an open trigger, in the report too, with its note, and not one dated before the last review', async () => {
    const p = await startPortal(withBoltContacts([]));
    const event = {
      eventId: 'press-1',
      kind: 'supply_chain_changed',
      at: NOW - 5 * DAY_MS,
      note: 'Purchasing outsourced to Procura',
      recordedAt: NOW - 4 * DAY_MS,
      recordedBy: '1',
    };
    // Recorded lately but dated long before Bolt's last review (80 days ago): that review had it, so it waits for none.
    const datedBeforeTheReview = {
      ...event,
      eventId: 'press-2',
      kind: 'competitor_strategy_changed',
      at: Date.UTC(2020, 0, 1),
      note: 'Their rival now sells direct',
      recordedAt: NOW - 2 * DAY_MS,
    };
    await p.client.crm.companies.basicApi.update(bolt.id, {
      properties: { [COMPANY_PROPERTY.recordedEvents]: JSON.stringify([event, datedBeforeTheReview]) },
    });
    const { reviews, quarterlyReport } = await overviewOf(p);
    const message = "The client's supply chain changed: Purchasing outsourced to Procura";
    expect(
      reviews.open.map(({ account, trigger }) => [account.name, trigger.kind, trigger.message, trigger.at]),
    ).toEqual([['Bolt', 'supply_chain_changed', message, NOW - 5 * DAY_MS]]);
    expect(quarterlyReport.accounts.find((a) => a.name === 'Bolt')!.triggersFired).toEqual([
      `${message} (not reviewed yet)`,
    ]);
  });

  it('counts a contact labelled "Key contact" as key, as the card does, though no role makes them one: their departure waits for a review', async () => {
    // Ola has no role that makes her a key contact; only the label on her association with Bolt would.
    const ola = boltContactWhoLeft('Ola', 10, {});
    const p = await startPortal(withBoltContacts([ola]));
    const openTriggers = async () =>
      (await overviewOf(p)).reviews.open.map(({ account, trigger }) => [
        account.name,
        trigger.kind,
        trigger.evidence.objectId,
      ]);
    expect(await openTriggers()).toEqual([]);

    await tagKeyContacts(p, bolt.id, [ola.id]);
    const { reviews, quarterlyReport } = await overviewOf(p);
    expect(
      reviews.open.map(({ account, trigger }) => [
        account.name,
        trigger.kind,
        trigger.message,
        trigger.evidence.objectId,
        trigger.at,
      ]),
    ).toEqual([['Bolt', 'key_contact_left', 'Ola Bolt left the client', ola.id, NOW - 10 * DAY_MS]]);
    expect(quarterlyReport.accounts.map((a) => [a.name, a.triggersFired])).toEqual([
      ['Acme', []],
      ['Bolt', ['Ola Bolt left the client (not reviewed yet)']],
    ]);
  });

  it('says how fresh its figures are: when the snapshot was taken, and how many companies it covers', async () => {
    const { freshness, concentration } = await overviewOf(await startPortal());
    expect(freshness).toEqual({ snapshot: { ...RECALCULATED, companiesScored: 6 }, snapshotUnreadable: null });
    // Six distinct revenues, each in a bucket of its own: the shares are exact.
    expect(concentration.pareto!.shareErrorBound).toBeLessThan(0.003);
  });

  it('never lists every company: a portal of 230 more costs the same calls, and every key account is there', async () => {
    const count = async (seed: PortalContents) => {
      const p = await startPortal(seed);
      const control = sandboxControl(p.sandbox.baseUrl);
      await control.resetStats();
      const overview = await overviewOf(p);
      const { total, byRoute } = await control.stats();
      return { total, listings: byRoute['GET /crm/v3/objects/companies'] ?? 0, overview };
    };
    const small = await count(contents());
    await portal!.sandbox.close();
    const many = Array.from({ length: 230 }, (_v, i) => aCompany(scored('none', 'none', 10, i)));
    const large = await count({ ...contents(), companies: [...many, ...contents().companies!] });
    expect(large.total).toBe(small.total);
    expect(large.listings).toBe(0);
    expect(names(large.overview.programme.keyAccounts)).toEqual(['Acme', 'Bolt']);
    expect(names(large.overview.drift.qualifiesButNotTagged)).toEqual(['Crane']);
  });

  it("shows no Pareto picture before a recalculation has completed, but the programme and the key accounts' dependence", async () => {
    const overview = await overviewOf(await startPortal(contents(), null));
    expect(overview.freshness).toEqual({ snapshot: null, snapshotUnreadable: null });
    expect(overview.concentration.pareto).toBeNull();
    expect(
      overview.concentration.keyAccounts.map((k) => [
        k.name,
        k.revenueAtRisk,
        k.shareOfPortfolio,
        k.dependsOnOneContract,
      ]),
    ).toEqual([
      ['Acme', 600, null, true],
      ['Bolt', 200, null, false],
    ]);
    expect(names(overview.programme.candidates)).toEqual(['Delta']);
  });

  it('says why a damaged snapshot cannot be read, and shows no Pareto picture from it', async () => {
    const overview = await overviewOf(await startPortal(contents(), JSON.stringify({ version: 1, startedAt: 0 })));
    expect(overview.freshness.snapshot).toBeNull();
    expect(overview.freshness.snapshotUnreadable).toMatch(/^completedAt: /);
    expect(overview.concentration.pareto).toBeNull();
  });
});

describe('the portfolio_overview function', () => {
  /** Points the function at a fresh seeded portal, as HubSpot would through the environment, and calls it. */
  async function call(parameters: unknown, snapshot: string | null = SNAPSHOT) {
    const p = await startPortal(contents(), snapshot);
    process.env.HUBSPOT_API_BASE_URL = p.sandbox.baseUrl;
    process.env.PRIVATE_APP_ACCESS_TOKEN = TEST_TOKEN;
    return { answer: await portfolioOverviewFunction({ parameters }) };
  }

  it('answers a manager the overview', async () => {
    const { answer } = await call({ userId: partner.userId });
    expect(answer).toMatchObject({ status: 'ok', programme: { keyAccounts: [{ name: 'Acme' }, { name: 'Bolt' }] } });
  });

  it('shows the figures of the snapshot a recalculation stored, over every company it scored', async () => {
    const { answer } = await call({ userId: partner.userId }, null);
    expect(answer).toMatchObject({ status: 'ok', freshness: { snapshot: null }, concentration: { pareto: null } });
    let cursor: string | null = null;
    do {
      const slice = await recalculatePortfolio({ parameters: { userId: partner.userId, cursor } });
      if (slice.status !== 'ok') throw new Error(slice.message);
      cursor = slice.cursor;
    } while (cursor);
    const after = await portfolioOverviewFunction({ parameters: { userId: partner.userId } });
    // Recalculation reads revenue from the deals: Acme's 400 + 200 and Bolt's 100 + 100 in 12 months; the rest none.
    expect(after).toMatchObject({
      status: 'ok',
      freshness: { snapshot: { companiesScored: 6 } },
      concentration: { pareto: { clientCount: 6, totalRevenue: 800, clientsForEightyPercentOfRevenue: 2 } },
    });
  });

  it('answers a user who is not a manager the same overview, read-only', async () => {
    await call({ userId: partner.userId });
    const saved = await saveSettings({
      parameters: {
        userId: manager.userId,
        expectedRevision: 0,
        settings: {
          ...defaultSettings(),
          access: { adminUserIds: [String(manager.userId)], managerUserIds: [], managerTeamIds: [] },
        },
      },
    });
    expect(saved).toMatchObject({ status: 'ok' });
    expect(await portfolioOverviewFunction({ parameters: { userId: partner.userId } })).toMatchObject({
      status: 'ok',
      programme: { keyAccounts: [{ name: 'Acme' }, { name: 'Bolt' }] },
      viewer: { canAct: false, readOnlyReason: expect.stringContaining('Only key account managers') as unknown },
    });
    expect(await portfolioOverviewFunction({ parameters: { userId: manager.userId } })).toMatchObject({
      status: 'ok',
      viewer: { canAct: true, readOnlyReason: null },
    });
  });

  it('rejects malformed parameters with the path', async () => {
    const { answer } = await call({ userId: 'me', extra: 1 });
    expect(answer).toMatchObject({ status: 'error', code: 'KAM.INVALID_PARAMETERS' });
    expect((answer as { issues: Array<{ path: string }> }).issues.map((i) => i.path).sort()).toEqual(['', 'userId']);
  });
});
