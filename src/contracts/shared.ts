import { z } from 'zod';

// What more than one function's contract uses: who calls about which record, picked dates, and the
// people and task sync their answers name (typed text has its rules in typed-text-rules.ts). Every
// function answers `{status: 'ok', ...payload}` or `{status: 'error', code, message, issues?}`
// (registry.ts); the codes each one may answer are listed on its parameters schema.

/** A HubSpot record ID (company, contact, owner…): digits only, as HubSpot sends them. */
export const recordIdSchema = z
  .string()
  .trim()
  .regex(/^\d{1,20}$/, 'must be a HubSpot record ID (digits only)');

/**
 * Who is calling: the HubSpot user id the card reads from `useExtensionContext().user.id`.
 * HubSpot does not tell a function who called it, so this is client-supplied; the functions check it
 * against the portal's owners, teams and Keystone's manager settings before writing anything.
 */
export const callerSchema = z.object({ userId: z.number().int().positive('must be a HubSpot user ID') });

/** Every account function works on one company record. */
export const accountCallSchema = callerSchema.extend({ companyId: recordIdSchema });

/**
 * What makes a write safe to send again: the card makes one ID when the user presses the button and sends
 * it with every retry of that press, so a retry after a lost answer completes the same change instead of
 * making a second one or being refused as "someone else". Optional: without one, a call is its own action.
 */
export const actionIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be an ID of 8 to 64 letters, digits, _ or -')
  .optional();

/** The contact functions work on one contact of that company. */
export const contactCallSchema = accountCallSchema.extend({ contactId: recordIdSchema });

const YEAR_2000 = Date.UTC(2000, 0, 1);
const YEAR_2100 = Date.UTC(2100, 0, 1);
/**
 * A date someone picked (a due date, when a review took place, when a contact left), as epoch
 * milliseconds within 2000–2099. Refused before anything is written: a far-off instant (such as
 * Number.MAX_SAFE_INTEGER ms) is no date HubSpot can store, and failed only after other writes.
 */
export const pickedInstantSchema = z
  .number()
  .int('must be a date (whole milliseconds)')
  .min(YEAR_2000, 'must be a date in the years 2000 to 2099')
  .max(YEAR_2100 - 1, 'must be a date in the years 2000 to 2099');

/**
 * A picked date that has already come at `now` (when an event happened, when a review took place): checked
 * in the parameters, so a date in the future is refused together with every other problem of the same save.
 */
export const pickedPastInstantSchema = (now: number) =>
  pickedInstantSchema.refine((at) => at <= now, {
    message: 'cannot be in the future',
    // A date outside 2000–2099 is already refused for that: one problem a field.
    when: ({ issues }) => issues.length === 0,
  });

/** A HubSpot user as the cards show them: the owner record behind the user id when there is one. */
export const personSchema = z.object({
  userId: z.number().int().nullable(),
  ownerId: z.string().nullable(),
  /** "First Last", else the email, else "User 123" when the user is not an owner of this portal. */
  name: z.string(),
});
export type Person = z.infer<typeof personSchema>;

/** A HubSpot owner, for pickers (KAM team, objective owners) and for naming people. */
export const ownerSchema = z.object({
  ownerId: z.string(),
  userId: z.number().int().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  teamIds: z.array(z.string()),
});
export type Owner = z.infer<typeof ownerSchema>;

/** The portal's company currency (ISO 4217) and time zone (IANA); null when HubSpot does not say. */
export const portalSchema = z.object({ currency: z.string().nullable(), timeZone: z.string().nullable() });
export type Portal = z.infer<typeof portalSchema>;

/**
 * Whether the HubSpot tasks Keystone keeps (one per open objective, one for the next review) were brought in line
 * with what was just saved. When not, the save still stands, `message` says why, and the next save repairs them.
 */
export interface TaskSync {
  synced: boolean;
  message: string | null;
}
