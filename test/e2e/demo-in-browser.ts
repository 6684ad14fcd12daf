import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startKeystonePreview, type KeystonePreview } from '../../preview/server/keystone-preview.ts';
import { generateDemoPortal } from '../../sandbox/demo/generate.ts';
import { testClock } from '../clock.ts';
import { launchChromium, openPage } from './browser.ts';

// `npm start`'s preview on a small demo portal (120 companies) persisted in a data file of its own,
// with chromium open on a page that collects the errors the preview or a card logs.

/** The demo the browser tests open: seed 7, 120 companies, on the test clock's day. */
export const DEMO_IN_BROWSER = { seed: 7, companies: 120 } as const;

export interface DemoInBrowser {
  /** The running preview; `restart` replaces it. */
  preview: KeystonePreview;
  browser: Browser;
  page: Page;
  errors: string[];
  /** Stops the preview and starts it again on the same data file, as a second `npm start` would. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function openDemoInBrowser(folderPrefix: string): Promise<DemoInBrowser> {
  const directory = await mkdtemp(path.join(tmpdir(), folderPrefix));
  // The demo is built for the test clock's day and the preview runs on that clock, as npm start
  // runs today's demo on today.
  const start = () =>
    startKeystonePreview({
      dataFile: path.join(directory, 'portal.json'),
      seed: () => generateDemoPortal({ ...DEMO_IN_BROWSER, now: testClock.now() }),
      clock: testClock.now,
    });
  const preview = await start();
  const browser = await launchChromium();
  const { page, errors } = await openPage(browser);
  const demo: DemoInBrowser = {
    preview,
    browser,
    page,
    errors,
    async restart() {
      await demo.preview.close();
      demo.preview = await start();
    },
    async close() {
      await browser.close();
      await demo.preview.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
  return demo;
}
