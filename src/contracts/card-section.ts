import { z } from 'zod';
import { cardDataParametersSchema, cardDataSchema } from './card-data.ts';
import { CARD_SECTIONS } from './card-sections.ts';

// What the Key account tab reads: one section at a time, as the user opens it. Status comes first and
// cheap; Relationships, Plan and Reviews each read only what they show, so a record viewed without
// opening a section costs the app none of that section's HubSpot calls.

/**
 * `card_section`: one section of the company card, with what every section needs (company, portal,
 * readAt, permissions, owners, session).
 * Errors: as `card_data`.
 */
export const cardSectionParametersSchema = cardDataParametersSchema
  .extend({
    section: z.enum(CARD_SECTIONS),
    /** What an earlier section's answer handed the tab (`session`): spares this one reading the people and settings again. */
    session: z.string().max(1_000_000, 'must be the session an earlier section answered with').optional(),
  })
  .strict();
export type CardSectionParameters = z.input<typeof cardSectionParametersSchema>;

const base = cardDataSchema.pick({ company: true, portal: true, readAt: true, permissions: true, owners: true });
// The people and settings the answer was read with, sealed by Keystone, for the tab's next sections to send back.
const sectionBase = base.extend({ session: z.string() });

export const cardSectionSchema = z.discriminatedUnion('section', [
  sectionBase.extend({ section: z.literal('status'), keyAccount: cardDataSchema.shape.keyAccount }),
  sectionBase.extend({ section: z.literal('relationships'), relationships: cardDataSchema.shape.relationships }),
  sectionBase.extend({ section: z.literal('plan'), plan: cardDataSchema.shape.plan }),
  sectionBase.extend({ section: z.literal('reviews'), reviews: cardDataSchema.shape.reviews }),
]);
export type CardSection = z.infer<typeof cardSectionSchema>;
/** What every section answers beside its own part. */
export type CardBase = z.infer<typeof base>;
