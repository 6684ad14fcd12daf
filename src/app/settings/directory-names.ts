import type { PortalDirectory } from '../../contracts/get-settings.ts';

/** A HubSpot user as the settings page names them: by name, by id only when HubSpot no longer knows them. */
export const userName = (directory: PortalDirectory, userId: string): string =>
  directory.users.find((u) => u.userId === userId)?.name ?? `user ${userId}`;

/** Names in a sentence: "Ann", "Ann and Bob", "Ann, Bob and Cy". */
export const namesInWords = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
