import type { SatisfactionSummary } from '../../contracts/client-satisfaction.ts';
import type { Formatters } from './format.ts';
import { SURVEY_LABELS } from './labels.ts';

// The portfolio pages' words for a key account's satisfaction, from the summary recalculation stores:
// the same score and trend the account card's Relationships tab reads, shorter, since a page lists many.

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

/** One kind in a list's cell: the year's score, then the last half-year against the one before: `NPS 40, half-year up 12`. */
export function satisfactionCell(summary: readonly SatisfactionSummary[] | null): string {
  if (summary === null || summary.length === 0) return NO_SURVEY_ANSWERS_SHORT;
  return summary
    .map((s) => {
      const score = s.score === null ? 'no answers this year' : String(s.score);
      const trend =
        s.trend === null
          ? ''
          : s.trend === 0
            ? ', half-year level'
            : `, half-year ${s.trend > 0 ? 'up' : 'down'} ${Math.abs(s.trend)}`;
      return `${s.kind} ${score}${trend}`;
    })
    .join('; ');
}

/** One line per kind, as the quarterly report words it. */
export function satisfactionLine(s: SatisfactionSummary, format: Pick<Formatters, 'date'>): string {
  const score =
    s.score === null
      ? 'no answers in the last year'
      : `${s.score} over the last year (${s.responses} answer${s.responses === 1 ? '' : 's'})`;
  const trend = halfYearTrendWords(s.trend);
  return `${SURVEY_LABELS[s.kind]}: ${score}${trend ? `; ${trend}` : ''}. Latest ${s.latestValue} on ${format.date(s.latestAt)}.`;
}

/** The trend in the CSV's status column. */
export function satisfactionTrend(s: SatisfactionSummary): string | null {
  const words = halfYearTrendWords(s.trend);
  return words ? words[0]!.toUpperCase() + words.slice(1) : null;
}
