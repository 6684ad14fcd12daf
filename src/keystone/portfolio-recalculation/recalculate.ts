import type { Client } from '@hubspot/api-client';
import type { RecalculationProgress } from '../../contracts/recalculate-portfolio.ts';
import { batchUpdate, type RecordUpdate } from '../../crm/batch.ts';
import { isTransient, toKeystoneError } from '../../crm/errors.ts';
import type { ObjectTypeResolver } from '../../crm/object-types.ts';
import { lastSeenBurstWindow } from '../../crm/client.ts';
import { BurstPacer } from '../../crm/rate-limit.ts';
import { writeSettingsRecord } from '../../crm/settings-record.ts';
import { KeystoneError } from '../../errors/keystone-error.ts';
import { distributionOf, emptyDistribution, mergeDistributions } from '../../kam/portfolio/index.ts';
import { scoreCompany } from '../../kam/selection/index.ts';
import { storedKeyAccountStatus } from '../../kam/shared/index.ts';
import { COMPANY_PROPERTY } from '../../crm/model/index.ts';
import type { Settings } from '../../kam/settings/index.ts';
import { factsOf, listCompanies, type CompanyPage, type ListedCompany } from './company-pages.ts';
import type { BeforeRound } from '../account/relationships.ts';
import { coverageSummaryProperties } from '../account/coverage-summary.ts';
import { reviewGraceProperty } from '../account/next-review-fields.ts';
import { satisfactionProperty } from '../account/satisfaction.ts';
import { peopleDirectory, type PeopleDirectory } from '../readers/people.ts';
import { readOwners, type OwnerRecord } from '../readers/portal-reads.ts';
import { portalPeopleProperties } from '../readers/portal-people.ts';
import {
  meetingsProperty,
  coverageScores,
  newCoverageReading,
  type ProgrammeStanding,
  TooManyRequestsForOneWindow,
  type CoveragePacing,
} from './coverage-scores.ts';
import { carriedBurst, decodeCursor, encodeCursor, type RunState } from './cursor.ts';
import { snapshotProperties } from './portfolio-snapshot.ts';
import { revenueAsWritten, scoreProperties } from './write-back.ts';

// Recalculates the portfolio a slice at a time, so a portal of any size fits in many short function
// invocations, in two stages over the companies. First the scores: per page of 100 companies, one list
// call (with the ids of their deals, made while the page before is being written), the deals in batches
// of 100, one batch update. The last page of scores stores the portfolio snapshot. Then the
// relationships of the key accounts and candidates, from the first page again: one list call and one
// batch update a page, and the relationship reads of the programme's companies on it, which cost tens of
// calls each. Scoring a large firm's 36,000 companies takes about 3,300 calls, their relationships five
// or six times as many: at a busy hour, when the run takes only what people leave of HubSpot's window, the
// scores, suggested statuses and the portfolio pages' snapshot are ready within the hour rather than
// behind the slowest reads. A page is written whole or not at all as far as the cursor knows: the cursor
// only moves past a page once its update succeeded, and redoing a page is harmless.
// When HubSpot's burst window runs low, a page waits for its share of the window rather than run into 429s,
// looking before each send at what HubSpot's latest answer said of the window (people's cards use it
// too); the cursor carries what the pacer knows of the window, so the next slice does not burst into them.
// The key accounts' and candidates' relationship reads wait round by round. When a wait would outlast
// the slice's budget the slice stops instead (retryAfterMs is the wait), keeping in the cursor the
// coverage scores already read for the page, so a page too heavy for one invocation finishes over several.
// Each page's written revenue joins a running distribution in the cursor; the scores' last page stores it
// as the portfolio snapshot on the settings record, and only then does the run move on to the
// relationships, so repeating that slice (its answer lost, or the snapshot write refused) rewrites the
// same snapshot. A run's first slice also stores the portal's people there for the cards (with the
// snapshot when the scores end in that slice, else in a write of its own as it ends); the run goes on
// if that fails.

export async function recalculateSlice(client: Client, request: SliceRequest): Promise<SliceResult> {
  const run = runPeople(client, { storing: request.cursor === null });
  const result = await recalculateSliceWith(client, request, run);
  if (!result.done) await run.storeAlone(request);
  return result;
}

/** The portal's owners, read once a slice and only when needed, and whether this slice stores them. */
interface RunPeople {
  /** Names for the coverage warnings. */
  people: () => Promise<PeopleDirectory>;
  /** The people's settings record properties when this slice stores them (with the snapshot); none otherwise, or when unread. */
  toStore: (now: number) => Promise<Record<string, string>>;
  /** The snapshot's write carried them: the slice does not write them again as it ends. */
  stored: () => void;
  storeAlone: (request: Pick<SliceRequest, 'objectTypes' | 'now'>) => Promise<void>;
}

function runPeople(client: Client, { storing: firstSlice }: { storing: boolean }): RunPeople {
  let storing = firstSlice;
  let owners: Promise<OwnerRecord[]> | null = null;
  const read = () => {
    owners ??= readOwners(client);
    owners.catch(() => undefined);
    return owners;
  };
  // The first slice reads them from its start, beside its first page.
  if (storing) void read();
  let directory: Promise<PeopleDirectory> | null = null;
  const toStore = async (now: number) => {
    if (!storing) return {};
    try {
      return portalPeopleProperties(await read(), now);
    } catch {
      return {};
    }
  };
  return {
    people: () => (directory ??= read().then(peopleDirectory)),
    toStore,
    stored: () => void (storing = false),
    storeAlone: async ({ objectTypes, now }) => {
      const properties = await toStore(now);
      if (Object.keys(properties).length === 0) return;
      try {
        await writeSettingsRecord(client, await objectTypes.objectTypeId('settings'), properties);
      } catch {
        // The cards read HubSpot's owners until the next run stores them.
      }
    },
  };
}

interface SliceRequest {
  cursor: string | null;
  budgetMs: number;
  settings: Settings;
  /** Invocation start; the first slice pins it as the run's "now". */
  now: number;
  /** Elapsed-time source for the budget (performance.now in production). */
  elapsed: () => number;
  /** Finds the settings object, where the slice that scores the last company stores the portfolio snapshot. */
  objectTypes: ObjectTypeResolver;
  /**
   * Told of the run's end before its last slice answers done, and again each time that slice is sent
   * again (its answer lost, or this call failed): `startedAt` tells one run from another. A transient
   * failure here answers like any other, to be retried with the cursor the slice gives.
   */
  finished?: (run: FinishedRun) => Promise<void>;
  /**
   * The revision of the settings this slice read. A run scores every company with the settings it began
   * with: a slice that finds them saved since is refused, and the admin starts the run again.
   */
  settingsRevision?: number;
}

/** A run that has scored every company and weighed the relationships of the programme's. */
interface FinishedRun {
  /** The run's "now", pinned by its first slice. */
  startedAt: number;
  finishedAt: number;
  companies: number;
}

/** What one slice answers: the function's answer as the contract words it. */
export type SliceResult = RecalculationProgress;

// A page of scores costs about four calls: its list, two deal reads, its update; a page of relationships
// two, its list and its update, beside its companies' relationship reads, which record their own (and
// the pacer learns of any others from HubSpot's count in the next answer).
const CALLS_PER_PAGE: Readonly<Record<Stage, number>> = { scores: 4, relationships: 2 };
// What a slice sends before a page's relationship read (its first list and the page's calls): a read of
// more than the window's capacity less this cannot be done by any slice.
const CALLS_BEFORE_RELATIONSHIPS = 1 + CALLS_PER_PAGE.relationships;
type Stage = RunState['stage'];
// The requests of HubSpot's burst window a run leaves free for the cards people open meanwhile. The run
// yields to people: it counts the requests others sent in the window (HubSpot's X-HubSpot-RateLimit-
// Remaining on every answer, less its own) and leaves them what they use and as much again for their
// bursts, on top of a sixth of the window (at least 10). That is more than a card keeps free for the
// next person's (ROOM_FOR_OTHERS, an eighth): a card holds its requests back while the window is fuller
// than that, and the run sees only what cards send, not what they hold back, so a run that filled the
// window to a card's line would keep every card that opens waiting. Leaving 10, it kept a card opened
// mid-run waiting 9.0 s (`npm run bench backend`). People's cards come in bursts (a Relationships
// section of a large account sends tens of requests at once), and what the run sends stays in the
// window for its 10 s: at a busy hour's peak, leaving people only half as much again gave them half as
// many 429s more (503 against 344 in 5 minutes of `npm run bench peak`), and the run scored no more
// companies for the calls it spent.
const RUN_LEAVES_PEOPLE = 1 / 6;
export const roomForPeople = (windowMax: number, othersInWindow: number): number =>
  Math.max(10, Math.ceil(windowMax * RUN_LEAVES_PEOPLE)) + othersInWindow;
// HubSpot's burst window is 10 s: after a 429, waiting a few seconds lets it drain.
const RETRY_AFTER = { 'KAM.HUBSPOT_RATE_LIMITED': 2_000, 'KAM.HUBSPOT_UNAVAILABLE': 1_000 } as const;

async function recalculateSliceWith(client: Client, request: SliceRequest, run: RunPeople): Promise<SliceResult> {
  const started = request.elapsed();
  const wallClock = () => request.now + request.elapsed() - started;
  const state: RunState = request.cursor
    ? decodeCursor(request.cursor)
    : {
        v: 2,
        stage: 'scores',
        after: null,
        startedAt: request.now,
        processed: 0,
        total: await countCompanies(client),
        revenue: emptyDistribution(),
        burst: null,
        coverage: null,
        ...(request.settingsRevision === undefined ? {} : { settingsRevision: request.settingsRevision }),
      };
  if (
    state.settingsRevision !== undefined &&
    request.settingsRevision !== undefined &&
    state.settingsRevision !== request.settingsRevision
  )
    throw new KeystoneError(
      'KAM.SETTINGS_CHANGED',
      'The settings were saved while the recalculation was running. Recalculate again, so every company is scored with the same settings.',
    );
  let slowestPageMs = 0;
  const pacer = new BurstPacer(roomForPeople);
  if (state.burst) pacer.resume(state.burst, wallClock());
  const coverageNotRead: string[] = [];
  const progress = (
    interruptedBy: SliceResult['interruptedBy'] = null,
    retryAfterMs: number | null = null,
  ): SliceResult => {
    // The pacer's memory as of when the caller is to come back: the next slice cannot tell how long it waited.
    state.burst = carriedBurst(pacer.remember(wallClock() + (retryAfterMs ?? 0)));
    return {
      cursor: encodeCursor(state),
      processed: state.processed,
      total: state.total,
      done: false,
      stage: state.stage,
      interruptedBy,
      retryAfterMs,
      coverageNotRead,
      pausedFor,
    };
  };
  let pausedFor: SliceResult['pausedFor'] = null;
  // The slice says why it last waited, for the settings page: people's cards using the window, or its own pace.
  const paused = (waitMs: number) => {
    const othersInWindow = pacer.othersInWindow(wallClock());
    pausedFor = { reason: othersInWindow > 0 ? 'people' : 'window', waitMs: Math.ceil(waitMs), othersInWindow };
  };
  const waitForRoom = roomInWindow(pacer, { clock: wallClock, deadline: request.now + request.budgetMs, paused });
  const beforeRound = relationshipPacing(pacer, waitForRoom);

  try {
    await waitForRoom(1);
    let nextPage: Promise<CompanyPage> | null = prefetch(listCompanies(client, state.after ?? undefined));
    while (nextPage) {
      const page: CompanyPage = await nextPage;
      const pageStarted = request.elapsed();
      pacer.observe(page.burstWindow, wallClock());
      await waitForRoom(CALLS_PER_PAGE[state.stage]);
      const nextAfter = page.paging?.next?.after || null;
      // The next page is listed while this one is worked, unless this is the slice's last: after the
      // scores' last page, the first page again for the relationships.
      const anotherFits = pageStarted - started + 2 * slowestPageMs <= request.budgetMs;
      const following =
        nextAfter !== null ? { after: nextAfter } : state.stage === 'scores' ? { after: undefined } : null;
      nextPage = following && anotherFits ? prefetch(listCompanies(client, following.after)) : null;
      const processed = state.processed + page.results.length;
      if (state.stage === 'scores') {
        const written = await scorePage(client, page.results, { now: state.startedAt, settings: request.settings });
        const revenue = mergeDistributions(state.revenue, distributionOf(written));
        if (nextAfter) Object.assign(state, { after: nextAfter, processed, revenue });
        else await finishScores(client, { state, request, run }, { processed, revenue, completedAt: wallClock() });
      } else {
        state.coverage ??= newCoverageReading();
        const reading = state.coverage;
        await weighPage(client, page.results, {
          now: state.startedAt,
          settings: request.settings,
          pacing: { beforeRound, reading },
          people: run.people,
        });
        coverageNotRead.push(...Object.keys(reading.scores).filter((id) => reading.scores[id] === null));
        if (!nextAfter) {
          const finishedAt = Math.round(wallClock());
          await request.finished?.({ startedAt: state.startedAt, finishedAt, companies: processed });
          return {
            cursor: null,
            processed,
            total: state.total,
            done: true,
            finishedAt,
            stage: 'relationships',
            interruptedBy: null,
            retryAfterMs: null,
            coverageNotRead,
            pausedFor,
          };
        }
        Object.assign(state, { after: nextAfter, processed, coverage: null });
      }
      slowestPageMs = Math.max(slowestPageMs, request.elapsed() - pageStarted);
      // Stop while another page still fits, so the invocation never runs into HubSpot's time limit.
      if (request.elapsed() - started + slowestPageMs > request.budgetMs) break;
    }
  } catch (error) {
    if (error instanceof WindowFullPastBudget) return progress('KAM.BURST_WINDOW_FULL', error.waitMs);
    const keystoneError = toKeystoneError(error);
    if (!isTransient(keystoneError)) throw keystoneError;
    const code = keystoneError.code as keyof typeof RETRY_AFTER;
    return progress(code, RETRY_AFTER[code]);
  }
  return progress();
}

const pace = (ms: number) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

/** The burst window has no room for the page's next requests until after the slice's budget. */
class WindowFullPastBudget extends Error {
  constructor(readonly waitMs: number) {
    super(`HubSpot's burst window has room again in ${waitMs} ms, after the slice's budget`);
  }
}

/**
 * Waits for room for `calls` requests in the burst window and counts them as sent. Before each send it
 * takes in what HubSpot's latest answer said of the window (people's cards may have used it since the
 * pacer last looked), and after a wait it looks again, as the cards may have taken the room it waited
 * for. A wait that would end after `deadline` (the slice's budget) stops the slice instead: waiting out
 * the window could run past HubSpot's time limit, and the next slice can wait before it starts.
 */
function roomInWindow(
  pacer: BurstPacer,
  { clock, deadline, paused }: { clock: () => number; deadline: number; paused: (waitMs: number) => void },
): (calls: number) => Promise<void> {
  // Only what HubSpot said during this slice: another invocation's answers are not relied on.
  let told = lastSeenBurstWindow()?.answer ?? 0;
  const look = () => {
    const seen = lastSeenBurstWindow();
    if (seen && seen.answer !== told) {
      told = seen.answer;
      pacer.observe(seen.window, clock());
    }
  };
  return async (calls) => {
    for (look(); ; look()) {
      const wait = pacer.pauseBefore(calls, clock());
      if (wait === 0) break;
      paused(wait);
      if (clock() + wait > deadline) throw new WindowFullPastBudget(wait);
      await pace(wait);
    }
    pacer.record(calls, clock());
  };
}

/** Paces each relationship read (a fresh BeforeRound per read) with `waitForRoom`; a read needing more than any slice can send stops. */
function relationshipPacing(pacer: BurstPacer, waitForRoom: (calls: number) => Promise<void>): () => BeforeRound {
  return () => {
    let sent = 0;
    return async (calls) => {
      const capacity = pacer.capacity();
      if (capacity !== null && sent + calls > capacity - CALLS_BEFORE_RELATIONSHIPS)
        throw new TooManyRequestsForOneWindow();
      await waitForRoom(calls);
      sent += calls;
    };
  };
}

/** A page listed ahead may go unused when the slice stops; its failure then must not go unhandled. */
function prefetch(page: Promise<CompanyPage>): Promise<CompanyPage> {
  page.catch(() => undefined);
  return page;
}

/** For a progress bar only: a failed count leaves the total unknown rather than failing the run. */
async function countCompanies(client: Client): Promise<number | null> {
  try {
    const answer = await client.crm.objects.searchApi.doSearch('companies', {
      filterGroups: [],
      sorts: [],
      properties: ['hs_object_id'],
      limit: 1,
      after: '0',
    });
    return answer.total;
  } catch {
    return null;
  }
}

/** Scores and writes back a page of companies; answers the 12-month revenue written on each (unknown counts as none). */
async function scorePage(
  client: Client,
  companies: readonly ListedCompany[],
  { now, settings }: { now: number; settings: Settings },
): Promise<number[]> {
  const scored = await factsOf(client, companies, now);
  const updates: RecordUpdate[] = scored.map((facts) => ({
    id: facts.companyId,
    properties: {
      ...scoreProperties(scoreCompany(facts, settings.selection), {
        revenueLast12Months: facts.revenueLast12Months,
        scoredAt: now,
        sync: settings.hubspotSync,
      }),
      // A key account's sidebar follows a change of the review grace, as the stored scores follow theirs.
      ...(facts.status === 'key' ? reviewGraceProperty(settings) : {}),
    },
  }));
  if (updates.length > 0) await batchUpdate(client, { objectType: 'companies', updates });
  return scored.map((facts) => revenueAsWritten(facts.revenueLast12Months) ?? 0);
}

/**
 * Weighs the relationship coverage of a page's key accounts and candidates (tagged so, or suggested so
 * by the scores the run just wrote) for the portfolio home's coverage risks, and writes it back; the
 * page's other companies have theirs cleared, as they left the programme or never were in it.
 */
async function weighPage(
  client: Client,
  companies: readonly ListedCompany[],
  {
    now,
    settings,
    pacing,
    people,
  }: { now: number; settings: Settings; pacing: CoveragePacing; people: () => Promise<PeopleDirectory> },
): Promise<void> {
  const coverage = await coverageScores(client, companies.map(programmeStanding), { settings, now, pacing, people });
  const updates: RecordUpdate[] = companies.map(({ id }) => ({
    id,
    properties: {
      ...coverageSummaryProperties(coverage.get(id), now),
      ...meetingsProperty(coverage.has(id) ? pacing.reading.meetings?.[id] : undefined),
      // Satisfaction is written only where the surveys were read: without the survey scope the last summary stays.
      ...satisfactionProperty(coverage.has(id) ? pacing.reading.satisfaction?.[id] : undefined),
    },
  }));
  if (updates.length > 0) await batchUpdate(client, { objectType: 'companies', updates });
}

/** A listed company's place in the programme: its status, and the status its score suggests (none where unreadable). */
function programmeStanding({ id, properties }: ListedCompany): ProgrammeStanding {
  return {
    companyId: id,
    status: storedKeyAccountStatus(properties[COMPANY_PROPERTY.status]),
    suggestedStatus: storedKeyAccountStatus(properties[COMPANY_PROPERTY.suggestedStatus]),
  };
}

/**
 * Ends the scores of a run that has scored every company: stores the portfolio snapshot of the revenue
 * written on them (with the portal's people when this slice stores them), then turns the run to the
 * relationships, from the first page again. The run's state moves only once the snapshot is stored,
 * so a slice that fails here scores the last page again and adds its revenue once.
 */
async function finishScores(
  client: Client,
  { state, request, run }: { state: RunState; request: SliceRequest; run: RunPeople },
  { processed, revenue, completedAt }: { processed: number; revenue: RunState['revenue']; completedAt: number },
): Promise<void> {
  // Beside (and without touching) the settings on the settings record.
  const people = await run.toStore(request.now);
  await writeSettingsRecord(client, await request.objectTypes.objectTypeId('settings'), {
    ...snapshotProperties({
      version: 1,
      startedAt: state.startedAt,
      completedAt: Math.round(completedAt),
      companiesScored: processed,
      distribution: revenue,
    }),
    ...people,
  });
  run.stored();
  Object.assign(state, {
    stage: 'relationships',
    after: null,
    processed: 0,
    revenue: emptyDistribution(),
    coverage: null,
  } satisfies Partial<RunState>);
}
