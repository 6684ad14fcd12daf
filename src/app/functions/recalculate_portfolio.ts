import { requireAdmin, verifyCaller } from '../../keystone/access/index.ts';
import { recalculateSlice } from '../../keystone/portfolio-recalculation/index.ts';
import { KeystoneError } from '../../errors/keystone-error.ts';
import { loadSettings, recordAdminAction } from '../../keystone/settings/index.ts';
import { readCompanyNames } from '../../keystone/readers/portal-reads.ts';
import { recalculatePortfolioParametersSchema } from '../../contracts/recalculate-portfolio.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(
  'recalculate_portfolio',
  // A slice paces itself to avoid 429s and, when it meets a failure, stops and reports it: the caller
  // retries the slice, so the client does not retry within it.
  { parameters: recalculatePortfolioParametersSchema, attempts: 1 },
  async ({ userId, cursor, timeBudgetMs }, { client, objectTypes, now }) => {
    const { settings, setup, revision } = await loadSettings(client, objectTypes);
    const caller = await verifyCaller(client, userId, settings.access);
    requireAdmin(caller);
    // The run ends by storing the portfolio snapshot, in a property an older setup did not create.
    if (!setup.upToDate) throw new KeystoneError('KAM.SETUP_REQUIRED');
    // A run is started by its first slice (no cursor): recorded before anything is scored.
    if (cursor === null) {
      const entry = {
        kind: 'recalculation' as const,
        summary: 'Started a portfolio recalculation',
        adminsAdded: [],
        adminsRemoved: [],
      };
      await recordAdminAction(client, objectTypes, { caller, now, entry });
    }
    const slice = await recalculateSlice(client, {
      cursor,
      budgetMs: timeBudgetMs,
      settings,
      settingsRevision: revision,
      now,
      elapsed: () => performance.now(),
      objectTypes,
      // Keyed by the run's start, so a last slice sent again records its finish once.
      finished: ({ startedAt, finishedAt, companies }) =>
        recordAdminAction(client, objectTypes, {
          caller,
          now: finishedAt,
          actionId: `recalculation-finished-${startedAt}`,
          entry: {
            kind: 'recalculation_finished',
            summary: `Finished a portfolio recalculation of ${companies.toLocaleString('en-GB')} companies`,
            adminsAdded: [],
            adminsRemoved: [],
          },
        }),
    });
    // The admin is told which accounts were too large to weigh by name: one read, only when there are any. The
    // slice's work is written by now, so a failed read of names leaves them named by company id, not the run stopped.
    const names = await readCompanyNames(client, slice.coverageNotRead).catch(() => new Map<string, string>());
    const coverageNotReadCompanies = slice.coverageNotRead.map((companyId) => ({
      companyId,
      name: names.get(companyId) ?? `Company ${companyId}`,
    }));
    return { ...slice, coverageNotReadCompanies };
  },
);
