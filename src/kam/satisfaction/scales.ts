import type { SurveyKind } from './satisfaction.ts';

// Free of imports at run time, so the cards can bundle it.
interface Scale {
  lowest: number;
  highest: number;
}

/**
 * What an answer and the year's score run from and to, per kind, as HubSpot's surveys take them (its survey
 * response properties band each kind's ratings: NPS 0–10, customer satisfaction 0–2 for negative, neutral and
 * positive, customer effort 1–7). The average of CSAT or CES answers stays on their scale; NPS does not.
 */
export const SURVEY_SCALES: Readonly<Record<SurveyKind, { answer: Scale; score: Scale }>> = {
  NPS: { answer: { lowest: 0, highest: 10 }, score: { lowest: -100, highest: 100 } },
  CSAT: { answer: { lowest: 0, highest: 2 }, score: { lowest: 0, highest: 2 } },
  CES: { answer: { lowest: 1, highest: 7 }, score: { lowest: 1, highest: 7 } },
};
