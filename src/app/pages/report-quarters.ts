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

/** `count` quarters ending with `last`, oldest first. */
export function quartersUpTo(last: FiscalQuarter, count: number): FiscalQuarter[] {
  const index = last.fiscalYear * 4 + (last.quarter - 1);
  return Array.from({ length: count }, (_v, i) => {
    const at = index - (count - 1 - i);
    return { fiscalYear: Math.floor(at / 4), quarter: ((at % 4) + 1) as FiscalQuarter['quarter'] };
  });
}
