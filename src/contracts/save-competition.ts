import { z } from 'zod';
import { competitionSchema, type Competition } from '../kam/competition/index.ts';
import { accountCallSchema, actionIdSchema, type Person } from './shared.ts';

/**
 * `save_competition`: which competitors the client also uses, for what and how strongly, and our own
 * relationship's strengths and weaknesses, saved whole on the company against the revision the card
 * showed (`baseRevision`, card_data's `competition.revision`; 0 before the first save).
 * Errors: KAM.INVALID_PARAMETERS (paths under `competition.`), KAM.NOT_A_MANAGER, KAM.UNKNOWN_USER,
 * KAM.COMPANY_NOT_FOUND, KAM.COMPETITION_CHANGED_ELSEWHERE, KAM.SETUP_REQUIRED, HubSpot failure codes.
 */
export const saveCompetitionParametersSchema = accountCallSchema
  .extend({
    baseRevision: z.number().int().nonnegative(),
    competition: competitionSchema,
    actionId: actionIdSchema,
  })
  .strict();
export type SaveCompetitionParameters = z.input<typeof saveCompetitionParametersSchema>;

/** The competition as saved, with its new revision. */
export interface SavedCompetition {
  revision: number;
  savedAt: number;
  savedBy: Person;
  competition: Competition;
}
