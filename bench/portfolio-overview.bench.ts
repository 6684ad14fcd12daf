import { sandboxControl } from '../sandbox/control.ts';
import { startSandbox } from '../sandbox/server.ts';
import { createHubSpotClient } from '../src/crm/client.ts';
import { COMPANY_PROPERTY, KEY_ACCOUNT_PLAN, PORTAL_SETTINGS } from '../src/crm/model/index.ts';
import { ObjectTypeResolver } from '../src/crm/object-types.ts';
import { toProperties } from '../src/crm/records.ts';
import { writeSettingsRecord } from '../src/crm/settings-record.ts';
import { runSetup } from '../src/crm/setup/index.ts';
import { distributionOf } from '../src/kam/portfolio/index.ts';
import { addMonths } from '../src/kam/shared/time.ts';
import { portfolioOverview, readPortfolioRecords } from '../src/keystone/portfolio/index.ts';
import { storedSnapshot } from '../src/keystone/portfolio-recalculation/index.ts';
import { loadSettingsRecord, storedSettingsOf } from '../src/keystone/settings/index.ts';
import { aCompany, aDeal, anOwner, portalSeed, TEST_TOKEN, type PortalContents } from '../test/crm/sandbox-portal.ts';

// The portfolio home page's function on a portal of 20,000 scored companies (one in 50 a key account
// with a plan and two deals) and the portfolio snapshot a complete recalculation stored: in how many
// calls and how long, with no added latency and with 100 ms per request. The Pareto picture covers
// every company (from the snapshot), the programme every key account (from its own search); no company
// listing, so the calls do not grow with the portal. BENCH_COMPANIES overrides the portfolio size.

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 20_000);
const LATENCY_MS = 100;
const now = Date.UTC(2026, 10, 1);

function portfolio(): PortalContents {
  const owner = anOwner();
  const companies = Array.from({ length: COMPANIES }, (_v, i) =>
    aCompany({
      [COMPANY_PROPERTY.status]: i % 50 === 0 ? 'key' : 'none',
      [COMPANY_PROPERTY.suggestedStatus]: i % 40 === 0 ? 'key' : 'none',
      [COMPANY_PROPERTY.score]: String(i % 100),
      [COMPANY_PROPERTY.revenueLast12Months]: String(1_000 + ((i * 7_919) % 500_000)),
      [COMPANY_PROPERTY.scoredAt]: new Date(now - 86_400_000).toISOString(),
      hubspot_owner_id: owner.id,
    }),
  );
  const deals: NonNullable<PortalContents['deals']> = [];
  const dealCompanies: NonNullable<PortalContents['dealCompanies']> = [];
  companies.forEach((company, i) => {
    if (i % 50 !== 0) return;
    for (let d = 0; d < 2; d++) {
      const deal = aDeal({
        amount: String(10_000 * (d + 1)),
        closedate: new Date(addMonths(now, -(d + 1))).toISOString(),
      });
      deals.push(deal);
      dealCompanies.push([deal.id, company.id]);
    }
  });
  return { owners: [owner], companies, deals, dealCompanies };
}

export default async function portfolioOverviewBench(): Promise<void> {
  const seed = portfolio();
  const sandbox = await startSandbox({
    dataFile: null,
    seed: portalSeed(seed),
    requiredToken: TEST_TOKEN,
    rateLimit: false,
  });
  const control = sandboxControl(sandbox.baseUrl);
  try {
    const client = createHubSpotClient({ accessToken: TEST_TOKEN, baseUrl: sandbox.baseUrl, attempts: 1 });
    await runSetup(client, { now });
    const planType = await new ObjectTypeResolver(client).objectTypeId('plan');
    const keyIds = seed.companies!.filter((c) => c.properties[COMPANY_PROPERTY.status] === 'key').map((c) => c.id);
    for (let i = 0; i < keyIds.length; i += 100) {
      await client.crm.objects.batchApi.create(planType, {
        inputs: keyIds.slice(i, i + 100).map((companyId) => ({
          properties: toProperties(
            { companyId, title: 'Plan', revision: 1, relationshipPartner: seed.owners![0]!.id },
            KEY_ACCOUNT_PLAN.property,
          ),
          associations: [],
        })),
      });
    }

    // What the last complete recalculation stored: the revenue it wrote on every company.
    const revenues = seed.companies!.map((c) => Number(c.properties[COMPANY_PROPERTY.revenueLast12Months]));
    const snapshot = {
      version: 1,
      startedAt: now - 86_400_000,
      completedAt: now - 86_000_000,
      companiesScored: COMPANIES,
      distribution: distributionOf(revenues),
    };
    await writeSettingsRecord(client, await new ObjectTypeResolver(client).objectTypeId('settings'), {
      [PORTAL_SETTINGS.property.portfolioSnapshot]: JSON.stringify(snapshot),
    });

    // As the function does it: the settings record (settings and snapshot) in one read, then the programme.
    const run = async (label: string) => {
      await control.resetStats();
      const started = performance.now();
      const objectTypes = new ObjectTypeResolver(client);
      const record = await loadSettingsRecord(client, objectTypes);
      const { settings, portal } = storedSettingsOf(record);
      const records = await readPortfolioRecords(client, objectTypes, portal);
      const overview = portfolioOverview(records, { stored: storedSnapshot(record?.portfolioSnapshot), settings, now });
      const ms = performance.now() - started;
      const { total } = await control.stats();
      const { pareto } = overview.concentration;
      console.log(
        `${label.padEnd(24)}Pareto over ${overview.freshness.snapshot?.companiesScored.toLocaleString('en')} of ${COMPANIES.toLocaleString('en')} companies (shares within ${(100 * pareto!.shareErrorBound).toFixed(2)}%), ${overview.programme.keyAccounts.length} key accounts, ${total} calls, ${Math.round(ms)} ms`,
      );
    };
    await run('no added latency');
    await control.injectFault({ kind: 'latency', ms: LATENCY_MS });
    await run(`${LATENCY_MS} ms per request`);
  } finally {
    await sandbox.close();
  }
}
