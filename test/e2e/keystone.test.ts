import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, hasChromium, screenshot, SKIP_REASON } from './browser.ts';
import { openDemoInBrowser, type DemoInBrowser } from './demo-in-browser.ts';
import { testClock } from '../clock.ts';

// `npm start`'s preview in a real browser, on a small demo portal persisted in a temporary data file:
// the real cards and settings page, the real app functions, the sandbox. The manager's session is one
// test whose steps each build on the last.

const MINUTE = 60_000;
const TAB_CARD_PICTURE = path.resolve(import.meta.dirname, '../../docs/tab-card.png');
const REASON = 'Biggest growth potential in the north; board sponsor now an ally';
const TWELVE_MONTH_OBJECTIVE = 'Become their first call for operations consulting in the north';
const OBJECTIVE = 'Win the operations transformation programme';
const METRIC = 'Board meetings attended';
const TARGETS = ['2', '3', '4', '5'];
const ALLIES_LINE = /(\d+) of (\d+) watched contacts are allies or supporters, (\d+) protesters? or enem(?:y|ies)/;

describe.skipIf(!hasChromium)(
  `Keystone in the local preview${hasChromium ? '' : ` (${SKIP_REASON})`}`,
  { timeout: 120_000 },
  () => {
    let demo: DemoInBrowser;
    let page: Page;
    let companyName = '';
    let contactName = '';
    let companyUrl = '';

    const tabCard = () => page.getByRole('region', { name: 'Key account', exact: true });
    const sidebarCard = () => page.getByRole('region', { name: 'Key account at a glance' });
    const openTab = async (title: string) => {
      await tabCard().getByRole('tab', { name: title }).click();
      return tabCard().getByRole('tabpanel');
    };
    const textOf = (locator: Locator) => locator.innerText();
    const contactRow = (panel: Locator) =>
      panel.locator('tbody tr').filter({ has: page.getByText(contactName, { exact: true }) });
    // What the portal holds, read through the same function the settings page reads it with.
    const savedWeights = async () => {
      const session = (await (await fetch(`${demo.preview.url}/api/session`)).json()) as {
        users: Array<{ userId: number; role: string }>;
      };
      const admin = session.users.find((user) => user.role === 'admin');
      const response = await fetch(`${demo.preview.url}/api/serverless/get_settings`, {
        method: 'POST',
        body: JSON.stringify({ parameters: { userId: admin?.userId } }),
      });
      const body = (await response.json()) as {
        result: { settings: { selection: { weights: Record<string, number> } } };
      };
      return body.result.settings.selection.weights;
    };

    beforeAll(async () => {
      demo = await openDemoInBrowser('keystone-preview-');
      page = demo.page;
      // Generating the portal, setting it up and bundling take a while on a busy machine.
    }, 120_000);

    afterAll(() => demo?.close());

    it('lists key accounts first, then candidates', async () => {
      await page.goto(`${demo.preview.url}/#/companies`);
      const statuses = page.getByRole('table', { name: 'Companies' }).locator('tbody tr td:nth-child(3)');
      await eventually(async () => (await statuses.allInnerTexts()).length).toBeGreaterThan(10);
      const seen = await statuses.allInnerTexts();
      const firstOther = seen.findIndex((status) => status !== 'Key account' && status !== 'Candidate');
      expect(seen[0]).toBe('Key account');
      expect(seen.slice(firstOther).filter((status) => status === 'Key account' || status === 'Candidate')).toEqual([]);
      await screenshot(page, 'company-list', { fullPage: false });
    });

    /** Opens a company that is not a key account, with the tab card and the sidebar card. */
    const openACompanyThatIsNotKey = async () => {
      await page.goto(`${demo.preview.url}/#/companies`);
      const candidate = page
        .getByRole('table', { name: 'Companies' })
        .locator('tbody tr')
        .filter({ has: page.locator('td:nth-child(3)', { hasText: /^Not a key account$/ }) })
        .first();
      companyName = await textOf(candidate.locator('td').first());
      await candidate.getByRole('link').click();
      companyUrl = page.url();
      await eventually(() => textOf(page.getByRole('heading', { level: 1 }))).toBe(companyName);
      await eventually(() => textOf(tabCard())).toContain('Score');
      await eventually(() => textOf(sidebarCard())).toContain('Not a key account');
    };

    /** Tags it as a key account, with the reason on record. */
    const tagItAsKey = async () => {
      const status = await openTab('Status');
      await status.getByRole('button', { name: 'Tag as key account…' }).click();
      await status.getByLabel('New status').selectOption({ label: 'Key account' });
      await status.getByLabel('Why?').fill(REASON);
      await status.getByRole('button', { name: 'Set to key account' }).click();
      await eventually(() => textOf(tabCard().getByTestId('status-change'))).toContain(
        `set by Margaret Hartwell: “${REASON}”`,
      );
      // The sidebar follows without a page reload: the tab card told HubSpot the record changed.
      await eventually(() => textOf(sidebarCard())).not.toContain('Not a key account');
      await screenshot(page, 'tab-card-status');
    };

    /** Adds an objective with quarterly targets. */
    const addAnObjective = async () => {
      const plan = await openTab('Plan');
      await plan.getByRole('button', { name: /Start the plan|Edit the plan/ }).click();
      await plan.getByRole('textbox', { name: '12-month business objective' }).fill(TWELVE_MONTH_OBJECTIVE);
      await plan.getByRole('button', { name: 'Add an objective' }).click();
      await plan.getByRole('textbox', { name: 'Objective', exact: true }).last().fill(OBJECTIVE);
      await plan.getByRole('combobox', { name: 'Owner' }).last().selectOption({ label: 'Margaret Hartwell' });
      await plan
        .getByLabel('Due')
        .last()
        .fill(`${new Date(testClock.now()).getUTCFullYear() + 1}-03-31`);
      await plan.getByRole('textbox', { name: 'Another metric' }).fill(METRIC);
      await plan.getByRole('button', { name: 'Add metric' }).click();
      for (const [index, quarter] of ['Q1', 'Q2', 'Q3', 'Q4'].entries()) {
        await plan
          .getByRole('textbox', { name: `${quarter} target` })
          .last()
          .fill(TARGETS[index] ?? '');
      }
      await plan.getByRole('textbox', { name: 'Q1 actual' }).last().fill('1');
      await plan.getByRole('button', { name: 'Save the plan' }).click();
      await eventually(() => textOf(tabCard())).toContain(OBJECTIVE);
      const metricRow = tabCard().locator('tbody tr', { hasText: METRIC });
      await eventually(() => textOf(metricRow)).toMatch(/1 of 2.*of 3.*of 4.*of 5/s);
      expect(await textOf(tabCard())).toContain(TWELVE_MONTH_OBJECTIVE);
      await screenshot(page, 'tab-card-plan');
      await tabCard().screenshot({ path: TAB_CARD_PICTURE });
    };

    /** Changes a contact's stance and sees coverage and the review state follow. */
    const changeAStance = async () => {
      const relationships = await openTab('Relationships');
      const allies = async () => {
        const [, friends, keyContacts, opponents] =
          (await textOf(relationships.getByText(ALLIES_LINE))).match(ALLIES_LINE) ?? [];
        return { friends: Number(friends), keyContacts: Number(keyContacts), opponents: Number(opponents) };
      };
      const before = await allies();
      // Someone we know nothing about yet: first record that they decide (so they become a watched contact), then that they oppose us.
      const person = relationships
        .locator('[data-testid^="map-person-"]')
        .filter({ hasText: 'Stance unknown' })
        .filter({ hasNotText: /Decides|Has the final say|Influences|No say/ })
        .last();
      const personId = await person.getAttribute('data-testid');
      await person.getByRole('button', { name: 'Edit' }).click();
      const editor = relationships.getByTestId('contact-editor').getByRole('heading');
      contactName = await textOf(editor);
      // The form opens right under the person clicked, not after everyone else on the map.
      const clicked = await relationships.getByTestId(personId ?? '').boundingBox();
      const form = await editor.boundingBox();
      expect(form!.y - (clicked!.y + clicked!.height)).toBeGreaterThanOrEqual(0);
      expect(form!.y - (clicked!.y + clicked!.height)).toBeLessThan(60);
      // Every choice of both selects shows whole: none is cut to "Unknow" or "Has the final".
      for (const select of [
        relationships.getByRole('combobox', { name: 'Stance' }),
        relationships.getByRole('combobox', { name: 'Decision power' }),
      ]) {
        const room = await select.evaluate((element: HTMLSelectElement) => {
          const style = getComputedStyle(element);
          const context = document.createElement('canvas').getContext('2d')!;
          context.font = style.font;
          const widest = Math.max(...[...element.options].map((o) => context.measureText(o.text).width));
          const inner = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          return inner - widest;
        });
        expect(room).toBeGreaterThan(0);
      }
      await relationships.getByRole('combobox', { name: 'Decision power' }).selectOption({ label: 'Decides' });
      await eventually(() =>
        relationships.getByRole('combobox', { name: 'Decision power' }).locator('option:checked').innerText(),
      ).toBe('Decides');
      await relationships.getByRole('combobox', { name: 'Stance' }).selectOption({ label: 'Enemy' });
      await eventually(async () => (await allies()).opponents).toBe(before.opponents + 1);
      expect((await allies()).friends).toBe(before.friends);
      await screenshot(page, 'tab-card-relationships');
      const reviews = await openTab('Reviews');
      await eventually(() => textOf(reviews)).toContain(contactName);
      await screenshot(page, 'tab-card-reviews');
    };

    /** Changes a selection weight in settings and sees the preview of qualifying companies change. */
    const changeAWeight = async () => {
      await page.getByRole('link', { name: 'Settings' }).click();
      const settings = page.getByRole('region', { name: 'Settings' });
      const wouldBeKey = settings.getByRole('group', { name: 'Score as key accounts' });
      await eventually(() => wouldBeKey.count()).toBe(1);
      // Who may do what is chosen by name: the demo's manager team is ticked.
      await eventually(() =>
        settings
          .getByRole('group', { name: 'Manager teams' })
          .getByRole('checkbox', { name: /Key Account Managers/ })
          .isChecked(),
      ).toBe(true);
      const before = await textOf(wouldBeKey);
      await settings.getByLabel('Historic purchases').fill('0');
      await settings.getByLabel('Historic purchases').blur();
      await eventually(() => textOf(wouldBeKey)).not.toBe(before);
      await settings.getByRole('button', { name: 'Save settings' }).click();
      await eventually(() => savedWeights().then((weights) => weights.historicPurchases)).toBe(0);
      await screenshot(page, 'settings');
    };

    /** Finds every change still there after a reload, and after restarting on the same data file. */
    const findEveryChangeAfterRestart = async () => {
      for (const restart of [false, true]) {
        if (restart) {
          await page.goto('about:blank');
          await demo.restart();
          companyUrl = companyUrl.replace(/^http:\/\/127\.0\.0\.1:\d+/, demo.preview.url);
        }
        await page.goto(companyUrl);
        await page.reload();
        await eventually(() => textOf(tabCard().getByTestId('status-change'))).toContain(REASON);
        // Each section loads when it is opened.
        const plan = await openTab('Plan');
        await eventually(() => textOf(plan)).toContain(OBJECTIVE);
        const relationships = await openTab('Relationships');
        await relationships.getByRole('radio', { name: 'Table' }).check();
        const row = contactRow(relationships);
        await eventually(() => textOf(row)).toMatch(/Enemy[\s\S]*Decides/);
        await page.goto(`${demo.preview.url}/#/settings`);
        await eventually(() =>
          page.getByRole('region', { name: 'Settings' }).getByLabel('Historic purchases').inputValue(),
        ).toBe('0');
      }
    };

    // One manager's session, each step on what the last left: one test, so no step runs without its past.
    it("takes a company through a manager's first session, and finds it all after a reload and a restart", async () => {
      // The preview runs on the test clock; the manager takes a minute over each step, so each change
      // comes after the one before it, as it would in a real session.
      for (const step of [
        openACompanyThatIsNotKey,
        tagItAsKey,
        addAnObjective,
        changeAStance,
        changeAWeight,
        findEveryChangeAfterRestart,
      ]) {
        testClock.advance(MINUTE);
        await step();
      }
      expect(demo.errors).toEqual([]);
    }, 600_000);
  },
);
