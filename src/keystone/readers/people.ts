import type { Owner, Person } from '../../contracts/shared.ts';
import type { OwnerRecord } from './portal-reads.ts';

// Names for the HubSpot users and owners Keystone records point at (a user id in "changed by", an
// owner id on an activity or in the KAM team).

export interface PeopleDirectory {
  byUserId(userId: number | string | null | undefined): Person | null;
  byOwnerId(ownerId: string | null | undefined): Person | null;
  /** Owners for pickers, by name. */
  pickable(): Owner[];
}

export function peopleDirectory(owners: readonly OwnerRecord[]): PeopleDirectory {
  const byOwner = new Map(owners.map((o) => [o.ownerId, o]));
  const byUser = new Map(owners.filter((o) => o.userId !== null).map((o) => [o.userId as number, o]));
  const toPerson = (o: OwnerRecord): Person => ({ userId: o.userId, ownerId: o.ownerId, name: displayName(o) });
  return {
    byUserId(userId) {
      if (userId === null || userId === undefined || userId === '') return null;
      const id = Number(userId);
      if (!Number.isInteger(id)) return null;
      const owner = byUser.get(id);
      return owner ? toPerson(owner) : { userId: id, ownerId: null, name: `User ${id}` };
    },
    byOwnerId(ownerId) {
      if (!ownerId) return null;
      const owner = byOwner.get(ownerId);
      return owner ? toPerson(owner) : { userId: null, ownerId, name: `Owner ${ownerId}` };
    },
    pickable() {
      return owners
        .map((o) => ({
          ownerId: o.ownerId,
          userId: o.userId,
          name: displayName(o),
          email: o.email,
          teamIds: o.teamIds,
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
  };
}

export function displayName(o: Pick<OwnerRecord, 'firstName' | 'lastName' | 'email' | 'ownerId'>): string {
  return `${o.firstName} ${o.lastName}`.trim() || o.email || `Owner ${o.ownerId}`;
}
