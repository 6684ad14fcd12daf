import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { main as cardData } from '../src/app/functions/card_data.ts';
import { main as saveAccountPlan } from '../src/app/functions/save_account_plan.ts';
import { CONTACT_PROPERTY } from '../src/crm/model/index.ts';
import { STANCES } from '../src/kam/shared/index.ts';
import {
  DAY,
  NOW,
  anOwner,
  loadAccount,
  startSandboxPortal,
  type ActivitySpec,
  type ContactSpec,
} from '../test/app/functions/account-portal.ts';
import { PORTAL_ID } from '../test/crm/sandbox-portal.ts';
import { HUBSPOT_RATE_LIMITS } from '../sandbox/http/rate-limit.ts';

// card_data for a large key account — 500 contacts, 5,000 meetings, calls and emails, 40 objectives —
// with 100 ms added to every HubSpot request, as from a function far from HubSpot's API. Prints the
// calls made, the sequential rounds on the critical path and the wall time. Then the same for one of
// the largest accounts (30,000 activities) under HubSpot's burst limit of 190 requests per 10 s: the
// calls, the 429s and the time, which must stay inside a function's ~10 s.

interface Scenario {
  title: string;
  contacts: number;
  activities: number;
  objectives: number;
  latencyMs: number;
  hubspotRateLimit: boolean;
}

const ISSUE_ACCOUNT: Scenario = {
  title: "the issue's account",
  contacts: 500,
  activities: 5_000,
  objectives: 40,
  latencyMs: 100,
  hubspotRateLimit: false,
};
const LARGEST_ACCOUNT: Scenario = {
  title: 'one of the largest accounts',
  contacts: 500,
  activities: 30_000,
  objectives: 40,
  latencyMs: 20,
  hubspotRateLimit: true,
};

interface Timed {
  route: string;
  status: number;
  start: number;
  end: number;
}

/** A pass-through proxy in front of the sandbox that notes when each request started and ended. */
async function timingProxy(target: string): Promise<{ url: string; requests: Timed[]; close(): Promise<void> }> {
  const requests: Timed[] = [];
  const { hostname, port } = new URL(target);
  const server: Server = createServer((req, res) => {
    const timed = { route: `${req.method} ${req.url?.split('?')[0]}`, status: 0, start: performance.now(), end: 0 };
    const upstream = request({ hostname, port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      timed.status = answer.statusCode ?? 502;
      res.writeHead(timed.status, answer.headers);
      answer.pipe(res).on('finish', () => {
        timed.end = performance.now();
        requests.push(timed);
      });
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Bursts of requests separated by moments with nothing in flight: the rounds the function waits through one after another. */
function sequentialRounds(requests: readonly Timed[]): number {
  let rounds = 0;
  let busyUntil = -Infinity;
  for (const r of [...requests].sort((a, b) => a.start - b.start)) {
    if (r.start >= busyUntil) rounds += 1;
    busyUntil = Math.max(busyUntil, r.end);
  }
  return rounds;
}

/** Longest chain of requests each starting after the one before ended; above the rounds only when the event loop was too busy to send a round's requests within the latency. */
function longestChain(requests: readonly Timed[]): number {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  sorted.forEach((r, i) => {
    depth[i] = 1 + Math.max(0, ...sorted.slice(0, i).map((q, j) => (q.end <= r.start ? depth[j]! : 0)));
  });
  return Math.max(0, ...depth);
}

export default async function cardDataBenchmark(): Promise<void> {
  await measure(ISSUE_ACCOUNT);
  await measure(LARGEST_ACCOUNT);
}

async function measure({
  title,
  contacts: CONTACTS,
  activities: ACTIVITIES,
  objectives: OBJECTIVES,
  latencyMs: LATENCY_MS,
  hubspotRateLimit,
}: Scenario): Promise<void> {
  console.log(`\n### ${title}`);
  const owners = Array.from({ length: 12 }, (_, i) => anOwner({ firstName: `Owner${i}` }));
  const manager = owners[0]!;
  const contacts = Array.from(
    { length: CONTACTS },
    (_, i): ContactSpec => ({
      id: String(100_000 + i),
      properties: {
        jobtitle: `Role ${i % 40}`,
        [CONTACT_PROPERTY.stance]: STANCES[i % STANCES.length]!,
        ...(i % 10 === 0 ? { [CONTACT_PROPERTY.decisionPower]: 'decides' } : {}),
        ...(i > 0 ? { [CONTACT_PROPERTY.reportsTo]: String(100_000 + Math.floor((i - 1) / 5)) } : {}),
      },
      stanceHistory: [['neutral', 200 + (i % 100)]],
    }),
  );
  const types: ActivitySpec['type'][] = ['meetings', 'calls', 'emails'];
  const activities = Array.from(
    { length: ACTIVITIES },
    (_, i): ActivitySpec => ({
      type: types[i % 3]!,
      ownerId: owners[i % owners.length]!.id,
      contactIds: [String(100_000 + (i % CONTACTS)), ...(i % 4 === 0 ? [String(100_000 + ((i * 7) % CONTACTS))] : [])],
      daysAgo: 1 + (i % 700),
    }),
  );

  const portal = await startSandboxPortal();
  const proxy = await timingProxy(portal.sandbox.baseUrl);
  try {
    const { companyId } = await loadAccount(portal, {
      owners,
      contacts,
      activities,
      deals: Array.from({ length: 30 }, (_, i) => ({
        amount: String(10_000 + i * 1_000),
        dealstage: 'closedwon',
        hs_is_closed_won: 'true',
        hs_is_closed: 'true',
        closedate: new Date(NOW - i * 20 * DAY).toISOString(),
      })),
    });
    portal.useForFunctions();
    const plan = {
      businessObjective: 'Double our share of their advisory spend',
      team: { relationshipPartner: owners[1]!.id, accountManager: manager.id, researcher: owners[2]!.id },
      objectives: Array.from({ length: OBJECTIVES }, (_, i) => ({
        title: `Objective ${i + 1}`,
        measure: 'Agreed measure',
        ownerId: owners[i % owners.length]!.id,
        dueAt: NOW + (i - 10) * 7 * DAY,
      })),
      quarterlyTargets: {
        fiscalYear: new Date(NOW).getUTCFullYear(),
        rows: [
          {
            metric: 'meetings',
            label: 'Meetings per quarter',
            unit: 'count' as const,
            targets: { Q1: 40, Q2: 40, Q3: 40, Q4: 40 },
          },
        ],
      },
    };
    const saved = await saveAccountPlan({ parameters: { companyId, userId: manager.userId, baseRevision: 0, plan } });
    if (saved.status !== 'ok') throw new Error(`could not save the plan: ${saved.message}`);

    process.env.HUBSPOT_API_BASE_URL = proxy.url;
    await portal.control.resetStats();
    if (hubspotRateLimit) await portal.control.setRateLimit(HUBSPOT_RATE_LIMITS);
    await portal.control.injectFault({ kind: 'latency', ms: LATENCY_MS });
    proxy.requests.length = 0;

    const started = performance.now();
    // As the card calls it, with the portal id from its context.
    const answer = await cardData({ parameters: { companyId, userId: manager.userId, portalId: PORTAL_ID } });
    const wallMs = performance.now() - started;
    if (answer.status !== 'ok') throw new Error(`card_data failed: ${answer.message}`);

    const stats = await portal.control.stats();
    const budget = 8 + Math.ceil(CONTACTS / 100) + Math.ceil(ACTIVITIES / 100);
    const { logged, weighed } = answer.relationships.activities;
    console.log(
      `account: ${answer.relationships.contacts.length} contacts, ${logged} activities (${weighed} weighed), ${answer.plan.objectives.length} objectives; ${LATENCY_MS} ms added per request${hubspotRateLimit ? "; HubSpot's limit of 190 requests per 10 s" : ''}`,
    );
    const refused = proxy.requests.filter((r) => r.status === 429).length;
    console.log(
      `calls: ${stats.total} (issue budget 8 + 1/100 contacts + 1/100 activities = ${budget}); answered 429: ${refused}; peak in flight: ${stats.peakConcurrency}`,
    );
    // Where the calls go: HubSpot batch-reads one object type a call, so each activity type rounds up to its own 100.
    const reads = (type: string) => stats.byRoute[`POST /crm/v3/objects/${type}/batch/read`] ?? 0;
    const activityReads = reads('meetings') + reads('calls') + reads('emails');
    console.log(
      `  contact batch reads: ${reads('contacts')}; activity batch reads: ${activityReads}; everything else (the fixed part): ${stats.total - reads('contacts') - activityReads}`,
    );
    console.log(
      `sequential rounds: ${sequentialRounds(proxy.requests)} (longest chain of dependent-looking requests: ${longestChain(proxy.requests)})`,
    );
    const lastAnswer = Math.max(...proxy.requests.map((r) => r.end)) - started;
    console.log(
      `wall time: ${Math.round(wallMs)} ms (${(wallMs / LATENCY_MS).toFixed(1)} × the added latency); last HubSpot answer after ${Math.round(lastAnswer)} ms`,
    );
    for (const [route, count] of Object.entries(stats.byRoute).sort((a, b) => b[1] - a[1]))
      console.log(`  ${String(count).padStart(3)}  ${route}`);
  } finally {
    await portal.control.clearFaults().catch(() => undefined);
    await proxy.close();
    await portal.close();
  }
}
