import { z } from 'zod';
import { instantSchema } from '../shared/index.ts';

// Who else the client buys from, and where our own relationship is strong or weak: the account team's
// judgement, kept on the company as one JSON text value. HubSpot holds at most 65,536 characters in a
// property, so every list and line is bounded well inside that, escapes included.

/** How strong a competitor's relationships at the client are, as the account team judges them. */
export const COMPETITOR_STRENGTHS = ['weak', 'moderate', 'strong'] as const;
export type CompetitorStrength = (typeof COMPETITOR_STRENGTHS)[number];

/** HubSpot's most characters in one property value. */
export const PROPERTY_VALUE_MAX_CHARS = 65_536;
export const COMPETITORS_MAX = 15;
export const POINTS_MAX = 10;

const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'cannot be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(/^[^\p{Cc}]*$/u, 'cannot contain control characters');

export const competitorSchema = z
  .object({
    name: line(100),
    /** What the client buys from them, e.g. "payroll, year-end audit". */
    services: line(300),
    relationshipStrength: z.enum(COMPETITOR_STRENGTHS),
  })
  .strict();

export const competitionSchema = z
  .object({
    competitors: z.array(competitorSchema).max(COMPETITORS_MAX, `at most ${COMPETITORS_MAX} competitors`),
    /** Our relationship's strengths at this client, one point a line. */
    strengths: z.array(line(200)).max(POINTS_MAX, `at most ${POINTS_MAX} strengths`),
    weaknesses: z.array(line(200)).max(POINTS_MAX, `at most ${POINTS_MAX} weaknesses`),
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
