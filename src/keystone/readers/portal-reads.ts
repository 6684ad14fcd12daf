import type { Client } from '@hubspot/api-client';
import { batchRead, hubspotCall } from '../../crm/batch.ts';
import { collectAll } from '../../crm/paging.ts';

// Portal-wide facts the cards need: who the portal's people are, and what other companies are called.

export interface OwnerRecord {
  ownerId: string;
  userId: number | null;
  firstName: string;
  lastName: string;
  email: string | null;
  teamIds: string[];
  /** The same teams with their names, for pickers. */
  teams: Array<{ teamId: string; name: string }>;
}

/** Active owners (users who can own records), 500 a page: one call for most portals. */
export async function readOwners(client: Client): Promise<OwnerRecord[]> {
  const owners = await collectAll((after) =>
    hubspotCall(() => client.crm.owners.ownersApi.getPage(undefined, after, 500, false)),
  );
  return owners.map(ownerRecordOf);
}

/** An owner as HubSpot's owners API describes one. */
interface HubSpotOwner {
  id: string | number;
  userId?: number | null;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  teams?: Array<{ id: string | number; name?: string | null }> | null;
}

/** What Keystone keeps of an owner HubSpot's owners API answers with. */
export function ownerRecordOf(o: HubSpotOwner): OwnerRecord {
  return {
    ownerId: String(o.id),
    userId: o.userId ?? null,
    firstName: o.firstName ?? '',
    lastName: o.lastName ?? '',
    email: o.email ?? null,
    teamIds: (o.teams ?? []).map((t) => String(t.id)),
    teams: (o.teams ?? []).map((t) => ({ teamId: String(t.id), name: t.name || `Team ${t.id}` })),
  };
}

/** The names of companies by id, 100 a call (none for no ids); a company HubSpot no longer knows is left out. */
export async function readCompanyNames(client: Client, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { records } = await batchRead(client, { objectType: 'companies', ids, properties: ['name'] });
  return new Map(records.flatMap((r) => (r.properties.name ? [[r.id, r.properties.name] as const] : [])));
}
