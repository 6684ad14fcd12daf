import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePreview } from '../../preview/build/bundle.ts';
import { appFunctions } from '../../preview/build/project.ts';
import { createFunctionRunner } from '../../preview/server/app-functions.ts';
import type { CompanyRow, PreviewUser } from '../../preview/server/portal.ts';
import { startPreviewServer, type RunningPreview } from '../../preview/server/server.ts';
import { eventually, hasChromium, launchChromium, openPage, SKIP_REASON } from './browser.ts';

// The preview shell and component library in a real browser, around a small fixture project (one
// card, one function), so these tests do not depend on Keystone's own cards.

const FIXTURE = path.resolve(import.meta.dirname, '../preview/fixtures/project');
const aUser = (overrides: Partial<PreviewUser>): PreviewUser => ({
  userId: 1,
  ownerId: '11',
  firstName: 'Margaret',
  lastName: 'Hartwell',
  name: 'Margaret Hartwell',
  email: 'm@example.com',
  teams: [],
  role: 'admin',
  ...overrides,
});
const USERS = [
  aUser({}),
  aUser({ userId: 2, ownerId: '12', firstName: 'Gareth', lastName: 'Pryce', name: 'Gareth Pryce', role: 'sales rep' }),
];
const aCompany = (overrides: Partial<CompanyRow>): CompanyRow => ({
  id: '42',
  name: 'Acme Ltd',
  domain: 'acme.example',
  status: 'key',
  score: 81,
  suggestedStatus: 'key',
  ...overrides,
});
const COMPANIES = [
  aCompany({}),
  aCompany({ id: '43', name: 'Bolt plc', status: null, score: 12, suggestedStatus: 'none' }),
];

describe.skipIf(!hasChromium)(
  `the preview shell in Chromium${hasChromium ? '' : ` (${SKIP_REASON})`}`,
  { timeout: 60_000 },
  () => {
    let browser: Browser;
    let server: RunningPreview;
    let page: Page;
    let errors: string[];

    beforeAll(async () => {
      const records: Record<string, Record<string, string | null>> = {
        '42': { name: 'Acme Ltd', domain: 'acme.example' },
      };
      const readRecord = async (_type: string, id: string, properties: string[]) =>
        Object.fromEntries(properties.map((name) => [name, records[id]?.[name] ?? null]));
      server = await startPreviewServer({
        bundle: await bundlePreview(FIXTURE),
        portal: {
          companies: async (query) =>
            COMPANIES.filter((company) => company.name.toLowerCase().includes(query.toLowerCase())),
          sessionRecord: ({ objectType, id, properties }) => readRecord(objectType, id, properties),
          users: async () => USERS,
          portal: async () => ({ portalId: 99, timeZone: 'Europe/London', currency: 'GBP' }),
        },
        runFunction: createFunctionRunner(await appFunctions(FIXTURE), readRecord),
      });
      browser = await launchChromium();
      ({ page, errors } = await openPage(browser));
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('lists the companies and searches them', async () => {
      await page.goto(`${server.url}/#/companies`);
      const companies = page.getByRole('table', { name: 'Companies' }).locator('tbody tr td:first-child');
      await eventually(() => companies.allInnerTexts()).toEqual(['Acme Ltd', 'Bolt plc']);
      await page.getByRole('searchbox', { name: 'Search companies' }).fill('bolt');
      await eventually(() => companies.allInnerTexts()).toEqual(['Bolt plc']);
    });

    it("opens a company with the project's card, given the record and the user", async () => {
      await page.getByRole('searchbox', { name: 'Search companies' }).fill('');
      await page.getByRole('link', { name: 'Acme Ltd' }).click();
      const card = page.getByRole('region', { name: 'Greeting' });
      await eventually(() => card.getByText('Company 42, viewed by Margaret').count()).toBe(1);
      // The record's name comes in its own request, which may answer after the card's.
      await eventually(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Acme Ltd');
    });

    it("runs the card's serverless call through the real function module, with the record's properties", async () => {
      await page.getByRole('button', { name: 'Greet' }).click();
      await eventually(() => page.getByText('Hello Margaret from Acme Ltd').count()).toBe(1);
    });

    it('shows a component the preview does not implement, visibly, as unknown', async () => {
      expect(await page.locator('[data-unknown-component="Illustration"]').innerText()).toBe(
        'unknown component Illustration',
      );
    });

    it('re-renders the card for the user chosen in "viewing as", and remembers the choice across a reload', async () => {
      await page.getByLabel('Viewing as').selectOption({ label: 'Gareth Pryce (sales rep)' });
      await eventually(() => page.getByText('Company 42, viewed by Gareth').count()).toBe(1);
      await page.reload();
      await eventually(() => page.getByText('Company 42, viewed by Gareth').count()).toBe(1);
    });

    it('logged no errors in the browser', () => {
      expect(errors).toEqual([]);
    });
  },
);
