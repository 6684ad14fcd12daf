import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, hasChromium, screenshot, SKIP_REASON } from './browser.ts';
import { openDemoInBrowser, type DemoInBrowser } from './demo-in-browser.ts';

// The plan editor in a real browser, as a manager types figures the way people write them: each
// refusal is said in words beside its field and in the alert, and money in pounds is read as money.

describe.skipIf(!hasChromium)(
  `The plan editor's inputs in the local preview${hasChromium ? '' : ` (${SKIP_REASON})`}`,
  { timeout: 120_000 },
  () => {
    let demo: DemoInBrowser;
    let page: Page;

    const tabCard = () => page.getByRole('region', { name: 'Key account', exact: true });
    /** The message the field shows under it, read through the input's own description. */
    const messageOf = async (field: Locator) => {
      const ids = (await field.getAttribute('aria-describedby')) ?? '';
      const message = ids.split(' ').find((id) => id.endsWith('-message'));
      return message ? page.locator(`[id="${message}"]`).innerText() : '';
    };

    beforeAll(async () => {
      demo = await openDemoInBrowser('keystone-plan-inputs-');
      page = demo.page;
    }, 120_000);

    afterAll(() => demo?.close());

    it('names and marks each figure it cannot read, keeps what was typed, and saves nothing', async () => {
      await page.goto(`${demo.preview.url}/#/companies`);
      const keyAccount = page
        .getByRole('table', { name: 'Companies' })
        .locator('tbody tr')
        .filter({ has: page.locator('td:nth-child(3)', { hasText: /^Key account$/ }) })
        .first();
      await eventually(() => keyAccount.count()).toBe(1);
      await keyAccount.getByRole('link').click();
      await tabCard().getByRole('tab', { name: 'Plan' }).click();
      const plan = tabCard().getByRole('tabpanel');
      await plan.getByRole('button', { name: /Start the plan|Edit the plan/ }).click();

      // A row for meetings (from the catalogue unless the plan holds it) and one for income, in pounds.
      for (const metric of ['Meetings per quarter', 'Increase in income over last year']) {
        const options = await plan.getByLabel('Add a metric').locator('option').allInnerTexts();
        if (!options.includes(metric)) continue;
        await plan.getByLabel('Add a metric').selectOption({ label: metric });
        await plan.getByRole('button', { name: 'Add metric' }).click();
      }
      const meetingsQ1 = plan.locator('input[name="meetings-Q1-target"]');
      const meetingsQ2 = plan.locator('input[name="meetings-Q2-target"]');
      const incomeQ1 = plan.locator('input[name="income_increase-Q1-target"]');
      await meetingsQ1.fill('2.5');
      await meetingsQ2.fill('abc');
      await incomeQ1.fill('£15k');
      await plan.getByRole('button', { name: 'Save the plan' }).click();

      await eventually(() => messageOf(meetingsQ1)).toBe('a count is a whole number: 2.5 is not (type 2 or 3)');
      expect(await messageOf(meetingsQ2)).toBe('"abc" is not a number');
      expect(await meetingsQ2.inputValue()).toBe('abc');
      expect(await messageOf(incomeQ1)).toBe('');
      const alert = await plan.getByRole('alert').filter({ hasText: 'The plan was not saved' }).innerText();
      expect(alert).toContain('Meetings per quarter, Q1 target: a count is a whole number: 2.5 is not (type 2 or 3)');
      expect(alert).toContain('Meetings per quarter, Q2 target: "abc" is not a number');
      await screenshot(page, 'plan-editor-refusals');
    });

    it('asks before saving an objective due on a day gone, and the function refuses 1999 beside the date', async () => {
      const plan = tabCard().getByRole('tabpanel');
      await plan.locator('input[name="meetings-Q1-target"]').fill('2');
      await plan.locator('input[name="meetings-Q2-target"]').fill('3');
      await plan.getByRole('button', { name: 'Add an objective' }).click();
      const number = await plan.getByRole('textbox', { name: 'Objective', exact: true }).count();
      await plan.getByRole('textbox', { name: 'Objective', exact: true }).last().fill('Meet the new COO');
      await plan.getByRole('combobox', { name: 'Owner' }).last().selectOption({ index: 1 });
      const due = plan.getByLabel('Due').last();
      await due.fill('1999-01-01');
      await plan.getByRole('button', { name: 'Save the plan' }).click();

      const asked = plan.getByRole('alert').filter({ hasText: 'Due in the past?' });
      await eventually(() => asked.innerText()).toContain(`Objective ${number} is due on`);
      await asked.getByRole('button', { name: 'Save with this date' }).click();
      await eventually(() => messageOf(due)).toBe('must be a date in the years 2000 to 2099');
      const refused = await plan.getByRole('alert').filter({ hasText: 'The plan was not saved' }).innerText();
      expect(refused).toContain(`Objective ${number}, due date: must be a date in the years 2000 to 2099`);
    });
  },
);
