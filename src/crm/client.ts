import { Client } from '@hubspot/api-client';
import { subscribe } from 'node:diagnostics_channel';
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { z } from 'zod';
import { burstWindowFrom, type BurstWindow, type InvocationPace } from './rate-limit.ts';
import { invocationPace, RetryWithinInvocation } from './retry.ts';

// The one place a HubSpot client is built. The client's retry and limiter settings are
// process-global (the last Client constructed wins), so every caller goes through here.

export const HUBSPOT_API_DEFAULT_BASE_URL = 'https://api.hubapi.com';

/**
 * How long HubSpot may stay silent on a request before Keystone gives up on it. HubSpot's client sets
 * no limit of its own, so a request HubSpot never answers would hold an app function until the
 * platform stops it with an error nobody can act on; given up, it fails as KAM.HUBSPOT_UNAVAILABLE
 * ("HubSpot did not respond"), which recalculation retries in a later slice and the cards offer to retry.
 */
export const REQUEST_SILENCE_LIMIT_MS = 5_000;

const connectionSchema = z.object({
  accessToken: z.string().min(1, 'A HubSpot access token is required'),
  baseUrl: z
    .url({ protocol: /^https?$/, message: 'HUBSPOT_API_BASE_URL must be an http(s) URL' })
    .transform((url) => url.replace(/\/+$/, ''))
    .default(HUBSPOT_API_DEFAULT_BASE_URL),
  /** Total attempts per call for 5xx answers and rate limits (src/crm/retry.ts). */
  attempts: z.number().int().min(1).max(6).default(3),
  /** REQUEST_SILENCE_LIMIT_MS unless given (setup from the command line allows HubSpot longer). */
  silenceLimitMs: z.number().int().min(50).max(120_000).default(REQUEST_SILENCE_LIMIT_MS),
});
type CrmConnection = z.output<typeof connectionSchema>;
type CrmConnectionInput = z.input<typeof connectionSchema>;

/**
 * Reads the connection from an environment: `PRIVATE_APP_ACCESS_TOKEN` (what HubSpot gives app
 * functions) or `HUBSPOT_ACCESS_TOKEN`, and `HUBSPOT_API_BASE_URL` (the sandbox; real HubSpot when unset).
 */
export function connectionFromEnvironment(env: Record<string, string | undefined>): CrmConnection {
  const parsed = connectionSchema.safeParse({
    accessToken: env.PRIVATE_APP_ACCESS_TOKEN || env.HUBSPOT_ACCESS_TOKEN || '',
    baseUrl: env.HUBSPOT_API_BASE_URL || undefined,
  });
  if (!parsed.success) {
    throw new Error(`HubSpot connection is not configured: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  return parsed.data;
}

export function createHubSpotClient(connection: CrmConnectionInput): Client {
  const { accessToken, baseUrl, attempts, silenceLimitMs } = connectionSchema.parse(connection);
  giveUpOnSilence(silenceLimitMs);
  watchBurstWindow();
  return new KeystoneClient({ accessToken, basePath: baseUrl, numberOfApiCallRetries: attempts });
}

/** HubSpot's client, retrying as Keystone does (src/crm/retry.ts) instead of as it would. */
class KeystoneClient extends Client {
  protected override getDecorators(): RetryWithinInvocation[] {
    const attempts = this.config.numberOfApiCallRetries ?? 1;
    return attempts > 1 ? [new RetryWithinInvocation(attempts)] : [];
  }
}

const GIVES_UP = Symbol('Keystone: destroys connections that fall silent');

/**
 * Makes Node's default agents close a connection with an ETIMEDOUT error once nothing has come over
 * it for `silenceMs` while a request waits on it. HubSpot's client sends its requests through those
 * agents: the `httpAgent` it takes is ignored by its generated APIs in this version (they apply
 * configured middleware only when a call passes middleware of its own). A new connection gets the
 * limit from the agent's `timeout`; a kept-alive one gets it again when a request takes it (idle, the
 * agent shortens it to what the server's keep-alive allows). The agent closes only idle connections
 * itself, so a listener closes the others. Like the retry settings, the limit is the process's: the
 * last client built sets it.
 */
function giveUpOnSilence(silenceMs: number): void {
  for (const agent of [http.globalAgent, https.globalAgent] as Array<
    http.Agent & { options: http.AgentOptions; [GIVES_UP]?: true }
  >) {
    agent.options.timeout = silenceMs;
    if (agent[GIVES_UP]) continue;
    agent[GIVES_UP] = true;
    const connect = agent.createConnection.bind(agent);
    agent.createConnection = (options, callback) => {
      const socket = connect(options, callback) as Socket | null | undefined;
      socket?.on('timeout', () =>
        socket.destroy(
          Object.assign(new Error(`HubSpot sent nothing for ${socket.timeout} ms`), { code: 'ETIMEDOUT' }),
        ),
      );
      return socket;
    };
    const reuse = agent.reuseSocket.bind(agent);
    agent.reuseSocket = (socket, request) => {
      reuse(socket, request);
      (socket as Socket).setTimeout(agent.options.timeout ?? 0);
    };
  }
}

/** HubSpot's burst window as its latest answer in this process told it; `answer` counts the answers that told one. */
interface SeenBurstWindow {
  window: BurstWindow;
  answer: number;
}

let seen: SeenBurstWindow | null = null;
let watching = false;

/**
 * The burst window as HubSpot's latest answer told it. Every answer says how much of the app's window
 * is left, whichever of the client's methods made the call, so a long run paces itself on what HubSpot
 * said a moment ago rather than on what its own page list said seconds before; people's cards may have
 * filled the window meanwhile. Nothing is kept beyond the process, and null until an answer has told.
 */
export function lastSeenBurstWindow(): SeenBurstWindow | null {
  return seen;
}

/** Which invocation sent each request still awaiting its answer: an answer tells that invocation what it saw. */
const sentBy = new WeakMap<http.ClientRequest, InvocationPace>();

// Node's HTTP client reports each request it starts, in its caller's context, and each answer it
// receives; HubSpot's client offers its headers only to the few methods that return them.
function watchBurstWindow(): void {
  if (watching) return;
  watching = true;
  subscribe('http.client.request.start', (message) => {
    const { request } = message as { request: http.ClientRequest };
    const pace = invocationPace();
    if (pace) sentBy.set(request, pace);
  });
  subscribe('http.client.response.finish', (message) => {
    const { request, response } = message as { request: http.ClientRequest; response: http.IncomingMessage };
    const window = burstWindowFrom(response.headers as Record<string, string | undefined>);
    if (window) seen = { window, answer: (seen?.answer ?? 0) + 1 };
    sentBy.get(request)?.observe(window, performance.now());
  });
}
