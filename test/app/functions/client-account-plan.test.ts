import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as cardDataMain } from '../../../src/app/functions/card_data.ts';
import { main as portfolioOverviewMain } from '../../../src/app/functions/portfolio_overview.ts';
import { main as recalculatePortfolioMain } from '../../../src/app/functions/recalculate_portfolio.ts';
import { main as saveAccountPlanMain } from '../../../src/app/functions/save_account_plan.ts';
import type { CardData, PlanInput } from '../../../src/contracts/index.ts';
import { COMPANY_PROPERTY, CONTACT_PROPERTY } from '../../../src/crm/model/index.ts';
import { onTestClock } from '../../clock.ts';
import {
  NOW,
  anOwner,
  configureAccess,
  loadAccount,
  startSandboxPortal,
  type SandboxPortal,
} from './account-portal.ts';

// A client account plan with the template's six rows and targets, built from nothing by a manager through the functions, on a
// portal whose fiscal year is the calendar year and whose currency is the pound: every target reads back
// exactly, and every row HubSpot can answer is filled, the same on the card and in the quarterly report.

const cardData = onTestClock(cardDataMain);
const saveAccountPlan = onTestClock(saveAccountPlanMain);
const recalculatePortfolio = onTestClock(recalculatePortfolioMain);
const portfolioOverview = onTestClock(portfolioOverviewMain);

const admin = anOwner({ firstName: 'Ada', lastName: 'Admin' });
const manager = anOwner({ firstName: 'Max', lastName: 'Manager', teams: [{ id: '77', name: 'KAM', primary: true }] });
const partner = anOwner({ firstName: 'Pat', lastName: 'Partner', teams: [{ id: '77', name: 'KAM', primary: true }] });

const FISCAL_YEAR = new Date(NOW).getUTCFullYear(); // 2026, read on 20 November: Q4 is under way
const daysBefore = (isoDate: string) => Math.round((NOW - Date.parse(isoDate)) / 86_400_000);
const won = (closedate: string, amount: number, service: string) => ({
  closedate: new Date(Date.parse(closedate)).toISOString(),
  amount: String(amount),
  dealstage: 'closedwon',
  hs_is_closed: 'true',
  hs_is_closed_won: 'true',
  dealtype: service,
});

const PLAN_ROWS: PlanInput['quarterlyTargets']['rows'] = [
  {
    metric: 'friends_and_allies',
    label: 'Friends and allies',
    unit: 'count',
    targets: { Q1: 2, Q2: 8, Q3: 12, Q4: 15 },
  },
  {
    metric: 'enemies_and_protesters',
    label: 'Enemies and protesters',
    unit: 'count',
    targets: { Q1: -1, Q2: -3, Q3: -6, Q4: -8 },
  },
  { metric: 'meetings', label: 'Meetings per quarter', unit: 'count', targets: { Q1: 2, Q2: 3, Q3: 3, Q4: 3 } },
  { metric: 'new_services', label: 'New services used', unit: 'count', targets: { Q1: 0, Q2: 1, Q3: 3, Q4: 4 } },
  {
    metric: 'new_opportunities',
    label: 'New opportunities secured',
    unit: 'count',
    targets: { Q1: 1, Q2: 3, Q3: 4, Q4: 4 },
  },
  {
    metric: 'income_increase',
    label: 'Increase in income over last year',
    unit: 'currency',
    targets: { Q1: 15_000, Q2: 22_000, Q3: 25_000, Q4: 28_000 },
  },
];

// What HubSpot holds, worked out by hand per quarter of 2026 (Q1 Jan–Mar … Q4 Oct–now):
// friends at each quarter's end 1, 2, 2, 2; enemies from 2 at the year's start to 2, 2, 2, then 1 now;
// meetings 1, 1, 3, 2; services first bought 0, 1, 2, 2 to date; deals won 1, 2, 3, 4 to date; income over
// the same span of 2025 £15k, £22k, £30k, £33k to date.
const EXPECTED_ACTUALS: Record<string, Record<'Q1' | 'Q2' | 'Q3' | 'Q4', number>> = {
  friends_and_allies: { Q1: 1, Q2: 2, Q3: 2, Q4: 2 },
  enemies_and_protesters: { Q1: 0, Q2: 0, Q3: 0, Q4: -1 },
  meetings: { Q1: 1, Q2: 1, Q3: 3, Q4: 2 },
  new_services: { Q1: 0, Q2: 1, Q3: 2, Q4: 2 },
  new_opportunities: { Q1: 1, Q2: 2, Q3: 3, Q4: 4 },
  income_increase: { Q1: 15_000, Q2: 22_000, Q3: 30_000, Q4: 33_000 },
};

// Each row as the report names it: those whose figures run from the plan year's start (their sources' default
// measures) say so.
const REPORT_NAMES: Record<string, string> = {
  friends_and_allies: 'Friends and allies',
  enemies_and_protesters: 'Enemies and protesters (change since the plan year began)',
  meetings: 'Meetings per quarter',
  new_services: 'New services used (year to date)',
  new_opportunities: 'New opportunities secured (year to date)',
  income_increase: 'Increase in income over last year (year to date)',
};

describe('a client account plan with the six template rows, built from scratch', () => {
  let portal: SandboxPortal;
  let companyId: string;

  beforeAll(async () => {
    portal = await startSandboxPortal({}, { attempts: 3 });
    portal.useForFunctions();
    const ids = await loadAccount(portal, {
      owners: [admin, manager, partner],
      company: { [COMPANY_PROPERTY.status]: 'key' },
      contacts: [
        // A friend since mid-January; another since May.
        {
          id: '801',
          firstname: 'Ann',
          properties: { [CONTACT_PROPERTY.stance]: 'ally' },
          stanceHistory: [['supporter', 300]],
        },
        {
          id: '802',
          firstname: 'Ben',
          properties: { [CONTACT_PROPERTY.stance]: 'supporter' },
          stanceHistory: [
            ['ally', 200],
            ['neutral', 400],
          ],
        },
        // An enemy since before the year began, neutral since yesterday; a protester throughout.
        {
          id: '803',
          firstname: 'Cat',
          properties: { [CONTACT_PROPERTY.stance]: 'neutral' },
          stanceHistory: [['enemy', 400]],
        },
        {
          id: '804',
          firstname: 'Dan',
          properties: { [CONTACT_PROPERTY.stance]: 'protester' },
          stanceHistory: [['protester', 500]],
        },
      ],
      activities: [
        ['2026-03-15', '801'],
        ['2026-06-13', '802'],
        ['2026-07-23', '801'],
        ['2026-08-22', '802'],
        ['2026-09-21', '801'],
        ['2026-11-10', '801'],
        ['2026-11-17', '802'],
      ].map(([date, contactId]) => ({
        type: 'meetings' as const,
        ownerId: manager.id,
        contactIds: [contactId!],
        daysAgo: daysBefore(`${date!}T12:00:00Z`),
      })),
      deals: [
        won('2025-02-10', 10_000, 'Audit'),
        won('2025-05-10', 5_000, 'Audit'),
        won('2026-02-15', 25_000, 'Audit'),
        won('2026-05-20', 12_000, 'Tax advice'),
        won('2026-08-10', 8_000, 'Pricing review'),
        won('2026-10-15', 3_000, 'Tax advice'),
      ],
    });
    companyId = ids.companyId;
    await configureAccess(admin, { managerTeamIds: ['77'] });
  });
  afterAll(() => portal.close());

  const readCard = async (): Promise<CardData> => {
    const answer = await cardData({ parameters: { companyId, userId: manager.userId } });
    if (answer.status !== 'ok') throw new Error(answer.message);
    return answer;
  };
  const recalculate = async () => {
    let cursor: string | null = null;
    do {
      const slice = await recalculatePortfolio({ parameters: { userId: admin.userId, cursor } });
      if (slice.status !== 'ok') throw new Error(slice.message);
      cursor = slice.cursor;
    } while (cursor);
  };

  it('saves it from a plan with no rows, reads every target back exactly, and fills every derivable actual, meetings once recalculation has counted them', async () => {
    const before = await readCard();
    expect(before.plan).toMatchObject({ revision: 0, quarterlyTargets: { rows: [] } });
    expect(before.portal.currency).toBe('GBP');

    const saved = await saveAccountPlan({
      parameters: {
        companyId,
        userId: manager.userId,
        baseRevision: 0,
        plan: {
          businessObjective: 'Become their first call for advice on growth',
          team: { relationshipPartner: partner.id, accountManager: manager.id, researcher: null },
          objectives: [
            { title: 'Meet the new COO', measure: 'Meeting held', ownerId: partner.id, dueAt: NOW + 30 * 86_400_000 },
            {
              title: 'Win the pricing review',
              measure: 'Signed letter',
              ownerId: manager.id,
              dueAt: NOW + 90 * 86_400_000,
            },
          ],
          quarterlyTargets: { fiscalYear: FISCAL_YEAR, rows: PLAN_ROWS },
          investment: { hours: { Q3: 40, Q4: 25 }, money: { Q3: 2_000, Q4: 1_500.5 } },
        },
      },
    });
    expect(saved).toMatchObject({ status: 'ok', revision: 1 });

    // The card reads no activities: until a recalculation has counted the meetings, their row keeps what it holds.
    const beforeRecalculation = (await readCard()).plan.quarterlyTargets;
    expect(beforeRecalculation.meetingsCountedAt).toBeNull();
    expect(beforeRecalculation.rows.find((r) => r.metric === 'meetings')?.actuals).toEqual({
      Q1: null,
      Q2: null,
      Q3: null,
      Q4: null,
    });
    await recalculate();

    const { plan } = await readCard();
    expect(plan.quarterlyTargets.meetingsCountedAt).toBe(NOW);
    expect(plan.quarterlyTargets.fiscalYear).toBe(FISCAL_YEAR);
    expect(plan.objectives.map((o) => [o.title, o.owner?.name])).toEqual([
      ['Meet the new COO', 'Pat Partner'],
      ['Win the pricing review', 'Max Manager'],
    ]);
    expect(plan.quarterlyTargets.rows.map((r) => ({ metric: r.metric, unit: r.unit, targets: r.targets }))).toEqual(
      PLAN_ROWS.map((r) => ({ metric: r.metric, unit: r.unit, targets: r.targets })),
    );
    expect(plan.quarterlyTargets.rows.every((r) => r.derived)).toBe(true);
    expect(Object.fromEntries(plan.quarterlyTargets.rows.map((r) => [r.metric, r.actuals]))).toEqual(EXPECTED_ACTUALS);
    // The cost to us against the benefit: £3,500.50 and 65 hours for £18,000 gained this year so far.
    expect(plan.investment).toMatchObject({
      money: { Q1: null, Q2: null, Q3: 2_000, Q4: 1_500.5 },
      incomeGained: { Q1: 15_000, Q2: 7_000, Q3: 8_000, Q4: 3_000 },
      year: { hours: 65, money: 3_500.5, incomeGained: 33_000 },
    });
  });

  it('counts the same actuals in the quarterly report, meetings included, once recalculation has stored them', async () => {
    await recalculate();

    for (const quarter of [1, 2, 3, 4] as const) {
      const answer = await portfolioOverview({
        parameters: { userId: manager.userId, quarter: { fiscalYear: FISCAL_YEAR, quarter } },
      });
      if (answer.status !== 'ok') throw new Error(answer.message);
      const account = answer.quarterlyReport.accounts.find((a) => a.companyId === companyId);
      const q = `Q${quarter}` as const;
      expect(Object.fromEntries((account?.targets ?? []).map((t) => [t.name, [t.target, t.actual]]))).toEqual(
        Object.fromEntries(
          PLAN_ROWS.map((r) => [REPORT_NAMES[r.metric], [r.targets?.[q], EXPECTED_ACTUALS[r.metric]![q]]]),
        ),
      );
      expect(account?.investment?.incomeGained).toBe({ 1: 15_000, 2: 7_000, 3: 8_000, 4: 3_000 }[quarter]);
    }
  });
});
