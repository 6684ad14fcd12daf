import type { z } from 'zod';
import type { SurveyReading } from '../kam/satisfaction/index.ts';
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
