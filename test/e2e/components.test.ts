import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePreview } from '../../preview/build/bundle.ts';
import { startPreviewServer, type RunningPreview } from '../../preview/server/server.ts';
import { eventually, hasChromium, launchChromium, openPage, SKIP_REASON } from './browser.ts';

// The preview's components behave as HubSpot documents them, in a real browser: text inputs report
// keystrokes with onInput and commit with onChange on blur, overlays open and close by id, and so on.
// The fixture card writes every event it receives into a log line the tests read.

const GALLERY = path.resolve(import.meta.dirname, '../preview/fixtures/gallery');

describe.skipIf(!hasChromium)(
  `the preview components in Chromium${hasChromium ? '' : ` (${SKIP_REASON})`}`,
  { timeout: 60_000 },
  () => {
    let browser: Browser;
    let server: RunningPreview;
    let page: Page;
    let errors: string[];
    const log = () => page.getByTestId('log').innerText();
    const card = () => page.getByRole('region', { name: 'Gallery' });

    beforeAll(async () => {
      server = await startPreviewServer({
        bundle: await bundlePreview(GALLERY),
        portal: {
          companies: async () => [],
          sessionRecord: async () => ({ name: 'Acme Ltd' }),
          users: async () => [
            {
              userId: 1,
              ownerId: '11',
              firstName: 'Dana',
              lastName: 'Manager',
              name: 'Dana Manager',
              email: 'dana@example.com',
              teams: [],
              role: 'manager',
            },
          ],
          portal: async () => ({ portalId: 99, timeZone: 'Europe/London', currency: 'GBP' }),
        },
        runFunction: async () => ({}),
      });
      browser = await launchChromium();
      ({ page, errors } = await openPage(browser));
    }, 60_000);

    // Each test starts from a fresh card with an empty log.
    const openGallery = async () => {
      await page.goto(`${server.url}/#/companies/42`);
      await page.reload();
      await eventually(() => card().getByRole('button', { name: 'Alert' }).count()).toBe(1);
    };

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('reports each keystroke with onInput and commits with onChange only when the field loses focus', async () => {
      await openGallery();
      await card().getByRole('textbox', { name: 'Reason' }).pressSequentially('ok');
      expect(await log()).toBe('input o | input ok');
      await card().getByRole('textbox', { name: 'Reason' }).blur();
      expect(await log()).toBe('input o | input ok | committed ok');
    });

    it('commits a number input as a number', async () => {
      await openGallery();
      await card().getByRole('textbox', { name: 'Weight' }).fill('2.5');
      await card().getByRole('textbox', { name: 'Weight' }).press('Enter');
      expect(await log()).toBe('weight 2.5');
    });

    it('switches tabs, toggles, opens an accordion and picks a dropdown item', async () => {
      await openGallery();
      await card().getByRole('tab', { name: 'Two' }).click();
      expect(await card().getByRole('tabpanel').innerText()).toBe('second tab');
      await card().getByRole('switch', { name: 'Sync' }).click();
      expect(await card().getByText('hidden detail').isVisible()).toBe(false);
      await card().getByRole('button', { name: 'More' }).click();
      expect(await card().getByText('hidden detail').isVisible()).toBe(true);
      await card().getByRole('button', { name: 'Actions' }).click();
      await card().getByRole('menuitem', { name: 'Archive' }).click();
      expect(await log()).toBe('tab two | sync true | dropdown archive');
    });

    it("submits a form with its fields' values", async () => {
      await openGallery();
      await card().getByRole('textbox', { name: 'Title' }).fill('Q3 review');
      await card().getByRole('button', { name: 'Send' }).click();
      expect(await log()).toBe('submitted {"title":"Q3 review"}');
    });

    it('opens a modal from its button, and closes it when the card calls closeOverlay', async () => {
      await openGallery();
      await card().getByRole('button', { name: 'Open modal' }).click();
      const dialog = page.getByRole('dialog', { name: 'Confirm' });
      expect(await dialog.innerText()).toContain('Sure?');
      await dialog.getByRole('button', { name: 'Done' }).click();
      await eventually(() => dialog.count()).toBe(0);
      expect(await log()).toBe('modal closed');
    });

    it('closes a modal with Escape', async () => {
      await openGallery();
      await card().getByRole('button', { name: 'Open modal' }).click();
      await page.getByRole('dialog', { name: 'Confirm' }).press('Escape');
      await eventually(() => page.getByRole('dialog').count()).toBe(0);
    });

    it('shows the alerts a card adds', async () => {
      await openGallery();
      await card().getByRole('button', { name: 'Alert' }).click();
      expect(await card().getByRole('status').filter({ hasText: 'Saved' }).innerText()).toContain('The plan is saved.');
    });

    it("keeps a chart's y-axis title clear of its numbers, however large", async () => {
      await openGallery();
      const chart = card().getByTestId('income-chart');
      const title = await chart.locator('.hs-chart__axis-title', { hasText: 'Income' }).boundingBox();
      const ticks = await chart
        .locator('.hs-chart__tick')
        .evaluateAll((nodes) =>
          nodes.map((node) => ({ text: node.textContent, box: node.getBoundingClientRect().toJSON() as DOMRect })),
        );
      // 2.48M of income reads against round ticks up to 3M.
      expect(ticks.map((t) => t.text)).toEqual(expect.arrayContaining(['0', '1M', '2M', '3M']));
      for (const { box } of ticks) expect(box.left).toBeGreaterThan(title!.x + title!.width);
    });

    it('shows a select in a narrow table column in full', async () => {
      await openGallery();
      const select = card().getByRole('combobox', { name: 'Stance' });
      // The box is at least as wide as its longest option's text (with its padding and arrow).
      const fits = await select.evaluate((node: HTMLSelectElement) => {
        const style = getComputedStyle(node);
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = `${style.fontSize} ${style.fontFamily}`;
        const widest = Math.max(...[...node.options].map((o) => context.measureText(o.text).width));
        return node.getBoundingClientRect().width >= widest + parseFloat(style.paddingLeft) + 16;
      });
      expect(fits).toBe(true);
    });

    it('logged no errors in the browser', () => {
      expect(errors).toEqual([]);
    });
  },
);
