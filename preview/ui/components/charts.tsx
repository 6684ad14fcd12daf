import type { BarChartProps, ChartColor, ChartDataRow, LineChartProps } from '@hubspot/ui-extensions';
import { testIdAttribute } from './shared.ts';

const PALETTE: Record<ChartColor, string> = {
  orange: '#ff7a59',
  aqua: '#00bda5',
  purple: '#6a78d1',
  yellow: '#f5c26b',
  pink: '#f2547d',
  blue: '#00a4bd',
  green: '#00bda5',
  darkOrange: '#c2410c',
  darkAqua: '#0b8379',
  darkPurple: '#4b4f9a',
  darkYellow: '#b27b0c',
  darkPink: '#a8234d',
  darkBlue: '#0b6e8a',
  darkGreen: '#237a4c',
};
const DEFAULT_ORDER: ChartColor[] = ['orange', 'aqua', 'purple', 'yellow', 'pink', 'blue', 'darkOrange', 'darkAqua'];

// `values` by x category; `points` are the rows as [x, y] in their order, for a linear x axis.
type Series = { name: string; color: string; values: Map<string, number>; points: Array<readonly [number, number]> };

// Rows become one series per value of `groupFieldByColor` (or a single series), keyed by the x value.
function chartModel({ data, axes, options }: BarChartProps | LineChartProps) {
  const rows: ChartDataRow[] = Array.isArray(data) ? data : data.data;
  const labels = Array.isArray(data) ? {} : (data.options?.propertyLabels ?? {});
  const labelOf = (field: string, value: string | number) => labels[field]?.[String(value)] ?? String(value);
  const groupField = axes.options?.groupFieldByColor;
  const categories = [...new Set(rows.map((row) => String(row[axes.x.field] ?? '')))];
  const seriesNames = groupField
    ? [...new Set(rows.map((row) => String(row[groupField] ?? '')))]
    : [axes.y.label ?? axes.y.field];
  const colorList = options?.colorList ?? options?.colors ?? DEFAULT_ORDER;
  const series: Series[] = seriesNames.map((name, index) => {
    const own = rows.filter((row) => !groupField || String(row[groupField]) === name);
    return {
      name: groupField ? labelOf(groupField, name) : name,
      color: PALETTE[axes.options?.colors?.[name] ?? colorList[index % colorList.length] ?? 'orange'],
      values: new Map(own.map((row) => [String(row[axes.x.field]), Number(row[axes.y.field]) || 0])),
      points: own.map((row) => [Number(row[axes.x.field]) || 0, Number(row[axes.y.field]) || 0] as const),
    };
  });
  const allValues = series.flatMap((s) => [...s.values.values()]);
  const stacked = axes.options?.stacking === true;
  const totals = categories.map((category) =>
    series.reduce((sum, s) => sum + Math.max(0, s.values.get(category) ?? 0), 0),
  );
  const { min, max, ticks } = axisScale(Math.min(0, ...allValues), Math.max(1, ...(stacked ? totals : allValues)), {
    whole: allValues.every(Number.isInteger),
  });
  return {
    categories: categories.map((c) => ({ key: c, label: labelOf(axes.x.field, c) })),
    series,
    max,
    min,
    ticks,
    stacked,
  };
}

/**
 * An axis from `low` to `high` widened to round numbers, with its ticks at a step of 1, 2 or 5 times a
 * power of ten, about four of them, as charting libraries draw them: a count of 13 reads against 0, 5,
 * 10, 15, never against a tick of 6.5. Whole numbers (`whole`) get whole steps however short the axis.
 */
export function axisScale(
  low: number,
  high: number,
  { whole = false }: { whole?: boolean } = {},
): { min: number; max: number; ticks: number[] } {
  const rough = (high - low) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const nice = ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const step = whole ? Math.max(1, nice) : nice;
  const min = Math.floor(low / step) * step;
  const max = Math.ceil(high / step) * step;
  // Whole steps counted, not added up, so no tick drifts to 0.30000000000000004.
  const ticks = Array.from({ length: Math.round((max - min) / step) + 1 }, (_, i) => min + i * step);
  return { min, max, ticks: ticks.map((t) => Number(t.toPrecision(12))) };
}

const WIDTH = 560;
const HEIGHT = 220;
// The left margin holds the y axis's title and, beside it, tick numbers of up to five characters.
const PAD = { left: 58, right: 12, top: 12, bottom: 36 };

// Tick numbers in short form (305K, 1.2M), so a large amount never runs into the axis title.
const tickLabel = new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 3 });

function ChartFrame({
  kind,
  props,
  children,
}: {
  kind: string;
  props: BarChartProps | LineChartProps;
  children: (model: ReturnType<typeof chartModel>, y: (value: number) => number) => React.ReactNode;
}) {
  const model = chartModel(props);
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const y = (value: number) => PAD.top + plotHeight * (1 - (value - model.min) / (model.max - model.min));
  const { ticks } = model;
  const title = props.options?.title;
  return (
    <figure className="hs-chart" {...testIdAttribute(props.testId)}>
      {title && <figcaption className="hs-chart__title">{title}</figcaption>}
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="hs-chart__svg"
        role="img"
        aria-label={`${kind} of ${props.axes.y.label ?? props.axes.y.field} by ${props.axes.x.label ?? props.axes.x.field}`}
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className="hs-chart__grid" />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" className="hs-chart__tick">
              {tickLabel.format(tick)}
            </text>
          </g>
        ))}
        {children(model, y)}
        {/* Axis titles, as HubSpot draws the labels a card gives its axes. */}
        {props.axes.x.label && (
          <text
            x={PAD.left + (WIDTH - PAD.left - PAD.right) / 2}
            y={HEIGHT - 3}
            textAnchor="middle"
            className="hs-chart__axis-title"
          >
            {props.axes.x.label}
          </text>
        )}
        {props.axes.y.label && (
          <text
            transform={`translate(11 ${PAD.top + plotHeight / 2}) rotate(-90)`}
            textAnchor="middle"
            className="hs-chart__axis-title"
          >
            {props.axes.y.label}
          </text>
        )}
      </svg>
      {props.options?.showLegend !== false && model.series.length > 1 && (
        <ul className="hs-chart__legend">
          {model.series.map((s) => (
            <li key={s.name}>
              <span className="hs-chart__swatch" style={{ background: s.color }} aria-hidden="true" />
              {s.name}
            </li>
          ))}
        </ul>
      )}
      {/* The numbers behind the picture, for screen readers. */}
      <table className="hs-visually-hidden">
        <thead>
          <tr>
            <th scope="col">{props.axes.x.label ?? props.axes.x.field}</th>
            {model.series.map((s) => (
              <th key={s.name} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.categories.map((category) => (
            <tr key={category.key}>
              <th scope="row">{category.label}</th>
              {model.series.map((s) => (
                <td key={s.name}>{s.values.get(category.key) ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

const bandWidth = (count: number) => (WIDTH - PAD.left - PAD.right) / Math.max(1, count);
const XLabels = ({ labels }: { labels: string[] }) => (
  <>
    {labels.map((label, index) => (
      <text
        key={label + index}
        x={PAD.left + bandWidth(labels.length) * (index + 0.5)}
        y={HEIGHT - PAD.bottom + 16}
        textAnchor="middle"
        className="hs-chart__tick"
      >
        {label}
      </text>
    ))}
  </>
);

export function BarChart(props: BarChartProps) {
  return (
    <ChartFrame kind="Bar chart" props={props}>
      {({ categories, series, stacked }, y) => {
        const band = bandWidth(categories.length);
        const barWidth = (band * 0.7) / (stacked ? 1 : series.length);
        return (
          <>
            {categories.map((category, index) => {
              let stackTop = 0;
              return series.map((s, seriesIndex) => {
                const value = s.values.get(category.key) ?? 0;
                const base = stacked ? stackTop : 0;
                if (stacked) stackTop += value;
                const x = PAD.left + band * index + band * 0.15 + (stacked ? 0 : barWidth * seriesIndex);
                const top = y(Math.max(base, base + value));
                return (
                  <rect
                    key={`${category.key}-${s.name}`}
                    x={x}
                    y={top}
                    width={barWidth}
                    height={Math.abs(y(base) - y(base + value))}
                    fill={s.color}
                  />
                );
              });
            })}
            <XLabels labels={categories.map((c) => c.label)} />
          </>
        );
      }}
    </ChartFrame>
  );
}

// A linear x axis places each point at its value, in row order (a series may turn back on itself);
// a category axis spaces the categories evenly.
function LinearLines({ series, y }: { series: Series[]; y: (value: number) => number }) {
  const xs = series.flatMap((s) => s.points.map(([px]) => px));
  const { min, max, ticks } = axisScale(Math.min(0, ...xs), Math.max(1, ...xs), { whole: xs.every(Number.isInteger) });
  const x = (value: number) => PAD.left + ((WIDTH - PAD.left - PAD.right) * (value - min)) / (max - min);
  return (
    <>
      {series.map((s) => (
        <g key={s.name}>
          <polyline
            points={s.points.map(([px, py]) => `${x(px)},${y(py)}`).join(' ')}
            fill="none"
            stroke={s.color}
            strokeWidth={2}
          />
        </g>
      ))}
      {ticks.map((tick) => (
        <text key={tick} x={x(tick)} y={HEIGHT - PAD.bottom + 16} textAnchor="middle" className="hs-chart__tick">
          {tick}
        </text>
      ))}
    </>
  );
}

export function LineChart(props: LineChartProps) {
  return (
    <ChartFrame kind="Line chart" props={props}>
      {({ categories, series }, y) => {
        if (props.axes.x.fieldType === 'linear') return <LinearLines series={series} y={y} />;
        const band = bandWidth(categories.length);
        const x = (index: number) => PAD.left + band * (index + 0.5);
        return (
          <>
            {series.map((s) => {
              const points = categories.flatMap((category, index) =>
                s.values.has(category.key) ? [[x(index), y(s.values.get(category.key) ?? 0)] as const] : [],
              );
              return (
                <g key={s.name}>
                  <polyline
                    points={points.map(([px, py]) => `${px},${py}`).join(' ')}
                    fill="none"
                    stroke={s.color}
                    strokeWidth={2}
                  />
                  {points.map(([px, py]) => (
                    <circle key={`${px}`} cx={px} cy={py} r={3} fill={s.color} />
                  ))}
                </g>
              );
            })}
            <XLabels labels={categories.map((c) => c.label)} />
          </>
        );
      }}
    </ChartFrame>
  );
}
