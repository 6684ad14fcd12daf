import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

// Debian's chromium, driven by playwright-core (no browser download). CI installs it (see .ci/run).
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SKIP_REASON = `skipped: ${CHROMIUM} is not installed (apt-get install chromium)`;

export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../screenshots');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

// A page that fails the test on any error the preview or a card logs, instead of printing it.
export async function openPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { page, errors };
}

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean; path?: string } = {}) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({
    path: options.path ?? path.join(SCREENSHOTS, `${name}.png`),
    fullPage: options.fullPage ?? true,
  });
}

// The browser works at its own pace (and this machine is shared): wait for the page to get there.
export const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });
