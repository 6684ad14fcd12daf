import { z } from 'zod';
import { decisionPowerSchema, stanceSchema, type DecisionPower, type Stance } from '../kam/shared/index.ts';
import { typedTextSchema } from '../kam/shared/typed-text-schema.ts';
import { actionIdSchema, contactCallSchema } from './shared.ts';
import { CONTACT_STANCE_TEXT } from './typed-text-rules.ts';

const TOPICS = CONTACT_STANCE_TEXT.decisionTopics;

/**
 * `record_contact_stance`: sets any of stance, decision power and the topics the contact decides on, and
 * marks or unmarks the contact as a key contact of the company (HubSpot's "Key contact" association label).
 * A field left out is unchanged; null clears it. History comes from HubSpot's property history. Sent again
 * with the same `actionId` after a lost answer, it completes that change without writing it a second time.
 * Errors: KAM.INVALID_PARAMETERS, KAM.NOT_A_MANAGER, KAM.CONTACT_NOT_FOUND, KAM.CONTACT_NOT_AT_COMPANY, HubSpot failure codes.
 */
export const recordContactStanceParametersSchema = contactCallSchema
  .extend({
    stance: stanceSchema.nullable().optional(),
    decisionPower: decisionPowerSchema.nullable().optional(),
    decisionTopics: z
      .array(typedTextSchema(TOPICS.each).regex(/^[^;]*$/, 'cannot contain ";"'))
      .max(TOPICS.most, `at most ${TOPICS.most} topics`)
      .optional(),
    /** true labels the contact "Key contact" on this company, false takes the label off. */
    keyContact: z.boolean().optional(),
    actionId: actionIdSchema,
  })
  .strict()
  .refine(
    (p) =>
      p.stance !== undefined ||
      p.decisionPower !== undefined ||
      p.decisionTopics !== undefined ||
      p.keyContact !== undefined,
    { message: 'give at least one of stance, decisionPower, decisionTopics or keyContact' },
  );
export type RecordContactStanceParameters = z.input<typeof recordContactStanceParametersSchema>;

/** The contact's stance, decision power and topics as they now are. */
export interface ContactStance {
  contactId: string;
  stance: Stance | null;
  decisionPower: DecisionPower | null;
  decisionTopics: string[];
  /** Set when the call marked or unmarked the contact as a key contact; null when it left the label alone. */
  keyContact: boolean | null;
}
