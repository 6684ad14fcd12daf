import { z } from 'zod';

/** Seed 003's calendar-driven reviews: monthly, quarterly and annually. */
export const REVIEW_CADENCES = ['monthly', 'quarterly', 'annual'] as const;
export const reviewCadenceSchema = z.enum(REVIEW_CADENCES);
export type ReviewCadence = z.infer<typeof reviewCadenceSchema>;
