import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';

// Who made each HubSpot call. Every Keystone invocation the benchmark makes runs inside `track`, and
// Node's HTTP client reports each request it sends and each answer it gets (diagnostics channels), so
// calls are counted per invocation (a sidebar view, a tab, a save, a recalculation slice) without
// touching Keystone's code or the client. Answers are also counted per 10-second window of HubSpot
// time, answered or refused, to set the users' share of HubSpot's burst window beside the
// recalculation's.

/** One invocation's calls: every request sent, including the ones HubSpot refused and the client sent again. */
export interface CallTally {
  calls: number;
  /** Answered 429. */
  refused: number;
  /** No answer at all (connection dropped, silence). */
  unanswered: number;
  /** Each request: its endpoint, when it was sent and answered (ms of HubSpot time into the hour), its status (0: none). */
  requests: RequestTrace[];
}

export interface RequestTrace {
  route: string;
  sent: number;
  answered: number;
  status: number;
}

/** The endpoint a request went to, record ids left out: `POST /crm/v3/objects/contacts/batch/read`. */
function routeOf(request: ClientRequest): string {
  const path = request.path.split('?')[0]!.replace(/\/\d+(?=\/|$)/g, '/:id');
  return `${request.method} ${path}`;
}

/** Requests HubSpot's burst window let through or refused, per 10 s of HubSpot time from the hour's start. */
export type WindowCounts = Record<number, { answered: number; refused: number }>;

export const WINDOW_MS = 10_000;

/**
 * How long after an invocation answers its calls may still be coming back: a card whose first call
 * failed leaves the others to finish (retried after 1 s, then 2 s), a recalculation slice a page it
 * listed ahead. Processes wait this long (HubSpot time) before they report their tallies.
 */
export const SETTLE_MS = 5_000;

export interface CallLedger {
  /** Runs `invoke` with its HubSpot calls counted in a tally of their own. */
  track<T>(invoke: () => Promise<T>): Promise<{ result: T; tally: CallTally }>;
  readonly windows: WindowCounts;
}

/** `elapsed`: milliseconds of HubSpot time since the hour started. One ledger per process. */
export function callLedger(elapsed: () => number): CallLedger {
  const current = new AsyncLocalStorage<CallTally>();
  const byRequest = new WeakMap<ClientRequest, { tally: CallTally; trace: RequestTrace }>();
  const windows: WindowCounts = {};
  subscribe('http.client.request.start', (message) => {
    const tally = current.getStore();
    if (!tally) return;
    tally.calls += 1;
    const request = (message as { request: ClientRequest }).request;
    const trace = { route: routeOf(request), sent: elapsed(), answered: Number.NaN, status: 0 };
    tally.requests.push(trace);
    byRequest.set(request, { tally, trace });
  });
  subscribe('http.client.response.finish', (message) => {
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
    const tracked = byRequest.get(request);
    if (!tracked) return;
    const { tally, trace } = tracked;
    trace.answered = elapsed();
    trace.status = response.statusCode ?? 0;
    const refused = response.statusCode === 429;
    if (refused) tally.refused += 1;
    // HubSpot decides when the request arrives, a moment before it answers: the answer's window is the decision's.
    const window = (windows[Math.floor(elapsed() / WINDOW_MS)] ??= { answered: 0, refused: 0 });
    if (refused) window.refused += 1;
    else window.answered += 1;
  });
  subscribe('http.client.request.error', (message) => {
    const tracked = byRequest.get((message as { request: ClientRequest }).request);
    if (!tracked) return;
    tracked.tally.unanswered += 1;
    tracked.trace.answered = elapsed();
  });
  return {
    windows,
    async track(invoke) {
      const tally: CallTally = { calls: 0, refused: 0, unanswered: 0, requests: [] };
      const result = await current.run(tally, invoke);
      return { result, tally };
    },
  };
}
