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
} as const;
