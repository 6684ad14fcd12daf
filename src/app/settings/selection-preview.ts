import type { CompanyFacts } from '../../kam/selection/company-facts.ts';
import { scorePortfolio } from '../../kam/selection/score.ts';
import type { SelectionSettings } from '../../kam/settings/index.ts';

// The live preview beside the selection weights: the domain's own scoring (zod-free, so it bundles
// into the page) run over the portfolio's facts with the weights and thresholds being edited.

interface SelectionPreview {
  companies: number;
  /** Companies whose score reaches the key account threshold, whatever their status now. */
  key: number;
  /** Companies whose score reaches the candidate threshold but not the key one, whatever their status now. */
  candidates: number;
  /** Of `key`, those tagged key accounts now. */
  keyNow: number;
  /** Of `candidates`, those tagged candidates now. */
  candidatesNow: number;
  /** Share (0–1) of the portfolio's last-12-month revenue held by the companies that would be key; null when no revenue is known. */
  keyRevenueShare: number | null;
  /** The same for key accounts and candidates together. */
  qualifyingRevenueShare: number | null;
}

export function previewSelection(facts: readonly CompanyFacts[], selection: SelectionSettings): SelectionPreview {
  const scores = scorePortfolio(facts, selection);
  let totalRevenue = 0;
  let keyRevenue = 0;
  let candidateRevenue = 0;
  let key = 0;
  let candidates = 0;
  let keyNow = 0;
  let candidatesNow = 0;
  for (let i = 0; i < scores.count; i++) {
    const { revenueLast12Months, status } = facts[i]!;
    const revenue = revenueLast12Months ?? 0;
    totalRevenue += revenue;
    if (scores.suggestedStatuses[i] === 'key') {
      key++;
      if (status === 'key') keyNow++;
      keyRevenue += revenue;
    } else if (scores.suggestedStatuses[i] === 'candidate') {
      candidates++;
      if (status === 'candidate') candidatesNow++;
      candidateRevenue += revenue;
    }
  }
  const share = (part: number) => (totalRevenue > 0 ? part / totalRevenue : null);
  return {
    companies: scores.count,
    key,
    candidates,
    keyNow,
    candidatesNow,
    keyRevenueShare: share(keyRevenue),
    qualifyingRevenueShare: share(keyRevenue + candidateRevenue),
  };
}

/**
 * Selection settings the preview can score: every weight and threshold a number from 0 to 100 (what
 * saving accepts), thresholds in order. Otherwise the form shows what to fix.
 */
export function isScorable(selection: SelectionSettings): boolean {
  const numbers = [...Object.values(selection.weights), selection.thresholds.key, selection.thresholds.candidate];
  return (
    numbers.every((n) => Number.isFinite(n) && n >= 0 && n <= 100) &&
    Object.values(selection.weights).some((w) => w > 0) &&
    selection.thresholds.candidate <= selection.thresholds.key
  );
}
