import {
  Button,
  EmptyState,
  ErrorState,
  Heading,
  Link,
  LineChart,
  LoadingSpinner,
  StatisticsItem,
  TableCell,
  TableHeader,
  TableRow,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import { PageTitle } from '@hubspot/ui-extensions/pages';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PortfolioRouter } from '../../../src/app/pages/PortfolioPages.tsx';
import { PARETO_SERIES } from '../../../src/app/pages/pareto-chart.ts';
import { reportCsv } from '../../../src/app/pages/report-csv.ts';
import { createFormatters, portalFormat } from '../../../src/app/ui/format.ts';
import { callsTo, failed, ok, serveFunctions, withText } from '../ui/test-utils.ts';
import { aContact, aRecord, aScoredCompany, NOW, overview } from '../../keystone/portfolio/snapshot-factory.ts';
import { COMPANY_PROPERTY, KEY_ACCOUNT_PLAN } from '../../../src/crm/model/index.ts';
import { toProperties } from '../../../src/crm/records.ts';
import { NO_INVESTMENT, type MetricTarget } from '../../../src/kam/objectives/index.ts';
import { serialiseGrid } from '../../../src/keystone/account/plan-targets.ts';

afterEach(() => vi.restoreAllMocks());

// Revenue 500 / 300 / 100 / 100: two of four clients make 80%.
const acme = aScoredCompany('Acme', 'key', 'key', 82, 500);
const bolt = aScoredCompany('Bolt', 'key', 'candidate', 41, 300);
const crane = aScoredCompany('Crane', 'none', 'key', 77, 100);
const delta = aScoredCompany('Delta', 'candidate', 'candidate', 50, 100);
const PORTFOLIO = overview({ companies: [acme, bolt, crane, delta] });

async function renderPages(answer: object = ok(PORTFOLIO), path = '/') {
  const spy = serveFunctions({ portfolio_overview: answer });
  const page = createRenderer('pages');
  page.mocks.context.user.locale = 'en-GB';
  page.mocks.setPageLocation({ path, params: {} });
  page.render(<PortfolioRouter />);
  await page.waitFor(() => expect(page.maybeFind(LoadingSpinner)).toBeNull(), { timeoutInMs: 5_000 });
  return { ...page, spy };
}

const texts = (page: Awaited<ReturnType<typeof renderPages>>) => page.findAll(Text).map((t) => t.text);

describe('the portfolio home page', () => {
  it('asks for the overview as the signed-in user', async () => {
    const page = await renderPages();
    expect(callsTo(page.spy, 'portfolio_overview')).toEqual([{ userId: page.mocks.context.user.id, quarter: null }]);
    expect(page.find(PageTitle).text).toBe('Key account portfolio');
  });

  it('draws the Pareto curve with the 80% point marked at half the clients', async () => {
    const page = await renderPages();
    const rows = page.find(LineChart).props.data as Array<{ clients: number; revenue: number; series: string }>;
    expect(rows.filter((r) => r.series === PARETO_SERIES.eighty)).toEqual([
      { clients: 0, revenue: 80, series: PARETO_SERIES.eighty },
      { clients: 50, revenue: 80, series: PARETO_SERIES.eighty },
    ]);
    expect(rows.filter((r) => r.series === PARETO_SERIES.curve).map((r) => r.revenue)).toEqual([0, 50, 80, 90, 100]);
  });

  it("gives the chart's table one figure per series and share of clients, so no row reads 0% of revenue at the 80% point", async () => {
    const page = await renderPages();
    const rows = page.find(LineChart).props.data as Array<{ clients: number; revenue: number; series: string }>;
    const cells = rows.map((r) => `${r.series} at ${r.clients}`);
    expect(new Set(cells).size).toBe(cells.length);
  });

  it('says the 80% is of the whole revenue, not that the whole revenue is the 80%', async () => {
    const page = await renderPages();
    expect(texts(page)).toContain('2 of 4 clients (50%) make 80% of the £1,000 that all clients paid over 12 months.');
  });

  it('shows the share of the top 1, 5, 10 and 20% of clients and the HHI', async () => {
    const page = await renderPages();
    const number = (label: string) => page.find(StatisticsItem, { label }).props.number;
    // 20% of 4 clients is 0.8 of Acme: 400 of 1,000.
    expect(['Top 1% of clients', 'Top 5% of clients', 'Top 10% of clients', 'Top 20% of clients'].map(number)).toEqual([
      '2%',
      '10%',
      '20%',
      '40%',
    ]);
    // Shares 50, 30, 10, 10: 2,500 + 900 + 100 + 100.
    expect(number('Herfindahl–Hirschman index')).toBe('3,600');
  });

  it('links each drifting company to its record to act on it', async () => {
    const page = await renderPages();
    const link = page.find(Link, withText('Crane — tag as key account'));
    expect(link.props.href).toEqual({
      url: `https://app.hubspot.com/contacts/${page.mocks.context.portal.id}/record/0-2/${crane.id}`,
      external: true,
    });
    expect(page.maybeFind(Link, withText('Bolt — review the tag'))).not.toBeNull();
  });

  it('heads the key accounts scored below the threshold as not qualifying, without claiming they once did', async () => {
    const page = await renderPages();
    const headings = page.findAll(Heading).map((h) => h.text);
    expect(headings).toContain('Tagged but does not qualify (1)');
    expect(headings.filter((h) => h?.includes('longer'))).toEqual([]);
  });

  it('says of an untagged company on a list that its score suggests it, rather than "Not a key account"', async () => {
    const echo = aScoredCompany('Echo', 'none', 'candidate', 55, 50);
    const page = await renderPages(ok(overview({ companies: [acme, crane, echo] })));
    const statusOf = (name: string) =>
      page
        .findAll(TableRow)
        .find((row) => row.maybeFind(Link, (link) => link.text?.startsWith(name) ?? false) !== null)
        ?.findAll(TableCell)[1]?.text;
    expect(statusOf('Echo')).toBe('Not tagged; its score suggests candidate');
    expect(statusOf('Crane')).toBe('Not tagged; its score suggests key account');
    expect(statusOf('Acme')).toBe('Key account');
  });

  it('lists the key accounts without a plan as coverage risks and outside the review cycle', async () => {
    const page = await renderPages();
    expect(texts(page)).toContain('No plan saved yet, so no review cycle: Acme, Bolt.');
    const riskRows = page
      .findAll(TableRow)
      .filter((row) => row.maybeFind(TableCell, withText('No account plan')) !== null);
    expect(riskRows.map((row) => row.find(Link).text)).toEqual(['Acme', 'Bolt']);
  });

  it('gives a low relationship coverage its score, as the sidebar shows it', async () => {
    const thin = aScoredCompany('Thin', 'key', 'key', 80, 200, { [COMPANY_PROPERTY.coverageScore]: '37' });
    const page = await renderPages(ok(overview({ companies: [acme, thin] })));
    const row = page
      .findAll(TableRow)
      .find((r) => r.maybeFind(Link, withText('Thin')) !== null && r.findAll(TableCell).length === 2);
    expect(row?.findAll(TableCell)[1]?.text).toBe('No account plan; Low relationship coverage (37 of 100)');
  });

  it("shows each key account's survey score over the last year on its scale and its half-year trend, and where to start a survey when nobody answered", async () => {
    // As recalculation stores it: Echo's NPS, below zero, rose 12.5 points on the half-year before; Acme never answered.
    const echo = aScoredCompany('Echo', 'key', 'key', 90, 200, {
      [COMPANY_PROPERTY.satisfaction]: JSON.stringify([
        { kind: 'NPS', latestValue: 9, latestAt: PORTFOLIO.readAt, responses: 5, score: -20, trend: 12.5 },
        { kind: 'CSAT', latestValue: 2, latestAt: PORTFOLIO.readAt, responses: 2, score: 1.5, trend: null },
      ]),
    });
    const page = await renderPages(ok(overview({ companies: [acme, echo] })));
    const satisfactionOf = (name: string) =>
      page
        .findAll(TableRow)
        .filter((row) => row.maybeFind(Link, withText(name)) !== null)
        .map((row) => row.findAll(TableCell).at(-1)!.text)
        .find((text) => text?.startsWith('NPS') || text?.startsWith('No survey'));
    expect(satisfactionOf('Echo')).toBe('NPS −20 (from −100 to 100), half-year up 12.5; CSAT 1.5 out of 2');
    expect(satisfactionOf('Acme')).toBe('No survey answers yet (start one in Service > Feedback Surveys)');
    // The cell shows the score over the last year, not the latest answer: the heading says so.
    expect(page.findAll(TableHeader).map((h) => h.text)).toContain(
      'Client satisfaction (score over the last year, half-year trend)',
    );
  });

  it('shows each review an event triggered, with what triggered it', async () => {
    const reviewedAt = PORTFOLIO.readAt - 86_400_000;
    const account = PORTFOLIO.programme.keyAccounts[0]!;
    const withTrigger = {
      ...PORTFOLIO,
      reviews: { ...PORTFOLIO.reviews, triggered: [{ account, reviewedAt, triggers: ['Jo Bloggs left the client'] }] },
    };
    const page = await renderPages(ok(withTrigger));
    const row = page
      .findAll(TableRow)
      .find((r) => r.maybeFind(TableCell, withText('Jo Bloggs left the client')) !== null);
    expect(row?.find(Link).text).toBe('Acme');
    expect(page.findAll(Heading).map((h) => h.text)).toContain('Reviews done after events, last 90 days (1)');
  });

  it('lists the events still waiting for a review, with the account, the kind, the evidence and the date', async () => {
    const account = PORTFOLIO.programme.keyAccounts[0]!;
    const at = Date.UTC(2026, 10, 14, 12);
    const trigger = {
      kind: 'key_contact_left' as const,
      at,
      message: 'Kim Bolt left the client',
      evidence: {
        objectType: 'contacts' as const,
        objectId: '77',
        property: 'keystone_left_company',
        from: 'false',
        to: 'true',
      },
    };
    const page = await renderPages(
      ok({ ...PORTFOLIO, reviews: { ...PORTFOLIO.reviews, open: [{ account, trigger }] } }),
    );
    expect(page.findAll(Heading).map((h) => h.text)).toContain('Reviews triggered by events (1)');
    const row = page
      .findAll(TableRow)
      .find((r) => r.maybeFind(TableCell, withText('Kim Bolt left the client')) !== null)!;
    expect(row.find(Link).text).toBe('Acme');
    expect(
      row
        .findAll(TableCell)
        .slice(1)
        .map((c) => c.text),
    ).toEqual(['Key contact left', 'Kim Bolt left the client', '14 Nov 2026']);
  });

  it('says when no event is waiting for a review', async () => {
    const page = await renderPages();
    expect(page.findAll(Heading).map((h) => h.text)).toContain('Reviews triggered by events (0)');
    expect(texts(page)).toContain("No event since a key account's last review is waiting for one.");
  });

  it('says how fresh the figures are: when the last complete recalculation ran, over how many companies', async () => {
    const page = await renderPages();
    // The factory's recalculation started on 23 Nov 2026 at noon and took a minute, over the four companies.
    expect(texts(page)).toContain(
      'Portfolio figures from the last recalculation to score every company, 23 Nov 2026: 4 companies, revenue over the 12 months before 23 Nov 2026. Programme lists as they stand now.',
    );
  });

  it('says plainly that shares read from revenue bands may be a little low', async () => {
    const page = await renderPages();
    expect(texts(page)).toContain(
      "These shares come from revenue bands, not each client's exact revenue, so each may be up to 1% lower than the exact figure.",
    );
  });

  it('asks an admin to run the recalculation before the first snapshot, and still shows the programme', async () => {
    const page = await renderPages(
      ok(overview({ companies: [acme, bolt, crane, delta], stored: { snapshot: null, unreadable: null } })),
    );
    expect(page.find(EmptyState).props.title).toBe('No portfolio figures yet');
    expect(texts(page)).toContain('No recalculation has completed yet. Programme lists as they stand now.');
    expect(page.maybeFind(LineChart)).toBeNull();
    // Revenue at risk still shows, without a share of a portfolio not yet measured.
    const acmeRow = page.findAll(TableRow).find((row) => row.maybeFind(TableCell, withText('Acme')) !== null)!;
    expect(
      acmeRow
        .findAll(TableCell)
        .slice(1, 3)
        .map((c) => c.text),
    ).toEqual(['£500', '—']);
    expect(page.maybeFind(Link, withText('Crane — tag as key account'))).not.toBeNull();
  });

  it('says when the stored figures cannot be read', async () => {
    const page = await renderPages(
      ok(overview({ companies: [acme], stored: { snapshot: null, unreadable: 'it is not JSON' } })),
    );
    expect(texts(page)).toContain(
      'The stored portfolio figures cannot be read (it is not JSON); the next recalculation to score every company replaces them. Programme lists as they stand now.',
    );
  });

  it('shows a sales rep the lists with no action on them, and says why', async () => {
    const readOnly = { ...PORTFOLIO, viewer: { canAct: false, readOnlyReason: 'Only managers act on the programme.' } };
    const page = await renderPages(ok(readOnly));
    expect(texts(page)).toContain('Only managers act on the programme.');
    const links = page.findAll(Link).map((l) => l.text ?? '');
    expect(links).toContain('Crane');
    expect(links.filter((l) => l.includes(' — '))).toEqual([]);
    expect(page.maybeFind(Button)).toBeNull();
  });

  it('tells a manager what to do on each company of the drift lists', async () => {
    const page = await renderPages();
    expect(page.findAll(Link).map((l) => l.text)).toContain('Crane — tag as key account');
  });

  it("shows a lock and the function's message when the user may not see the portfolio, with no retry that could not help", async () => {
    const page = await renderPages(failed('KAM.NOT_A_MANAGER', 'Only key account managers can do this.'));
    expect(page.find(ErrorState).props).toMatchObject({ title: 'Keystone could not load the portfolio', type: 'lock' });
    expect(texts(page)).toContain('Only key account managers can do this.');
    expect(page.maybeFind(Button)).toBeNull();
  });

  it('offers to try again when the portfolio could not load for another reason', async () => {
    const page = await renderPages(
      failed('KAM.HUBSPOT_UNAVAILABLE', 'HubSpot did not respond. Wait a moment and try again.'),
    );
    expect(page.find(ErrorState).props.type).toBe('error');
    expect(page.find(Button).text).toBe('Try again');
  });
});

describe('the revenue at risk per key account', () => {
  // Linden's largest contract is 49.6% of its £1,000, Derwent's 50.4%: either side of the 50% warning. Each
  // account is 0.48% of a portfolio of £208,333. Simon Tate alone holds most of Derwent and Wye.
  const wonDeal = (amount: number) =>
    aRecord({
      amount: String(amount),
      dealstage: 'closedwon',
      closedate: new Date(NOW - 30 * 86_400_000).toISOString(),
    });
  const owner = (ownerId: string, firstName: string, lastName: string) => ({
    ownerId,
    userId: null,
    firstName,
    lastName,
    email: null,
    teamIds: [],
    teams: [],
  });
  const heldBy = (holders: string, sole: string) => ({
    [COMPANY_PROPERTY.coverageScore]: '40',
    [COMPANY_PROPERTY.relationshipHolders]: holders,
    [COMPANY_PROPERTY.soleRelationshipHolder]: sole,
  });
  const linden = aScoredCompany('Linden Utilities', 'key', 'key', 80, 1_000);
  const derwent = aScoredCompany('Derwent Power', 'key', 'key', 80, 1_000, heldBy('61', '61'));
  const wye = aScoredCompany('Wye Foods', 'key', 'key', 80, 1_000, heldBy('61;62', '61'));
  const rest = aScoredCompany('Everyone else', 'none', 'none', 10, 205_333);
  const AT_RISK = overview({
    companies: [linden, derwent, wye, rest],
    owners: [owner('61', 'Simon', 'Tate'), owner('62', 'Ann', 'Other')],
    keyAccountDeals: new Map([
      [linden.id, [wonDeal(496), wonDeal(300), wonDeal(204)]],
      [derwent.id, [wonDeal(504), wonDeal(496)]],
    ]),
  });
  const cellsOf = (page: Awaited<ReturnType<typeof renderPages>>, name: string) =>
    page
      .findAll(TableRow)
      .find((row) => row.maybeFind(TableCell, withText(name)) !== null)!
      .findAll(TableCell)
      .map((cell) => cell.text);

  it("never rounds the largest contract's share across the single-contract warning beside it", async () => {
    const page = await renderPages(ok(AT_RISK));
    expect(cellsOf(page, 'Linden Utilities')[3]).toBe('£496 (49.6%)');
    expect(cellsOf(page, 'Derwent Power')[3]).toBe('£504 (50.4%) — single-contract risk');
  });

  it("shows an account's small share of the portfolio as a share, not as 0%", async () => {
    const page = await renderPages(ok(AT_RISK));
    expect(cellsOf(page, 'Linden Utilities')[2]).toBe('0.5%');
    expect(texts(page)).toContain('Simon Tate alone holds £2,000 (1%): Derwent Power, Wye Foods.');
  });

  it('names the one person an account depends on once, then the others in touch', async () => {
    const page = await renderPages(ok(AT_RISK));
    expect(cellsOf(page, 'Derwent Power')[4]).toBe('Simon Tate holds most of it alone');
    expect(cellsOf(page, 'Wye Foods')[4]).toBe('Simon Tate holds most of it alone; also Ann Other');
  });
});

describe('the quarterly report pages', () => {
  // Acme met two new people in July and August; the contact from May was known before the quarter.
  const keyAccountContacts = new Map([
    [
      acme.id,
      [
        aContact('Ada', 'Finance', '2026-07-02T09:00:00Z'),
        aContact('Cy', 'Ops', '2026-08-20T09:00:00Z'),
        aContact('May', 'Known', '2026-05-01T09:00:00Z'),
      ],
    ],
  ]);
  const Q3 = overview({ companies: [acme, bolt, crane, delta], keyAccountContacts }, { fiscalYear: 2026, quarter: 3 });

  it('asks for the quarter in the route and shows each key account of it', async () => {
    const page = await renderPages(ok(Q3), '/report/2026/3');
    expect(callsTo(page.spy, 'portfolio_overview')).toEqual([
      { userId: page.mocks.context.user.id, quarter: { fiscalYear: 2026, quarter: 3 } },
    ]);
    expect(page.find(PageTitle).text).toBe('Quarterly programme report, Q3 FY2026');
    expect(page.findAll(Heading).map((h) => h.text)).toEqual([
      'Programme, Q3 FY2026',
      'Acme — £500 over 12 months',
      'Bolt — £300 over 12 months',
    ]);
  });

  it('shows the introductions made by each key account, named, and for the programme', async () => {
    const page = await renderPages(ok(Q3), '/report/2026/3');
    expect(page.find(StatisticsItem, { label: 'Introductions made' }).props.number).toBe('2');
    expect(texts(page)).toEqual(
      expect.arrayContaining([
        '2 introductions made (contacts new in the CRM this quarter).',
        'Ada Finance',
        'Cy Ops',
        '0 introductions made (contacts new in the CRM this quarter).',
      ]),
    );
    expect(texts(page)).not.toContain('May Known');
  });

  it("shows each key account's client satisfaction, or how to start a survey when nobody answered", async () => {
    const echo = aScoredCompany('Echo', 'key', 'key', 90, 200, {
      [COMPANY_PROPERTY.satisfaction]: JSON.stringify([
        { kind: 'NPS', latestValue: 9, latestAt: Date.UTC(2026, 7, 3, 12), responses: 5, score: 40, trend: -10 },
      ]),
    });
    const report = overview({ companies: [acme, echo] }, { fiscalYear: 2026, quarter: 3 });
    const page = await renderPages(ok(report), '/report/2026/3');
    expect(texts(page)).toEqual(
      expect.arrayContaining([
        'Client satisfaction (as last recalculated)',
        'Net Promoter Score: 40 (from −100 to 100) over the last year (5 answers); the last half-year 10 lower than the half-year before. Latest 9 out of 10 on 3 Aug 2026.',
      ]),
    );
    expect(page.find(Text, { testId: `report-satisfaction-${acme.id}` }).text).toContain(
      'No survey answers yet. To start one, open Service > Feedback Surveys in HubSpot',
    );
    expect(
      reportCsv(report.quarterlyReport, createFormatters(portalFormat(page.mocks.context, report.portal))),
    ).toContain(
      'Q3 FY2026,Echo,Satisfaction,Net Promoter Score,,40,The last half-year 10 lower than the half-year before',
    );
  });

  /** Acme's plan, begun in January 2026, with these rows in its grid. */
  const acmePlan = (targets: MetricTarget[]) =>
    aRecord({
      ...toProperties(
        {
          companyId: acme.id,
          title: 'Plan',
          revision: 1,
          planStart: '2026-01-01T00:00:00.000Z',
          quarterlyTargets: serialiseGrid({ targets, investment: NO_INVESTMENT }),
        },
        KEY_ACCOUNT_PLAN.property,
      ),
      hs_createdate: '2026-01-15T00:00:00.000Z',
    });

  it("says the income row runs over the year to date, and the income beneath the targets is the quarter's", async () => {
    const income: MetricTarget = {
      id: 'income',
      name: 'Increase in income over last year',
      unit: 'currency',
      currency: 'GBP',
      measure: 'year_to_date',
      baseline: null,
      source: 'typed',
      quarters: { Q1: null, Q2: null, Q3: 25_000, Q4: null },
      actuals: { Q1: null, Q2: null, Q3: -195_579, Q4: null },
    };
    const plan = acmePlan([income]);
    // £9,000 won in August against £4,000 in August a year before: £5,000 gained in the quarter.
    const won = (amount: number, closedate: string) =>
      aRecord({ amount: String(amount), closedate, dealstage: 'closedwon' });
    const report = overview(
      {
        companies: [acme, bolt, crane, delta],
        plans: [plan],
        keyAccountDeals: new Map([
          [acme.id, [won(9_000, '2026-08-01T00:00:00.000Z'), won(4_000, '2025-08-20T00:00:00.000Z')]],
        ]),
      },
      { fiscalYear: 2026, quarter: 3 },
    );
    const page = await renderPages(ok(report), '/report/2026/3');
    const row = page.findAll(TableRow).find((r) => r.maybeFind(TableCell) !== null)!;
    expect(row.findAll(TableCell).map((c) => c.text)).toEqual([
      'Increase in income over last year (year to date)',
      '£25,000',
      '−£195,579',
      'behind',
    ]);
    expect(texts(page)).toContain(
      'This quarter: no investment recorded; £5,000 gained against the same quarter last year.',
    );
  });

  it('groups a count and shows a percent target as a percentage to the tenth, as the card does', async () => {
    const row = (id: string, unit: 'count' | 'percent', target: number, actual: number): MetricTarget => ({
      id,
      name: id,
      unit,
      measure: 'per_quarter',
      baseline: null,
      source: 'typed',
      quarters: { Q1: null, Q2: null, Q3: target, Q4: null },
      actuals: { Q1: null, Q2: null, Q3: actual, Q4: null },
    });
    const plan = acmePlan([row('Users trained', 'count', 1_500, 1_250), row('Share of wallet', 'percent', 12.5, 30)]);
    const report = overview({ companies: [acme, bolt, crane, delta], plans: [plan] }, { fiscalYear: 2026, quarter: 3 });
    const page = await renderPages(ok(report), '/report/2026/3');
    const cells = page
      .findAll(TableRow)
      .filter((r) => r.maybeFind(TableCell) !== null)
      .map((r) =>
        r
          .findAll(TableCell)
          .map((c) => c.text)
          .slice(0, 3),
      );
    expect(cells).toEqual(
      expect.arrayContaining([
        ['Users trained', '1,500', '1,250'],
        ['Share of wallet', '12.5%', '30%'],
      ]),
    );
  });

  it('offers the report as CSV to copy or download', async () => {
    const page = await renderPages(ok(Q3), '/report/2026/3');
    const csv = reportCsv(Q3.quarterlyReport, createFormatters(portalFormat(page.mocks.context, Q3.portal)));
    expect(page.find(TextArea).props.value).toBe(csv);
    expect(page.find(Link, withText('Download keystone-report-Q3-FY2026.csv')).props.href).toEqual({
      url: `data:text/csv;charset=utf-8;name=keystone-report-Q3-FY2026.csv,${encodeURIComponent(csv)}`,
      external: true,
    });
  });

  it('has a printable page with the same report and no controls', async () => {
    const page = await renderPages(ok(Q3), '/report/2026/3/print');
    expect(page.find(PageTitle).text).toBe('Key account programme, Q3 FY2026');
    expect(page.maybeFind(TextArea)).toBeNull();
    expect(page.findAll(Heading).map((h) => h.text)).toContain('Acme — £500 over 12 months');
  });

  it('reports the current quarter on /report', async () => {
    const page = await renderPages(ok(PORTFOLIO), '/report');
    expect(callsTo(page.spy, 'portfolio_overview')).toEqual([{ userId: page.mocks.context.user.id, quarter: null }]);
    expect(page.find(PageTitle).text).toBe('Quarterly programme report, Q4 FY2026');
  });
});
