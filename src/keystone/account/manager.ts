import type { Client } from '@hubspot/api-client';
import type { ObjectTypeResolver } from '../../crm/object-types.ts';
import type { PortalDetails } from '../../crm/portal-details.ts';
import type { Settings } from '../../kam/settings/index.ts';
import { requireManager, verifyCaller, type Caller } from '../access/index.ts';
import { loadSettings } from '../settings/index.ts';

/**
 * The verified caller and the settings they act under, with the portal's currency and time zone the
 * settings record holds; KAM.NOT_A_MANAGER (and nothing written) unless they are a manager.
 */
export async function managerActing(
  client: Client,
  objectTypes: ObjectTypeResolver,
  userId: number,
): Promise<{ caller: Caller; settings: Settings; portal: PortalDetails }> {
  const { settings, portal } = await loadSettings(client, objectTypes);
  const caller = await verifyCaller(client, userId, settings.access);
  requireManager(caller);
  return { caller, settings, portal };
}
