import { resolve } from 'node:path';
import { sandboxControl, type DailyUsage, type SandboxStats } from '../../sandbox/control.ts';
import { DEFAULT_SLICE_BUDGET_MS } from '../../src/contracts/recalculate-portfolio.ts';
import { planBusyHour, type PlannedView } from './busy-hour.ts';
import type { WindowCounts } from './call-ledger.ts';
import { startChild, type Child } from './child-process.ts';
import { FIRM_LIMITS, firmFiles, firmOf, HOUR_START, readCast, type Cast } from './firm.ts';
import type { ProcessLoad } from './lag.ts';
import type {
  Go,
  InvocationRecord,
  Ready,
  RecalculationDone,
  RecalculationInit,
  SandboxDone,
  SandboxInit,
  SandboxReady,
  SliceRecord,
  Stop,
  UsersDone,
  UsersInit,
} from './messages.ts';
import type { PeakOptions } from './options.ts';
import { clockStartingIn } from './scaled-clock.ts';

// Plays the busy hour: the sandbox (building or reading the firm), then the users and the
// recalculation, started together on one scaled clock, and collects what each process saw.

export interface PeakResult {
  options: PeakOptions;
  cast: Cast;
  views: PlannedView[];
  invocations: InvocationRecord[];
  slices: SliceRecord[];
  windows: { users: WindowCounts; recalculation: WindowCounts };
  sandbox: { stats: SandboxStats; daily: DailyUsage };
  load: { sandbox: ProcessLoad; users: ProcessLoad; recalculation: ProcessLoad };
  /** Wall-clock milliseconds, and the CPU time building or reading the portal took. */
  wall: { portal: number; portalCpu: number; portalCached: boolean; hour: number };
}

const here = (file: string) => resolve(import.meta.dirname, file);
/** Wall time for the processes to take the clock before the hour starts. */
const LEAD_MS = 500;
/**
 * The firm's portal holds about 2.5 GB of long-lived objects. Room to spare for reading its snapshot,
 * and a young generation and a first old-generation size large enough that building it does not stop
 * for one full collection after another (a quarter less CPU to build, and shorter pauses in the hour).
 */
const SANDBOX_V8_FLAGS = ['--max-old-space-size=8192', '--initial-old-space-size=4096', '--max-semi-space-size=64'];

export async function playPeakHour(options: PeakOptions): Promise<PeakResult> {
  const firm = firmOf(options);
  const files = firmFiles(resolve(options.cacheDir), firm, options.seed);
  const children: Child[] = [];
  const start = (file: string, name: string, v8Flags?: readonly string[]) => {
    const child = startChild(here(file), name, v8Flags);
    children.push(child);
    return child;
  };
  try {
    const sandbox = start('sandbox-process.ts', 'sandbox', SANDBOX_V8_FLAGS);
    sandbox.send<SandboxInit>({ type: 'init', files, firm, seed: options.seed, speed: options.speed });
    const ready = await sandbox.next<SandboxReady>('ready');
    const cast = readCast(files);
    const views = planBusyHour(cast, options);
    const control = sandboxControl(ready.baseUrl);
    if (options.latencyMs > 0) await control.injectFault({ kind: 'latency', ms: options.latencyMs });

    const keystone = {
      baseUrl: ready.baseUrl,
      portalId: cast.portalId,
      warmUp: { companyId: smallestKeyAccount(cast), userId: cast.adminUserId },
    };
    const users = start('users-process.ts', 'users');
    const recalculation = start('recalculation-process.ts', 'recalculation');
    users.send<UsersInit>({ type: 'init', ...keystone, views });
    recalculation.send<RecalculationInit>({
      type: 'init',
      ...keystone,
      adminUserId: cast.adminUserId,
      timeBudgetMs: DEFAULT_SLICE_BUDGET_MS,
      endsAt: options.minutes * 60_000,
      started: options.recalculation,
    });
    await Promise.all([users.next<Ready>('ready'), recalculation.next<Ready>('ready')]);
    // The warm-up's calls are not the hour's: setting the limits empties their windows and the day's count.
    await control.setRateLimit(FIRM_LIMITS);
    await control.resetStats();

    const clock = clockStartingIn(LEAD_MS, options.speed, HOUR_START);
    for (const child of [sandbox, users, recalculation]) child.send<Go>({ type: 'go', clock });
    const hourStarted = performance.now();
    const [played, recalculated] = await Promise.all([
      users.next<UsersDone>('done'),
      recalculation.next<RecalculationDone>('done'),
    ]);
    const hour = performance.now() - hourStarted;
    const [stats, daily] = [await control.stats(), await control.dailyUsage()];
    sandbox.send<Stop>({ type: 'stop' });
    const sandboxDone = await sandbox.next<SandboxDone>('done');
    return {
      options,
      cast,
      views,
      invocations: played.invocations,
      slices: recalculated.slices,
      windows: { users: played.windows, recalculation: recalculated.windows },
      sandbox: { stats, daily },
      load: { sandbox: sandboxDone.load, users: played.load, recalculation: recalculated.load },
      wall: { portal: ready.loadMs, portalCpu: ready.loadCpuMs, portalCached: ready.cached, hour },
    };
  } finally {
    for (const child of children) if (child.process.exitCode === null) child.process.kill();
    await Promise.all(children.map((c) => c.exited));
  }
}

/** Its card uses every part of card_data (plan, reviews, relationships) in few calls: the warm-up's company. */
function smallestKeyAccount({ companies }: Cast): string {
  const keyAccounts = companies.id
    .map((id, i) => ({ id, fees: companies.fees[i]!, key: companies.key[i]! }))
    .filter((c) => c.key);
  return keyAccounts.sort((a, b) => a.fees - b.fees)[0]?.id ?? companies.id[0]!;
}
