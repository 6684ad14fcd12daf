import { COMPANY_PROPERTY } from '../../crm/model/index.ts';
import { toHubSpotDateTime } from '../../crm/records.ts';
import type { SelectionScore } from '../../kam/selection/index.ts';
import type { Settings } from '../../kam/settings/index.ts';

// What recalculation writes on a company: Keystone's score fields, and HubSpot's own target-account
// flag and ICP tier when the settings ask for them. Pure.

const HUBSPOT_TARGET_ACCOUNT = 'hs_is_target_account';
const HUBSPOT_ICP_TIER = 'hs_ideal_customer_profile';

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/** The 12-month revenue as recalculation writes it on the company (to the cent). */
export function revenueAsWritten(revenueLast12Months: number | null): number | null {
  return revenueLast12Months === null ? null : round(revenueLast12Months, 2);
}

export function scoreProperties(
  score: SelectionScore,
  {
    revenueLast12Months,
    scoredAt,
    sync,
  }: { revenueLast12Months: number | null; scoredAt: number; sync: Settings['hubspotSync'] },
): Record<string, string> {
  const breakdown = score.criteria.map((c) => ({
    criterion: c.criterion,
    value: c.value === null ? null : round(c.value, 4),
    source: c.source,
    weight: c.weight,
    contribution: round(c.contribution, 2),
  }));
  const properties: Record<string, string> = {
    [COMPANY_PROPERTY.score]: score.score === null ? '' : String(round(score.score, 1)),
    [COMPANY_PROPERTY.suggestedStatus]: score.suggestedStatus,
    [COMPANY_PROPERTY.scoreBreakdown]: JSON.stringify({
      completeness: round(score.completeness, 3),
      missing: score.missing,
      criteria: breakdown,
    }),
    [COMPANY_PROPERTY.scoredAt]: toHubSpotDateTime(scoredAt),
    [COMPANY_PROPERTY.revenueLast12Months]: String(revenueAsWritten(revenueLast12Months) ?? ''),
  };
  if (sync.syncTargetAccountFlag) properties[HUBSPOT_TARGET_ACCOUNT] = score.status === 'key' ? 'true' : 'false';
  if (sync.writeIcpTier) properties[HUBSPOT_ICP_TIER] = score.icpTier ?? '';
  return properties;
}
