import { z } from 'zod';
import { PORTAL_SETTINGS } from '../../crm/model/index.ts';
import { revenueDistributionSchema } from '../../kam/portfolio/index.ts';
import { instantSchema } from '../../kam/shared/time.ts';
import { describeIssues, validate } from '../../kam/shared/validation.ts';

// The portfolio snapshot: what a recalculation run leaves on the settings record once it has scored every company (versioned
// JSON in one text property), so the portfolio pages read the whole portfolio's revenue picture without
// listing every company.

const portfolioSnapshotSchema = z
  .object({
    version: z.literal(1),
    /** The run's "now": revenue is over the 12 months up to it. */
    startedAt: instantSchema,
    completedAt: instantSchema,
    companiesScored: z.number().int().nonnegative(),
    /** The 12-month revenue recalculation wrote on every company. */
    distribution: revenueDistributionSchema,
  })
  .strict();
export type PortfolioSnapshot = z.infer<typeof portfolioSnapshotSchema>;

/** The settings record property that holds the snapshot. */
export function snapshotProperties(snapshot: PortfolioSnapshot): Record<string, string> {
  return { [PORTAL_SETTINGS.property.portfolioSnapshot]: JSON.stringify(snapshot) };
}

export type StoredSnapshot = { snapshot: PortfolioSnapshot | null; unreadable: string | null };

/** The stored snapshot (null before the first complete run); a damaged one says why, and the next complete run replaces it. */
export function storedSnapshot(json: string | null | undefined): StoredSnapshot {
  if (!json) return { snapshot: null, unreadable: null };
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch {
    return { snapshot: null, unreadable: 'it is not JSON' };
  }
  const parsed = validate(portfolioSnapshotSchema, document);
  return parsed.success
    ? { snapshot: parsed.data, unreadable: null }
    : { snapshot: null, unreadable: describeIssues(parsed.errors) };
}
