import type { FiscalQuarter } from '../../contracts/portfolio-overview.ts';

// Which quarter a report route shows: `/report` is the current quarter, `/report/:fiscalYear/:quarter`
// a chosen one, and `/print` after either is its printable page.

export const REPORT_PATHS = {
  current: '/report',
  chosen: '/report/:fiscalYear/:quarter',
  currentPrint: '/report/print',
  chosenPrint: '/report/:fiscalYear/:quarter/print',
} as const;

/** The quarter named by a route's parameters; null when they name none (the current quarter is meant). */
export function quarterFromParams(params: Record<string, string>): FiscalQuarter | null {
  const fiscalYear = Number(params.fiscalYear);
  const quarter = Number(params.quarter);
  if (!Number.isInteger(fiscalYear) || ![1, 2, 3, 4].includes(quarter)) return null;
  return { fiscalYear, quarter: quarter as FiscalQuarter['quarter'] };
}

export function reportPath(quarter: FiscalQuarter, print = false): string {
  return `/report/${quarter.fiscalYear}/${quarter.quarter}${print ? '/print' : ''}`;
}

/** The quarter `by` quarters after `quarter` (before it, for a negative `by`). */
function shifted(quarter: FiscalQuarter, by: number): FiscalQuarter {
  const at = quarter.fiscalYear * 4 + (quarter.quarter - 1) + by;
  return { fiscalYear: Math.floor(at / 4), quarter: ((at % 4) + 1) as FiscalQuarter['quarter'] };
}

/**
 * The quarters a report links to beside the current one, oldest first: the `before` quarters before the one
 * shown, and the one after it unless it is the current quarter, so a reader can step forward as well as back.
 */
export function quartersAround(shown: FiscalQuarter & { current: boolean }, before: number): FiscalQuarter[] {
  const earlier = Array.from({ length: before }, (_v, i) => shifted(shown, i - before));
  return shown.current ? earlier : [...earlier, shifted(shown, 1)];
}
