import type { z } from 'zod';
import type { SurveyKind, SurveyReading } from '../kam/satisfaction/index.ts';
import { accountCallSchema } from './shared.ts';

/**
 * `client_satisfaction`: how the client's contacts answered HubSpot's own surveys (Net Promoter Score,
 * customer satisfaction, customer effort), read from HubSpot's survey responses; changes nothing.
 * Errors: KAM.INVALID_PARAMETERS, KAM.UNKNOWN_USER, KAM.COMPANY_NOT_FOUND, HubSpot failure codes (without
 * the survey scope: KAM.HUBSPOT_ACCESS_DENIED).
 */
export const clientSatisfactionParametersSchema = accountCallSchema.strict();
export type ClientSatisfactionParameters = z.input<typeof clientSatisfactionParametersSchema>;

export interface ClientSatisfaction {
  companyId: string;
  readAt: number;
  /** One reading per survey kind the client's contacts answered; empty when they answered none. */
  surveys: SurveyReading[];
  /** Survey responses from the client's contacts, every kind and age. */
  responsesRead: number;
}

/** One survey kind as the portfolio pages show it, from what recalculation last stored on the company. */
export interface SatisfactionSummary {
  kind: SurveyKind;
  /** The latest answer and when it was given. */
  latestValue: number;
  latestAt: number;
  /** Responses within the last year. */
  responses: number;
  /** As the card's reading: NPS −100 to 100, CSAT and CES the average answer; null without a response in the last year. */
  score: number | null;
  /** The last half-year's score less the half-year before's; null when either has no response. */
  trend: number | null;
}
