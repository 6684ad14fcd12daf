import type { FaultInput, SandboxControl } from '../../sandbox/control.ts';
import type { TestClock } from '../../test/clock.ts';
import { readPortalState, type PortalState } from './hubspot-state.ts';
import {
  departure,
  planSave,
  review,
  settingsSave,
  stance,
  statusChange,
  type FunctionName,
  type Intent,
} from './intents.ts';
import { judgeRound, type RoundVerdicts } from './judge.ts';
import type { FaultPortal, KeyAccount, Person } from './portal.ts';
import type { RecalculationOutcome, RecalculationRunner } from './recalculation.ts';
import { carryOut, once, type Answer, type IntentRecord } from './users.ts';

// One round of the fault benchmark: on three key accounts at once, two managers race (one tags while
// the other untags; one saves the plan while the other logs a review; both record a stance on the same
// contact while one records another's departure), two admins save the settings from the same revision,
// and an admin's portfolio recalculation runs beside them with slow write-backs (the tag and the untag
// are sent while its write-back is on its way). Faults hit a share of every request. Then the faults
// are cleared, HubSpot is read back and the round judged, and each function is called once more, clean,
// as its user would after reloading: a refusal then is a save blocked after the faults cleared.

export interface MixOptions {
  rounds: number;
  /** Seeds every fault's draws: a run sending the same requests meets the same faults. */
  seed: number;
  /** About this share of requests is hit by a fault. */
  faultRate: number;
  /** How long each recalculation write-back waits before it is applied. */
  writeBackDelayMs: number;
  /** No round starts after this long. */
  timeLimitMs: number;
}

export interface RoundOutcome {
  /** Every intent of the round with the answers its user got. */
  records: IntentRecord[];
  verdicts: RoundVerdicts;
  /** The clean call of each function after the faults cleared. */
  probes: Array<{ fn: FunctionName; answer: Answer }>;
  requests: number;
  /** Faults that hit, by kind. */
  faultsFired: Record<string, number>;
  recalculation: RecalculationOutcome;
}

// Of the fault rate, the share each kind takes: half of it lost answers, the everyday failure.
const FAULTS: ReadonlyArray<readonly [FaultInput, number]> = [
  [{ kind: 'lostAnswer', mode: 'drop' }, 0.25],
  [{ kind: 'lostAnswer', mode: 'badGateway' }, 0.25],
  [{ kind: 'serverError', status: 503 }, 0.2],
  [{ kind: 'drop' }, 0.1],
  [{ kind: 'rateLimit' }, 0.1],
  [{ kind: 'slowAnswer', ms: 400 }, 0.1],
];
const WRITE_BACK = { method: 'POST', path: '/crm/v3/objects/companies/batch/update' } as const;

// Longer than a revision claim stays in force (2 minutes), so a claim a round leaves behind cannot
// refuse the next round's saves: each round starts afresh, and only the clean calls right after it
// meet what it left.
const ROUND_GAP_MS = 5 * 60_000;
const RELOAD_MS = 10_000;

export async function runFaultMix(
  fp: FaultPortal,
  recalculation: RecalculationRunner,
  clock: TestClock,
  options: MixOptions,
  nextIntentId: () => number,
  onRound: (round: number, outcome: RoundOutcome) => void = () => undefined,
): Promise<RoundOutcome[]> {
  const started = performance.now();
  const start = clock.now();
  const outcomes: RoundOutcome[] = [];
  for (let round = 0; round < options.rounds && performance.now() - started < options.timeLimitMs; round++) {
    clock.set(start + round * ROUND_GAP_MS);
    const outcome = await playRound(fp, recalculation, clock, options, round, nextIntentId);
    outcomes.push(outcome);
    onRound(round, outcome);
  }
  return outcomes;
}

/** Who does what where in a round: the managers swap parts every other round. */
interface Cast {
  tagged: KeyAccount;
  planned: KeyAccount;
  contacted: KeyAccount;
  first: Person;
  second: Person;
  admins: readonly [Person, Person];
}

async function playRound(
  fp: FaultPortal,
  recalculation: RecalculationRunner,
  clock: TestClock,
  options: MixOptions,
  round: number,
  nextId: () => number,
): Promise<RoundOutcome> {
  const { portal, types } = fp;
  const account = (k: number) => fp.accounts[(round + k) % fp.accounts.length]!;
  const [first, second] = round % 2 === 0 ? fp.managers : [fp.managers[1], fp.managers[0]];
  const cast: Cast = {
    tagged: account(0),
    planned: account(1),
    contacted: account(2),
    first,
    second,
    admins: fp.admins,
  };
  const scope = {
    companyIds: [cast.tagged.companyId, cast.planned.companyId, cast.contacted.companyId],
    contactIds: cast.contacted.contactIds.slice(0, 2),
  };
  const now = clock.now();

  const before = await readPortalState(portal.client, types, scope);
  await portal.control.resetStats();
  for (const [i, [fault, share]] of FAULTS.entries()) {
    await portal.control.injectFault({
      ...fault,
      rate: options.faultRate * share,
      seed: options.seed * 1_000 + round * 10 + i,
    });
  }
  await portal.control.injectFault({ kind: 'latency', ms: options.writeBackDelayMs, ...WRITE_BACK });
  const intents = racing(cast, before, now, nextId, round);
  const statusChanges = intents.filter((i) => i.fn === 'tag_key_account' || i.fn === 'untag_key_account');
  const [others, changes, recalculated] = await Promise.all([
    Promise.all(intents.filter((i) => !statusChanges.includes(i)).map((intent) => carryOut(intent, clock.now))),
    // The status changes start once the recalculation's write-back is on its way, so they land under it.
    writeBackUnderway(portal.control).then(() =>
      Promise.all(statusChanges.map((intent) => carryOut(intent, clock.now))),
    ),
    recalculation.run({ userId: cast.admins[0].userId, now }),
  ]);
  const records = [...changes, ...others];
  const faults = await portal.control.faults();
  const { total } = await portal.control.stats();
  await portal.control.clearFaults();

  const after = await readPortalState(portal.client, types, scope);
  const verdicts = judgeRound(records, before, after);
  clock.advance(RELOAD_MS);
  const probes: RoundOutcome['probes'] = [];
  for (const intent of afterReload(cast, after, clock.now(), nextId))
    probes.push({ fn: intent.fn, answer: await once(intent, clock.now) });

  const faultsFired: Record<string, number> = {};
  for (const fault of faults) {
    if (fault.kind === 'latency') continue;
    const kind = fault.kind === 'lostAnswer' ? `lostAnswer ${fault.mode}` : fault.kind;
    faultsFired[kind] = (faultsFired[kind] ?? 0) + fault.fired;
  }
  return { records, verdicts, probes, requests: total, faultsFired, recalculation: recalculated };
}

// Long enough for a recalculation that meets faults to reach its write-back.
const WRITE_BACK_WAIT = { pollMs: 50, limitMs: 8_000 };

/** Once the recalculation's write-back has reached HubSpot (and waits there), or it is too late for one. */
async function writeBackUnderway(control: SandboxControl): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < WRITE_BACK_WAIT.limitMs) {
    const faults = await control.faults();
    if (faults.some((f) => f.kind === 'latency' && f.fired > 0)) return;
    await new Promise((resolve) => setTimeout(resolve, WRITE_BACK_WAIT.pollMs));
  }
}

/** The round's races, each intent built from the state its user loaded. */
function racing(cast: Cast, state: PortalState, now: number, nextId: () => number, round: number): Intent[] {
  const { tagged, planned, contacted, first, second, admins } = cast;
  const [talking, leaving, successor] = contacted.contactIds;
  return [
    statusChange('tag_key_account', nextId(), first.userId, state.companies[tagged.companyId]!),
    statusChange('untag_key_account', nextId(), second.userId, state.companies[tagged.companyId]!),
    planSave(nextId(), first.userId, state.companies[planned.companyId]!, [first.ownerId, second.ownerId], now),
    review(nextId(), second.userId, planned.companyId),
    stance(nextId(), first.userId, contacted.companyId, talking, 'ally'),
    stance(nextId(), second.userId, contacted.companyId, talking, 'enemy'),
    departure(nextId(), first.userId, contacted.companyId, leaving, round % 2 === 0 ? null : successor, now),
    settingsSave(nextId(), admins[0].userId, state.settings),
    settingsSave(nextId(), admins[1].userId, state.settings),
  ];
}

/** Each function once, called one after another from the state read after the round, as its user would after reloading. */
function afterReload(cast: Cast, state: PortalState, now: number, nextId: () => number): Intent[] {
  const { tagged, planned, contacted, first, second, admins } = cast;
  const [talking, leaving] = contacted.contactIds;
  const company = state.companies[tagged.companyId]!;
  const untag = statusChange('untag_key_account', nextId(), second.userId, company);
  return [
    planSave(nextId(), first.userId, state.companies[planned.companyId]!, [first.ownerId, second.ownerId], now),
    review(nextId(), second.userId, planned.companyId),
    // A round's race leaves the account key, candidate or former, each of which can be untagged; the
    // untag leaves former or none, from which the tag that follows makes it key again (its user reloaded
    // after the untag, so their card shows what it set), and the account's next race starts from key,
    // where both a tag and an untag are changes the programme allows.
    untag,
    statusChange('tag_key_account', nextId(), first.userId, company, String(untag.parameters.status)),
    stance(nextId(), first.userId, contacted.companyId, talking, 'ally'),
    departure(nextId(), first.userId, contacted.companyId, leaving, null, now),
    settingsSave(nextId(), admins[0].userId, state.settings),
  ];
}
