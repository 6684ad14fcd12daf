import type { Client } from '@hubspot/api-client';
import { KeystoneError } from '../errors/keystone-error.ts';
import { KEYSTONE_OBJECTS, type KeystoneObjectKey } from './model/index.ts';
import { hubspotCall } from './batch.ts';

export interface SchemaSummary {
  name: string;
  objectTypeId: string;
  fullyQualifiedName: string;
}

// Keystone's custom objects get a `2-…` objectTypeId per portal. One schemas list answers all of them;
// the resolver keeps it for the rest of the invocation (build one per invocation: setup may add schemas).
export class ObjectTypeResolver {
  #schemas: Promise<SchemaSummary[]> | undefined;

  constructor(private readonly client: Client) {}

  /** The objectTypeId of a Keystone object, or KAM.SETUP_REQUIRED when setup has not created it. */
  async objectTypeId(key: KeystoneObjectKey): Promise<string> {
    const found = await this.find(key);
    if (!found) throw new KeystoneError('KAM.SETUP_REQUIRED');
    return found.objectTypeId;
  }

  /** The schema of a Keystone object if it exists, matched by fully qualified name `p<portalId>_<name>`. */
  async find(key: KeystoneObjectKey): Promise<SchemaSummary | undefined> {
    const pattern = new RegExp(`^p\\d+_${KEYSTONE_OBJECTS[key].name}$`);
    return (await this.schemas()).find((s) => pattern.test(s.fullyQualifiedName));
  }

  /** Forgets what it read, after setup created or changed schemas. */
  forget(): void {
    this.#schemas = undefined;
  }

  private schemas(): Promise<SchemaSummary[]> {
    if (!this.#schemas) {
      const read = hubspotCall(() => this.client.crm.schemas.coreApi.getAll()).then((answer) =>
        answer.results.map((s) => ({
          name: s.name,
          objectTypeId: String(s.objectTypeId),
          fullyQualifiedName: String(s.fullyQualifiedName),
        })),
      );
      // A failed read is not cached, so the next call asks again.
      read.catch(() => {
        if (this.#schemas === read) this.#schemas = undefined;
      });
      this.#schemas = read;
    }
    return this.#schemas;
  }
}
