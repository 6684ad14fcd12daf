// The company properties the sidebar shows an account at a glance from, read in the signed-in user's own
// HubSpot session (CRM data hooks), never through an app function. Recalculation and the tab's actions
// write them; each action that changes one writes it at once. Free of zod, so the card folders can bundle it.

export const ACCOUNT_SUMMARY_PROPERTY = {
  status: 'keystone_status',
  score: 'keystone_score',
  suggestedStatus: 'keystone_suggested_status',
  scoredAt: 'keystone_scored_at',
  coverageScore: 'keystone_coverage_score',
  topRisk: 'keystone_top_risk',
  coverageScoredAt: 'keystone_coverage_scored_at',
  nextReviewDue: 'keystone_next_review_due',
  reviewOverdueAfterDays: 'keystone_review_overdue_after_days',
  /** The score's criteria as recalculation weighed them (JSON), and whether enough was known to suggest a status. */
  scoreBreakdown: 'keystone_score_breakdown',
} as const;

/**
 * Whether the stored score stood on enough of the criteria's weight to suggest a status; null where the
 * breakdown is missing, unreadable or from before it said so.
 */
export function storedEnoughData(breakdown: string | null | undefined): boolean | null {
  if (!breakdown) return null;
  try {
    const parsed: unknown = JSON.parse(breakdown);
    const enoughData = (parsed as { enoughData?: unknown } | null)?.enoughData;
    return typeof enoughData === 'boolean' ? enoughData : null;
  } catch {
    return null;
  }
}
