import type { Client } from '@hubspot/api-client';
import { hubspotCall } from '../../crm/batch.ts';
import { KeystoneError, isKeystoneError } from '../../errors/keystone-error.ts';
import type { Settings } from '../../kam/settings/index.ts';
import { withRoles, type Caller, type CallerIdentity } from './roles.ts';
import type { OwnerRecord } from '../readers/portal-reads.ts';
import { displayName } from '../readers/people.ts';

// HubSpot passes an app function no user identity. The card reads the user id from its extension
// context and sends it; here it is checked against the portal's HubSpot users (owners) and their
// teams, and the admin's access lists decide what that user may do.
//
// What this verifies: the id belongs to an active HubSpot user of this portal, that user's teams,
// and whether the settings make them an admin or a manager. HubSpot only runs the function for a
// user logged in to this portal, with the app installed.
// What it cannot verify: that the id is the id of the person who clicked. A user of the portal who
// forges the request can claim another user's id. This is a guard for honest clients (the cards only
// ever send the signed-in user), not a security boundary against the portal's own users; restrict who
// sees the app with HubSpot's own permission sets when that matters.

interface OwnerAnswer {
  id: string;
  userId?: number;
  firstName?: string;
  lastName?: string;
  email?: string;
  archived?: boolean;
  teams?: Array<{ id: string }>;
}

/** The HubSpot user behind a user id, with their Keystone roles; KAM.UNKNOWN_USER when the portal has no such active user. */
export async function verifyCaller(client: Client, userId: number, access: Settings['access']): Promise<Caller> {
  let owner: OwnerAnswer;
  try {
    owner = await hubspotCall(() => client.crm.owners.ownersApi.getById(userId, 'userId', false));
  } catch (error) {
    if (isKeystoneError(error) && error.code === 'KAM.NOT_FOUND') throw new KeystoneError('KAM.UNKNOWN_USER');
    throw error;
  }
  if (owner.archived) throw new KeystoneError('KAM.UNKNOWN_USER');
  return withRoles(identityOf(owner, userId), access);
}

function identityOf(owner: OwnerAnswer, userId: number): CallerIdentity {
  const name = [owner.firstName, owner.lastName].filter(Boolean).join(' ') || owner.email || `User ${userId}`;
  return {
    userId: String(userId),
    ownerId: String(owner.id),
    name,
    teamIds: (owner.teams ?? []).map((t) => String(t.id)),
  };
}

/**
 * The same check when the function has read the portal's active owners anyway: the user among them,
 * or null when the portal has no such active user. No call of its own.
 */
export function identityAmong(owners: readonly OwnerRecord[], userId: number): CallerIdentity | null {
  const owner = owners.find((o) => o.userId === userId);
  return owner
    ? { userId: String(userId), ownerId: owner.ownerId, name: displayName(owner), teamIds: owner.teamIds }
    : null;
}

export function requireAdmin(caller: Caller): void {
  if (!caller.isAdmin) throw new KeystoneError('KAM.NOT_AN_ADMIN');
}

export function requireManager(caller: Caller): void {
  if (!caller.isManager) throw new KeystoneError('KAM.NOT_A_MANAGER');
}
