import type { PlanSection, QuarterValues, TargetRow } from '../../../contracts/card-data.ts';
import type { Formatters } from '../../ui/format.ts';
import { QUARTER_STATUS_LABELS } from '../../ui/labels.ts';

// The plan's quarterly grid of targets and actuals as the card shows it: values in their own unit, and chart rows.

export const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const satisfies ReadonlyArray<keyof QuarterValues>;
type Quarter = (typeof QUARTERS)[number];

function metricValue(unit: TargetRow['unit'], value: number | null, format: Formatters): string {
  if (value === null) return '–';
  if (unit === 'currency') return format.money(value);
  if (unit === 'percent') return format.share(value / 100);
  return format.whole(value);
}

/** "actual of target", or just one of them when the other is unset; then how the quarter stands. */
export function gridCell(row: TargetRow, quarter: Quarter, format: Formatters): string {
  const target = row.targets[quarter];
  const actual = row.actuals[quarter];
  if (target === null && actual === null) return '–';
  const figures =
    target === null
      ? metricValue(row.unit, actual, format)
      : `${metricValue(row.unit, actual, format)} of ${metricValue(row.unit, target, format)}`;
  const standing = row.status[quarter];
  return standing === 'on_track' || standing === 'behind' ? `${figures} (${QUARTER_STATUS_LABELS[standing]})` : figures;
}

/** Bar chart rows for one metric: target and actual side by side per quarter, unset values left out. */
export function chartRows(row: TargetRow): Array<{ quarter: Quarter; series: 'Target' | 'Actual'; value: number }> {
  return QUARTERS.flatMap((quarter) => {
    const target = row.targets[quarter];
    const actual = row.actuals[quarter];
    return [
      ...(target === null ? [] : [{ quarter, series: 'Target' as const, value: target }]),
      ...(actual === null ? [] : [{ quarter, series: 'Actual' as const, value: actual }]),
    ];
  });
}

export function fiscalYearLabel(targets: PlanSection['quarterlyTargets'], format: Formatters): string {
  return `Fiscal year ${targets.fiscalYear} (from ${format.date(targets.quarterStarts.Q1)})`;
}
