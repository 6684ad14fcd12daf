import { COMPANY_PROPERTY } from '../../crm/model/index.ts';
import { toHubSpotDateTime } from '../../crm/records.ts';
import type { Settings } from '../../kam/settings/index.ts';

// The company sidebar reads no settings, yet tells a due review from an overdue one as the Reviews tab
// does: the portal's days of grace go on the company with every next-review date Keystone writes, and
// recalculation brings them in line with the settings on every key account.

/** The admin's days of grace after a review's due date, as the sidebar reads them from the company. */
export function reviewGraceProperty(settings: Settings): Record<string, string> {
  return { [COMPANY_PROPERTY.reviewOverdueAfterDays]: String(settings.reviews.overdueAfterDays) };
}

/** The next review's due date, with the grace the sidebar judges it by. */
export function nextReviewProperties(dueAt: number, settings: Settings): Record<string, string> {
  return { [COMPANY_PROPERTY.nextReviewDue]: toHubSpotDateTime(dueAt), ...reviewGraceProperty(settings) };
}
