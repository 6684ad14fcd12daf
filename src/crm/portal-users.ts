import type { Client } from '@hubspot/api-client';
import { isKeystoneError } from '../errors/keystone-error.ts';
import { hubspotCall } from './batch.ts';

// Whether a HubSpot user is a super admin of the portal, from HubSpot's user provisioning API
// (`GET /settings/v3/users/{userId}`, scope `settings.users.read`): the one role HubSpot itself gives
// that Keystone trusts to name its first admins. HubSpot documents `superAdmin` as a boolean; its own
// example shows it as the text "false", so only true (or "true") counts.

/** False for a user HubSpot does not know (removed, or never of this portal). */
export async function isSuperAdmin(client: Client, userId: number): Promise<boolean> {
  try {
    const user = await hubspotCall(() => client.settings.users.usersApi.getById(String(userId), 'USER_ID'));
    return String(user.superAdmin) === 'true';
  } catch (error) {
    if (isKeystoneError(error) && error.code === 'KAM.NOT_FOUND') return false;
    throw error;
  }
}
