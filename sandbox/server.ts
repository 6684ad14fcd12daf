import { randomInt, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { accountInfoRoutes } from './api/account-info.ts';
import { associationRoutes } from './api/associations.ts';
import type { ApiContext } from './api/context.ts';
import { objectRoutes } from './api/objects.ts';
import { ownerRoutes } from './api/owners.ts';
import { userRoutes } from './api/users.ts';
import { propertyRoutes } from './api/properties.ts';
import { schemaRoutes } from './api/schemas.ts';
import { searchRoutes } from './api/search.ts';
import { authenticate, USER_SESSION_HEADER, userSessionOf } from './http/auth.ts';
import { CONTROL_PREFIX, controlRoutes } from './http/control-endpoints.ts';
import type { ControlTarget } from './http/control-endpoints.ts';
import { ApiError, missingScopes, rateLimitBody, validationError } from './http/errors.ts';
import { createFaultInjector } from './http/faults.ts';
import { createRateLimiter, HUBSPOT_RATE_LIMITS, rateLimitsSchema } from './http/rate-limit.ts';
import type { RateLimits } from './http/rate-limit.ts';
import { createRouter } from './http/router.ts';
import type { ApiResponse, RouteMatch } from './http/router.ts';
import { createStats } from './http/stats.ts';
import { sandboxSeedSchema } from './seed.ts';
import type { SandboxSeed, SandboxSeedInput } from './seed.ts';
import { portalFromSeed } from './store/seed-io.ts';
import { cachedPortal, fileStore, memoryStore } from './store/store.ts';

// The local stand-in for HubSpot's CRM API. Bound to 127.0.0.1 only.

export const DEFAULT_PORTAL_ID = 1234567;

/** A portal with nothing in it but HubSpot's built-in objects, properties and association types. */
export const emptyPortal = (portalId = DEFAULT_PORTAL_ID): SandboxSeedInput => ({
  portalId,
  owners: [],
  objects: {},
  associations: [],
});

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: '127.0.0.1';
  /** null or omitted: in memory (tests). A path: persisted there (snapshot + journal). */
  dataFile?: string | null;
  /** The portal on first start (and after a reset); a function is only called when needed. Empty when omitted. */
  seed?: SandboxSeedInput | (() => SandboxSeedInput);
  /** Epoch ms for record timestamps; `Date.now` when omitted. */
  clock?: () => number;
  /** Record ids counting up from 1 and predictable correlation ids. */
  deterministicIds?: boolean;
  /** HubSpot's Professional limits (190 per 10 s, search 5 per s) when omitted. */
  rateLimit?: RateLimits | false;
  /** Any non-empty bearer token is accepted when omitted. */
  requiredToken?: string;
  /**
   * A snapshot file standing for `seed`, for portals that take long to build: read into memory when it
   * exists (the seed is then never built), otherwise written from the seed on this start. The portal
   * lives in memory and the file is never written again. Not with `dataFile`.
   */
  seedCache?: string;
  /** The time rate-limit windows and injected latency run on; the real clock when omitted. */
  pace?: SandboxPace;
}

/**
 * HubSpot's time as the sandbox keeps it for limits and latency (not for record timestamps: `clock`).
 * A benchmark that plays an hour of HubSpot time faster than real time passes a scaled one.
 */
export interface SandboxPace {
  /** Milliseconds on a steadily increasing clock. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realPace: SandboxPace = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface RunningSandbox {
  baseUrl: string;
  readonly portalId: number;
  close(): Promise<void>;
}

const JSON_TYPE = 'application/json;charset=utf-8';

// Checks the options that are plain values; the seed is checked by its own schema when it is used.
const optionsSchema = z
  .object({
    port: z.number().int().min(0).max(65_535).default(0),
    host: z.literal('127.0.0.1').default('127.0.0.1'),
    dataFile: z.string().min(1).nullable().optional(),
    clock: z
      .custom<() => number>((v) => typeof v === 'function', 'clock must be a function returning epoch ms')
      .default(() => Date.now),
    deterministicIds: z.boolean().default(false),
    rateLimit: z.union([rateLimitsSchema, z.literal(false)]).default(HUBSPOT_RATE_LIMITS),
    requiredToken: z.string().min(1).optional(),
    seedCache: z.string().min(1).optional(),
    pace: z
      .custom<SandboxPace>(
        (v) =>
          typeof (v as SandboxPace | undefined)?.now === 'function' && typeof (v as SandboxPace).sleep === 'function',
        'pace must have now() and sleep(ms)',
      )
      .default(realPace),
  })
  .refine((o) => !(o.seedCache && o.dataFile), {
    message: 'a seed cache is for a portal in memory, not with a data file',
    path: ['seedCache'],
  });

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const checked = optionsSchema.safeParse(options);
  if (!checked.success)
    throw new Error(`startSandbox: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const {
    port,
    host,
    dataFile,
    clock,
    deterministicIds: deterministic,
    rateLimit,
    requiredToken,
    seedCache,
    pace,
  } = checked.data;
  // Random ids start high, as HubSpot's do, so nothing comes to depend on them.
  const firstRecordId = deterministic ? 1 : randomInt(10_000_000, 90_000_000);
  const initialSeed = (): SandboxSeed => {
    const seed = typeof options.seed === 'function' ? options.seed() : options.seed;
    return sandboxSeedSchema.parse(seed ?? emptyPortal());
  };
  const build = (seed: SandboxSeed) => portalFromSeed(seed, firstRecordId);
  const startingPortal = () =>
    seedCache ? cachedPortal(seedCache, () => build(initialSeed()), firstRecordId) : build(initialSeed());
  const store = dataFile
    ? fileStore(dataFile, { initial: () => build(initialSeed()), firstRecordId })
    : memoryStore(startingPortal());

  let correlationCounter = 0;
  const correlationId = () =>
    deterministic ? `00000000-0000-4000-8000-${String(++correlationCounter).padStart(12, '0')}` : randomUUID();
  const context: ApiContext = { store, now: clock, nextRecordId: () => String(store.portal.nextRecordId++) };
  const api = createRouter<ApiContext>([
    ...objectRoutes,
    ...searchRoutes,
    ...schemaRoutes,
    ...propertyRoutes,
    ...associationRoutes,
    ...ownerRoutes,
    ...userRoutes,
    ...accountInfoRoutes,
  ]);
  const faults = createFaultInjector();
  const stats = createStats();
  const limiter = createRateLimiter(rateLimit, pace.now);
  const control = createRouter<ControlTarget>(controlRoutes);
  const target: ControlTarget = {
    portalId: () => store.portal.portalId,
    reset: () => store.replace(dataFile ? build(initialSeed()) : startingPortal()),
    load: (seed) => store.replace(build(seed)),
    recordCount: () => [...store.portal.types.values()].reduce((n, t) => n + t.records.size, 0),
    faults,
    stats,
    setRateLimits: (limits) => limiter.set(limits),
    dailyUsage: () => limiter.daily(),
  };

  const send = (res: ServerResponse, response: ApiResponse, headers: Record<string, string> = {}) => {
    if (res.destroyed) return;
    const payload = response.body === undefined ? undefined : JSON.stringify(response.body);
    res.writeHead(response.status, {
      ...headers,
      ...(payload === undefined ? {} : { 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(payload) }),
    });
    res.end(payload);
  };

  const dispatch = <C>(
    match: RouteMatch<C> | 'method' | undefined,
    method: string,
    path: string,
    query: URLSearchParams,
    raw: string,
    routeContext: C,
  ): ApiResponse => {
    if (match === undefined) throw new ApiError(404, 'OBJECT_NOT_FOUND', `No endpoint at ${path}`);
    if (match === 'method') throw new ApiError(405, 'VALIDATION_ERROR', `${method} is not supported at ${path}`);
    return match.route.handle({ params: match.params, query, body: parseJson(raw) }, routeContext);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const method = req.method ?? 'GET';
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    const raw = await readBody(req);

    if (path.startsWith(CONTROL_PREFIX.slice(0, -1))) {
      if (!isLoopback(req.socket.remoteAddress))
        return send(res, {
          status: 403,
          body: { status: 'error', message: 'The sandbox control endpoints answer only on 127.0.0.1' },
        });
      try {
        return send(res, dispatch(control.match(method, path), method, path, url.searchParams, raw, target));
      } catch (error) {
        return send(res, failure(error, 'control'));
      }
    }

    stats.started();
    res.on('close', () => stats.finished());
    const id = correlationId();
    const headers: Record<string, string> = { 'X-HubSpot-Correlation-Id': id };
    const match = api.match(method, path);
    const userSession = userSessionOf(req.headers[USER_SESSION_HEADER]) !== null;
    stats.count(match && match !== 'method' ? match.name : `${method} (unknown)`, { userSession });

    // Applies the request (when the token and the rate limit allow it) and says what HubSpot would answer.
    const answer = (): ApiResponse => {
      if (userSession) {
        if (method !== 'GET')
          return { status: 405, body: { status: 'error', message: 'A user session only reads', correlationId: id } };
        return attempt(() => dispatch(match, method, path, url.searchParams, raw, context));
      }
      const denied = authenticate(req.headers.authorization, requiredToken);
      if (denied) return { status: denied.status, body: denied.body(id) };
      const decision = limiter.check(method === 'POST' && path.endsWith('/search'));
      Object.assign(headers, decision.headers);
      if (!decision.allowed) return { status: 429, body: rateLimitBody(decision.policyName, id) };
      return attempt(() => dispatch(match, method, path, url.searchParams, raw, context));
    };
    const attempt = (run: () => ApiResponse): ApiResponse => {
      try {
        return run();
      } catch (error) {
        return failure(error, id);
      }
    };

    const hits = faults.take(method, path);
    for (const fault of hits) {
      if (fault.kind === 'latency') await pace.sleep(fault.ms);
      else if (fault.kind === 'drop') return void req.socket.destroy();
      else if (fault.kind === 'rateLimit')
        return send(res, { status: 429, body: rateLimitBody(fault.policyName, id) }, headers);
      else if (fault.kind === 'forbidden') return send(res, failure(missingScopes(fault.scopes), id), headers);
      else if (fault.kind === 'serverError')
        return send(
          res,
          {
            status: fault.status,
            body: { status: 'error', message: 'internal error', correlationId: id, category: 'INTERNAL_ERROR' },
          },
          headers,
        );
    }
    const response = answer();
    for (const fault of hits) {
      if (fault.kind === 'slowAnswer') await pace.sleep(fault.ms);
      else if (fault.kind === 'lostAnswer')
        return fault.mode === 'drop' ? void req.socket.destroy() : sendBadGateway(res);
    }
    send(res, response, headers);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, failure(error, 'unhandled')));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: boundPort } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${boundPort}`,
    get portalId() {
      return store.portal.portalId;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          store.close();
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}

// What HubSpot's edge sends when it loses the answer of a request it passed on: an HTML page, not
// HubSpot's JSON error.
const BAD_GATEWAY_PAGE =
  '<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n</body>\n</html>\n';

function sendBadGateway(res: ServerResponse): void {
  if (res.destroyed) return;
  res.writeHead(502, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(BAD_GATEWAY_PAGE) });
  res.end(BAD_GATEWAY_PAGE);
}

function failure(error: unknown, correlationId: string): ApiResponse {
  if (error instanceof ApiError) return { status: error.status, body: error.body(correlationId) };
  // A bug in the sandbox: say so plainly rather than pretend HubSpot failed.
  return {
    status: 500,
    body: {
      status: 'error',
      message: `Sandbox error: ${error instanceof Error ? error.message : String(error)}`,
      correlationId,
      category: 'INTERNAL_ERROR',
    },
  };
}

function parseJson(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw validationError(`Invalid input JSON: ${error instanceof Error ? error.message : 'unreadable body'}`);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const isLoopback = (address: string | undefined) =>
  address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
