import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardData, PortfolioOverview } from '../../src/contracts/index.ts';
import type { PreviewUser } from '../../preview/server/portal.ts';
import { eventually, hasChromium, screenshot, SKIP_REASON } from './browser.ts';
import { openDemoInBrowser, type DemoInBrowser } from './demo-in-browser.ts';

// Keystone's app pages (portfolio home and quarterly report) in the preview, on a small demo portal:
// what the page shows is checked against what the portfolio_overview function answers the same user.

type Answer = ({ status: 'ok' } & PortfolioOverview) | { status: 'error'; code: string; message: string };

describe.skipIf(!hasChromium)(
  `Keystone's app pages in the local preview${hasChromium ? '' : ` (${SKIP_REASON})`}`,
  { timeout: 120_000 },
  () => {
    let demo: DemoInBrowser;
    let page: Page;
    let manager: PreviewUser;
    let salesRep: PreviewUser;

    const overviewFor = async (user: PreviewUser): Promise<Answer> => {
      const response = await fetch(`${demo.preview.url}/api/serverless/portfolio_overview`, {
        method: 'POST',
        body: JSON.stringify({ parameters: { userId: user.userId, quarter: null } }),
      });
      return ((await response.json()) as { result: Answer }).result;
    };
    const managersOverview = async () => {
      const answer = await overviewFor(manager);
      if (answer.status !== 'ok') throw new Error(`portfolio_overview refused the manager: ${answer.message}`);
      return answer;
    };
    const viewAs = (user: PreviewUser) =>
      page.getByLabel('Viewing as').selectOption({ label: `${user.name} (${user.role})` });
    const pages = () => page.getByRole('region', { name: 'Keystone' });

    beforeAll(async () => {
      demo = await openDemoInBrowser('keystone-pages-');
      page = demo.page;
      const session = (await (await fetch(`${demo.preview.url}/api/session`)).json()) as { users: PreviewUser[] };
      const byRole = (role: PreviewUser['role']) => session.users.find((user) => user.role === role);
      manager = byRole('manager')!;
      salesRep = byRole('sales rep')!;
      // Generating the portal, setting it up, scoring it and bundling take a while on a busy machine.
    }, 120_000);

    afterAll(() => demo?.close());

    it('opens the portfolio home from the navigation, for a manager', async () => {
      expect(manager, 'the demo portal has a manager').toBeDefined();
      await page.goto(`${demo.preview.url}/#/companies`);
      await viewAs(manager);
      await page.getByRole('navigation', { name: 'Preview' }).getByRole('link', { name: 'Portfolio' }).click();
      await eventually(() => pages().getByRole('heading', { level: 1, name: 'Key account portfolio' }).count()).toBe(1);
      expect(page.url()).toMatch(/#\/portfolio$/);
      expect(await page.title()).toBe('Key account portfolio · Keystone preview');
    });

    it('shows the Pareto figures the function computed from the snapshot the first start stored, and says how fresh they are', async () => {
      const { concentration, freshness } = await managersOverview();
      const pareto = concentration.pareto!;
      // Scoring the portfolio on first start stored the snapshot of every company.
      expect(freshness.snapshot?.companiesScored).toBe(pareto.clientCount);
      expect(pareto.clientCount).toBeGreaterThan(0);
      await eventually(() =>
        pages().getByText(`Portfolio figures from the last recalculation to score every company, `).count(),
      ).toBe(1);
      await expect(
        pages().getByText(`: ${pareto.clientCount} companies, revenue over the 12 months before `).count(),
      ).resolves.toBe(1);
      await eventually(() =>
        pages().getByText(`${pareto.clientsForEightyPercentOfRevenue} of ${pareto.clientCount} clients (`).count(),
      ).toBe(1);
      for (const top of pareto.topPercentShares)
        await expect(pages().getByText(`Top ${top.percentOfClients}% of clients`).count()).resolves.toBe(1);
      await expect(pages().getByText('Herfindahl–Hirschman index').count()).resolves.toBe(1);
    });

    it('lists the key accounts', async () => {
      const { keyAccounts } = (await managersOverview()).programme;
      expect(keyAccounts.length).toBeGreaterThan(0);
      const heading = pages().getByRole('heading', { name: `Key accounts (${keyAccounts.length})` });
      await expect(heading.count()).resolves.toBe(1);
      const table = pages()
        .locator('h2, h3, h4')
        .filter({ hasText: `Key accounts (${keyAccounts.length})` })
        .locator('xpath=following::table[1]');
      const links = table.locator('tbody tr td:first-child a');
      expect((await links.allInnerTexts()).map((name) => name.trim())).toEqual(
        keyAccounts.map((account) => account.name),
      );
      // Each opens the company's record page, in the preview as in HubSpot.
      expect(await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')))).toEqual(
        keyAccounts.map((account) => `#/companies/${account.companyId}`),
      );
      await screenshot(page, 'portfolio-home');
    });

    it("agrees with every key account's card on who of ours alone holds the relationship", async () => {
      const { concentration } = await managersOverview();
      expect(concentration.keyAccounts.length).toBeGreaterThan(0);
      const cardsSay: Array<[string, string | null]> = [];
      const portfolioSays: Array<[string, string | null]> = [];
      for (const risk of concentration.keyAccounts) {
        const response = await fetch(`${demo.preview.url}/api/serverless/card_data`, {
          method: 'POST',
          body: JSON.stringify({ parameters: { userId: manager.userId, companyId: risk.companyId } }),
        });
        const { result } = (await response.json()) as { result: { status: string } & CardData };
        expect(result.status).toBe('ok');
        const warning = result.relationships.coverage.warnings.find((w) => w.kind === 'single_person_dependency');
        cardsSay.push([risk.name, warning ? warning.message.split(' alone holds ')[0]! : null]);
        portfolioSays.push([risk.name, risk.dependsOnOnePerson ? (risk.heldBy?.[0]?.name ?? '?') : null]);
      }
      expect(portfolioSays).toEqual(cardsSay);
      // The demo has accounts of both kinds, so the agreement is not two empty lists.
      expect(cardsSay.some(([, holder]) => holder !== null)).toBe(true);
      // The page says it as the figures do.
      const [dependence] = concentration.onePersonDependence;
      await page.goto(`${demo.preview.url}/#/portfolio`);
      await viewAs(manager);
      await eventually(() => pages().getByText(`${dependence!.person.name} alone holds `).count()).toBeGreaterThan(0);
    });

    it('opens the quarterly report with its CSV export, through the page links', async () => {
      const { quarterlyReport } = await managersOverview();
      await pages().getByRole('link', { name: 'Quarterly report', exact: true }).click();
      await eventually(() =>
        pages()
          .getByRole('heading', { level: 1, name: `Quarterly programme report, ${quarterlyReport.quarter.label}` })
          .count(),
      ).toBe(1);
      expect(page.url()).toMatch(/#\/portfolio\/report$/);
      expect(await page.title()).toBe(
        `Quarterly programme report, ${quarterlyReport.quarter.label} · Keystone preview`,
      );
      // A textarea's value has its line breaks as LF; the file keeps CSV's CRLF.
      const csv = await pages().getByLabel('CSV (select all and copy)').inputValue();
      expect(csv.split('\n')[0]).toBe('Quarter,Account,Section,Item,Target,Actual,Status');
      for (const account of quarterlyReport.accounts.filter((a) => (a.targets ?? []).length > 0))
        expect(csv).toContain(account.name);
      const fileName = `keystone-report-${quarterlyReport.quarter.label.replace(' ', '-')}.csv`;
      const download = pages().getByRole('link', { name: `Download ${fileName}` });
      expect(decodeURIComponent((await download.getAttribute('href')) ?? '')).toBe(
        `data:text/csv;charset=utf-8;name=${fileName},${csv.replaceAll('\n', '\r\n')}`,
      );
      // Saved under its own name, not the browser's "download.csv".
      const [saved] = await Promise.all([page.waitForEvent('download'), download.click()]);
      expect(saved.suggestedFilename()).toBe(fileName);
      await screenshot(page, 'portfolio-report');
    });

    it("opens a chosen quarter's printable page from the URL, as a shared link would", async () => {
      const { quarterlyReport } = await managersOverview();
      const { fiscalYear, quarter } = quarterlyReport.quarter;
      await page.goto(`${demo.preview.url}/#/portfolio/report/${fiscalYear}/${quarter}/print`);
      await eventually(() =>
        pages()
          .getByRole('heading', { level: 1, name: `Key account programme, ${quarterlyReport.quarter.label}` })
          .count(),
      ).toBe(1);
      await expect(pages().getByLabel('CSV (select all and copy)').count()).resolves.toBe(0);
    });

    it('says so when an app page does not exist', async () => {
      await page.goto(`${demo.preview.url}/#/portfolio/nowhere`);
      await eventually(() => pages().getByText('This app page does not exist.').count()).toBe(1);
    });

    it('shows a sales rep the portfolio and the report read-only: the lists, but no action on them', async () => {
      expect(salesRep, 'the demo portal has a sales rep').toBeDefined();
      const answer = await overviewFor(salesRep);
      if (answer.status !== 'ok') throw new Error(`portfolio_overview refused a sales rep: ${answer.message}`);
      expect(answer.viewer.canAct).toBe(false);
      await page.goto(`${demo.preview.url}/#/portfolio`);
      await viewAs(salesRep);
      await eventually(() => pages().getByRole('heading', { level: 1, name: 'Key account portfolio' }).count()).toBe(1);
      await eventually(() => pages().getByText(answer.viewer.readOnlyReason!).count()).toBe(1);
      // The companies are there to read, without "— tag as key account" or any button.
      const { keyAccounts } = answer.programme;
      expect(keyAccounts.length).toBeGreaterThan(0);
      await eventually(() =>
        pages().getByRole('link', { name: keyAccounts[0]!.name, exact: true }).count(),
      ).toBeGreaterThan(0);
      await expect(pages().getByRole('link', { name: / — / }).count()).resolves.toBe(0);
      await expect(pages().getByRole('button').count()).resolves.toBe(0);
      await screenshot(page, 'portfolio-sales-rep', { fullPage: false });

      await pages().getByRole('link', { name: 'Quarterly report' }).click();
      await eventually(() =>
        pages()
          .getByRole('heading', {
            level: 1,
            name: `Quarterly programme report, ${answer.quarterlyReport.quarter.label}`,
          })
          .count(),
      ).toBe(1);
      await expect(pages().getByRole('button').count()).resolves.toBe(0);
    });

    it('logged no errors in the browser', () => {
      expect(demo.errors).toEqual([]);
    });
  },
);
