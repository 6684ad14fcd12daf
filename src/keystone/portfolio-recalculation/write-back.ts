import { COMPANY_PROPERTY } from '../../crm/model/index.ts';
import { toHubSpotDateTime } from '../../crm/records.ts';
import { earnedPoints, type SelectionScore } from '../../kam/selection/index.ts';
import type { Settings } from '../../kam/settings/index.ts';

// What recalculation writes on a company: only what it derives from the score (Keystone's score
// fields, and HubSpot's ICP tier when the settings ask for it), never the key account status nor
// HubSpot's target-account flag, which mirrors that status. A manager can tag or untag the company
// while a slice is scoring it, and a slice's write-back can sit in flight for seconds: written from the
// status the slice read, the flag would undo the manager's newer change (the company left "key" with
// no target-account flag). Reading the status again just before the batch update would still leave the
// update in flight, so the flag is written only by tag_key_account and untag_key_account, in the same
// update as the status itself. Pure.

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
    [COMPANY_PROPERTY.score]: score.score === null ? '' : String(earnedPoints(score.score, 1)),
    [COMPANY_PROPERTY.suggestedStatus]: score.suggestedStatus,
    [COMPANY_PROPERTY.scoreBreakdown]: JSON.stringify({
      completeness: round(score.completeness, 3),
      // The sidebar says "too little known" rather than pass on a suggestion that stands on nothing.
      enoughData: score.enoughData,
      missing: score.missing,
      criteria: breakdown,
    }),
    [COMPANY_PROPERTY.scoredAt]: toHubSpotDateTime(scoredAt),
    [COMPANY_PROPERTY.revenueLast12Months]: String(revenueAsWritten(revenueLast12Months) ?? ''),
  };
  if (sync.writeIcpTier) properties[HUBSPOT_ICP_TIER] = score.icpTier ?? '';
  return properties;
}
