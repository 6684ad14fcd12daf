import { z } from 'zod';
import { instantSchema } from '../shared/index.ts';
import { typedTextSchema } from '../shared/typed-text-schema.ts';
import { COMPETITION_TEXT, COMPETITORS_MAX } from './limits.ts';

// Who else the client buys from, and where our own relationship is strong or weak: the account team's
// judgement, kept on the company as one JSON text value, within the limits in limits.ts.

/** How strong a competitor's relationships at the client are, as the account team judges them. */
export const COMPETITOR_STRENGTHS = ['weak', 'moderate', 'strong'] as const;
export type CompetitorStrength = (typeof COMPETITOR_STRENGTHS)[number];

/** HubSpot's most characters in one property value. */
export const PROPERTY_VALUE_MAX_CHARS = 65_536;

const POINTS = COMPETITION_TEXT.points;
const point = typedTextSchema(POINTS.each);

export const competitorSchema = z
  .object({
    name: typedTextSchema(COMPETITION_TEXT.competitorName),
    /** What the client buys from them, e.g. "payroll, year-end audit". */
    services: typedTextSchema(COMPETITION_TEXT.services),
    relationshipStrength: z.enum(COMPETITOR_STRENGTHS),
  })
  .strict();

export const competitionSchema = z
  .object({
    competitors: z.array(competitorSchema).max(COMPETITORS_MAX, `at most ${COMPETITORS_MAX} competitors`),
    /** Our relationship's strengths at this client, one point a line. */
    strengths: z.array(point).max(POINTS.most, `at most ${POINTS.most} strengths`),
    weaknesses: z.array(point).max(POINTS.most, `at most ${POINTS.most} weaknesses`),
  })
  .strict()
  .superRefine((competition, ctx) => {
    const seen = new Set<string>();
    competition.competitors.forEach((competitor, index) => {
      const key = competitor.name.toLowerCase();
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['competitors', index, 'name'],
          message: `${competitor.name} is listed twice`,
        });
      seen.add(key);
    });
  });
export type Competition = z.infer<typeof competitionSchema>;

/** What the company's property holds: the competition with the revision it was saved as, who saved it and when. */
export const storedCompetitionSchema = z.object({
  version: z.literal(1),
  revision: z.number().int().positive(),
  savedByUserId: z.number().int().positive(),
  savedAt: instantSchema,
  /** The press of Save that wrote it: the same press sent again finds its own write. */
  actionId: z.string().nullable(),
  competition: competitionSchema,
});
export type StoredCompetition = z.infer<typeof storedCompetitionSchema>;

export const NO_COMPETITION: Competition = { competitors: [], strengths: [], weaknesses: [] };
