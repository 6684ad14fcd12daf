import { z } from 'zod';

/** How often a key account's plan comes up for its calendar review: monthly, quarterly or annually. */
export const REVIEW_CADENCES = ['monthly', 'quarterly', 'annual'] as const;
export const reviewCadenceSchema = z.enum(REVIEW_CADENCES);
export type ReviewCadence = z.infer<typeof reviewCadenceSchema>;
