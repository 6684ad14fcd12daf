import type { CardData } from './card-data.ts';

// The Key account tab's sections and the part of the card's data each fills. Free of zod, so the card
// folders can bundle it.

export const CARD_SECTIONS = ['status', 'relationships', 'plan', 'reviews'] as const;
export type CardSectionName = (typeof CARD_SECTIONS)[number];

/** Which field of the card's data each section fills. */
export const SECTION_FIELD = {
  status: 'keyAccount',
  relationships: 'relationships',
  plan: 'plan',
  reviews: 'reviews',
} as const satisfies Record<CardSectionName, keyof CardData>;
export type FieldOf<Name extends CardSectionName> = (typeof SECTION_FIELD)[Name];
export type SectionField = FieldOf<CardSectionName>;
