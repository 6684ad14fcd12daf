import type { SatisfactionSummary } from '../../contracts/client-satisfaction.ts';
import { SURVEY_SCALES } from '../../kam/satisfaction/scales.ts';
import type { Formatters } from './format.ts';
import { SURVEY_LABELS } from './labels.ts';

// The words for a key account's satisfaction, on the card's Relationships tab and the portfolio pages (from
// the summary recalculation stores): the same score and trend, each figure on its scale; a list's cell is shorter.

/** What the pages say of an account whose contacts answered no survey, with where to start one, as the card does. */
export const NO_SURVEY_ANSWERS =
  'No survey answers yet. To start one, open Service > Feedback Surveys in HubSpot and send a Net Promoter Score, customer satisfaction or customer effort survey to the client’s contacts.';

/** The short form for a list's cell: what to look at first, and where to start a survey when there is nothing. */
export const NO_SURVEY_ANSWERS_SHORT = 'No survey answers yet (start one in Service > Feedback Surveys)';

/**
 * The trend compares the last half-year's score with the half-year before's, not with the year's score, so
 * it says so: an NPS half-year can move up to 200 points (from −100 to 100) while the year's score reads 0.
 */
export function halfYearTrendWords(trend: number | null, format?: Pick<Formatters, 'decimal'>): string {
  if (trend === null) return '';
  if (trend === 0) return 'the last half-year level with the half-year before';
  const by = format ? format.decimal(Math.abs(trend)) : String(Math.abs(trend));
  return `the last half-year ${by} ${trend > 0 ? 'higher' : 'lower'} than the half-year before`;
}

/** One kind in a list's cell: the year's score on its scale, then the last half-year against the one before: `NPS 40 (from −100 to 100), half-year up 12`. */
export function satisfactionCell(
  summary: readonly SatisfactionSummary[] | null,
  format: Pick<Formatters, 'decimal'>,
): string {
  if (summary === null || summary.length === 0) return NO_SURVEY_ANSWERS_SHORT;
  return summary
    .map((s) => {
      const score = s.score === null ? 'no answers this year' : onScale(s.score, SURVEY_SCALES[s.kind].score, format);
      const trend =
        s.trend === null
          ? ''
          : s.trend === 0
            ? ', half-year level'
            : `, half-year ${s.trend > 0 ? 'up' : 'down'} ${format.decimal(Math.abs(s.trend))}`;
      return `${s.kind} ${score}${trend}`;
    })
    .join('; ');
}

/**
 * One line per survey kind, as the card's Relationships tab and the quarterly report word it; the card, which
 * knows who gave the latest answer, names them.
 */
export function satisfactionLine(
  s: Pick<SatisfactionSummary, 'kind' | 'score' | 'responses' | 'trend'>,
  latest: { value: number; at: number; who?: string },
  format: Pick<Formatters, 'date' | 'decimal'>,
): string {
  const scale = SURVEY_SCALES[s.kind];
  const score =
    s.score === null
      ? 'no answers in the last year'
      : `${onScale(s.score, scale.score, format)} over the last year (${s.responses} answer${s.responses === 1 ? '' : 's'})`;
  const trend = halfYearTrendWords(s.trend, format);
  const by = latest.who === undefined ? '' : ` from ${latest.who}`;
  return `${SURVEY_LABELS[s.kind]}: ${score}${trend ? `; ${trend}` : ''}. Latest ${onScale(latest.value, scale.answer, format)}${by} on ${format.date(latest.at)}.`;
}

/**
 * A figure with the scale it is read on, since a bare 4 means little: `4 out of 7`, or for a scale that runs
 * below zero `−42.9 (from −100 to 100)`. A figure off that scale (a survey set up on another scale) is shown
 * bare: "5 out of 2" would be a claim it cannot be.
 */
function onScale(
  value: number,
  { lowest, highest }: { lowest: number; highest: number },
  format: Pick<Formatters, 'decimal'>,
): string {
  if (value < lowest || value > highest) return format.decimal(value);
  return lowest < 0
    ? `${format.decimal(value)} (from ${format.decimal(lowest)} to ${format.decimal(highest)})`
    : `${format.decimal(value)} out of ${format.decimal(highest)}`;
}

/** The trend in the CSV's status column. */
export function satisfactionTrend(s: SatisfactionSummary): string | null {
  const words = halfYearTrendWords(s.trend);
  return words ? words[0]!.toUpperCase() + words.slice(1) : null;
}
