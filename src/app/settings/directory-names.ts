import type { PortalDirectory } from '../../contracts/get-settings.ts';

/** A HubSpot user as the settings page names them: by name, by id only when HubSpot no longer knows them. */
export const userName = (directory: PortalDirectory, userId: string): string =>
  directory.users.find((u) => u.userId === userId)?.name ?? `user ${userId}`;
