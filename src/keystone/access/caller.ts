import type { Client } from '@hubspot/api-client';
import { hubspotCall } from '../../crm/batch.ts';
import { KeystoneError, isKeystoneError } from '../../errors/keystone-error.ts';
import type { Settings } from '../../kam/settings/index.ts';
import { isSuperAdmin } from '../../crm/portal-users.ts';
import { bootstrapping, withRoles, type Caller, type CallerIdentity } from './roles.ts';
import type { OwnerRecord } from '../readers/portal-reads.ts';
import { displayName } from '../readers/people.ts';

// HubSpot passes an app function no user identity. The card reads the user id from its extension
// context and sends it; here it is checked against the portal's HubSpot users (owners) and their
// teams, and the admin's access lists decide what that user may do.
//
// What this verifies: the id belongs to an active HubSpot user of this portal, that user's teams,
// and whether the settings make them an admin or a manager. HubSpot only runs the function for a
// user logged in to this portal, with the app installed.
// While no admin is configured, only a user HubSpot's users API calls a super admin is an admin.
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
  return withBootstrapRoles(client, identityOf(owner, userId), access);
}

/**
 * The roles of a known user; while no admin is configured, HubSpot's users API is asked whether they are a
 * super admin (one call, only then), so the first admin is never whoever clicks first.
 */
export async function withBootstrapRoles(
  client: Client,
  identity: CallerIdentity,
  access: Settings['access'],
): Promise<Caller> {
  if (!bootstrapping(access)) return withRoles(identity, access);
  return withRoles({ ...identity, superAdmin: await isSuperAdmin(client, Number(identity.userId)) }, access);
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
  if (caller.isAdmin) return;
  // Asked (and refused) only while no admin is configured.
  if (caller.superAdmin === false) throw new KeystoneError('KAM.NOT_AN_ADMIN', FIRST_ADMIN_ONLY);
  throw new KeystoneError('KAM.NOT_AN_ADMIN');
}

const FIRST_ADMIN_ONLY =
  'Keystone has no admins yet, and only a HubSpot super admin of this portal can set it up and name its first admins. Ask a super admin to open Keystone settings.';

export function requireManager(caller: Caller): void {
  if (!caller.isManager) throw new KeystoneError('KAM.NOT_A_MANAGER');
}
