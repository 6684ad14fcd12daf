import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main as portfolioOverviewMain } from '../../../src/app/functions/portfolio_overview.ts';
import { main as saveSettingsMain } from '../../../src/app/functions/save_settings.ts';
import { COMPANY_PROPERTY, CONTACT_PROPERTY } from '../../../src/crm/model/index.ts';
import { ObjectTypeResolver } from '../../../src/crm/object-types.ts';
import type { CompanyScore } from '../../../src/kam/selection/index.ts';
import { defaultSettings, type Settings } from '../../../src/kam/settings/index.ts';
import { cardData } from '../../../src/keystone/account/index.ts';
import { coverageScores } from '../../../src/keystone/portfolio-recalculation/coverage-scores.ts';
import { peopleDirectory } from '../../../src/keystone/readers/people.ts';
import { readOwners } from '../../../src/keystone/readers/portal-reads.ts';
import { recalculateSlice } from '../../../src/keystone/portfolio-recalculation/index.ts';
import {
  NOW,
  anOwner,
  loadAccounts,
  startSandboxPortal,
  type ContactSpec,
  type LoadableAccount,
  type SandboxPortal,
} from '../../app/functions/account-portal.ts';
import { onTestClock } from '../../clock.ts';

const portfolioOverview = onTestClock(portfolioOverviewMain);
const saveSettings = onTestClock(saveSettingsMain);

// Coverage scores in portfolio recalculation, against the sandbox: the key accounts' and candidates'
// relationships weighed as the company card weighs them, with the admin's staleness (60 days here,
// not the default 90, so a score computed with the wrong staleness would differ from the card's).

const admin = anOwner({ firstName: 'Ada', lastName: 'Admin' });
const colleague = anOwner({ firstName: 'Cleo', lastName: 'Colleague' });
const settings: Settings = {
  ...defaultSettings(),
  coverage: { staleAfterDays: 60 },
  access: { adminUserIds: [String(admin.userId)], managerUserIds: [String(admin.userId)], managerTeamIds: [] },
};

/** A key account whose one decision maker we last met 75 days ago: out of touch under the admin's 60 days. */
const poorlyCovered = (): LoadableAccount => ({
  owners: [admin, colleague],
  company: { name: 'Poorly Covered', [COMPANY_PROPERTY.status]: 'key' },
  contacts: [
    {
      id: '8101',
      properties: {
        jobtitle: 'CFO',
        [CONTACT_PROPERTY.decisionPower]: 'decides',
        [CONTACT_PROPERTY.stance]: 'neutral',
      },
    },
  ],
  activities: [{ type: 'meetings', ownerId: admin.id, contactIds: ['8101'], daysAgo: 75 }],
});

/** A key account whose chief executive (a Key contact) and four people reporting to her each heard from two of our people this month. */
const wellCovered = (): LoadableAccount => {
  const people = ['8201', '8202', '8203', '8204', '8205'];
  const contacts = people.map(
    (id, i): ContactSpec => ({
      id,
      properties:
        i === 0
          ? {
              jobtitle: 'Chief Executive',
              [CONTACT_PROPERTY.decisionPower]: 'final_say',
              [CONTACT_PROPERTY.stance]: 'ally',
            }
          : {
              jobtitle: `Director ${i}`,
              [CONTACT_PROPERTY.decisionPower]: 'influences',
              [CONTACT_PROPERTY.stance]: 'supporter',
              [CONTACT_PROPERTY.reportsTo]: '8201',
            },
    }),
  );
  return {
    owners: [admin, colleague],
    company: { name: 'Well Covered', [COMPANY_PROPERTY.status]: 'key' },
    contacts,
    activities: people.flatMap((id) => [
      { type: 'meetings' as const, ownerId: admin.id, contactIds: [id], daysAgo: 10 },
      { type: 'calls' as const, ownerId: colleague.id, contactIds: [id], daysAgo: 20 },
    ]),
    keyContactIds: () => ['8201'],
  };
};

/** A client outside the programme, with more contacts than one batch read takes, and a coverage score left from when it was a key account. */
const outsider = (): LoadableAccount => ({
  owners: [admin],
  company: { name: 'Outsider', [COMPANY_PROPERTY.status]: 'former', [COMPANY_PROPERTY.coverageScore]: '75' },
  contacts: Array.from({ length: 150 }, (_, i): ContactSpec => ({ firstname: `Outsider${i}` })),
});

/** A company's verdict as the score just computed gives it; key unless told otherwise. */
const aScore = (companyId: string, overrides: Partial<CompanyScore> = {}): CompanyScore => ({
  companyId,
  status: 'key',
  score: null,
  completeness: 0,
  enoughData: false,
  suggestedStatus: 'none',
  icpTier: null,
  ...overrides,
});

describe('coverage scores in portfolio recalculation', () => {
  let portal: SandboxPortal;
  let poor: string;
  let well: string;
  let other: string;
  beforeAll(async () => {
    portal = await startSandboxPortal();
    portal.useForFunctions();
    const accounts = await loadAccounts(portal, [poorlyCovered(), wellCovered(), outsider()]);
    [poor, well, other] = accounts.map((a) => a.companyId) as [string, string, string];
    const saved = await saveSettings({ parameters: { userId: admin.userId, settings, expectedRevision: 0 } });
    if (saved.status !== 'ok') throw new Error(`could not save the settings: ${saved.message}`);
  });
  afterAll(() => portal.close());
  beforeEach(() => portal.control.resetStats());
  const people = async () => peopleDirectory(await readOwners(portal.client));
  /** The coverage score of each company weighed, by id. */
  const weigh = async (page: CompanyScore[]) =>
    new Map(
      [...(await coverageScores(portal.client, page, { settings, now: NOW, people }))].map(([id, s]) => [id, s.score]),
    );

  it('scores a key account nobody of ours has met within the staleness window low, and a well-covered one high', async () => {
    const page = [aScore(poor), aScore(well), aScore(other, { status: 'former' })];
    const scores = await weigh(page);

    expect(scores).toEqual(
      new Map([
        [poor, 0],
        [well, 100],
      ]),
    );
  });

  it('reads none of the contacts of companies outside the programme, and nothing at all for a page without key accounts or candidates', async () => {
    await weigh([aScore(poor), aScore(other, { status: 'none' })]);
    // The outsider's 150 contacts would take two batch reads of their own.
    expect((await portal.control.stats()).byRoute['POST /crm/v3/objects/contacts/batch/read']).toBe(1);

    await portal.control.resetStats();
    const outsiders = [aScore(other, { status: 'former' }), aScore(poor, { status: 'none', suggestedStatus: 'none' })];
    expect(await weigh(outsiders)).toEqual(new Map());
    expect((await portal.control.stats()).total).toBe(0);
  });

  it('counts candidates and companies the score suggests as key accounts or candidates as in the programme', async () => {
    const scores = await weigh([
      aScore(poor, { status: 'candidate' }),
      aScore(well, { status: 'none', suggestedStatus: 'key' }),
      aScore(other, { status: 'former', suggestedStatus: 'candidate' }),
    ]);

    expect([...scores.keys()].sort()).toEqual([poor, well, other].sort());
  });

  it('gives each account the score and top risk its company card shows', async () => {
    const scores = await coverageScores(portal.client, [aScore(poor), aScore(well)], { settings, now: NOW, people });

    for (const companyId of [poor, well]) {
      const card = await cardData(portal.client, new ObjectTypeResolver(portal.client), {
        companyId,
        userId: admin.userId,
        now: NOW,
      });
      const { warnings } = card.relationships.coverage;
      const top = warnings.find((w) => w.kind === 'departed_key_contacts') ?? warnings[0];
      expect(scores.get(companyId)).toMatchObject({
        score: card.relationships.coverage.score,
        topRisk: top?.message ?? null,
      });
    }
    expect(scores.get(poor)?.topRisk).toBeTruthy();
  });

  describe('a recalculation run', () => {
    let written: Map<string, string | null>;
    beforeAll(async () => {
      const run = await recalculateSlice(portal.client, {
        cursor: null,
        budgetMs: 12_000,
        settings,
        now: NOW,
        elapsed: () => performance.now(),
        objectTypes: new ObjectTypeResolver(portal.client),
      });
      expect(run).toMatchObject({ done: true, processed: 3 });
      const companies = await portal.client.crm.companies.batchApi.read({
        inputs: [poor, well, other].map((id) => ({ id })),
        properties: [COMPANY_PROPERTY.coverageScore],
        propertiesWithHistory: [],
      });
      written = new Map(companies.results.map((c) => [c.id, c.properties[COMPANY_PROPERTY.coverageScore] || null]));
    });

    it("writes each key account's coverage score with its other scores, equal to its card's, and clears an outsider's old one", async () => {
      expect(written).toEqual(
        new Map([
          [poor, '0'],
          [well, '100'],
          [other, null],
        ]),
      );
      for (const companyId of [poor, well]) {
        const card = await cardData(portal.client, new ObjectTypeResolver(portal.client), {
          companyId,
          userId: admin.userId,
          now: NOW,
        });
        expect(written.get(companyId)).toBe(String(card.relationships.coverage.score));
      }
    });

    it('shows on the portfolio home who of ours holds each key account, as its card weighs it', async () => {
      const answer = await portfolioOverview({ parameters: { userId: admin.userId } });
      if (answer.status !== 'ok') throw new Error(`portfolio_overview failed: ${answer.message}`);
      const risk = (companyId: string) => answer.concentration.keyAccounts.find((k) => k.companyId === companyId)!;

      // Both of ours met every contact of the well-covered account this month: held by two, on no one alone.
      expect(
        risk(well)
          .heldBy?.map((p) => p.name)
          .sort(),
      ).toEqual(['Ada Admin', 'Cleo Colleague']);
      expect(risk(well).dependsOnOnePerson).toBe(false);
      // Nobody met the poorly covered one within the 60 days.
      expect(risk(poor).heldBy).toEqual([]);
      expect(answer.concentration.keyAccountsWithoutRelationship.map((a) => a.companyId)).toEqual([poor]);
      for (const companyId of [poor, well]) {
        const card = await cardData(portal.client, new ObjectTypeResolver(portal.client), {
          companyId,
          userId: admin.userId,
          now: NOW,
        });
        const alone = card.relationships.coverage.warnings.some((w) => w.kind === 'single_person_dependency');
        expect(risk(companyId).dependsOnOnePerson).toBe(alone);
      }
    });

    it('shows the poorly covered key account, and not the well-covered one, with low coverage on the portfolio home', async () => {
      const answer = await portfolioOverview({ parameters: { userId: admin.userId } });
      if (answer.status !== 'ok') throw new Error(`portfolio_overview failed: ${answer.message}`);

      const lowCoverage = answer.coverageRisks.filter((r) => r.risks.includes('low_coverage')).map((r) => r.account);
      expect(lowCoverage).toEqual([
        expect.objectContaining({ companyId: poor, name: 'Poorly Covered', coverageScore: 0 }),
      ]);
      expect(answer.programme.keyAccounts.find((a) => a.companyId === well)).toMatchObject({ coverageScore: 100 });
    });
  });
});
