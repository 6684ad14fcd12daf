import { z } from 'zod';
import type { BurstMemory } from '../../crm/rate-limit.ts';
import { revenueDistributionSchema } from '../../kam/portfolio/index.ts';
import { instantSchema } from '../../kam/shared/time.ts';
import { validate } from '../../kam/shared/validation.ts';
import { KeystoneError } from '../../errors/keystone-error.ts';
import type { CoverageReading } from './coverage-scores.ts';
import { SURVEY_KINDS } from '../../kam/satisfaction/index.ts';

// Where a recalculation run stands between slices. It travels through the card as an opaque string,
// so it is parsed like any other parameter when it comes back, and everything in it is bounded.

const count = (max: number) => z.number().int().nonnegative().max(max);
// HubSpot's burst windows are at most a few hundred requests over 10 s; these bounds leave room.
const burstMemorySchema = z
  .object({
    window: z
      .object({ remaining: count(1_000), max: count(1_000).positive(), intervalMs: count(60_000).positive() })
      .strict(),
    sentAgoMs: z.array(count(60_000)).max(1_000),
  })
  .strict() satisfies z.ZodType<BurstMemory>;

// At most a page (100 companies) of scores.
const coverageReadingSchema = z
  .object({
    scores: z
      .record(z.string().regex(/^\d{1,20}$/), z.number().min(0).max(100).nullable())
      .refine((scores) => Object.keys(scores).length <= 100, 'holds at most a page of companies'),
    risks: z
      .record(z.string().regex(/^\d{1,20}$/), z.string().max(250))
      .refine((risks) => Object.keys(risks).length <= 100, 'holds at most a page of companies')
      .default({}),
    holdings: z
      .record(
        z.string().regex(/^\d{1,20}$/),
        z
          .object({
            relationshipOwnerIds: z.array(z.string().regex(/^\d{1,20}$/)).max(1_000),
            soleRelationshipOwnerId: z
              .string()
              .regex(/^\d{1,20}$/)
              .nullable(),
          })
          .strict(),
      )
      .refine((holdings) => Object.keys(holdings).length <= 100, 'holds at most a page of companies')
      .optional(),
    oneAtATime: z.boolean(),
    meetings: z
      .record(z.string().regex(/^\d{1,20}$/), z.record(z.string().regex(/^\d{4}-\d{2}$/), z.number().int().min(0)))
      .refine((meetings) => Object.keys(meetings).length <= 100, 'holds at most a page of companies')
      .optional(),
    satisfaction: z
      .record(
        z.string().regex(/^\d{1,20}$/),
        z
          .array(
            z
              .object({
                kind: z.enum(SURVEY_KINDS),
                latestValue: z.number(),
                latestAt: z.number(),
                responses: z.number().int().nonnegative(),
                score: z.number().nullable(),
                trend: z.number().nullable(),
              })
              .strict(),
          )
          .max(SURVEY_KINDS.length),
      )
      .refine((satisfaction) => Object.keys(satisfaction).length <= 100, 'holds at most a page of companies')
      .optional(),
  })
  .strict() satisfies z.ZodType<CoverageReading, unknown>;

const runStateSchema = z
  .object({
    v: z.literal(2),
    /** The scores of every company first, then the relationships of the programme's (absent in older cursors: scores). */
    stage: z.enum(['scores', 'relationships']).default('scores'),
    /** HubSpot's paging token of the next page of companies; null before the first page. */
    after: z.string().max(500).nullable(),
    /** The run's "now": every slice scores revenue over the same 12 months and stamps the same time. */
    startedAt: instantSchema,
    /** Companies the stage has passed. */
    processed: z.number().int().nonnegative(),
    total: z.number().int().nonnegative().nullable(),
    /** The 12-month revenue the run has written so far, for the portfolio snapshot the scores' last page stores. */
    revenue: revenueDistributionSchema,
    /** What the last slice's pacer knew of HubSpot's burst window, so the next one does not burst into 429s. */
    burst: burstMemorySchema.nullable(),
    /** Coverage scores already read for the page at `after`, when a slice stopped part-way through it (absent in older cursors). */
    coverage: coverageReadingSchema.nullable().default(null),
    /** The revision of the settings the run began with (absent in older cursors: not checked). */
    settingsRevision: z.number().int().nonnegative().optional(),
  })
  .strict();
export type RunState = z.infer<typeof runStateSchema>;

/** Pacer memory the cursor can carry: what HubSpot's headers said may be out of the cursor's bounds, and is then forgotten. */
export function carriedBurst(memory: BurstMemory | null): BurstMemory | null {
  return memory && burstMemorySchema.safeParse(memory).success ? memory : null;
}

export function encodeCursor(state: RunState): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): RunState {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    json = undefined;
  }
  const parsed = validate(runStateSchema, json);
  if (!parsed.success) {
    throw new KeystoneError(
      'KAM.INVALID_PARAMETERS',
      'The recalculation cursor is damaged. Start the recalculation again.',
      {
        issues: [{ path: 'cursor', message: 'is not a cursor Keystone gave out' }],
      },
    );
  }
  return parsed.data;
}
