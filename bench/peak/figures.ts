import { CARD_SECTIONS, type CardSectionName } from '../../src/contracts/card-sections.ts';
import type { SaveKind } from './busy-hour.ts';
import { WINDOW_MS, type RequestTrace } from './call-ledger.ts';
import { FIRM_LIMITS } from './firm.ts';
import type { InvocationRecord, SliceRecord } from './messages.ts';
import type { PeakResult } from './play-hour.ts';

// The benchmark's figures from what the processes saw. Counts from the played minutes scale to the
// hour by 60 / minutes (the users' arrivals are even over the hour); per-view figures and
// percentiles are the played minutes' own.

export interface Spread {
  mean: number;
  p50: number;
  p95: number;
  max: number;
}

export interface CardLoads {
  loads: number;
  answered: number;
  /** Calls per load, answered or not (a load that failed stopped early). */
  calls: Spread;
  /** Calls per answered load. */
  answeredCalls: Spread | null;
  /** Opening to data, ms; null where the percentile falls among loads that never got data. */
  timeToData: { p50: number | null; p95: number | null };
  /** The same among the loads that got data; null when none did. */
  answeredTime: { p50: number; p95: number } | null;
  /** Where the answered loads' time and calls went. */
  trace: LoadTrace | null;
}

/** Where loads' calls and time went, over the loads that got data. */
interface LoadTrace {
  /** Calls per load by endpoint (mean), 429s among them. */
  routes: Array<{ route: string; calls: number; refused: number }>;
  /** Round trips the load waited through one after another: its longest chain of requests each sent after the last answered. */
  rounds: Spread;
  /** Time with at least one request in flight, ms. */
  inFlight: Spread;
  /** Time with none in flight (the function's own work, or a wait before a retry), ms. */
  idle: Spread;
  /** One request, sent to answered, ms. */
  request: Spread;
}

export interface PeakFigures {
  /** Played minutes to an hour. */
  hourScale: number;
  /** The sidebar's reads, in the users' own sessions: its app calls are what the app sent for them (none). */
  sidebar: CardLoads;
  /** Each tab section's first load when opened. */
  sections: Record<CardSectionName, CardLoads>;
  reloads: { loads: number; calls: number };
  saves: Record<SaveKind, { tried: number; saved: number }>;
  users: {
    calls: number;
    refused: number;
    /** Invocations that met at least one 429. */
    refusedInvocations: number;
    /** The 429 answers by what the invocation was (a tab section, a reload, a save), most first. */
    refusedByKind: Array<{ kind: string; refused: number; invocations: number }>;
    unanswered: number;
    loadsFailed: number;
    failures: Record<string, number>;
    saveFailures: Record<string, number>;
  };
  day: { users: number; recalculationRun: number | null; total: number; limit: number; ifEveryLoadAnswered: number };
  recalculation: {
    runs: number;
    slices: number;
    failedSlices: number;
    interruptedSlices: number;
    companiesScored: number;
    /** Companies whose relationships the runs had weighed (the second stage, after every company is scored). */
    relationshipsWeighed: number;
    /** When the first run had scored every company, in minutes from the hour's start; null if it had not. */
    scoresDoneAtMinute: number | null;
    /** Calls in slices that began scoring, and in slices that began weighing relationships. */
    callsByStage: { scores: number; relationships: number };
    calls: number;
    /** Answered calls in the windows it ran, and what the users left of them. */
    answered: number;
    usersLeft: number;
    ratio: number | null;
    windows: number;
  };
  /** Requests the sandbox counted against those the two processes sent. */
  sandboxTotal: number;
  /** Reads the sandbox counted in users' own sessions (the sidebar's), apart from the app's. */
  sandboxUserSession: number;
  /** Share of the played windows' burst capacity the users' answered calls took. */
  usersWindowShare: number;
  /**
   * The users' busiest 10 s (rolling, by when requests were sent): how many they sent that HubSpot
   * answered, and the same with the recalculation's; and how many refused requests were sent while the
   * users alone already had the window's worth in the 10 s before.
   */
  busiest: {
    users: number;
    all: number;
    refusedWhileUsersAloneFull: number;
    /** At the users' refused requests (median): the users' and the recalculation's requests taken in the 10 s before. */
    atRefusal: { users: number; recalculation: number } | null;
  };
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { mean, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? Number.NaN };
}

function byCode(failed: readonly InvocationRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of failed) counts[f.code ?? 'unknown'] = (counts[f.code ?? 'unknown'] ?? 0) + 1;
  return counts;
}

function cardLoads(loads: readonly InvocationRecord[]): CardLoads {
  const answered = loads.filter((l) => l.ok);
  // Loads that never answered are slower than any that did.
  const times = loads.map((l) => (l.ok ? l.answered - l.opened : Infinity)).sort((a, b) => a - b);
  const finite = (t: number) => (Number.isFinite(t) ? t : null);
  return {
    loads: loads.length,
    answered: answered.length,
    calls: spread(loads.map((l) => l.calls)),
    answeredCalls: answered.length > 0 ? spread(answered.map((l) => l.calls)) : null,
    timeToData: { p50: finite(percentile(times, 50)), p95: finite(percentile(times, 95)) },
    answeredTime: answered.length > 0 ? spread(answered.map((l) => l.answered - l.opened)) : null,
    trace: answered.length > 0 ? loadTrace(answered) : null,
  };
}

function loadTrace(loads: readonly InvocationRecord[]): LoadTrace {
  const routes = new Map<string, { calls: number; refused: number }>();
  for (const load of loads)
    for (const r of load.requests) {
      const route = routes.get(r.route) ?? { calls: 0, refused: 0 };
      route.calls += 1;
      if (r.status === 429) route.refused += 1;
      routes.set(r.route, route);
    }
  const shapes = loads.map((load) => ({ load, ...inFlight(load.requests) }));
  return {
    routes: [...routes]
      .map(([route, n]) => ({ route, calls: n.calls / loads.length, refused: n.refused / loads.length }))
      .sort((a, b) => b.calls - a.calls),
    rounds: spread(shapes.map((s) => s.rounds)),
    inFlight: spread(shapes.map((s) => s.busy)),
    idle: spread(shapes.map((s) => s.load.answered - s.load.opened - s.busy)),
    request: spread(loads.flatMap((l) => l.requests.filter((r) => r.status > 0).map((r) => r.answered - r.sent))),
  };
}

/**
 * The longest chain of requests each sent after the one before it was answered (the round trips the
 * load waited through one after another), and the time something was in flight.
 */
function inFlight(requests: readonly RequestTrace[]): { rounds: number; busy: number } {
  const sorted = [...requests]
    .map((r) => ({ sent: r.sent, end: Number.isNaN(r.answered) ? r.sent : r.answered }))
    .sort((a, b) => a.sent - b.sent);
  const depth: number[] = [];
  let busy = 0;
  let from = -Infinity;
  let until = -Infinity;
  sorted.forEach((r, i) => {
    depth[i] = 1 + Math.max(0, ...sorted.slice(0, i).map((q, j) => (q.end <= r.sent ? depth[j]! : 0)));
    if (r.sent >= until) {
      if (until > from) busy += until - from;
      from = r.sent;
    }
    until = Math.max(until, r.end);
  });
  if (until > from) busy += until - from;
  return { rounds: Math.max(0, ...depth), busy };
}

export function peakFigures(result: PeakResult): PeakFigures {
  const { burstPer10s } = FIRM_LIMITS;
  const { options, invocations, slices, windows, cast } = result;
  const hourScale = 60 / options.minutes;
  const ofKind = (...kinds: string[]) => invocations.filter((i) => kinds.includes(i.kind));
  const sum = (records: ReadonlyArray<{ calls: number }>) => records.reduce((n, r) => n + r.calls, 0);
  const sidebar = cardLoads(ofKind('sidebar'));
  const sections = Object.fromEntries(
    CARD_SECTIONS.map((section) => [section, cardLoads(ofKind(`tab: ${section}`))]),
  ) as PeakFigures['sections'];
  const reloads = ofKind('section reload', 'sidebar reload');
  const saves = ofKind('stance', 'plan', 'review');
  const cardFailures = invocations.filter((i) => !i.ok && !saves.includes(i));
  const usersCalls = sum(invocations);

  // Each run scored as far as its furthest slice (a run the page abandoned after an error keeps what it
  // wrote), every company once a slice answers from the relationships; those as far as their furthest.
  const companies = cast.companies.id.length;
  const furthest = new Map<number, { scored: number; weighed: number }>();
  // A slice's calls count to the stage it began in: the stage the run's slice before it answered with.
  const callsByStage = { scores: 0, relationships: 0 };
  let began: { run: number; stage: NonNullable<SliceRecord['stage']> } = { run: 0, stage: 'scores' };
  for (const s of slices) {
    if (s.run !== began.run) began = { run: s.run, stage: 'scores' };
    callsByStage[began.stage] += s.calls;
    const run = furthest.get(s.run) ?? { scored: 0, weighed: 0 };
    if (s.stage === 'scores') run.scored = Math.max(run.scored, s.processed);
    if (s.stage === 'relationships') [run.scored, run.weighed] = [companies, Math.max(run.weighed, s.processed)];
    if (s.done) run.weighed = companies;
    furthest.set(s.run, run);
    if (s.stage !== null) began = { run: s.run, stage: s.stage };
  }
  const companiesScored = [...furthest.values()].reduce((a, b) => a + b.scored, 0);
  const relationshipsWeighed = [...furthest.values()].reduce((a, b) => a + b.weighed, 0);
  const scoresDone = slices.find((s) => s.stage === 'relationships' || s.done);
  const recalculationCalls = sum(slices);
  // One whole run: each stage's calls per company it passed, over every company.
  const recalculationRun =
    companiesScored > 0 && relationshipsWeighed > 0
      ? Math.round(
          (callsByStage.scores / companiesScored) * companies +
            (callsByStage.relationships / relationshipsWeighed) * companies,
        )
      : null;
  const usersDay = Math.round(usersCalls * hourScale * options.dayInBusyHours);
  const answeredMean = (loads: CardLoads) => loads.answeredCalls?.mean ?? loads.calls.mean;
  const loadsPerDay = (loads: CardLoads) => loads.loads * hourScale * options.dayInBusyHours;

  // Fixed 10 s windows wholly inside the played minutes, while the recalculation ran.
  const doneAt = slices.find((s) => s.done)?.answered ?? options.minutes * 60_000;
  const ran = Array.from({ length: Math.floor(Math.min(doneAt, options.minutes * 60_000) / WINDOW_MS) }, (_, w) => w);
  const answeredIn = (counts: PeakResult['windows']['users'], w: number) => counts[w]?.answered ?? 0;
  const usersLeft = ran.reduce((n, w) => n + Math.max(0, burstPer10s - answeredIn(windows.users, w)), 0);
  const recalculationAnswered = ran.reduce((n, w) => n + answeredIn(windows.recalculation, w), 0);
  const played = Array.from({ length: Math.floor((options.minutes * 60_000) / WINDOW_MS) }, (_, w) => w);

  return {
    hourScale,
    sidebar,
    sections,
    reloads: { loads: reloads.length, calls: sum(reloads) },
    saves: Object.fromEntries(
      (['stance', 'plan', 'review'] as const).map((kind) => {
        const tried = ofKind(kind);
        return [kind, { tried: tried.length, saved: tried.filter((s) => s.ok).length }];
      }),
    ) as PeakFigures['saves'],
    users: {
      calls: usersCalls,
      refused: invocations.reduce((n, i) => n + i.refused, 0),
      refusedInvocations: invocations.filter((i) => i.refused > 0).length,
      refusedByKind: refusedByKind(invocations),
      unanswered: invocations.reduce((n, i) => n + i.unanswered, 0),
      loadsFailed: cardFailures.length,
      failures: byCode(cardFailures),
      saveFailures: byCode(saves.filter((i) => !i.ok)),
    },
    day: {
      users: usersDay,
      recalculationRun,
      total: usersDay + (recalculationRun ?? 0),
      limit: result.sandbox.daily.limit,
      ifEveryLoadAnswered:
        Math.round(
          [sidebar, ...Object.values(sections)].reduce((n, loads) => n + answeredMean(loads) * loadsPerDay(loads), 0),
        ) + (recalculationRun ?? 0),
    },
    recalculation: {
      runs: furthest.size,
      slices: slices.length,
      failedSlices: slices.filter((s) => !s.ok).length,
      interruptedSlices: slices.filter((s) => s.interruptedBy !== null).length,
      companiesScored,
      relationshipsWeighed,
      scoresDoneAtMinute: scoresDone ? scoresDone.answered / 60_000 : null,
      callsByStage,
      calls: recalculationCalls,
      answered: recalculationAnswered,
      usersLeft,
      ratio: usersLeft > 0 ? recalculationAnswered / usersLeft : null,
      windows: ran.length,
    },
    sandboxTotal: result.sandbox.stats.total,
    sandboxUserSession: result.sandbox.stats.userSession.total,
    busiest: busiestWindows(invocations, slices, burstPer10s),
    usersWindowShare:
      played.reduce((n, w) => n + answeredIn(windows.users, w), 0) / Math.max(1, played.length * burstPer10s),
  };
}

/** The most requests HubSpot took within any 10 s, by when they were sent. */
function rollingMost(sent: readonly number[]): number {
  const sorted = [...sent].sort((a, b) => a - b);
  let most = 0;
  let from = 0;
  sorted.forEach((at, i) => {
    while (sorted[from]! <= at - WINDOW_MS) from += 1;
    most = Math.max(most, i - from + 1);
  });
  return most;
}

function busiestWindows(
  invocations: readonly InvocationRecord[],
  slices: PeakResult['slices'],
  burst: number,
): PeakFigures['busiest'] {
  const taken = (records: ReadonlyArray<{ requests: readonly RequestTrace[] }>) =>
    records.flatMap((r) => r.requests.filter((q) => q.status !== 429 && q.status !== 0).map((q) => q.sent));
  const users = taken(invocations).sort((a, b) => a - b);
  const recalculation = taken(slices).sort((a, b) => a - b);
  const refused = invocations.flatMap((i) => i.requests.filter((q) => q.status === 429).map((q) => q.sent));
  // Requests taken in the 10 s before each refused one (binary search on the sorted lists).
  const before = (sorted: readonly number[], at: number) => lowerBound(sorted, at) - lowerBound(sorted, at - WINDOW_MS);
  const median = (values: number[]) => spread(values).p50;
  return {
    users: rollingMost(users),
    all: rollingMost([...users, ...recalculation]),
    refusedWhileUsersAloneFull: refused.filter((at) => before(users, at) >= burst).length,
    atRefusal:
      refused.length === 0
        ? null
        : {
            users: median(refused.map((at) => before(users, at))),
            recalculation: median(refused.map((at) => before(recalculation, at))),
          },
  };
}

function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function refusedByKind(invocations: readonly InvocationRecord[]): PeakFigures['users']['refusedByKind'] {
  const kinds = new Map<string, { refused: number; invocations: number }>();
  for (const i of invocations.filter((i) => i.refused > 0)) {
    const kind = kinds.get(i.kind) ?? { refused: 0, invocations: 0 };
    kind.refused += i.refused;
    kind.invocations += 1;
    kinds.set(i.kind, kind);
  }
  return [...kinds].map(([kind, n]) => ({ kind, ...n })).sort((a, b) => b.refused - a.refused);
}
