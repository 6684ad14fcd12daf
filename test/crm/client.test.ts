import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubspotCall } from '../../src/crm/batch.ts';
import {
  connectionFromEnvironment,
  createHubSpotClient,
  HUBSPOT_API_DEFAULT_BASE_URL,
  lastSeenBurstWindow,
  REQUEST_SILENCE_LIMIT_MS,
} from '../../src/crm/client.ts';
import { asOneInvocation, invocationPace } from '../../src/crm/retry.ts';
import { startSandboxPortal, TEST_TOKEN, type SandboxPortal } from './sandbox-portal.ts';

describe('connectionFromEnvironment', () => {
  it('targets the real HubSpot when HUBSPOT_API_BASE_URL is unset', () => {
    expect(connectionFromEnvironment({ PRIVATE_APP_ACCESS_TOKEN: 'pat-1' })).toEqual({
      accessToken: 'pat-1',
      baseUrl: HUBSPOT_API_DEFAULT_BASE_URL,
      attempts: 3,
      silenceLimitMs: REQUEST_SILENCE_LIMIT_MS,
    });
  });

  it('targets the sandbox named by HUBSPOT_API_BASE_URL, without a trailing slash', () => {
    const connection = connectionFromEnvironment({
      HUBSPOT_ACCESS_TOKEN: 'local',
      HUBSPOT_API_BASE_URL: 'http://127.0.0.1:3900/',
    });
    expect(connection.baseUrl).toBe('http://127.0.0.1:3900');
  });

  it("prefers HubSpot's PRIVATE_APP_ACCESS_TOKEN over HUBSPOT_ACCESS_TOKEN", () => {
    expect(
      connectionFromEnvironment({ PRIVATE_APP_ACCESS_TOKEN: 'app', HUBSPOT_ACCESS_TOKEN: 'cli' }).accessToken,
    ).toBe('app');
  });

  it('says what is missing when there is no token', () => {
    expect(() => connectionFromEnvironment({})).toThrow('A HubSpot access token is required');
  });

  it('rejects a base URL that is not http(s)', () => {
    expect(() =>
      connectionFromEnvironment({ HUBSPOT_ACCESS_TOKEN: 't', HUBSPOT_API_BASE_URL: 'ftp://example.test' }),
    ).toThrow('HUBSPOT_API_BASE_URL must be an http(s) URL');
  });
});

describe('createHubSpotClient', () => {
  it('rejects more attempts than the client supports', () => {
    expect(() => createHubSpotClient({ accessToken: 't', attempts: 7 })).toThrow();
  });
});

describe('a request HubSpot does not answer', () => {
  let portal: SandboxPortal;
  beforeAll(async () => {
    portal = await startSandboxPortal({
      companies: [{ id: '1', properties: { name: 'Acme' }, createdAt: '2026-01-05T09:00:00.000Z' }],
    });
  });
  afterAll(() => portal.close());
  const clientGivingUpAfter = (silenceLimitMs: number) =>
    createHubSpotClient({ accessToken: TEST_TOKEN, baseUrl: portal.sandbox.baseUrl, attempts: 1, silenceLimitMs });
  const listCompanies = (client: ReturnType<typeof createHubSpotClient>) =>
    hubspotCall(() => client.crm.companies.basicApi.getPage());

  it('is given up after the silence limit and fails as HubSpot not responding; the next request goes through', async () => {
    const client = clientGivingUpAfter(500);
    await portal.control.injectFault({ kind: 'latency', ms: 3_000, times: 1 });
    const started = performance.now();
    await expect(listCompanies(client)).rejects.toMatchObject({
      code: 'KAM.HUBSPOT_UNAVAILABLE',
      message: 'HubSpot did not respond. Wait a moment and try again.',
    });
    // Given up long before HubSpot (the sandbox) would have answered.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect((await listCompanies(client)).results).toHaveLength(1);
  });

  it('is given up on a connection that served a request before as on a new one', async () => {
    const client = clientGivingUpAfter(500);
    expect((await listCompanies(client)).results).toHaveLength(1);
    await portal.control.injectFault({ kind: 'latency', ms: 3_000, times: 1 });
    const started = performance.now();
    await expect(listCompanies(client)).rejects.toMatchObject({ code: 'KAM.HUBSPOT_UNAVAILABLE' });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('is waited for while within the limit, and a connection left idle past the limit does not fail the next request', async () => {
    const client = clientGivingUpAfter(1_000);
    await portal.control.injectFault({ kind: 'latency', ms: 100, times: 1 });
    expect((await listCompanies(client)).results).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect((await listCompanies(client)).results).toHaveLength(1);
  });

  it('is read again when its connection broke, while a write is not sent twice', async () => {
    const client = createHubSpotClient({ accessToken: TEST_TOKEN, baseUrl: portal.sandbox.baseUrl, attempts: 3 });
    await portal.control.injectFault({ kind: 'drop', method: 'GET', times: 1 });
    expect((await listCompanies(client)).results).toHaveLength(1);

    await portal.control.injectFault({ kind: 'lostAnswer', mode: 'drop', method: 'PATCH', times: 1 });
    await portal.control.resetStats();
    await expect(
      hubspotCall(() => client.crm.companies.basicApi.update('1', { properties: { name: 'Acme Ltd' } })),
    ).rejects.toMatchObject({ code: 'KAM.HUBSPOT_UNAVAILABLE' });
    expect((await portal.control.stats()).byRoute['PATCH /crm/v3/objects/companies/:id']).toBe(1);
  });
});

describe("HubSpot's burst window as its latest answer told it", () => {
  let portal: SandboxPortal;
  beforeAll(async () => {
    portal = await startSandboxPortal({
      companies: [{ id: '1', properties: { name: 'Acme' }, createdAt: '2026-01-05T09:00:00.000Z' }],
    });
  });
  afterAll(() => portal.close());

  it('is what any method of the client last heard, the calls of others in the window included', async () => {
    await portal.control.setRateLimit({ burstPer10s: 190, searchPerSecond: 5 });
    const client = createHubSpotClient({ accessToken: TEST_TOKEN, baseUrl: portal.sandbox.baseUrl, attempts: 1 });
    const before = lastSeenBurstWindow()?.answer ?? 0;
    // The last of three reads, by a method that gives the caller no headers.
    await hubspotCall(() => client.crm.companies.basicApi.getPage());
    await hubspotCall(() => client.crm.companies.basicApi.getPage());
    await hubspotCall(() =>
      client.crm.companies.batchApi.read({ inputs: [{ id: '1' }], properties: [], propertiesWithHistory: [] }),
    );
    expect(lastSeenBurstWindow()).toEqual({
      window: { remaining: 187, max: 190, intervalMs: 10_000 },
      answer: before + 3,
    });
  });

  it('is told to the invocation that sent the request, and to no other, so each holds back on what it heard', async () => {
    // A window of 40: a Status-sized invocation leaves others 4 + 1, and may send while 34 are used.
    await portal.control.setRateLimit({ burstPer10s: 40, searchPerSecond: 5 });
    const client = createHubSpotClient({ accessToken: TEST_TOKEN, baseUrl: portal.sandbox.baseUrl, attempts: 3 });
    const read = () => hubspotCall(() => client.crm.companies.basicApi.getById('1'));
    // Other people's cards: 36 of the 40.
    for (let i = 0; i < 36; i++) await read();
    const heard = await asOneInvocation(async () => {
      await read();
      return invocationPace()!.take(performance.now());
    });
    const unheard = await asOneInvocation(async () => invocationPace()!.take(performance.now()));
    expect(heard).toBeGreaterThan(0);
    expect(unheard).toBe(0);
  });
});
