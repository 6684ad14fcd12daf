import { sandboxControl } from '../sandbox/control.ts';
import { HUBSPOT_RATE_LIMITS } from '../sandbox/http/rate-limit.ts';
import { startSandbox } from '../sandbox/server.ts';
import { createHubSpotClient } from '../src/crm/client.ts';
import { COMPANY_PROPERTY } from '../src/crm/model/index.ts';
import { ObjectTypeResolver } from '../src/crm/object-types.ts';
import { runSetup } from '../src/crm/setup/index.ts';
import { addMonths } from '../src/kam/shared/time.ts';
import { defaultSettings } from '../src/kam/settings/index.ts';
import { recalculateSlice } from '../src/keystone/portfolio-recalculation/index.ts';
import { roomForPeople } from '../src/keystone/portfolio-recalculation/recalculate.ts';
import { main as cardData } from '../src/app/functions/card_data.ts';
import {
  aCompany,
  aContact,
  aDeal,
  anOwner,
  portalSeed,
  TEST_TOKEN,
  withSuperAdmin,
  type PortalContents,
} from '../test/crm/sandbox-portal.ts';

// Portfolio recalculation of 20,000 companies against the sandbox, in 7-second slices as the settings
// page drives it. First without a limit, to count the calls a run needs (sandbox statistics); the floor
// is the time HubSpot's Professional burst limit (190 requests per 10 s) alone imposes on those calls.
// Two floors are printed: the earlier yardstick (the first 190 at once, then 19 a second), which no
// client can reach under a rolling window (the first 190 all age out together, 10 s later), and the
// true one for a rolling window (190 at once every 10 s: the last call goes out after
// 10 × ⌊(calls − 1) / 190⌋ s). BENCH_COMPANIES overrides the portfolio size.
// Then under that limit: the ratio of each floor to the time taken says how close the run comes to it,
// and what a sales rep opening a key account's card halfway through the run meets.

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 20_000);
const SLICE_BUDGET_MS = 7_000;
const now = Date.UTC(2026, 10, 1);
/** The sales rep who opens the key account's card mid-run, and who holds its meetings. */
const SALES_REP = anOwner();

function portfolio(): PortalContents {
  const companies = Array.from({ length: COMPANIES }, (_v, i) =>
    aCompany({
      [COMPANY_PROPERTY.prestige]: String(i % 11),
      [COMPANY_PROPERTY.marginPercent]: String((i * 3) % 50),
      ...(i % 50 === 0 ? { [COMPANY_PROPERTY.status]: 'key' } : {}),
    }),
  );
  const deals: NonNullable<PortalContents['deals']> = [];
  const dealCompanies: NonNullable<PortalContents['dealCompanies']> = [];
  companies.forEach((company, i) => {
    // 0–3 deals a company (1.5 on average), over the last two years.
    for (let d = 0; d < i % 4; d++) {
      const deal = aDeal({
        amount: String(5_000 + ((i * 37 + d * 11) % 90_000)),
        closedate: new Date(addMonths(now, -((i + d * 7) % 24))).toISOString(),
      });
      deals.push(deal);
      dealCompanies.push([deal.id, company.id]);
    }
  });
  // The first key account's people: 50 contacts and 2,400 meetings with them over two years, for the card opened mid-run.
  const contacts = Array.from({ length: 50 }, () => aContact());
  const meetings = Array.from({ length: 2_400 }, (_v, m) =>
    aMeeting(new Date(now - (m % 730) * 86_400_000).toISOString()),
  );
  return {
    owners: withSuperAdmin([SALES_REP]),
    companies,
    deals,
    dealCompanies,
    contacts,
    meetings,
    contactCompanies: contacts.map((c) => [c.id, companies[0]!.id]),
    meetingContacts: meetings.map((meeting, m) => [meeting.id, contacts[m % contacts.length]!.id]),
  };
}

function aMeeting(at: string): NonNullable<PortalContents['meetings']>[number] {
  const id = String(900_000_000 + nextMeeting++);
  return { id, properties: { hs_timestamp: at, hubspot_owner_id: SALES_REP.id }, createdAt: at };
}
let nextMeeting = 0;

async function recalculateAll(
  client: ReturnType<typeof createHubSpotClient>,
): Promise<{ seconds: number; slices: number; refused: number; waits: number }> {
  const settings = defaultSettings();
  const started = performance.now();
  let cursor: string | null = null;
  let slices = 0;
  // Slices stopped by a 429, and slices that stopped to wait for room in the burst window (no 429).
  let refused = 0;
  let waits = 0;
  for (;;) {
    // Each invocation starts at its own time, as in HubSpot (the pacer's memory in the cursor is timed from it).
    const invokedAt = now + Math.round(performance.now() - started);
    const slice = await recalculateSlice(client, {
      cursor,
      budgetMs: SLICE_BUDGET_MS,
      settings,
      now: invokedAt,
      elapsed: () => performance.now(),
      objectTypes: new ObjectTypeResolver(client),
    });
    slices++;
    cursor = slice.cursor;
    if (slice.interruptedBy) {
      if (slice.interruptedBy === 'KAM.BURST_WINDOW_FULL') waits++;
      else refused++;
      await new Promise((resolve) => setTimeout(resolve, slice.retryAfterMs ?? 1_000));
    }
    if (slice.done) return { seconds: (performance.now() - started) / 1_000, slices, refused, waits };
  }
}

/** card_data for a key account, `afterMs` into the run: what it answered and when. */
async function cardDuring(baseUrl: string, companyId: string, afterMs: number): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, afterMs));
  process.env.HUBSPOT_API_BASE_URL = baseUrl;
  process.env.PRIVATE_APP_ACCESS_TOKEN = TEST_TOKEN;
  const started = performance.now();
  const answer = await cardData({ parameters: { companyId, userId: SALES_REP.userId } });
  const ms = Math.round(performance.now() - started);
  return answer.status === 'ok' ? `answered in ${ms} ms` : `failed after ${ms} ms: ${answer.code}`;
}

export default async function backendRecalculationBench(): Promise<void> {
  const contents = portfolio();
  // The first company is tagged key (every 50th is).
  const keyAccountId = contents.companies![0]!.id;
  const sandbox = await startSandbox({
    dataFile: null,
    seed: portalSeed(contents),
    requiredToken: TEST_TOKEN,
    rateLimit: false,
  });
  const control = sandboxControl(sandbox.baseUrl);
  try {
    const client = createHubSpotClient({ accessToken: TEST_TOKEN, baseUrl: sandbox.baseUrl, attempts: 1 });
    await runSetup(client, { now });

    // 1. Without a limit: the calls a run needs, and the sandbox's own pace.
    await control.resetStats();
    const free = await recalculateAll(client);
    const { total: calls, byRoute } = await control.stats();
    const burst = HUBSPOT_RATE_LIMITS.burstPer10s;
    const floorSeconds = Math.max(0, calls - burst) / (burst / 10);
    const windowFloorSeconds = 10 * Math.floor((calls - 1) / burst);

    // 2. Under HubSpot's limit, as in a real portal; a card is opened halfway through.
    await control.setRateLimit(HUBSPOT_RATE_LIMITS);
    await control.resetStats();
    const run = recalculateAll(client);
    const card = cardDuring(sandbox.baseUrl, keyAccountId, (windowFloorSeconds * 1_000) / 2);
    const limited = await run;
    const limitedCalls = (await control.stats()).total;
    const cardSeen = await card;

    const line = (label: string, value: string) => console.log(`${label.padEnd(34)}${value}`);
    line('companies', COMPANIES.toLocaleString('en'));
    line(
      'API calls a run needs',
      `${calls} (${(calls / (COMPANIES / 100)).toFixed(2)} per 100 companies): ${JSON.stringify(byRoute)}`,
    );
    line(
      'without a rate limit',
      `${free.seconds.toFixed(1)} s, ${free.slices} slices → ${(COMPANIES / free.seconds).toFixed(0)} companies/s`,
    );
    line(
      `floor at ${burst} requests / 10 s`,
      `${floorSeconds.toFixed(1)} s → ${(COMPANIES / floorSeconds).toFixed(0)} companies/s (190 at once, then 19 a second)`,
    );
    line(
      'floor of a rolling window',
      `${windowFloorSeconds.toFixed(1)} s → ${(COMPANIES / windowFloorSeconds).toFixed(0)} companies/s (190 at once every 10 s)`,
    );
    line(
      'under the limit',
      `${limited.seconds.toFixed(1)} s, ${limited.slices} slices, ${limited.refused} stopped by a 429 or outage, ${limited.waits} stopped to wait for the window, ${limitedCalls} requests incl. refused → ${(COMPANIES / limited.seconds).toFixed(0)} companies/s`,
    );
    line(
      'throughput ÷ floor throughput',
      `${(floorSeconds / limited.seconds).toFixed(2)} (1.00 = as fast as 190 at once, then 19 a second)`,
    );
    line(
      'throughput ÷ rolling-window floor',
      `${(windowFloorSeconds / limited.seconds).toFixed(2)} (1.00 = as fast as the limit allows)`,
    );
    const shared = burst - roomForPeople(burst, 0);
    const sharedFloorSeconds = 10 * Math.floor((calls - 1) / shared);
    line(
      `… less the ${burst - shared} left for cards`,
      `${(sharedFloorSeconds / limited.seconds).toFixed(2)} (1.00 = as fast as ${shared} at once every 10 s allows)`,
    );
    line('a card opened mid-run', `${cardSeen} (a key account with 50 contacts and 2,400 meetings)`);
  } finally {
    await sandbox.close();
  }
}
