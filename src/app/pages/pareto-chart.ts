import type { ParetoAnalysis } from '../../kam/portfolio/index.ts';

// The Pareto curve as LineChart rows, in percent. A second series marks the 80% point: a line along
// 80% of revenue to the share of clients that make it, where it meets the curve. No line drops from there to
// the axis: the chart's table lists each series' figure per share of clients, and that point would read as
// 0% of revenue at the 80% point.

export const PARETO_SERIES = { curve: 'Share of revenue', eighty: '80% of revenue' } as const;

interface ParetoRow {
  [field: string]: string | number;
  clients: number;
  revenue: number;
  series: string;
}

const percent = (share: number) => Math.round(share * 1_000) / 10;

export function paretoRows(pareto: ParetoAnalysis): ParetoRow[] {
  const curve = pareto.curve.map((p) => ({
    clients: percent(p.clientShare),
    revenue: percent(p.revenueShare),
    series: PARETO_SERIES.curve,
  }));
  const at = pareto.clientShareForEightyPercentOfRevenue;
  if (at === null) return curve;
  const marker = [
    { clients: 0, revenue: 80, series: PARETO_SERIES.eighty },
    { clients: percent(at), revenue: 80, series: PARETO_SERIES.eighty },
  ];
  return [...curve, ...marker];
}
