import { CARD_SECTIONS, type CardSectionName } from '../../src/contracts/card-sections.ts';
import type { SaveKind } from './busy-hour.ts';
import { WINDOW_MS } from './call-ledger.ts';
import { FIRM_LIMITS } from './firm.ts';
import type { InvocationRecord } from './messages.ts';
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
  };
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

  // Each run scored as far as its furthest slice (a run the page abandoned after an error keeps what it wrote).
  const furthest = new Map<number, number>();
  for (const s of slices) furthest.set(s.run, Math.max(furthest.get(s.run) ?? 0, s.processed));
  const companiesScored = [...furthest.values()].reduce((a, b) => a + b, 0);
  const recalculationCalls = sum(slices);
  const companies = cast.companies.id.length;
  const recalculationRun = companiesScored > 0 ? Math.round((recalculationCalls / companiesScored) * companies) : null;
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
      calls: recalculationCalls,
      answered: recalculationAnswered,
      usersLeft,
      ratio: usersLeft > 0 ? recalculationAnswered / usersLeft : null,
      windows: ran.length,
    },
    sandboxTotal: result.sandbox.stats.total,
    sandboxUserSession: result.sandbox.stats.userSession.total,
    usersWindowShare:
      played.reduce((n, w) => n + answeredIn(windows.users, w), 0) / Math.max(1, played.length * burstPer10s),
  };
}
