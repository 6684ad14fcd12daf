import type { CardSectionName } from '../../src/contracts/card-sections.ts';
import type { RecalculationProgress } from '../../src/contracts/recalculate-portfolio.ts';
import type { PlannedView, SaveKind } from './busy-hour.ts';
import type { CallTally, WindowCounts } from './call-ledger.ts';
import type { Firm, FirmFiles } from './firm.ts';
import type { ProcessLoad } from './lag.ts';
import type { ClockSetting } from './scaled-clock.ts';

// What the benchmark's processes tell each other (child-process.ts carries them).

export interface SandboxInit {
  type: 'init';
  files: FirmFiles;
  firm: Firm;
  seed: number;
  speed: number;
}
/** How long building or reading the firm took, in wall and CPU time (on a shared machine the wall clock also counts the neighbours). */
export interface SandboxReady {
  type: 'ready';
  baseUrl: string;
  cached: boolean;
  loadMs: number;
  loadCpuMs: number;
}
/** The hour starts: every process takes its time from this clock. */
export interface Go {
  type: 'go';
  clock: ClockSetting;
}
export interface Stop {
  type: 'stop';
}
export interface SandboxDone {
  type: 'done';
  load: ProcessLoad;
}

/** Where Keystone's functions find HubSpot, and whose card warms them up before the hour. */
export interface KeystoneInit {
  baseUrl: string;
  portalId: number;
  warmUp: { companyId: string; userId: number };
}

export interface UsersInit extends KeystoneInit {
  type: 'init';
  views: PlannedView[];
}
export interface Ready {
  type: 'ready';
}

/** A sidebar read (in the user's session), a tab section's first load, a save, or a reload after a save. */
export type InvocationKind = 'sidebar' | `tab: ${CardSectionName}` | SaveKind | 'section reload' | 'sidebar reload';

/** One function invocation a user's card made, timed in milliseconds into the hour. */
export interface InvocationRecord extends CallTally {
  view: number;
  kind: InvocationKind;
  opened: number;
  answered: number;
  ok: boolean;
  /** The error code the card showed; null when it answered. */
  code: string | null;
}

export interface UsersDone {
  type: 'done';
  invocations: InvocationRecord[];
  windows: WindowCounts;
  load: ProcessLoad;
}

export interface RecalculationInit extends KeystoneInit {
  type: 'init';
  adminUserId: number;
  timeBudgetMs: number;
  endsAt: number;
  /** False: the admin starts no recalculation this hour (`--recalculation false`). */
  started: boolean;
}

/** One recalculate_portfolio slice as the settings page called it. */
export interface SliceRecord extends CallTally {
  /** The run it belongs to: the page starts again from the first company after an error. */
  run: number;
  opened: number;
  answered: number;
  ok: boolean;
  code: string | null;
  /** The run's stage when the slice answered (null for a slice that failed): scoring, then relationships. */
  stage: RecalculationProgress['stage'] | null;
  /** Companies the stage has passed so far in the run. */
  processed: number;
  total: number | null;
  done: boolean;
  interruptedBy: string | null;
}

export interface RecalculationDone {
  type: 'done';
  slices: SliceRecord[];
  windows: WindowCounts;
  load: ProcessLoad;
}
