import { FUNCTION_NAMES, type FunctionName } from './intents.ts';
import { JUDGED, noVerdicts, type Verdicts } from './judge.ts';
import type { RoundOutcome } from './mix.ts';

// Adds up the rounds of the fault benchmark and prints them: per function what its users were told and
// what HubSpot held, the races, and the faults met.

export interface FunctionSummary extends Verdicts {
  /** Clean calls after the faults cleared, and those refused. */
  cleanCalls: number;
  blocked: number;
  blockedCodes: string[];
}

export interface MixSummary {
  rounds: number;
  byFunction: Record<FunctionName, FunctionSummary>;
  statusRaces: number;
  doubleSuccesses: number;
  statusesChanged: number;
  overwrittenChanges: number;
  requests: number;
  faultsFired: Record<string, number>;
  recalculation: { runs: number; done: number; slices: number; interrupted: number; failed: number };
}

export function summarise(outcomes: readonly RoundOutcome[]): MixSummary {
  const byFunction = {} as Record<FunctionName, FunctionSummary>;
  for (const fn of FUNCTION_NAMES) byFunction[fn] = { ...noVerdicts(), cleanCalls: 0, blocked: 0, blockedCodes: [] };
  const summary: MixSummary = {
    rounds: outcomes.length,
    byFunction,
    statusRaces: 0,
    doubleSuccesses: 0,
    statusesChanged: 0,
    overwrittenChanges: 0,
    requests: 0,
    faultsFired: {},
    recalculation: { runs: 0, done: 0, slices: 0, interrupted: 0, failed: 0 },
  };
  for (const outcome of outcomes) {
    for (const fn of FUNCTION_NAMES) {
      for (const key of Object.keys(noVerdicts()) as Array<keyof Verdicts>)
        byFunction[fn][key] += outcome.verdicts.byFunction[fn][key];
    }
    for (const { fn, answer } of outcome.probes) {
      byFunction[fn].cleanCalls++;
      if (answer.status === 'error') {
        byFunction[fn].blocked++;
        byFunction[fn].blockedCodes.push(answer.code);
      }
    }
    summary.statusRaces += outcome.verdicts.statusRaces;
    summary.doubleSuccesses += outcome.verdicts.doubleSuccesses;
    summary.statusesChanged += outcome.verdicts.statusesChanged;
    summary.overwrittenChanges += outcome.verdicts.overwrittenChanges;
    summary.requests += outcome.requests;
    for (const [kind, fired] of Object.entries(outcome.faultsFired))
      summary.faultsFired[kind] = (summary.faultsFired[kind] ?? 0) + fired;
    const r = outcome.recalculation;
    summary.recalculation.runs++;
    summary.recalculation.done += r.done ? 1 : 0;
    summary.recalculation.slices += r.slices;
    summary.recalculation.interrupted += r.interrupted;
    summary.recalculation.failed += r.failed;
  }
  return summary;
}

const COLUMNS = [
  'tried',
  'ok',
  'clear errors',
  'false conflicts',
  'unclear errors',
  'duplicates',
  'partial writes',
  'lost writes',
  'blocked after faults clear',
] as const;

export function printSummary(summary: MixSummary, log: (line: string) => void = console.log): void {
  const fired = Object.values(summary.faultsFired).reduce((a, b) => a + b, 0);
  const share = summary.requests === 0 ? 0 : (100 * fired) / summary.requests;
  log(
    `${summary.requests} requests, ${fired} hit by a fault (${share.toFixed(1)}%): ${Object.entries(summary.faultsFired)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ')}`,
  );
  const r = summary.recalculation;
  log(
    `recalculation beside them: ${r.done} of ${r.runs} runs done (${r.slices} slices, ${r.interrupted} interrupted and resumed, ${r.failed} failed and restarted)`,
  );
  log('');
  const rows = FUNCTION_NAMES.map((fn) => {
    const v = summary.byFunction[fn];
    const judged = (yes: boolean, n: number) => (yes ? String(n) : '–');
    return [
      fn,
      String(v.tried),
      String(v.ok),
      String(v.clearErrors),
      String(v.falseConflicts),
      String(v.unclearErrors),
      judged(JUDGED[fn].duplicates, v.duplicates),
      judged(JUDGED[fn].partialWrites, v.partialWrites),
      String(v.lostWrites),
      `${v.blocked} of ${v.cleanCalls}`,
    ];
  });
  const table = [['function', ...COLUMNS], ...rows];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  for (const row of table)
    log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  log('');
  log(
    `races: tag and untag both acknowledged from the same status: ${summary.doubleSuccesses} of ${summary.statusRaces} races`,
  );
  log(
    `       a status a user had just set, changed back behind them (flag or status): ${summary.overwrittenChanges} of ${summary.statusesChanged} accounts changed`,
  );
  const blocked = FUNCTION_NAMES.filter((fn) => summary.byFunction[fn].blocked > 0);
  if (blocked.length > 0)
    log(
      `blocked after faults clear: ${blocked.map((fn) => `${fn} (${tally(summary.byFunction[fn].blockedCodes)})`).join('; ')}`,
    );
  log('');
  log('clear errors: true refusals, or failures after which nothing of the change stood (or a retry saved it);');
  log('false conflicts: "someone else saved / is saving" when no other user had claimed that revision;');
  log('unclear errors: told it failed, but it stood, and no later try said it was saved;');
  log('partial writes also count open tasks a plan save left for objectives it dropped; – not judged (cannot happen).');
}

function tally(codes: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].map(([code, n]) => `${code} ×${n}`).join(', ');
}
