import type { ChartColor } from '@hubspot/ui-extensions';
import type { PlanSection, QuarterValues, TargetRow } from '../../../contracts/card-data.ts';
import { nameWithPeriod } from '../../../kam/objectives/sources.ts';
import { incomeChange, metricFigure, type Formatters } from '../../ui/format.ts';
import { METRIC_UNIT_LABELS, QUARTER_STATUS_LABELS } from '../../ui/labels.ts';

// The plan's quarterly grid of targets and actuals as the card shows it: values in their own unit, and chart rows.

export const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const satisfies ReadonlyArray<keyof QuarterValues>;
type Quarter = (typeof QUARTERS)[number];

function metricValue(row: Pick<TargetRow, 'unit' | 'scale'>, value: number | null, format: Formatters): string {
  if (value === null) return '–';
  if (row.unit === 'scale') return row.scale?.[value - 1] ?? format.whole(value);
  return metricFigure(row.unit, value, format);
}

/** The row's name as the quarterly report gives it: "Increase in income over last year (year to date)". */
export function rowLabel(row: Pick<TargetRow, 'label' | 'measure'>): string {
  return nameWithPeriod(row.label, row.measure);
}

/** "actual of target", or just one of them when the other is unset; then how the quarter stands. */
export function gridCell(row: TargetRow, quarter: Quarter, format: Formatters): string {
  const target = row.targets[quarter];
  const actual = row.actuals[quarter];
  if (target === null && actual === null) return '–';
  const figures =
    target === null
      ? metricValue(row, actual, format)
      : `${metricValue(row, actual, format)} of ${metricValue(row, target, format)}`;
  const standing = row.status[quarter];
  return standing === 'on_track' || standing === 'met' || standing === 'behind'
    ? `${figures} (${QUARTER_STATUS_LABELS[standing]})`
    : figures;
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

/**
 * Target and actual in the same colours on every metric's chart: a row with actuals only would otherwise
 * draw them in the colour the other rows give their targets.
 */
export const CHART_SERIES_COLORS = { Target: 'orange', Actual: 'aqua' } as const satisfies Record<
  'Target' | 'Actual',
  ChartColor
>;

/** The chart's title names what it draws: "Friends and allies: actual" while the row has no targets. */
export function chartTitle(row: TargetRow): string {
  const drawn = new Set(chartRows(row).map((point) => point.series));
  const what =
    drawn.size === 0
      ? 'no targets or actuals yet'
      : drawn.size === 2
        ? 'target and actual'
        : drawn.has('Target')
          ? 'target'
          : 'actual';
  return `${rowLabel(row)}: ${what}`;
}

/**
 * The chart's value axis is named by the row's unit ("Money (GBP)"): the title names the metric, whose full
 * name ("Enemies and protesters (change since the plan year began)") does not fit beside the axis. A scale
 * is charted by its steps' numbers, so the axis says which steps they stand for ("1 = Cold … 4 = Strong").
 */
export function chartValueLabel(row: Pick<TargetRow, 'unit' | 'scale'>, currency: string | null): string {
  const steps = row.scale ?? [];
  if (row.unit === 'scale' && steps.length >= 2) return `1 = ${steps[0]} … ${steps.length} = ${steps.at(-1)}`;
  const unit = METRIC_UNIT_LABELS[row.unit];
  return row.unit === 'currency' && currency ? `${unit} (${currency})` : unit;
}

export function fiscalYearLabel(targets: PlanSection['quarterlyTargets'], format: Formatters): string {
  return `Fiscal year ${targets.fiscalYear} (from ${format.date(targets.quarterStarts.Q1)})`;
}

/** Spend against benefit per quarter, for the card: "£2,000 and 40 h for £15,000 gained" (or "… less income"). */
export function investmentCell(investment: PlanSection['investment'], quarter: Quarter, format: Formatters): string {
  const hours = investment.hours[quarter];
  const money = investment.money[quarter];
  const gained = investment.incomeGained[quarter];
  const nothing = hours === null && money === null;
  const spent = nothing ? 'no spend recorded' : `${format.money(money ?? 0)} and ${format.hours(hours ?? 0)}`;
  if (gained === null) return spent;
  // "nothing recorded for £5,000 gained" read as if the gain cost nothing: the two are said apart.
  return nothing ? `${incomeChange(gained, format)}; ${spent}` : `${spent} for ${incomeChange(gained, format)}`;
}

/**
 * The plan year so far in one line: "£5,000 and 100 h spent; £27,000 gained, £540 gained for each £100 spent".
 * A plan year not begun at `now` (its `startsAt` ahead) has no "so far": it is named by when it starts.
 */
export function investmentYear(
  investment: PlanSection['investment'],
  format: Formatters,
  year: { startsAt: number; now: number },
): string {
  const { hours, money, incomeGained, incomePerMoneySpent } = investment.year;
  // A fall in income per pound spent would read as if the spending caused the fall: a return is only
  // worked out where there is a gain to set against the spend.
  const ratio =
    incomePerMoneySpent === null
      ? 'no money spent yet to set it against'
      : incomeGained <= 0
        ? 'no gain yet to set the spend against'
        : `${incomeChange(incomePerMoneySpent * 100, format)} for each ${format.money(100)} spent`;
  const which = year.now < year.startsAt ? `The plan year from ${format.date(year.startsAt)}` : 'This plan year so far';
  return `${which}: ${format.money(money)} and ${format.hours(hours)} spent; ${incomeChange(incomeGained, format)}, ${ratio}.`;
}
