import { z } from 'zod';
import { SELECTION_CRITERIA, type SelectionCriterion } from '../shared/selection-criteria.ts';
import { DEFAULT_OVERDUE_AFTER_DAYS } from '../reviews/review-due.ts';
import { reviewCadenceSchema } from '../shared/review-cadence.ts';
import { SETTINGS_NUMBER_RULES, type NumberRule } from './number-rules.ts';

// Everything a portal admin configures, in one versioned document. Every field has a default, so
// `{}` (a portal nobody has configured yet) parses to a working configuration.
export const SETTINGS_VERSION = 2;

/** A number by its rule, refused in the words the settings page uses. */
const ruled = ({ least, most, whole, message }: NumberRule) => {
  const number = z.number().min(least, message).max(most, message);
  return whole ? number.int(message) : number;
};
const score = ruled(SETTINGS_NUMBER_RULES.score);
const hubspotId = z.string().trim().regex(/^\d+$/, 'HubSpot ids are digits only');
const idList = z.array(hubspotId).default([]);

const weight = (fallback: number) => ruled(SETTINGS_NUMBER_RULES.weight).default(fallback);
// An amount of money at which a criterion scores 100%: far beyond any client, yet finite in every sum.
const amount = (fallback: number) =>
  z
    .number()
    .positive('The amount must be above 0')
    .max(1e12, 'The amount must be at most 1,000,000,000,000')
    .default(fallback);

const weightsSchema = z
  .object({
    historicPurchases: weight(3),
    potentialPurchases: weight(2),
    shareOfWallet: weight(1),
    profitability: weight(2),
    prestige: weight(1),
    advocacy: weight(1),
    strategicFit: weight(2),
  } satisfies Record<SelectionCriterion, z.ZodType>)
  .strict()
  .refine((weights) => SELECTION_CRITERIA.some((criterion) => weights[criterion] > 0), {
    message: 'At least one selection criterion needs a weight above 0',
  });

// The value at which a criterion scores 100%; below it scores pro rata.
const fullScoreAtSchema = z
  .object({
    historicPurchases: amount(250_000),
    potentialPurchases: amount(250_000),
    profitabilityMarginPercent: z.number().positive().max(100, 'A margin runs up to 100%').default(40),
    referrals: z.number().int().positive().max(1_000, 'At most 1,000 referrals').default(5),
  })
  .strict();

const thresholdsSchema = z
  .object({
    key: score.default(70),
    candidate: score.default(50),
    // Below this share of the total weight present, the score is too thin to suggest any status.
    // 0.4 lets the CRM's own facts (closed-won revenue and pipeline: 5 of the default 12) suffice
    // before anyone rates a client, while ratings alone (prestige and fit: 3 of 12) do not.
    minimumCompleteness: z.number().min(0).max(1).default(0.4),
  })
  .strict()
  .superRefine((t, ctx) => {
    // Named as the settings page labels the two fields, and said beside both: either may be the one to change.
    if (t.candidate > t.key) {
      const message = `"Candidate from score" (${t.candidate}) cannot be above "Key account from score" (${t.key})`;
      for (const path of ['candidate', 'key']) ctx.addIssue({ code: 'custom', path: [path], message });
    }
  });

const tierWords = (tier: 'tier_1' | 'tier_2' | 'tier_3') => `Tier ${tier.slice(-1)}`;

const icpTierCutoffsSchema = z
  .object({ tier_1: score.default(75), tier_2: score.default(55), tier_3: score.default(35) })
  .strict()
  .superRefine((c, ctx) => {
    // Said beside both tiers out of order: the one just edited may be either.
    const outOfOrder = (lower: 'tier_2' | 'tier_3', higher: 'tier_1' | 'tier_2') => {
      if (c[lower] <= c[higher]) return;
      const message = `"${tierWords(lower)} from score" (${c[lower]}) cannot be above "${tierWords(higher)} from score" (${c[higher]})`;
      for (const path of [higher, lower]) ctx.addIssue({ code: 'custom', path: [path], message });
    };
    outOfOrder('tier_2', 'tier_1');
    outOfOrder('tier_3', 'tier_2');
  });

export const settingsSchema = z
  .object({
    version: z.literal(SETTINGS_VERSION).default(SETTINGS_VERSION),
    selection: z
      .object({
        weights: weightsSchema.prefault({}),
        fullScoreAt: fullScoreAtSchema.prefault({}),
        // When a client's spend in our area is unknown, estimate it as this percent of its annual revenue
        // (HubSpot's `annualrevenue`); null leaves share of wallet missing instead of guessing.
        spendInOurAreaPercentOfAnnualRevenue: z.number().positive().max(100).nullable().default(null),
        thresholds: thresholdsSchema.prefault({}),
        icpTierCutoffs: icpTierCutoffsSchema.prefault({}),
      })
      .strict()
      .prefault({}),
    reviews: z
      .object({
        defaultCadence: reviewCadenceSchema.default('quarterly'),
        // A review becomes overdue this many days after it falls due.
        overdueAfterDays: ruled(SETTINGS_NUMBER_RULES.overdueAfterDays).default(DEFAULT_OVERDUE_AFTER_DAYS),
      })
      .strict()
      .prefault({}),
    coverage: z
      .object({ staleAfterDays: ruled(SETTINGS_NUMBER_RULES.staleAfterDays).default(90) })
      .strict()
      .prefault({}),
    portfolio: z
      .object({
        // Flag an account whose largest contract makes more than this share of its revenue.
        singleContractShareWarning: z.number().min(0).max(1).default(0.5),
      })
      .strict()
      .prefault({}),
    access: z.object({ managerTeamIds: idList, managerUserIds: idList, adminUserIds: idList }).strict().prefault({}),
    hubspotSync: z
      .object({
        // Keep HubSpot's `hs_is_target_account` equal to "status is key", so ABM lists keep working.
        syncTargetAccountFlag: z.boolean().default(true),
        // Write the ICP tier to HubSpot's `hs_ideal_customer_profile`.
        writeIcpTier: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    fiscalYearStartMonth: z.number().int().min(1).max(12).default(1),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;
export type SelectionSettings = Settings['selection'];
