import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortfolioOverview, ProgrammeAccount } from '../../src/contracts/index.ts';
import type { PreviewUser } from '../../preview/server/portal.ts';
import { eventually, hasChromium, openPage, screenshot, SKIP_REASON } from './browser.ts';
import { openDemoInBrowser, type DemoInBrowser } from './demo-in-browser.ts';
import { testClock } from '../clock.ts';

// Key account status in the preview: every change the programme allows, from the card and from the
// portfolio's drift lists; a stale tab refused with who changed it and when; a former key account out
// of the review cycle everywhere; the whole history on the card.

const MINUTE = 60_000;
const DAY = 86_400_000;
type Answer = ({ status: 'ok' } & PortfolioOverview) | { status: 'error'; message: string };

describe.skipIf(!hasChromium)(
  `Key account status in the local preview${hasChromium ? '' : ` (${SKIP_REASON})`}`,
  { timeout: 180_000 },
  () => {
    let demo: DemoInBrowser;
    let page: Page;
    let manager: PreviewUser;

    const tabCard = (on: Page = page) => on.getByRole('region', { name: 'Key account', exact: true });
    const sidebarCard = () => page.getByRole('region', { name: 'Key account at a glance' });
    const openTab = async (title: string, on: Page = page) => {
      await tabCard(on).getByRole('tab', { name: title }).click();
      return tabCard(on).getByRole('tabpanel');
    };
    const textOf = (locator: Locator) => locator.innerText();
    const overview = async (): Promise<PortfolioOverview> => {
      const response = await fetch(`${demo.preview.url}/api/serverless/portfolio_overview`, {
        method: 'POST',
        body: JSON.stringify({ parameters: { userId: manager.userId, quarter: null } }),
      });
      const { result } = (await response.json()) as { result: Answer };
      if (result.status !== 'ok') throw new Error(result.message);
      return result;
    };
    const openCompany = async (on: Page, account: ProgrammeAccount) => {
      await on.goto(`${demo.preview.url}/#/companies/${account.companyId}`);
      await eventually(() => textOf(on.getByRole('heading', { level: 1 }))).toBe(account.name);
      await eventually(() => textOf(tabCard(on))).toContain('Score');
    };
    const changeStatus = async (on: Page, { to, reason }: { to: string; reason: string }) => {
      const status = await openTab('Status', on);
      await status.getByRole('button', { name: /…$/ }).click();
      await status.getByLabel('New status').selectOption({ label: to });
      await status.getByLabel('Why?').fill(reason);
      await status.getByRole('button', { name: `Set to ${to.toLowerCase()}` }).click();
      return status;
    };

    beforeAll(async () => {
      demo = await openDemoInBrowser('keystone-status-');
      page = demo.page;
      const session = (await (await fetch(`${demo.preview.url}/api/session`)).json()) as { users: PreviewUser[] };
      // The preview opens as the demo's first partner, its admin, who counts as a manager.
      manager = session.users.find((user) => user.role === 'admin')!;
    }, 180_000);

    afterAll(() => demo?.close());

    it("promotes a qualifying candidate from the portfolio's drift list, and refuses the stale tab's change naming who and when", async () => {
      const { drift } = await overview();
      const qualifying =
        drift.qualifiesButNotTagged.find((a) => a.status === 'candidate') ?? drift.qualifiesButNotTagged[0];
      expect(qualifying, 'the demo has a company that qualifies but is not tagged').toBeDefined();
      const account = qualifying!;
      if (account.status === 'none') {
        // Made a candidate first, from its card: the programme's first step.
        testClock.advance(MINUTE);
        await openCompany(page, account);
        await changeStatus(page, { to: 'Candidate', reason: 'Worth a closer look' });
        await eventually(() => textOf(tabCard().getByTestId('status-change'))).toContain('Candidate since');
      }

      // A second tab opened on the candidate before anyone promotes it.
      const stale = await openPage(demo.browser);
      await openCompany(stale.page, account);
      await eventually(() => textOf(tabCard(stale.page))).toContain('Candidate since');

      testClock.advance(MINUTE);
      await page.goto(`${demo.preview.url}/#/portfolio`);
      const pages = page.getByRole('region', { name: 'Keystone' });
      await pages.getByRole('link', { name: `${account.name} — tag as key account` }).click();
      await eventually(() => textOf(page.getByRole('heading', { level: 1 }))).toBe(account.name);
      // The score qualifies it, so the key account status is the first change offered.
      const form = await openTab('Status');
      await form.getByRole('button', { name: 'Change status…' }).click();
      expect(await form.getByLabel('New status').locator('option:checked').innerText()).toBe('Key account');
      await form.getByRole('button', { name: 'Cancel' }).click();
      const status = await changeStatus(page, { to: 'Key account', reason: 'Qualifies: scores above the key line' });
      await eventually(() => textOf(tabCard().getByTestId('status-change'))).toContain(
        `set by ${manager.name}: “Qualifies: scores above the key line”`,
      );
      const history = status.getByTestId('status-history').locator('tbody tr');
      await eventually(() => textOf(history.first())).toContain('Candidate → Key account');
      expect(await textOf(history.first())).toContain(manager.name);
      expect(await textOf(history.nth(1))).toContain('Not a key account → Candidate');
      await screenshot(page, 'status-promoted');

      // The stale tab still shows Candidate; its change is refused, naming who changed it and when.
      testClock.advance(MINUTE);
      const staleStatus = await changeStatus(stale.page, { to: 'Not a key account', reason: 'Not now' });
      const refusal = staleStatus.getByRole('alert').filter({ hasText: 'The status was not changed' });
      await eventually(() => textOf(refusal)).toContain(
        `The key account status is now "Key account", not "Candidate" as the card showed: changed by ${manager.name} on `,
      );
      expect(await textOf(refusal)).toMatch(/reload the card/);
      await screenshot(stale.page, 'status-stale-tab-refused');
      await stale.page.reload();
      await eventually(() => textOf(tabCard(stale.page))).toContain('Key account since');
      expect(stale.errors).toEqual([]);
      await stale.page.close();
    });

    it('takes a key account that ends as former out of the review cycle on the card, the sidebar and the portfolio', async () => {
      // A year on, some key account's review is overdue.
      testClock.advance(365 * DAY);
      const before = await overview();
      const overdue = before.reviews.upcoming.find((r) => r.status === 'overdue');
      expect(overdue, 'a key account has an overdue review a year on').toBeDefined();
      const account = overdue!.account;
      await openCompany(page, account);
      // The sidebar calls it overdue as the portfolio does, by the grace stored with the date.
      await eventually(() => textOf(sidebarCard().getByTestId('sidebar-next-review'))).toContain('· Overdue');

      await changeStatus(page, { to: 'Former key account', reason: 'Moved the work in-house' });
      await eventually(() => textOf(tabCard().getByTestId('status-change'))).toContain('Former key account since');
      const reviews = await openTab('Reviews');
      await eventually(() => textOf(reviews.getByTestId('next-review'))).toBe(
        'Not in the review cycle: only key accounts are reviewed.',
      );
      await eventually(() => textOf(sidebarCard().getByTestId('sidebar-next-review'))).toBe('None: not a key account');
      expect(await textOf(sidebarCard().getByTestId('top-risk'))).not.toContain('overdue');
      await screenshot(page, 'status-former');

      const after = await overview();
      expect(after.reviews.upcoming.map((r) => r.account.companyId)).not.toContain(account.companyId);
      expect(after.quarterlyReport.accounts.map((a) => a.companyId)).not.toContain(account.companyId);
      expect(demo.errors).toEqual([]);
    });
  },
);
