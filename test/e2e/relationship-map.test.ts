import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPANY_PROPERTY } from '../../src/crm/model/index.ts';
import { generateDemo } from '../../sandbox/demo/generate.ts';
import { eventually, hasChromium, screenshot, SKIP_REASON } from './browser.ts';
import { DEMO_IN_BROWSER, openDemoInBrowser, type DemoInBrowser } from './demo-in-browser.ts';
import { testClock } from '../clock.ts';

// The relationship map of the demo's largest key account in the preview, as a manager sees it: drawn
// inside the card, gaps marked, and the picture the README shows.

const MAP_PICTURE = path.resolve(import.meta.dirname, '../../docs/relationship-map.png');

/** The demo's key account with the most contacts, as the portal the preview loads holds it. */
function largestKeyAccount(): { id: string; name: string; contacts: number } {
  const { portal } = generateDemo({ ...DEMO_IN_BROWSER, now: testClock.now() });
  const contactsOf = new Map<string, number>();
  for (const a of portal.associations)
    if (a.fromType === 'contacts' && a.toType === 'companies')
      contactsOf.set(a.toId, (contactsOf.get(a.toId) ?? 0) + 1);
  const keyAccounts = (portal.objects.companies ?? [])
    .filter((c) => c.properties?.[COMPANY_PROPERTY.status] === 'key')
    .map((c) => ({ id: c.id, name: String(c.properties?.name), contacts: contactsOf.get(c.id) ?? 0 }));
  keyAccounts.sort((a, b) => b.contacts - a.contacts || a.id.localeCompare(b.id));
  return keyAccounts[0]!;
}

describe.skipIf(!hasChromium)(
  `the relationship map in the local preview${hasChromium ? '' : ` (${SKIP_REASON})`}`,
  { timeout: 180_000 },
  () => {
    let demo: DemoInBrowser;
    let page: Page;
    const account = largestKeyAccount();
    const tabCard = () => page.getByRole('region', { name: 'Key account', exact: true });

    beforeAll(async () => {
      demo = await openDemoInBrowser('keystone-map-');
      page = demo.page;
    }, 180_000);

    afterAll(() => demo?.close());

    it("draws the largest key account's organisation within the card, its gaps marked", async () => {
      expect(account.contacts).toBeGreaterThan(10);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${demo.preview.url}/#/companies/${account.id}`);
      await tabCard().getByRole('tab', { name: 'Relationships' }).click();
      const map = tabCard().getByTestId('relationship-map');
      await eventually(() => map.locator('[data-testid^="map-person-"]').count()).toBeGreaterThan(1);
      expect(await map.locator('[data-testid^="gap-"]').count()).toBeGreaterThan(0);
      expect(await tabCard().getByTestId('coverage-findings').innerText()).toMatch(/:/);
      // Within the card: nothing of the map sticks out past the card's right edge.
      const card = await tabCard().boundingBox();
      const drawn = await map.boundingBox();
      expect(drawn!.x + drawn!.width).toBeLessThanOrEqual(card!.x + card!.width + 1);
      const widest = await map
        .locator('[data-testid^="map-person-"]')
        .evaluateAll((tiles) => Math.max(...tiles.map((t) => t.getBoundingClientRect().right)));
      expect(widest).toBeLessThanOrEqual(card!.x + card!.width + 1);
      await screenshot(page, 'tab-card-relationship-map');
      await tabCard().screenshot({ path: MAP_PICTURE, animations: 'disabled', caret: 'hide' });
      expect(demo.errors).toEqual([]);
    });
  },
);
