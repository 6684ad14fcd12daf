import type { Settings } from '../../kam/settings/index.ts';

// Who may do what, from the admin's access settings. Pure: the caller's identity is looked up elsewhere.
//
// While no admin is configured (a new portal), only the portal's HubSpot super admins count as admins,
// as HubSpot's users API says (checked by the caller's lookup, never taken from the request), so they can
// run setup and save the first settings; saving settings then requires naming at least the saver as an
// admin (see settings service), which ends this bootstrap. Never the first user who happens to click.

export interface CallerIdentity {
  userId: string;
  ownerId: string | null;
  name: string;
  teamIds: readonly string[];
  /** Whether HubSpot says they are a super admin; looked up only while no admin is configured. */
  superAdmin?: boolean;
}

export interface Caller extends CallerIdentity {
  isAdmin: boolean;
  /** Managers tag key accounts and edit plans, stances and reviews. Admins are managers too. */
  isManager: boolean;
}

export function withRoles(identity: CallerIdentity, access: Settings['access']): Caller {
  const isAdmin = bootstrapping(access) ? identity.superAdmin === true : access.adminUserIds.includes(identity.userId);
  const isManager =
    isAdmin ||
    access.managerUserIds.includes(identity.userId) ||
    identity.teamIds.some((teamId) => access.managerTeamIds.includes(teamId));
  return { ...identity, isAdmin, isManager };
}

/** No admin is configured yet: the first admins are named by a HubSpot super admin. */
export const bootstrapping = (access: Settings['access']): boolean => access.adminUserIds.length === 0;
