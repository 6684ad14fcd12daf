import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main as portfolioFactsMain } from '../../src/app/functions/portfolio_facts.ts';
import { main as recalculatePortfolioMain } from '../../src/app/functions/recalculate_portfolio.ts';
import { storedEnoughData } from '../../src/contracts/account-summary.ts';
import { COMPANY_PROPERTY, PORTAL_SETTINGS } from '../../src/crm/model/index.ts';
import { ObjectTypeResolver } from '../../src/crm/object-types.ts';
import { collectAll } from '../../src/crm/paging.ts';
import { HUBSPOT_RATE_LIMITS } from '../../sandbox/http/rate-limit.ts';
import { ROOM_FOR_OTHERS } from '../../src/crm/rate-limit.ts';
import { roomForPeople } from '../../src/keystone/portfolio-recalculation/recalculate.ts';
import { readSettingsRecord, writeSettingsRecord } from '../../src/crm/settings-record.ts';
import { runSetup } from '../../src/crm/setup/index.ts';
import { distributionOf } from '../../src/kam/portfolio/index.ts';
import { earnedPoints, scoreCompany } from '../../src/kam/selection/index.ts';
import { addMonths } from '../../src/kam/shared/time.ts';
import { defaultSettings } from '../../src/kam/settings/index.ts';
import { decodeCursor } from '../../src/keystone/portfolio-recalculation/cursor.ts';
import { latestAdminActions } from '../../src/keystone/settings/index.ts';
import {
  recalculateSlice,
  storedSnapshot,
  type PortfolioSnapshot,
  type SliceResult,
} from '../../src/keystone/portfolio-recalculation/index.ts';
import {
  aCompany,
  aDeal,
  anOwner,
  startSandboxPortal,
  type PortalContents,
  type SandboxPortal,
} from '../crm/sandbox-portal.ts';
import { onTestClock, testClock } from '../clock.ts';

const portfolioFacts = onTestClock(portfolioFactsMain);
const recalculatePortfolio = onTestClock(recalculatePortfolioMain);

const now = Date.UTC(2026, 10, 1);
testClock.set(now);
const portfolioAdmin = anOwner();
const settings = defaultSettings();
const SCORE_FIELDS = [
  COMPANY_PROPERTY.score,
  COMPANY_PROPERTY.suggestedStatus,
  COMPANY_PROPERTY.scoreBreakdown,
  COMPANY_PROPERTY.scoredAt,
  COMPANY_PROPERTY.revenueLast12Months,
  'hs_is_target_account',
  'hs_ideal_customer_profile',
];

/** 230 companies (three pages) with ratings and deals of every kind, some tagged key. */
function portfolio(): PortalContents {
  const companies = Array.from({ length: 230 }, (_v, i) =>
    aCompany({
      [COMPANY_PROPERTY.prestige]: String(i % 11),
      [COMPANY_PROPERTY.strategicFit]: String((i * 7) % 11),
      [COMPANY_PROPERTY.marginPercent]: String((i * 3) % 50),
      ...(i % 4 === 0 ? { [COMPANY_PROPERTY.potentialRevenue]: String(i * 2_000) } : {}),
      ...(i % 10 === 0 ? { [COMPANY_PROPERTY.status]: 'key' } : {}),
    }),
  );
  const deals: PortalContents['deals'] = [];
  const dealCompanies: PortalContents['dealCompanies'] = [];
  companies.forEach((company, i) => {
    for (let d = 0; d < i % 5; d++) {
      const deal = aDeal({
        amount: String(10_000 * (d + 1) + i),
        closedate: new Date(addMonths(now, -(d * 5 + 1))).toISOString(),
        ...(d === 3 ? { dealstage: 'qualifiedtobuy', hs_is_closed_won: 'false', hs_is_closed: 'false' } : {}),
      });
      deals.push(deal);
      dealCompanies.push([deal.id, company.id]);
    }
  });
  return { owners: [portfolioAdmin], companies, deals, dealCompanies };
}

async function scoresIn(portal: SandboxPortal): Promise<Map<string, Record<string, string | null>>> {
  const companies = await collectAll((after) =>
    portal.client.crm.objects.basicApi.getPage('companies', 100, after, SCORE_FIELDS),
  );
  return new Map(
    companies.map((c) => [c.id, Object.fromEntries(SCORE_FIELDS.map((f) => [f, c.properties[f] ?? null]))]),
  );
}

/** An elapsed-time source that moves 400 ms per reading, so a 500 ms budget fits one page per slice. */
function steppingClock(): () => number {
  let t = 0;
  return () => (t += 400);
}

function sliceOf(
  portal: SandboxPortal,
  cursor: string | null,
  budgetMs: number,
  elapsed: () => number,
): Promise<SliceResult> {
  return recalculateSlice(portal.client, {
    cursor,
    budgetMs,
    settings,
    now,
    elapsed,
    objectTypes: new ObjectTypeResolver(portal.client),
  });
}

async function runToTheEnd(
  portal: SandboxPortal,
  budgetMs: number,
  elapsed: () => number,
  from: string | null = null,
): Promise<SliceResult[]> {
  const slices: SliceResult[] = [];
  let cursor: string | null = from;
  do {
    const slice: SliceResult = await sliceOf(portal, cursor, budgetMs, elapsed);
    slices.push(slice);
    cursor = slice.cursor;
    if (slices.length > 50) throw new Error('recalculation never finished');
  } while (!slices.at(-1)!.done);
  return slices;
}

async function settingsRecordOf(portal: SandboxPortal) {
  return (await readSettingsRecord(
    portal.client,
    await new ObjectTypeResolver(portal.client).objectTypeId('settings'),
  ))!;
}

async function snapshotIn(portal: SandboxPortal): Promise<PortfolioSnapshot | null> {
  const { snapshot, unreadable } = storedSnapshot((await settingsRecordOf(portal)).portfolioSnapshot);
  expect(unreadable).toBeNull();
  return snapshot;
}

describe('portfolio recalculation', () => {
  let portal: SandboxPortal;
  beforeEach(async () => {
    portal = await startSandboxPortal(portfolio());
    await runSetup(portal.client, { now });
  });
  afterEach(() => portal.close());

  async function oneBigRun(): Promise<Map<string, Record<string, string | null>>> {
    await portal.control.reset();
    await runSetup(portal.client, { now });
    const [only] = await runToTheEnd(portal, 12_000, () => performance.now());
    expect(only).toMatchObject({ done: true, processed: 230 });
    return scoresIn(portal);
  }

  it('scores every company across several slices, each returning a cursor, with the same result as one big run', async () => {
    const slices = await runToTheEnd(portal, 500, steppingClock());
    const sliced = await scoresIn(portal);

    // A page a slice: three of scores, then the relationships from the first page again.
    expect(slices.map((s) => [s.stage, s.processed])).toEqual([
      ['scores', 100],
      ['scores', 200],
      ['relationships', 0],
      ['relationships', 100],
      ['relationships', 200],
      ['relationships', 230],
    ]);
    expect(slices.map((s) => s.total)).toEqual(Array(6).fill(230));
    expect(slices.at(-1)).toMatchObject({ done: true, cursor: null });
    expect(
      [...sliced.values()].every((fields) => fields[COMPANY_PROPERTY.scoredAt] === new Date(now).toISOString()),
    ).toBe(true);
    // Companies with won deals in the last 12 months get their revenue; the others bought nothing: 0, not unknown.
    const revenues = [...sliced.values()].map((fields) => fields[COMPANY_PROPERTY.revenueLast12Months]);
    expect(revenues.filter((r) => Number(r) > 0).length).toBeGreaterThan(100);
    expect(revenues.filter((r) => r === '0').length).toBeGreaterThan(40);
    expect(revenues.every((r) => r !== '' && r !== null && r !== undefined)).toBe(true);
    expect(sliced).toEqual(await oneBigRun());
  });

  it('survives a rate limit and a HubSpot outage mid-run: the slice stops, says why, and the same cursor resumes', async () => {
    await portal.control.injectFault({
      kind: 'rateLimit',
      method: 'POST',
      path: '/crm/v3/objects/companies/batch/update',
      times: 1,
    });
    await portal.control.injectFault({
      kind: 'serverError',
      status: 502,
      method: 'GET',
      path: '/crm/v3/objects/companies',
      times: 2,
    });

    const slices = await runToTheEnd(portal, 500, steppingClock());
    const interrupted = slices.filter((s) => s.interruptedBy);

    expect(interrupted.map((s) => s.interruptedBy).sort()).toEqual([
      'KAM.HUBSPOT_RATE_LIMITED',
      'KAM.HUBSPOT_UNAVAILABLE',
      'KAM.HUBSPOT_UNAVAILABLE',
    ]);
    expect(interrupted.every((s) => s.cursor !== null && s.retryAfterMs! > 0)).toBe(true);
    expect(slices.at(-1)).toMatchObject({ done: true, processed: 230 });
    expect(await scoresIn(portal)).toEqual(await oneBigRun());
  });

  it('hands the settings preview the facts recalculation scores, so its live scores match the written ones', async () => {
    await runToTheEnd(portal, 12_000, () => performance.now());
    portal.useForFunctions();

    const answer = await portfolioFacts({ parameters: { userId: portfolioAdmin.userId } });

    expect(answer).toMatchObject({ status: 'ok', complete: true });
    const facts = answer.status === 'ok' ? answer.companies : [];
    expect(facts).toHaveLength(230);
    const written = await scoresIn(portal);
    for (const company of facts) {
      const score = scoreCompany(company, settings.selection).score;
      expect(written.get(company.companyId)![COMPANY_PROPERTY.score]).toBe(
        score === null ? '' : String(earnedPoints(score, 1)),
      );
    }
  });

  it('stores the portfolio snapshot once every company is scored: the revenue it wrote on every company, beside the settings', async () => {
    const setupVersion = (await settingsRecordOf(portal)).setupVersion;
    const slices = await runToTheEnd(portal, 500, steppingClock());
    expect(slices.slice(0, -1).every((s) => !s.done)).toBe(true);

    const written = [...(await scoresIn(portal)).values()].map((fields) =>
      Number(fields[COMPANY_PROPERTY.revenueLast12Months]),
    );
    const snapshot = await snapshotIn(portal);
    expect(snapshot).toMatchObject({ version: 1, startedAt: now, companiesScored: 230 });
    expect(snapshot!.completedAt).toBeGreaterThan(now);
    const expected = distributionOf(written);
    expect({ ...snapshot!.distribution, revenue: 0, sumOfSquares: 0, buckets: [] }).toEqual({
      ...expected,
      revenue: 0,
      sumOfSquares: 0,
      buckets: [],
    });
    expect(snapshot!.distribution.buckets.map(([index, count]) => [index, count])).toEqual(
      expected.buckets.map(([index, count]) => [index, count]),
    );
    expect(snapshot!.distribution.revenue).toBeCloseTo(expected.revenue, 4);
    expect((await settingsRecordOf(portal)).setupVersion).toBe(setupVersion);
  });

  it('scores every company and stores the snapshot before it weighs any relationship', async () => {
    const coverageAt = async () =>
      (
        await collectAll((after) =>
          portal.client.crm.objects.basicApi.getPage('companies', 100, after, [
            COMPANY_PROPERTY.status,
            COMPANY_PROPERTY.coverageScoredAt,
          ]),
        )
      ).filter((c) => c.properties[COMPANY_PROPERTY.status] === 'key');
    let cursor: string | null = null;
    for (const processed of [100, 200]) {
      const slice: SliceResult = await sliceOf(portal, cursor, 500, steppingClock());
      expect(slice).toMatchObject({ stage: 'scores', processed, done: false });
      cursor = slice.cursor;
    }
    expect(await snapshotIn(portal)).toBeNull();
    const scored = await sliceOf(portal, cursor, 500, steppingClock());

    expect(scored).toMatchObject({ stage: 'relationships', processed: 0, done: false });
    expect([...(await scoresIn(portal)).values()].every((f) => f[COMPANY_PROPERTY.scoredAt])).toBe(true);
    expect(await snapshotIn(portal)).toMatchObject({ companiesScored: 230 });
    const keyAccounts = await coverageAt();
    expect(keyAccounts).toHaveLength(23);
    expect(keyAccounts.every((c) => !c.properties[COMPANY_PROPERTY.coverageScoredAt])).toBe(true);

    await runToTheEnd(portal, 500, steppingClock(), scored.cursor);
    expect((await coverageAt()).every((c) => c.properties[COMPANY_PROPERTY.coverageScoredAt])).toBe(true);
  });

  it("rewrites the same snapshot when the scores' last slice runs again, and moves on only once it is stored", async () => {
    const slices = await runToTheEnd(portal, 500, steppingClock());
    const stored = slices.findIndex((s) => s.stage === 'relationships');
    const lastCursor = slices[stored - 1]!.cursor;
    const first = await snapshotIn(portal);

    await portal.control.injectFault({
      kind: 'rateLimit',
      method: 'POST',
      path: `/crm/v3/objects/${await new ObjectTypeResolver(portal.client).objectTypeId('settings')}/batch/upsert`,
      times: 1,
    });
    const refused = await sliceOf(portal, lastCursor, 500, steppingClock());
    expect(refused).toMatchObject({
      done: false,
      interruptedBy: 'KAM.HUBSPOT_RATE_LIMITED',
      stage: 'scores',
      processed: 200,
    });
    const again = await sliceOf(portal, refused.cursor, 500, steppingClock());

    expect(again).toMatchObject({ done: false, stage: 'relationships', processed: 0 });
    expect({ ...(await snapshotIn(portal)), completedAt: 0 }).toEqual({ ...first, completedAt: 0 });
  });

  it('leaves people what their cards use of the burst window and as much again, beside the share a card keeps free', () => {
    expect([190, 100, 30].map((max) => roomForPeople(max, 0))).toEqual([32, 17, 10]);
    expect(roomForPeople(190, 60)).toBe(92);
    // More than a card keeps free: a card that opens while the run has filled its share sends without holding back.
    for (const max of [190, 100])
      expect(roomForPeople(max, 0)).toBeGreaterThan(Math.ceil(max * ROOM_FOR_OTHERS.least) + 2);
  });

  it("stores the portal's people for the cards in the run's first slice, in a write of its own, and not again", async () => {
    const people = async () => (await settingsRecordOf(portal)).portalPeople || null;
    await portal.control.resetStats();
    const first = await sliceOf(portal, null, 500, steppingClock());
    expect(first.done).toBe(false);
    expect(JSON.parse((await people())!)).toMatchObject({ version: 1, readAt: now });
    const upserts = `POST /crm/v3/objects/${await new ObjectTypeResolver(portal.client).objectTypeId('settings')}/batch/upsert`;
    expect((await portal.control.stats()).byRoute[upserts]).toBe(1);

    await writeSettingsRecord(portal.client, await new ObjectTypeResolver(portal.client).objectTypeId('settings'), {
      [PORTAL_SETTINGS.property.portalPeople]: '',
    });
    await runToTheEnd(portal, 500, steppingClock(), first.cursor);
    expect(await people()).toBeNull();
  });

  it("carries what it learnt of HubSpot's burst window from slice to slice in the cursor", async () => {
    await portal.control.setRateLimit(HUBSPOT_RATE_LIMITS);
    const first = await sliceOf(portal, null, 500, steppingClock());
    const { burst } = decodeCursor(first.cursor!);
    expect(burst?.window).toMatchObject({ max: HUBSPOT_RATE_LIMITS.burstPer10s, intervalMs: 10_000 });
    // The first list, four calls counted for the page and the owners the run's first slice stores for the cards.
    expect(burst?.sentAgoMs).toHaveLength(6);
  });

  it('stores with each score whether it stood on enough data, as the sidebar reads it', async () => {
    // Beside the rated portfolio, a company known by its name alone.
    const littleKnown = await portal.client.crm.companies.basicApi.create({ properties: { name: 'Little known' } });
    await runToTheEnd(portal, 12_000, () => performance.now());
    const companies = await collectAll((after) =>
      portal.client.crm.objects.basicApi.getPage('companies', 100, after, [
        COMPANY_PROPERTY.suggestedStatus,
        COMPANY_PROPERTY.scoreBreakdown,
      ]),
    );
    const enoughData = new Map(
      companies.map((c) => [c.id, storedEnoughData(c.properties[COMPANY_PROPERTY.scoreBreakdown])]),
    );
    expect(enoughData.get(littleKnown.id)).toBe(false);
    expect(companies.find((c) => c.id === littleKnown.id)!.properties[COMPANY_PROPERTY.suggestedStatus]).toBe('none');
    expect([...enoughData].filter(([id]) => id !== littleKnown.id).every(([, enough]) => enough === true)).toBe(true);
  });

  it("writes the ICP tier and leaves HubSpot's target-account flag to the status changes", async () => {
    await runToTheEnd(portal, 12_000, () => performance.now());
    const companies = await collectAll((after) =>
      portal.client.crm.objects.basicApi.getPage('companies', 100, after, [
        'hs_is_target_account',
        'hs_ideal_customer_profile',
      ]),
    );
    // The portfolio was loaded with statuses and no flags: recalculation writes none.
    for (const company of companies) expect(company.properties.hs_is_target_account ?? null).toBeNull();
    expect(companies.some((c) => c.properties.hs_ideal_customer_profile)).toBe(true);
  });

  it("never undoes a tag that lands while a page's write-back is in flight", async () => {
    const listed = await collectAll((after) =>
      portal.client.crm.objects.basicApi.getPage('companies', 100, after, [COMPANY_PROPERTY.status]),
    );
    // The second company of the first page: not a key account.
    const first = listed[1];
    expect(first!.properties[COMPANY_PROPERTY.status] ?? 'none').toBe('none');
    // The first page's batch update is held back; meanwhile a manager tags that company, which
    // writes the status and the flag in one update, as tag_key_account does.
    await portal.control.injectFault({
      kind: 'latency',
      ms: 1_500,
      path: '/crm/v3/objects/companies/batch/update',
      method: 'POST',
      times: 1,
    });
    const slice = sliceOf(portal, null, 12_000, () => performance.now());
    // A fault that has hit its one request leaves the list.
    await expect.poll(async () => (await portal.control.faults()).length, { interval: 20, timeout: 10_000 }).toBe(0);
    await portal.client.crm.companies.basicApi.update(first!.id, {
      properties: { [COMPANY_PROPERTY.status]: 'key', hs_is_target_account: 'true' },
    });
    await slice;

    const company = await portal.client.crm.companies.basicApi.getById(first!.id, [
      COMPANY_PROPERTY.status,
      'hs_is_target_account',
      COMPANY_PROPERTY.score,
    ]);
    expect(company.properties).toMatchObject({ [COMPANY_PROPERTY.status]: 'key', hs_is_target_account: 'true' });
    expect(company.properties[COMPANY_PROPERTY.score]).toBeTruthy();
  });
});

describe('the recalculate_portfolio function', () => {
  const admin = anOwner();
  const salesperson = anOwner();
  let portal: SandboxPortal;
  beforeEach(async () => {
    portal = await startSandboxPortal({
      owners: [admin, salesperson],
      companies: [aCompany({ [COMPANY_PROPERTY.prestige]: '9' }), aCompany()],
    });
    portal.useForFunctions();
    await runSetup(portal.client, { now });
  });
  afterEach(() => portal.close());

  it('runs a whole small portal in one slice for an admin', async () => {
    // No admin is named yet, so every user of the portal is one.
    expect(await recalculatePortfolio({ parameters: { userId: admin.userId } })).toEqual({
      status: 'ok',
      cursor: null,
      processed: 2,
      total: 2,
      done: true,
      finishedAt: expect.toSatisfy((at: number) => at >= now),
      stage: 'relationships',
      interruptedBy: null,
      retryAfterMs: null,
      coverageNotRead: [],
      coverageNotReadCompanies: [],
      pausedFor: null,
    });
  });

  it("records the run's finish in the admin log once, however often its last slice is sent", async () => {
    // One page a slice: the first scores both companies and leaves their relationships to the last.
    const first = await recalculateSlice(portal.client, {
      cursor: null,
      budgetMs: 500,
      settings,
      now,
      elapsed: steppingClock(),
      objectTypes: new ObjectTypeResolver(portal.client),
    });
    expect(first).toMatchObject({ done: false, stage: 'relationships' });
    const last = { userId: admin.userId, cursor: first.cursor };
    const answer = await recalculatePortfolio({ parameters: last });
    expect(answer).toMatchObject({ status: 'ok', done: true, finishedAt: expect.any(Number) });
    // Its answer lost, the page sends the last slice again.
    expect(await recalculatePortfolio({ parameters: last })).toMatchObject({ status: 'ok', done: true });

    const finishes = (await latestAdminActions(portal.client, new ObjectTypeResolver(portal.client))).filter(
      (action) => action.kind === 'recalculation_finished',
    );
    expect(finishes).toEqual([
      expect.objectContaining({
        userId: String(admin.userId),
        summary: 'Finished a portfolio recalculation of 2 companies',
        at: (answer as { finishedAt: number }).finishedAt,
      }),
    ]);
  });

  it('refuses a slice once the settings were saved since its run began, writing nothing', async () => {
    const objectTypes = new ObjectTypeResolver(portal.client);
    const first = await recalculateSlice(portal.client, {
      cursor: null,
      budgetMs: 500,
      settings,
      settingsRevision: 0,
      now,
      elapsed: steppingClock(),
      objectTypes,
    });
    expect(first).toMatchObject({ done: false });
    // Another admin saves the settings while the run goes on.
    await writeSettingsRecord(portal.client, await objectTypes.objectTypeId('settings'), {
      [PORTAL_SETTINGS.property.revision]: '1',
    });
    await portal.control.resetStats();
    const answer = await recalculatePortfolio({ parameters: { userId: admin.userId, cursor: first.cursor } });
    expect(answer).toMatchObject({ status: 'error', code: 'KAM.SETTINGS_CHANGED' });
    expect(answer.status === 'error' && answer.message).toMatch(/Recalculate again/);
    expect(await portal.writes()).toEqual([]);
  });

  it('refuses a damaged cursor before touching any company', async () => {
    await portal.control.resetStats();
    const answer = await recalculatePortfolio({ parameters: { userId: admin.userId, cursor: 'bm90IGEgY3Vyc29y' } });
    expect(answer).toMatchObject({ status: 'error', code: 'KAM.INVALID_PARAMETERS', issues: [{ path: 'cursor' }] });
    expect(await portal.writes()).toEqual([]);
  });

  it('refuses to start while setup is out of date, as the run ends by storing the snapshot in a newer property', async () => {
    await writeSettingsRecord(portal.client, await new ObjectTypeResolver(portal.client).objectTypeId('settings'), {
      [PORTAL_SETTINGS.property.setupVersion]: '1',
    });
    await portal.control.resetStats();
    expect(await recalculatePortfolio({ parameters: { userId: admin.userId } })).toMatchObject({
      status: 'error',
      code: 'KAM.SETUP_REQUIRED',
    });
    expect(await portal.writes()).toEqual([]);
  });

  it('refuses a time budget beyond what HubSpot lets a function run', async () => {
    const answer = await recalculatePortfolio({ parameters: { userId: admin.userId, timeBudgetMs: 60_000 } });
    expect(answer).toMatchObject({
      status: 'error',
      code: 'KAM.INVALID_PARAMETERS',
      issues: [{ path: 'timeBudgetMs' }],
    });
  });
});
