import { z } from 'zod';
import { reviewCadenceSchema } from '../shared/review-cadence.ts';

// Version 1: the first, flat settings document. It had no share-of-wallet criterion, one revenue
// level for a full score, no ICP tiers and no HubSpot team or admin lists.
export const settingsV1Schema = z
  .object({
    version: z.literal(1),
    weights: z
      .object({
        revenue: z.number().min(0),
        potential: z.number().min(0),
        profitability: z.number().min(0),
        prestige: z.number().min(0),
        referrals: z.number().min(0),
        strategicFit: z.number().min(0),
      })
      .partial()
      .strict()
      .optional(),
    keyThreshold: z.number().min(0).max(100).optional(),
    candidateThreshold: z.number().min(0).max(100).optional(),
    revenueForFullScore: z.number().positive().optional(),
    reviewCadence: reviewCadenceSchema.optional(),
    staleContactDays: z.number().int().min(1).optional(),
    managerUserIds: z.array(z.string()).optional(),
    syncTargetAccount: z.boolean().optional(),
  })
  .strict();
type SettingsV1 = z.infer<typeof settingsV1Schema>;

/**
 * Turns a version 1 document into version 2 input (defaults fill the rest when it is parsed).
 * Share of wallet gets weight 0 so every company keeps the score it had under version 1.
 */
export function migrateV1ToV2(v1: SettingsV1): Record<string, unknown> {
  const w = v1.weights ?? {};
  return {
    version: 2,
    selection: {
      weights: {
        historicPurchases: w.revenue,
        potentialPurchases: w.potential,
        shareOfWallet: v1.weights ? 0 : undefined,
        profitability: w.profitability,
        prestige: w.prestige,
        advocacy: w.referrals,
        strategicFit: w.strategicFit,
      },
      fullScoreAt: { historicPurchases: v1.revenueForFullScore, potentialPurchases: v1.revenueForFullScore },
      thresholds: { key: v1.keyThreshold, candidate: v1.candidateThreshold },
    },
    reviews: { defaultCadence: v1.reviewCadence },
    coverage: { staleAfterDays: v1.staleContactDays },
    access: { managerUserIds: v1.managerUserIds },
    hubspotSync: { syncTargetAccountFlag: v1.syncTargetAccount },
  };
}
