import type { Settings } from '../../kam/settings/index.ts';

// Who may do what, from the admin's access settings. Pure: the caller's identity is looked up elsewhere.
//
// While no admin is configured (a new portal), every user of the portal counts as an admin, so someone
// can run setup and save the first settings; saving settings then requires naming at least the saver
// as an admin (see settings service), which ends this bootstrap.

export interface CallerIdentity {
  userId: string;
  ownerId: string | null;
  name: string;
  teamIds: readonly string[];
}

export interface Caller extends CallerIdentity {
  isAdmin: boolean;
  /** Managers tag key accounts and edit plans, stances and reviews. Admins are managers too. */
  isManager: boolean;
}

export function withRoles(identity: CallerIdentity, access: Settings['access']): Caller {
  const isAdmin = access.adminUserIds.length === 0 || access.adminUserIds.includes(identity.userId);
  const isManager =
    isAdmin ||
    access.managerUserIds.includes(identity.userId) ||
    identity.teamIds.some((teamId) => access.managerTeamIds.includes(teamId));
  return { ...identity, isAdmin, isManager };
}
