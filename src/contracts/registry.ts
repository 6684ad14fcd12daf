import { z } from 'zod';
import type { ErrorCode } from '../errors/codes.ts';
import type { ValidationIssue } from '../kam/shared/validation.ts';
import type { SetupReport } from '../crm/setup/index.ts';
import type { settingsSchema } from '../kam/settings/index.ts';
import type { PortfolioFacts, SliceResult } from '../keystone/portfolio-recalculation/index.ts';
import type { StoredSettings } from '../keystone/settings/index.ts';
import type { PortalDirectory } from '../keystone/access/directory.ts';
import { ACCOUNT_FUNCTIONS, callerSchema } from './card-data.ts';

// Every Keystone app function: its uid (also its file names: `<uid>.ts`, `<uid>-hsmeta.json`,
// `dist/<uid>.js`), the zod schema its parameters are parsed with, and the payload of its answer.
// Cards `import type` from here. The account functions' own schemas live in account-contract.ts.

export * from './card-data.ts';
export * from './portfolio-overview.ts';

/** What every function answers: its payload beside `status: 'ok'`, or a stable error code with a message a user can act on. */
export type FunctionError = { status: 'error'; code: ErrorCode; message: string; issues?: ValidationIssue[] };
export type FunctionResult<Payload extends object> = ({ status: 'ok' } & Payload) | FunctionError;

export const ADMIN_FUNCTIONS = {
  getSettings: 'get_settings',
  saveSettings: 'save_settings',
  runSetup: 'run_setup',
  recalculatePortfolio: 'recalculate_portfolio',
} as const;

/** Read by the settings page for its live preview (not an admin action, so not in ADMIN_FUNCTIONS). */
export const PREVIEW_FUNCTIONS = { portfolioFacts: 'portfolio_facts' } as const;

export const KEYSTONE_FUNCTIONS = { ...ACCOUNT_FUNCTIONS, ...ADMIN_FUNCTIONS, ...PREVIEW_FUNCTIONS } as const;
export type FunctionUid = (typeof KEYSTONE_FUNCTIONS)[keyof typeof KEYSTONE_FUNCTIONS];

// ─── get_settings ───────────────────────────────────────────────────────────────────────────────

/**
 * `get_settings`: the portal's settings (defaults until an admin saves), their revision, the portal's
 * currency and time zone, the setup status and whether the caller may change them. Any user of the portal may read them.
 * Errors: KAM.INVALID_PARAMETERS, KAM.UNKNOWN_USER, HubSpot failure codes.
 */
export const getSettingsParametersSchema = callerSchema.strict();
export type GetSettingsParameters = z.input<typeof getSettingsParametersSchema>;

/** `revision` is 0 until the first save; pass it back as `expectedRevision` when saving. */
export interface PortalSettings extends StoredSettings {
  /** Whether the caller is a Keystone admin (may save settings, run setup and recalculation). */
  canEdit: boolean;
  /** The portal's users and teams, for choosing managers and admins by name. */
  directory: PortalDirectory;
  /** The last complete portfolio recalculation (null before the first, or when its snapshot cannot be read). */
  lastRecalculation: { startedAt: number; completedAt: number; companiesScored: number } | null;
}
export type GetSettingsResult = FunctionResult<PortalSettings>;

// ─── save_settings ──────────────────────────────────────────────────────────────────────────────

/**
 * `save_settings`: validates the whole document with the domain's settings schema (older versions
 * are migrated) and saves it as the next revision. Admins only; while no admin is configured, any
 * user of the portal may save, and the saved settings must name the saver as an admin. Of two saves
 * from the same revision at once, one wins. The portal's currency and time zone are refreshed too.
 * Errors: KAM.INVALID_PARAMETERS, KAM.INVALID_SETTINGS (issues with paths under `settings.`),
 * KAM.NOT_AN_ADMIN, KAM.UNKNOWN_USER, KAM.SETTINGS_CHANGED (saved since `expectedRevision`, or being
 * saved right now), KAM.SETUP_REQUIRED, HubSpot failure codes.
 */
export const saveSettingsParametersSchema = callerSchema
  .extend({
    settings: z.record(z.string(), z.unknown(), 'must be the settings document (an object)'),
    expectedRevision: z.number().int().nonnegative('must be the revision the settings were read at'),
  })
  .strict();
export type SaveSettingsParameters = Omit<z.input<typeof saveSettingsParametersSchema>, 'settings'> & { settings: z.input<typeof settingsSchema> };
export type SaveSettingsResult = FunctionResult<Omit<PortalSettings, 'setup' | 'canEdit' | 'directory' | 'lastRecalculation'>>;

// ─── run_setup ──────────────────────────────────────────────────────────────────────────────────

/**
 * `run_setup`: creates or updates Keystone's properties, custom objects and association labels, and
 * copies the portal's currency and time zone onto the settings record.
 * Safe to run again at any time. Admins only (anyone while setup has never completed, so a new portal can start).
 * Errors: KAM.INVALID_PARAMETERS, KAM.NOT_AN_ADMIN, KAM.UNKNOWN_USER, HubSpot failure codes.
 */
export const runSetupParametersSchema = callerSchema.strict();
export type RunSetupParameters = z.input<typeof runSetupParametersSchema>;
/** `changed` counts the properties, objects and labels created or updated (0 when everything was in place). */
export type SetupOutcome = SetupReport;
export type RunSetupResult = FunctionResult<SetupOutcome>;

// ─── recalculate_portfolio ─────────────────────────────────────────────────────────────────────

/** HubSpot stops a function after ~10–15 s: a slice stops starting new pages after this budget. */
export const DEFAULT_SLICE_BUDGET_MS = 7_000;

/**
 * `recalculate_portfolio`: scores a slice of the portal's companies and writes back score, suggested
 * status, breakdown and 12-month revenue (and, per settings, HubSpot's target-account flag and ICP tier).
 * Call first without a cursor, then with each answer's cursor until `done`. The last slice stores the
 * portfolio snapshot (the whole portfolio's revenue distribution) on the settings record for the
 * portfolio pages; repeating it is harmless. Admins only; needs setup to be up to date.
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
    timeBudgetMs: z.number().int().min(500, 'must be at least 500 ms').max(12_000, 'must stay under HubSpot\'s function time limit (12,000 ms)').default(DEFAULT_SLICE_BUDGET_MS),
  })
  .strict();
export type RecalculatePortfolioParameters = z.input<typeof recalculatePortfolioParametersSchema>;
/**
 * `cursor`: pass back to continue (null when done); `processed`: companies scored so far in this run;
 * `total`: companies in the portal when the run started (null if unknown), for a progress bar.
 */
export type RecalculationProgress = SliceResult;
export type RecalculatePortfolioResult = FunctionResult<RecalculationProgress>;

// ─── portfolio_facts ────────────────────────────────────────────────────────────────────────────

/**
 * `portfolio_facts`: every company's selection facts (ratings from the company, revenue over the last
 * 12 months and open pipeline from its deals), so the settings page can rescore the portfolio live as
 * the admin moves a weight. Admins only: the app's token sees every company, whatever the user's own
 * HubSpot permissions. A portal too large for one invocation answers what was read, `complete: false`.
 * Errors: KAM.INVALID_PARAMETERS, KAM.NOT_AN_ADMIN, KAM.UNKNOWN_USER, HubSpot failure codes.
 */
export const portfolioFactsParametersSchema = callerSchema.strict();
export type PortfolioFactsParameters = z.input<typeof portfolioFactsParametersSchema>;
export type PortfolioFactsResult = FunctionResult<PortfolioFacts>;
