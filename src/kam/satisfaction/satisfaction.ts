import { DAY_MS, type Instant } from '../shared/index.ts';

// The client's satisfaction as its people answered HubSpot's own surveys: Net Promoter Score (0–10),
// customer satisfaction and customer effort. Each kind is read on its own scale: NPS as promoters less
// detractors, the other two as the average answer.

export const SURVEY_KINDS = ['NPS', 'CSAT', 'CES'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export interface SurveyResponse {
  kind: SurveyKind;
  value: number;
  at: Instant;
  contactId: string;
}

export interface SurveyReading {
  kind: SurveyKind;
  latest: SurveyResponse;
  /** Responses within the last year. */
  responses: number;
  /** NPS: −100 to 100 (promoters 9–10 less detractors 0–6, in percent); CSAT and CES: the average answer. Over the last year; null when none. */
  score: number | null;
  /** The last half-year's score less the half-year before's; null when either has no response. */
  trend: number | null;
}

/** A year of answers makes the score; its two halves make the trend. */
const YEAR_MS = 365 * DAY_MS;
const HALF_YEAR_MS = YEAR_MS / 2;

/** One reading per survey kind the client answered, in SURVEY_KINDS order. Responses after `now` are ignored. */
export function clientSatisfaction(responses: readonly SurveyResponse[], now: Instant): SurveyReading[] {
  return SURVEY_KINDS.flatMap((kind): SurveyReading[] => {
    const answered = responses.filter((r) => r.kind === kind && r.at <= now && Number.isFinite(r.value));
    if (answered.length === 0) return [];
    const latest = answered.reduce((a, b) => (b.at > a.at || (b.at === a.at && b.contactId > a.contactId) ? b : a));
    const within = (from: number, to: number) => answered.filter((r) => r.at > now - from && r.at <= now - to);
    const recent = scoreOf(kind, within(HALF_YEAR_MS, 0));
    const before = scoreOf(kind, within(YEAR_MS, HALF_YEAR_MS));
    const year = within(YEAR_MS, 0);
    return [
      {
        kind,
        latest,
        responses: year.length,
        score: scoreOf(kind, year),
        trend: recent === null || before === null ? null : round(recent - before),
      },
    ];
  });
}

function scoreOf(kind: SurveyKind, answered: readonly SurveyResponse[]): number | null {
  if (answered.length === 0) return null;
  if (kind === 'NPS') {
    const promoters = answered.filter((r) => r.value >= 9).length;
    const detractors = answered.filter((r) => r.value <= 6).length;
    return round(((promoters - detractors) / answered.length) * 100);
  }
  return round(answered.reduce((sum, r) => sum + r.value, 0) / answered.length);
}

const round = (value: number) => Math.round(value * 10) / 10;
