import { z } from 'zod';
import { PORTAL_SETTINGS } from '../../crm/model/index.ts';
import { PROPERTY_VALUE_MAX_CHARS } from '../../kam/competition/index.ts';
import { instantSchema } from '../../kam/shared/time.ts';
import type { Client } from '@hubspot/api-client';
import { writeSettingsRecord } from '../../crm/settings-record.ts';
import { readOwners, type OwnerRecord } from './portal-reads.ts';

// The portal's people kept on the settings record: the active owners as HubSpot's owners API last gave
// them, with when. A card's Status section reads the settings anyway, so taking the owners from there
// saves it the owners read (one of its 4 calls), the call every section of every user makes.
//
// Kept compact (each owner one row, each team's name once) so a firm of hundreds fits in HubSpot's
// 65,536 characters a property holds: 350 people take about 30,000. A portal whose people do not fit
// stores none, and its cards read the owners as before.
//
// Only reads rely on it. A function that writes verifies its user against HubSpot's owners live, so a
// stored list can never grant a change; at worst a card shows a name or a read-only state that changed
// since the list was read, for at most PORTAL_PEOPLE_MAX_AGE_MS.

/**
 * How old the stored people may be for a card to use them. Recalculation, setup and every settings save
 * store them afresh; people join, leave and change teams over days, not minutes, and a user the list does
 * not know yet (a new hire) sends the card to HubSpot's owners regardless. A day keeps a name change or a
 * team move (which decides who may edit, as the card shows it) at most a working day behind.
 */
export const PORTAL_PEOPLE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

const ownerRowSchema = z.tuple([
  z.string(), // owner id
  z.number().int().nullable(), // user id
  z.string(), // first name
  z.string(), // last name
  z.string().nullable(), // email
  z.array(z.string()), // team ids
]);

const portalPeopleSchema = z.object({
  version: z.literal(1),
  readAt: instantSchema,
  /** Team names by team id, each once. */
  teams: z.record(z.string(), z.string()),
  owners: z.array(ownerRowSchema),
});

/**
 * The owners as the settings record property that keeps them, read at `readAt`. Too many to fit, the
 * property is cleared: a list that stopped growing would miss the newest people for good.
 */
export function portalPeopleProperties(owners: readonly OwnerRecord[], readAt: number): Record<string, string> {
  const teams: Record<string, string> = {};
  for (const owner of owners) for (const { teamId, name } of owner.teams) teams[teamId] = name;
  const stored: z.infer<typeof portalPeopleSchema> = {
    version: 1,
    readAt,
    teams,
    owners: owners.map((o) => [o.ownerId, o.userId, o.firstName, o.lastName, o.email, o.teamIds]),
  };
  const json = JSON.stringify(stored);
  return { [PORTAL_SETTINGS.property.portalPeople]: json.length <= PROPERTY_VALUE_MAX_CHARS ? json : '' };
}

/** The portal's people as read now, to store; none when HubSpot's owners cannot be read (cards then read them live). */
export async function portalPeopleNow(client: Client, now: number): Promise<Record<string, string>> {
  try {
    return portalPeopleProperties(await readOwners(client), now);
  } catch {
    return {};
  }
}

/**
 * Owners a card had to read live (the stored people too old, absent, or not knowing its user), stored
 * for the cards after it: the people then keep themselves fresh while the cards are used, on a portal
 * whose admins run no recalculation or settings save for days. Only people that know the user (a card
 * for anyone else is refused anyway) and fit are stored; a failed write leaves the record as it was,
 * and the card answers regardless.
 */
export async function storeLiveOwners(
  client: Client,
  settingsTypeId: string,
  { owners, now, userId }: { owners: readonly OwnerRecord[]; now: number; userId: number },
): Promise<void> {
  if (!owners.some((o) => o.userId === userId)) return;
  const properties = portalPeopleProperties(owners, now);
  if (!properties[PORTAL_SETTINGS.property.portalPeople]) return;
  try {
    await writeSettingsRecord(client, settingsTypeId, properties);
  } catch {
    // The next card reads them live again, and tries again.
  }
}

/**
 * The stored owners when a card may use them: read within PORTAL_PEOPLE_MAX_AGE_MS of `now`, and
 * knowing the user who asks. Otherwise null (none stored, unreadable, too old, or without the user), and
 * the card reads HubSpot's owners itself.
 */
export function storedPortalPeople(
  json: string | null | undefined,
  { now, userId }: { now: number; userId: number },
): OwnerRecord[] | null {
  if (!json) return null;
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = portalPeopleSchema.safeParse(document);
  if (!parsed.success) return null;
  const { readAt, teams, owners } = parsed.data;
  // Either way: another invocation's clock may run a little ahead of this one's.
  if (Math.abs(now - readAt) >= PORTAL_PEOPLE_MAX_AGE_MS) return null;
  if (!owners.some(([, ownerUserId]) => ownerUserId === userId)) return null;
  return owners.map(([ownerId, ownerUserId, firstName, lastName, email, teamIds]) => ({
    ownerId,
    userId: ownerUserId,
    firstName,
    lastName,
    email,
    teamIds,
    teams: teamIds.map((teamId) => ({ teamId, name: teams[teamId] ?? `Team ${teamId}` })),
  }));
}
