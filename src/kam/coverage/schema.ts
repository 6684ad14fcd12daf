import { z } from 'zod';
import {
  buyingRoleSchema,
  decisionPowerSchema,
  departureReasonSchema,
  instantSchema,
  stanceSchema,
} from '../shared/index.ts';

const recordId = z.string().min(1);

/** A client contact as coverage reads it: HubSpot's title and buying roles plus Keystone's contact properties. */
const coverageContactSchema = z.object({
  id: recordId,
  name: z.string(),
  title: z.string().nullable().default(null),
  /** Tagged with the "Key contact" association label on the company. */
  taggedKeyContact: z.boolean().default(false),
  buyingRoles: z.array(buyingRoleSchema).default([]),
  stance: stanceSchema.nullable().default(null),
  decisionPower: decisionPowerSchema.nullable().default(null),
  decisionTopics: z.array(z.string().trim().min(1)).default([]),
  reportsTo: recordId.nullable().default(null),
  leftCompany: z.boolean().default(false),
  leftAt: instantSchema.nullable().default(null),
  /** Why they left (retired, moved to another role, left the client); null when not recorded. */
  leftReason: departureReasonSchema.nullable().default(null),
  replacedBy: recordId.nullable().default(null),
});
export type CoverageContact = z.infer<typeof coverageContactSchema>;

export const ACTIVITY_KINDS = ['meeting', 'call', 'email'] as const;
export const activityKindSchema = z.enum(ACTIVITY_KINDS);
export type ActivityKind = z.infer<typeof activityKindSchema>;

/** A logged meeting, call or email: which of our people (HubSpot owner) touched which contacts, when. */
const activitySchema = z.object({
  kind: activityKindSchema,
  ownerId: recordId,
  contactIds: z.array(recordId),
  at: instantSchema,
});
export type Activity = z.infer<typeof activitySchema>;

export const coverageInputSchema = z
  .object({
    contacts: z.array(coverageContactSchema),
    activities: z.array(activitySchema),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.contacts.forEach((contact, index) => {
      if (seen.has(contact.id))
        ctx.addIssue({
          code: 'custom',
          path: ['contacts', index, 'id'],
          message: `Contact ${contact.id} appears twice`,
        });
      seen.add(contact.id);
      if (contact.reportsTo === contact.id)
        ctx.addIssue({
          code: 'custom',
          path: ['contacts', index, 'reportsTo'],
          message: 'A contact cannot report to themselves',
        });
      if (contact.replacedBy === contact.id)
        ctx.addIssue({
          code: 'custom',
          path: ['contacts', index, 'replacedBy'],
          message: 'A contact cannot replace themselves',
        });
    });
  });
export type CoverageInput = z.input<typeof coverageInputSchema>;

export const coverageOptionsSchema = z.object({
  now: instantSchema,
  /** A relationship nobody has touched for longer than this is stale (admin setting). */
  staleAfterDays: z.number().int().positive(),
});
export type CoverageOptions = z.infer<typeof coverageOptionsSchema>;
