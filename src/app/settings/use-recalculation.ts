import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecalculationProgress } from '../../contracts/recalculate-portfolio.ts';
import type { FunctionParameters } from '../../contracts/registry.ts';
import type { FunctionFailure } from '../ui/function-call.ts';
import { callFunction } from './keystone-ui.ts';

type RecalculationState =
  | { status: 'idle' }
  | {
      status: 'running';
      stage: RecalculationProgress['stage'];
      processed: number;
      total: number | null;
      waitingMs: number | null;
      /** Why the last slice gave way in HubSpot's burst window; null when it did not. */
      pausedFor: RecalculationProgress['pausedFor'];
    }
  /** `coverageNotRead`: the names of key accounts and candidates too large to weigh in one invocation (their coverage score was cleared). */
  | { status: 'done'; processed: number; finishedAt: number; coverageNotRead: string[] }
  | { status: 'error'; failure: FunctionFailure; stage: RecalculationProgress['stage']; processed: number };

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A slice HubSpot refused before it began (its rate limit while people's cards fill the window, or an
 * outage) wrote nothing: the page waits and sends the same cursor again, a few times in a row at most,
 * rather than stop the run.
 */
export const TRANSIENT_SLICE_FAILURES: readonly string[] = ['KAM.HUBSPOT_RATE_LIMITED', 'KAM.HUBSPOT_UNAVAILABLE'];
export const SLICE_RETRY_AFTER_MS = 2_000;
const MOST_SLICE_RETRIES = 10;

/**
 * Drives `recalculate_portfolio` slice by slice: each answer's cursor goes into the next call until
 * `done`. A slice HubSpot interrupted (rate limit, outage) is retried with the same cursor after the
 * wait the function asks for. Leaving the page stops the loop between slices.
 */
export function useRecalculation(userId: number) {
  const [state, setState] = useState<RecalculationState>({ status: 'idle' });
  const run = useRef(0);
  useEffect(() => () => void run.current++, []);

  const start = useCallback(async () => {
    const current = ++run.current;
    const live = () => run.current === current;
    let cursor: string | null = null;
    let processed = 0;
    let stage: RecalculationProgress['stage'] = 'scores';
    // By company id: a company is named once, however many slices name it.
    const coverageNotRead = new Map<string, string>();
    let retries = 0;
    let total: number | null = null;
    setState({ status: 'running', stage, processed, total: null, waitingMs: null, pausedFor: null });
    while (live()) {
      // Typed here, as the cursor's type flows back from the answer: the compiler needs it to stop there.
      const parameters: FunctionParameters<'recalculate_portfolio'> = { userId, cursor };
      const outcome = await callFunction('recalculate_portfolio', parameters);
      if (!live()) return;
      if (!outcome.ok && TRANSIENT_SLICE_FAILURES.includes(outcome.failure.code) && retries < MOST_SLICE_RETRIES) {
        retries += 1;
        setState({ status: 'running', stage, processed, total, waitingMs: SLICE_RETRY_AFTER_MS, pausedFor: null });
        await wait(SLICE_RETRY_AFTER_MS);
        continue;
      }
      if (!outcome.ok) {
        setState({ status: 'error', failure: outcome.failure, stage, processed });
        return;
      }
      retries = 0;
      const slice = outcome.answer;
      processed = slice.processed;
      stage = slice.stage;
      total = slice.total;
      for (const { companyId, name } of slice.coverageNotReadCompanies) coverageNotRead.set(companyId, name);
      if (slice.done) {
        const { finishedAt } = slice;
        setState({ status: 'done', processed, finishedAt, coverageNotRead: [...coverageNotRead.values()] });
        return;
      }
      const waitingMs = slice.interruptedBy ? (slice.retryAfterMs ?? 1_000) : null;
      setState({ status: 'running', stage, processed, total: slice.total, waitingMs, pausedFor: slice.pausedFor });
      // An interrupted slice answers with the cursor to resume from; keep the old one if it has none.
      cursor = slice.cursor ?? cursor;
      if (waitingMs !== null) await wait(waitingMs);
    }
  }, [userId]);

  return { state, start };
}
