import { z } from 'zod';
import type { ErrorCode } from '../errors/codes.ts';
import { callerSchema } from './shared.ts';

/** HubSpot stops a function after ~10–15 s: a slice stops starting new pages after this budget. */
export const DEFAULT_SLICE_BUDGET_MS = 7_000;

/**
 * `recalculate_portfolio`: scores a slice of the portal's companies and writes back score, suggested
 * status, breakdown and 12-month revenue (and, per settings, HubSpot's ICP tier). It never writes the key account
 * status nor HubSpot's target-account flag: only tag_key_account and untag_key_account do, with the status.
 * Once every company is scored, it weighs the relationship coverage of the key accounts and candidates
 * and writes that back (coverage score, top risk, holders, meetings, satisfaction).
 * Call first without a cursor, then with each answer's cursor until `done`. The slice that scores the
 * last company stores the portfolio snapshot (the whole portfolio's revenue distribution) on the
 * settings record for the portfolio pages; repeating it is harmless. Admins only (while none is configured, a HubSpot super admin); needs setup to be up to date. The first slice (no
 * cursor) leaves an admin-action record naming the user, and the slice that answers `done` another
 * saying the run finished (once per run, however often that slice is sent).
 * A slice interrupted by HubSpot's rate limit or an outage, or stopped to wait for room in the burst
 * window (`KAM.BURST_WINDOW_FULL`: a page of very large key accounts spreads over several slices), answers
 * `ok` with `interruptedBy` set: call again with the same cursor after `retryAfterMs`. `coverageNotRead`
 * names key accounts and candidates too large to read in any invocation (no coverage score written).
 * Errors: KAM.INVALID_PARAMETERS (also for a damaged cursor), KAM.NOT_AN_ADMIN, KAM.UNKNOWN_USER,
 * KAM.SETUP_REQUIRED, HubSpot failure codes.
 */
export const recalculatePortfolioParametersSchema = callerSchema
  .extend({
    // The cursor carries the run's revenue distribution (at most 45,000 characters of JSON) and pacing.
    cursor: z.string().max(100_000, 'is not a cursor Keystone gave out').nullable().default(null),
    timeBudgetMs: z
      .number()
      .int()
      .min(500, 'must be at least 500 ms')
      .max(12_000, "must stay under HubSpot's function time limit (12,000 ms)")
      .default(DEFAULT_SLICE_BUDGET_MS),
  })
  .strict();
export type RecalculatePortfolioParameters = z.input<typeof recalculatePortfolioParametersSchema>;

/** What one slice answers: the run going on, or done, with `finishedAt` the moment its last slice ended. */
export type RecalculationProgress =
  | (RecalculationSlice & { done: false })
  | (RecalculationSlice & { done: true; finishedAt: number });

/**
 * What `recalculate_portfolio` answers: the slice's progress, with the companies of `coverageNotRead` by name,
 * as the settings page tells the admin which accounts it could not weigh.
 */
export type RecalculationAnswer = RecalculationProgress & {
  coverageNotReadCompanies: Array<{ companyId: string; name: string }>;
};

interface RecalculationSlice {
  /** Pass back to continue; null when done. */
  cursor: string | null;
  /**
   * What the run is doing: scoring every company (`scores`), then weighing the relationships of the key
   * accounts and candidates among them (`relationships`), from the first company again.
   */
  stage: 'scores' | 'relationships';
  /** Companies the stage has passed so far in this run (all slices). */
  processed: number;
  /** Companies in the portal when the run started, for a progress bar; null if HubSpot could not count them. */
  total: number | null;
  /**
   * Set when the slice stopped early: HubSpot answered 429 or was unavailable, or (BURST_WINDOW_FULL, no
   * 429) the burst window has no room for the page's next reads before the slice's budget ends. Call
   * again with the cursor after `retryAfterMs`.
   */
  interruptedBy: Extract<
    ErrorCode,
    'KAM.HUBSPOT_RATE_LIMITED' | 'KAM.HUBSPOT_UNAVAILABLE' | 'KAM.BURST_WINDOW_FULL'
  > | null;
  retryAfterMs: number | null;
  /**
   * Key accounts and candidates on the pages this slice finished whose relationships take more requests
   * than HubSpot's burst window holds (so no invocation can read them): their coverage score is cleared.
   */
  coverageNotRead: string[];
  /**
   * Why the slice last waited for room in HubSpot's burst window, if it did: `people` when others (the
   * cards people open) had sent `othersInWindow` of the window's requests in its last interval, and the run
   * gave way to them; `window` when its own requests filled its share. Null when it never waited.
   */
  pausedFor: { reason: 'people' | 'window'; waitMs: number; othersInWindow: number } | null;
}
