import type { PortalDirectory } from '../../contracts/get-settings.ts';
import type { OwnerRecord } from '../readers/portal-reads.ts';
import { displayName } from '../readers/people.ts';

// The portal's users and teams as the settings page offers them for "who may do what": admins pick
// people and teams by name, never by typing ids.

export function portalDirectory(owners: readonly OwnerRecord[]): PortalDirectory {
  const users = owners.flatMap((o) =>
    o.userId === null ? [] : [{ userId: String(o.userId), name: displayName(o), email: o.email }],
  );
  const teams = new Map<string, { teamId: string; name: string; members: number }>();
  for (const owner of owners) {
    if (owner.userId === null) continue;
    for (const { teamId, name } of owner.teams) {
      const team = teams.get(teamId) ?? { teamId, name, members: 0 };
      team.members += 1;
      teams.set(teamId, team);
    }
  }
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  return { users: users.sort(byName), teams: [...teams.values()].sort(byName) };
}
