import { z } from 'zod';

/** How much say a contact has in the client's buying decisions, most first. */
export const DECISION_POWERS = ['final_say', 'decides', 'influences', 'none'] as const;
export const decisionPowerSchema = z.enum(DECISION_POWERS);
export type DecisionPower = z.infer<typeof decisionPowerSchema>;
