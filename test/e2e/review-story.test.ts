import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../sandbox/demo/generate.ts';
import type { DemoStories } from '../../sandbox/demo/stories.ts';
import { eventually, hasChromium, screenshot, SKIP_REASON } from './browser.ts';
import { openDemoInBrowser, type DemoInBrowser } from './demo-in-browser.ts';
import { testClock } from '../clock.ts';

// The client account article's review in a real browser on the demo portal: on the key account whose ally
// has gone quiet, one contact retires, another is won over from protester to supporter, and the manager
// logs a review whose three outcomes each name what is to be done, who does it and by when.

const MINUTE = 60_000;

describe.skipIf(!hasChromium)(
  `The Tom, Dan and Jan review in the local preview${hasChromium ? '' : ` (${SKIP_REASON})`}`,
  { timeout: 120_000 },
  () => {
    let demo: DemoInBrowser;
    let page: Page;
    let stories: DemoStories;

    const tabCard = () => page.getByRole('region', { name: 'Key account', exact: true });
    const openTab = async (title: string) => {
      await tabCard().getByRole('tab', { name: title }).click();
      return tabCard().getByRole('tabpanel');
    };
    const textOf = (locator: Locator) => locator.innerText();

    beforeAll(async () => {
      // The same demo the preview generates (same seed, same day), for the ids of its stories.
      stories = generateDemo({ seed: 7, companies: 120, now: testClock.now() }).stories;
      demo = await openDemoInBrowser('keystone-review-story-');
      page = demo.page;
    }, 120_000);

    afterAll(() => demo?.close());

    it('shows a retirement and a conversion as triggers, the whole stance path and the ally going cold, and turns a review into three tasks', async () => {
      const { companyId, contactId: quietAllyId } = stories.allyGoneQuiet;
      await page.goto(`${demo.preview.url}/#/companies/${companyId}`);
      const relationships = await openTab('Relationships');
      // The table view: one row per contact, each edited in a form that opens under its row.
      await relationships.getByRole('radio', { name: 'Table' }).check();
      await eventually(() => textOf(relationships.getByTestId('coverage-findings'))).toContain('Allies out of touch');
      const quietAlly = relationships.locator('tbody tr').filter({ has: page.getByTestId(`watched-${quietAllyId}`) });
      const tomName = await textOf(quietAlly.locator('td').first().locator('p').first());
      expect(await textOf(relationships.getByTestId('coverage-findings'))).toContain(tomName);

      // Dan: a current contact other than Tom, won over step by step.
      const others = relationships
        .locator('tbody tr')
        .filter({ has: page.getByRole('button', { name: 'Edit' }) })
        .filter({ hasNot: page.getByTestId(`watched-${quietAllyId}`) })
        .filter({ hasNot: page.locator('[data-testid^="departure-"]') });
      const dan = others.first();
      const danName = await textOf(dan.locator('td').first().locator('p').first());
      const danRow = () => relationships.locator('tbody tr').filter({ has: page.getByText(danName, { exact: true }) });
      await danRow().getByRole('button', { name: 'Edit' }).click();
      for (const stance of ['Protester', 'Neutral', 'Supporter']) {
        testClock.advance(MINUTE);
        await relationships.getByRole('combobox', { name: 'Stance' }).selectOption({ label: stance });
        await eventually(() =>
          relationships.getByRole('combobox', { name: 'Stance' }).locator('option:checked').innerText(),
        ).toBe(stance);
      }
      await eventually(() => textOf(danRow().locator('[data-testid^="stance-history-"]'))).toMatch(
        /Protester [^→]+ → Neutral [^→]+ → Supporter/,
      );

      // Jan: another current contact, who retires; Dan takes over.
      const jan = others.nth(1);
      const janName = await textOf(jan.locator('td').first().locator('p').first());
      testClock.advance(MINUTE);
      await jan.getByRole('button', { name: 'Edit' }).click();
      await relationships.getByLabel('Why they left').selectOption({ label: 'Retired' });
      await relationships.getByLabel('Replaced by').selectOption({ label: danName });
      await relationships.getByRole('button', { name: `Mark ${janName} as left` }).click();
      await eventually(() => textOf(relationships)).toContain(`Retired on`);
      await screenshot(page, 'tab-card-people-changes');

      const reviews = await openTab('Reviews');
      await eventually(() => textOf(reviews)).toContain(`${janName} retired`);
      expect(await textOf(reviews)).toContain(`${danName} went from Neutral to Supporter`);

      testClock.advance(MINUTE);
      await reviews.getByRole('button', { name: 'Log a review…' }).click();
      await reviews.getByRole('textbox', { name: 'What was decided' }).fill(`${janName} retired; ${danName} won over`);
      const outcomes = [
        ['Plan updated', `Make ${danName} the decision maker in the plan`],
        ['Achievements to celebrate', `Thank the team for winning ${danName} over`],
        ['Threats to escalate', `Nobody has talked to ${tomName} for months`],
      ] as const;
      const due = `${new Date(testClock.now()).getUTCFullYear() + 1}-01-31`;
      for (const [index, [outcome, text]] of outcomes.entries()) {
        await reviews.getByRole('button', { name: 'Add an outcome' }).click();
        await reviews.getByLabel('Outcome', { exact: true }).nth(index).selectOption({ label: outcome });
        await reviews.getByRole('textbox', { name: 'What is to be done' }).nth(index).fill(text);
        await reviews.getByLabel('Who does it').nth(index).selectOption({ label: 'Margaret Hartwell' });
        await reviews.getByLabel('Due').nth(index).fill(due);
      }
      await reviews.getByRole('button', { name: 'Log the review' }).click();
      for (const [outcome, text] of outcomes) {
        await eventually(() => textOf(reviews)).toContain(text);
        expect(await textOf(reviews)).toContain(outcome);
      }
      expect(await textOf(reviews)).not.toContain('no task yet');
      await screenshot(page, 'tab-card-review-outcomes');
      expect(demo.errors).toEqual([]);
    }, 600_000);
  },
);
