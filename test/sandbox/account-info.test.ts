import { describe, expect, it } from 'vitest';
import { createHubSpotClient } from '../../src/crm/client.ts';
import { readPortalDetails } from '../../src/crm/portal-details.ts';
import { utcOffsetMinutes } from '../../sandbox/api/account-info.ts';
import { startSandbox } from '../../sandbox/server.ts';
import { PORTAL_ID, portalSeed, useSandbox } from './helpers.ts';

// GET /account-info/v3/details, through the real client's own request method (it has no typed API for
// it) and through Keystone's reader of it.
describe('account details', () => {
  const harness = useSandbox(() => portalSeed({ currency: 'EUR', timeZone: 'America/New_York' }));

  it("answers the portal's id, time zone, company currency and the zone's offset now", async () => {
    const response = await harness.client.apiRequest({ method: 'GET', path: '/account-info/v3/details' });
    expect(response.status).toBe(200);
    // The helpers' clock stands in January: New York is on standard time.
    expect(await response.json()).toMatchObject({
      portalId: PORTAL_ID,
      timeZone: 'America/New_York',
      companyCurrency: 'EUR',
      additionalCurrencies: [],
      utcOffset: '-05:00',
      utcOffsetMilliseconds: -18_000_000,
      accountType: 'STANDARD',
    });
  });

  it("gives Keystone the portal's currency and time zone", async () => {
    expect(await readPortalDetails(harness.client)).toEqual({ currency: 'EUR', timeZone: 'America/New_York' });
  });

  it('refuses a request without a bearer token', async () => {
    const response = await fetch(`${harness.sandbox.baseUrl}/account-info/v3/details`);
    expect(response.status).toBe(401);
  });

  it('follows daylight saving: London in July is an hour ahead of UTC', async () => {
    const sandbox = await startSandbox({
      seed: portalSeed({ timeZone: 'Europe/London' }),
      dataFile: null,
      clock: () => Date.UTC(2026, 6, 1, 12),
      rateLimit: false,
    });
    try {
      const client = createHubSpotClient({ accessToken: 'test-token', baseUrl: sandbox.baseUrl, attempts: 1 });
      const details = await (await client.apiRequest({ method: 'GET', path: '/account-info/v3/details' })).json();
      expect(details).toMatchObject({
        timeZone: 'Europe/London',
        companyCurrency: 'GBP',
        utcOffset: '+01:00',
        utcOffsetMilliseconds: 3_600_000,
      });
    } finally {
      await sandbox.close();
    }
  });
});

describe("a time zone's UTC offset", () => {
  it('reads half hours and zones west of UTC', () => {
    expect(utcOffsetMinutes('Asia/Kolkata', Date.UTC(2026, 0, 1))).toBe(330);
    expect(utcOffsetMinutes('America/Los_Angeles', Date.UTC(2026, 0, 1))).toBe(-480);
    expect(utcOffsetMinutes('UTC', Date.UTC(2026, 0, 1))).toBe(0);
  });

  it('names a time zone that is not an IANA zone', () => {
    expect(() => utcOffsetMinutes('Mars/Olympus', 0)).toThrow(
      'The portal\'s time zone "Mars/Olympus" is not an IANA time zone',
    );
  });
});
