import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHubSpotClient } from '../../src/crm/client.ts';
import { sandboxControl } from '../../sandbox/control.ts';
import { startSandbox } from '../../sandbox/server.ts';
import { failure, portalSeed, seedRecord, useSandbox } from './helpers.ts';

const h = useSandbox(() => portalSeed({ objects: { companies: [seedRecord({ name: 'Acme' }, { id: '1' })] } }));

// The client's retry settings are process-global: each test builds the client it needs, last.
const clientWith = (attempts: number) =>
  createHubSpotClient({ accessToken: 'test-token', baseUrl: h.sandbox.baseUrl, attempts });
const raw = (path: string, init: RequestInit = {}, baseUrl = h.sandbox.baseUrl) => fetch(`${baseUrl}${path}`, init);
const bearer = { authorization: 'Bearer test-token' };

afterEach(async () => {
  vi.restoreAllMocks();
  await h.control.setRateLimit(false);
});

describe('authentication and error shape', () => {
  it('answers 401 INVALID_AUTHENTICATION without a bearer token, with a correlation id', async () => {
    const response = await raw('/crm/v3/objects/companies');
    const body = (await response.json()) as { correlationId: string };
    expect(response.status).toBe(401);
    expect(body).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
    expect(response.headers.get('x-hubspot-correlation-id')).toBe(body.correlationId);
  });

  it('answers 401 to the client when the sandbox requires another token', async () => {
    const strict = await startSandbox({ requiredToken: 'the-right-one', rateLimit: false });
    try {
      const client = createHubSpotClient({ accessToken: 'a-wrong-one', baseUrl: strict.baseUrl, attempts: 1 });
      expect((await failure(client.crm.companies.basicApi.getPage())).code).toBe(401);
    } finally {
      await strict.close();
    }
  });

  it('answers an unknown endpoint with a JSON 404 and an unreadable body with 400', async () => {
    expect((await raw('/crm/v3/nothing/here', { headers: bearer })).status).toBe(404);
    const response = await raw('/crm/v3/objects/companies', {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json' },
      body: '{"properties":',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ category: 'VALIDATION_ERROR' });
  });
});

describe("a signed-in user's own session", () => {
  const session = { 'x-sandbox-user-session': '7' };

  it('reads records with no app token, counted apart from the app and never charged to its window', async () => {
    await h.control.setRateLimit({ burstPer10s: 2, searchPerSecond: 5 });
    await h.control.resetStats();
    for (let i = 0; i < 5; i++) {
      const response = await raw('/crm/v3/objects/companies/1?properties=name', { headers: session });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ id: '1', properties: { name: 'Acme' } });
    }
    // The app still has its whole window: two calls go through.
    for (let i = 0; i < 2; i++) expect((await raw('/crm/v3/objects/companies', { headers: bearer })).status).toBe(200);
    const stats = await h.control.stats();
    expect(stats.userSession).toEqual({ total: 5, byRoute: { 'GET /crm/v3/objects/companies/:id': 5 } });
    expect(stats.total).toBe(2);
    expect((await h.control.dailyUsage()).used).toBe(2);
  });

  it('only reads', async () => {
    const response = await raw('/crm/v3/objects/companies/1', {
      method: 'PATCH',
      headers: { ...session, 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { name: 'Changed' } }),
    });
    expect(response.status).toBe(405);
  });
});

describe('rate limits', () => {
  it('sends HubSpot’s rate-limit headers', async () => {
    await h.control.setRateLimit({ burstPer10s: 50, searchPerSecond: 5 });
    const response = await raw('/crm/v3/objects/companies', { headers: bearer });
    expect(response.headers.get('x-hubspot-ratelimit-max')).toBe('50');
    expect(response.headers.get('x-hubspot-ratelimit-remaining')).toBe('49');
    expect(response.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
  });

  it('answers the call over the burst limit with HubSpot’s TEN_SECONDLY_ROLLING 429', async () => {
    await h.control.setRateLimit({ burstPer10s: 3, searchPerSecond: 5 });
    const client = clientWith(1);
    for (let i = 0; i < 3; i++) await client.crm.companies.basicApi.getPage();
    const error = await failure(client.crm.companies.basicApi.getPage());
    expect(error.code).toBe(429);
    expect(error.body).toMatchObject({ status: 'error', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' });
  });

  it('limits search per second with HubSpot’s "secondly" 429', async () => {
    await h.control.setRateLimit({ burstPer10s: 100, searchPerSecond: 1 });
    const client = clientWith(1);
    await client.crm.companies.searchApi.doSearch({
      filterGroups: [],
      sorts: [],
      properties: ['name'],
      limit: 10,
      after: '0',
    });
    const error = await failure(
      client.crm.companies.searchApi.doSearch({
        filterGroups: [],
        sorts: [],
        properties: ['name'],
        limit: 10,
        after: '0',
      }),
    );
    expect(error.code).toBe(429);
    expect(error.body).toMatchObject({ errorType: 'RATE_LIMIT', message: 'You have reached your secondly limit.' });
  });

  it('does not count searches toward the burst limit', async () => {
    await h.control.setRateLimit({ burstPer10s: 1, searchPerSecond: 10 });
    const client = clientWith(1);
    for (let i = 0; i < 3; i++)
      await client.crm.companies.searchApi.doSearch({
        filterGroups: [],
        sorts: [],
        properties: [],
        limit: 1,
        after: '0',
      });
    // Three searches left the one request of the window free: the first read gets it, the second is refused.
    expect((await client.crm.companies.basicApi.getPage()).results).toHaveLength(1);
    const refused = await failure(client.crm.companies.basicApi.getPage());
    expect(refused.code).toBe(429);
    expect(refused.body).toMatchObject({ errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' });
  });
});

describe('fault injection', () => {
  it('injects HubSpot-shaped 429s for the next N matching requests', async () => {
    await h.control.injectFault({
      kind: 'rateLimit',
      policyName: 'TEN_SECONDLY_ROLLING',
      path: '/crm/v3/objects/companies',
      times: 1,
    });
    const client = clientWith(1);
    const error = await failure(client.crm.companies.basicApi.getPage());
    expect(error.body).toMatchObject({ policyName: 'TEN_SECONDLY_ROLLING', errorType: 'RATE_LIMIT' });
    expect((await client.crm.companies.basicApi.getPage()).results).toHaveLength(1);
  });

  it('lets the client retry through an injected "secondly" 429 a second later', async () => {
    await h.control.injectFault({
      kind: 'rateLimit',
      policyName: 'SECONDLY',
      path: '/crm/v3/objects/companies/search',
      times: 1,
    });
    await h.control.resetStats();
    const client = clientWith(2);
    const result = await client.crm.companies.searchApi.doSearch({
      filterGroups: [],
      sorts: [],
      properties: ['name'],
      limit: 10,
      after: '0',
    });
    expect(result.total).toBe(1);
    expect((await h.control.stats()).byRoute['POST /crm/v3/objects/companies/search']).toBe(2);
  });

  it("lets the client retry through a 429 from the 10-second window after a second, where HubSpot's own retry would wait ten", async () => {
    await h.control.injectFault({
      kind: 'rateLimit',
      policyName: 'TEN_SECONDLY_ROLLING',
      path: '/crm/v3/objects/companies',
      times: 1,
    });
    const client = clientWith(2);
    const started = performance.now();
    expect((await client.crm.companies.basicApi.getPage()).results).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('lets the client retry through injected 5xx answers', async () => {
    await h.control.injectFault({
      kind: 'serverError',
      status: 503,
      method: 'GET',
      path: '/crm/v3/objects/companies/*',
      times: 2,
    });
    await h.control.resetStats();
    const client = clientWith(3);
    expect((await client.crm.companies.basicApi.getById('1')).properties.name).toBe('Acme');
    expect((await h.control.stats()).byRoute['GET /crm/v3/objects/companies/:id']).toBe(3);
  });

  it("answers HubSpot's 403 MISSING_SCOPES for a scope the token lacks, writing nothing, and the client does not retry it", async () => {
    // The body HubSpot sends a token without the scope a call needs, as quoted in HubSpot/hubspot-api-nodejs#268.
    await h.control.injectFault({
      kind: 'forbidden',
      scopes: ['crm.objects.companies.write'],
      method: 'PATCH',
      path: '/crm/v3/objects/companies/*',
    });
    await h.control.resetStats();
    const client = clientWith(3);
    const error = await failure(client.crm.companies.basicApi.update('1', { properties: { name: 'Not allowed Ltd' } }));
    expect(error.code).toBe(403);
    expect(error.body).toEqual({
      status: 'error',
      message:
        "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
      correlationId: error.headers['x-hubspot-correlation-id'],
      category: 'MISSING_SCOPES',
      context: { requiredGranularScopes: ['crm.objects.companies.write'] },
      errors: [
        {
          message: 'One or more of the following scopes are required.',
          context: { requiredGranularScopes: ['crm.objects.companies.write'] },
        },
      ],
      links: { scopes: 'https://developers.hubspot.com/scopes' },
    });
    expect((await h.control.stats()).byRoute['PATCH /crm/v3/objects/companies/:id']).toBe(1);
    expect((await client.crm.companies.basicApi.getById('1', ['name'])).properties.name).toBe('Acme');
  });

  it('touches only requests that match the pattern and method', async () => {
    await h.control.injectFault({ kind: 'serverError', method: 'POST', path: '/crm/v3/objects/*/search' });
    const client = clientWith(1);
    await client.crm.companies.basicApi.getPage();
    expect(
      (
        await failure(
          client.crm.companies.searchApi.doSearch({
            filterGroups: [],
            sorts: [],
            properties: [],
            limit: 1,
            after: '0',
          }),
        )
      ).code,
    ).toBe(500);
    expect(await h.control.faults()).toEqual([expect.objectContaining({ kind: 'serverError', remaining: null })]);
  });

  it('adds latency', async () => {
    await h.control.injectFault({ kind: 'latency', ms: 250, times: 1 });
    const client = clientWith(1);
    const started = performance.now();
    await client.crm.companies.basicApi.getPage();
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('drops the connection, which the client reports as a network error, not an HTTP status', async () => {
    await h.control.injectFault({ kind: 'drop', times: 1 });
    const client = clientWith(1);
    const error = await failure(client.crm.companies.basicApi.getPage());
    expect(error.code).toBe('ECONNRESET');
    expect((await client.crm.companies.basicApi.getPage()).results).toHaveLength(1);
  });

  it('applies a write whose answer it then loses to a dropped connection', async () => {
    await h.control.injectFault({
      kind: 'lostAnswer',
      mode: 'drop',
      method: 'PATCH',
      path: '/crm/v3/objects/companies/*',
      times: 1,
    });
    const client = clientWith(1);
    const error = await failure(client.crm.companies.basicApi.update('1', { properties: { name: 'Acme Holdings' } }));
    expect(error.code).toBe('ECONNRESET');
    expect((await client.crm.companies.basicApi.getById('1', ['name'])).properties.name).toBe('Acme Holdings');
  });

  it("applies a write whose answer it then loses to the edge's 502, which Keystone's client does not send again", async () => {
    await h.control.injectFault({
      kind: 'lostAnswer',
      mode: 'badGateway',
      method: 'POST',
      path: '/crm/v3/objects/companies',
      times: 1,
    });
    const once = await clientWith(1)
      .crm.companies.basicApi.create({ properties: { name: 'Lost answer Ltd' }, associations: [] })
      .catch((error: unknown) => error);
    // An HTML page, not JSON: the client reports the status with the page as the body.
    expect(once).toMatchObject({ code: 502, body: expect.stringContaining('502 Bad Gateway') });
    await h.control.injectFault({
      kind: 'lostAnswer',
      mode: 'badGateway',
      method: 'POST',
      path: '/crm/v3/objects/companies',
      times: 1,
    });
    // With retries allowed, a create is still not sent again after a 502: a second send would be a second record.
    const client = clientWith(2);
    await expect(
      client.crm.companies.basicApi.create({ properties: { name: 'Not resent Ltd' }, associations: [] }),
    ).rejects.toMatchObject({ code: 502 });
    const names = (await client.crm.companies.basicApi.getPage(100, undefined, ['name'])).results.map(
      (c) => c.properties.name,
    );
    expect(names).toEqual(['Acme', 'Lost answer Ltd', 'Not resent Ltd']);
  });

  it('applies a write before a slow answer is sent', async () => {
    await h.control.injectFault({ kind: 'slowAnswer', ms: 30_000, method: 'PATCH', times: 1 });
    const gaveUp = new AbortController();
    const pending = raw('/crm/v3/objects/companies/1', {
      method: 'PATCH',
      signal: gaveUp.signal,
      headers: { ...bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { name: 'Slow Ltd' } }),
    });
    const client = clientWith(1);
    let name: string | null | undefined;
    for (let read = 0; read < 50 && name !== 'Slow Ltd'; read++)
      name = (await client.crm.companies.basicApi.getById('1', ['name'])).properties.name;
    expect(name).toBe('Slow Ltd');
    gaveUp.abort();
    await expect(pending).rejects.toThrow(/abort/i);
  });

  it('answers a slow answer no sooner than asked', async () => {
    await h.control.injectFault({ kind: 'slowAnswer', ms: 200, times: 1 });
    const started = performance.now();
    await clientWith(1).crm.companies.basicApi.getPage();
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('hits a seeded share of the requests and says how many', async () => {
    const failedOf = async () => {
      await h.control.clearFaults();
      await h.control.injectFault({ kind: 'serverError', rate: 0.5, seed: 11 });
      const statuses = [];
      for (let i = 0; i < 20; i++) statuses.push((await raw('/crm/v3/objects/companies', { headers: bearer })).status);
      return statuses;
    };
    const first = await failedOf();
    const fired = first.filter((s) => s === 500).length;
    expect(fired).toBeGreaterThan(0);
    expect(fired).toBeLessThan(20);
    expect(await h.control.faults()).toEqual([expect.objectContaining({ kind: 'serverError', rate: 0.5, fired })]);
    expect(await failedOf()).toEqual(first);
  });

  it('refuses a fault it does not understand', async () => {
    await expect(h.control.injectFault({ kind: 'earthquake' } as never)).rejects.toThrow('400');
  });
});

describe('starting', () => {
  it('refuses options it cannot honour, naming them', async () => {
    await expect(startSandbox({ port: -1 })).rejects.toThrow('startSandbox: port');
    await expect(startSandbox({ rateLimit: { burstPer10s: 0, searchPerSecond: 5 } })).rejects.toThrow('rateLimit');
    await expect(startSandbox({ seed: { portalId: -5 } as never })).rejects.toThrow('portalId');
    await expect(startSandbox({ seedCache: '/tmp/a.json', dataFile: '/tmp/b.json' })).rejects.toThrow('seedCache');
  });

  it('builds the seed once into its cache and starts from the cache after, never writing it again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-seed-cache-'));
    const cache = join(dir, 'portal.json');
    const seed = vi.fn(() => portalSeed({ objects: { companies: [seedRecord({ name: 'Cached' }, { id: '1' })] } }));
    try {
      const first = await startSandbox({ seed, seedCache: cache, rateLimit: false, deterministicIds: true });
      const written = readFileSync(cache, 'utf8');
      await createHubSpotClient({
        accessToken: 'test-token',
        baseUrl: first.baseUrl,
        attempts: 1,
      }).crm.companies.basicApi.create({ properties: { name: 'Not cached' }, associations: [] });
      await first.close();
      const second = await startSandbox({ seed, seedCache: cache, rateLimit: false, deterministicIds: true });
      const names = (
        await createHubSpotClient({
          accessToken: 'test-token',
          baseUrl: second.baseUrl,
          attempts: 1,
        }).crm.companies.basicApi.getPage()
      ).results.map((c) => c.properties.name);
      await second.close();
      expect(names).toEqual(['Cached']);
      expect(seed).toHaveBeenCalledTimes(1);
      expect(readFileSync(cache, 'utf8')).toBe(written);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps rate-limit windows and injected latency on the pace it is given', async () => {
    let now = 0;
    const slept: number[] = [];
    const paced = await startSandbox({
      rateLimit: { burstPer10s: 1, searchPerSecond: 5 },
      pace: { now: () => now, sleep: async (ms) => void slept.push(ms) },
    });
    try {
      const control = sandboxControl(paced.baseUrl);
      await control.injectFault({ kind: 'latency', ms: 60_000, times: 1 });
      const get = () => raw('/crm/v3/objects/companies', { headers: bearer }, paced.baseUrl);
      expect((await get()).status).toBe(200);
      expect(slept).toEqual([60_000]);
      expect((await get()).status).toBe(429);
      now += 10_000;
      expect((await get()).status).toBe(200);
      expect(await control.dailyUsage()).toEqual({ used: 2, limit: 625_000 });
    } finally {
      await paced.close();
    }
  });
});

describe('statistics and control', () => {
  it('counts requests per route and the peak concurrency, and resets', async () => {
    await h.control.resetStats();
    await h.control.injectFault({ kind: 'latency', ms: 100, times: 3 });
    const client = clientWith(1);
    await Promise.all([
      client.crm.companies.basicApi.getPage(),
      client.crm.companies.basicApi.getPage(),
      client.crm.contacts.basicApi.getPage(),
    ]);
    const stats = await h.control.stats();
    expect(stats.total).toBe(3);
    expect(stats.byRoute).toEqual({ 'GET /crm/v3/objects/companies': 2, 'GET /crm/v3/objects/contacts': 1 });
    expect(stats.peakConcurrency).toBeGreaterThanOrEqual(2);
    await h.control.resetStats();
    expect((await h.control.stats()).total).toBe(0);
  });

  it('resets to the starting seed and loads another portal', async () => {
    const client = clientWith(1);
    await client.crm.companies.basicApi.create({ properties: { name: 'Extra' }, associations: [] });
    expect((await h.control.reset()).records).toBe(1);
    const loaded = await h.control.loadSeed(
      portalSeed({ portalId: 777, objects: { deals: [seedRecord({ dealname: 'Only deal' }, { id: '5' })] } }),
    );
    expect(loaded).toEqual({ portalId: 777, records: 1 });
    expect(h.sandbox.portalId).toBe(777);
    expect((await client.crm.deals.basicApi.getById('5')).properties.dealname).toBe('Only deal');
  });

  it('refuses a seed that references a record it does not hold, naming the path', async () => {
    const broken = portalSeed({
      associations: [{ fromType: 'contacts', fromId: '1', toType: 'companies', toId: '2' }],
    });
    await expect(h.control.loadSeed(broken)).rejects.toThrow('associations[0].fromId');
  });
});
