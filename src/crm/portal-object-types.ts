import type { Client } from '@hubspot/api-client';
import { KEYSTONE_OBJECTS, type KeystoneObjectKey } from './model/index.ts';
import { ObjectTypeResolver, type SchemaSummary } from './object-types.ts';

/**
 * Keystone's object types addressed by their fully qualified names (`p<portalId>_<name>`), which HubSpot
 * accepts wherever it takes an objectTypeId. Knowing the portal saves the schemas read; it cannot tell
 * whether setup has created the types, so a read HubSpot answers with "unknown object type"
 * (KAM.SETUP_REQUIRED) is worth retrying with a resolver that reads the schemas.
 */
export class PortalObjectTypes extends ObjectTypeResolver {
  constructor(
    client: Client,
    private readonly portalId: number,
  ) {
    super(client);
  }

  override find(key: KeystoneObjectKey): Promise<SchemaSummary> {
    const { name } = KEYSTONE_OBJECTS[key];
    const fullyQualifiedName = `p${this.portalId}_${name}`;
    return Promise.resolve({ name, objectTypeId: fullyQualifiedName, fullyQualifiedName });
  }
}
