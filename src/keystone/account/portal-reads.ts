import type { Client } from '@hubspot/api-client';
import { hubspotCall } from '../../crm/batch.ts';
import { collectAll } from '../../crm/paging.ts';

// Portal-wide facts the cards need: who the portal's people are, and its currency and time zone.

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
  const owners = await collectAll((after) => hubspotCall(() => client.crm.owners.ownersApi.getPage(undefined, after, 500, false)));
  return owners.map((o) => ({
    ownerId: String(o.id),
    userId: o.userId ?? null,
    firstName: o.firstName ?? '',
    lastName: o.lastName ?? '',
    email: o.email ?? null,
    teamIds: (o.teams ?? []).map((t) => String(t.id)),
    teams: (o.teams ?? []).map((t) => ({ teamId: String(t.id), name: t.name || `Team ${t.id}` })),
  }));
}

export interface PortalDetails {
  currency: string | null;
  timeZone: string | null;
}

/**
 * The portal's company currency and time zone (account-info API). Nice to have, never worth failing
 * the card for: without them the card falls back to the user's time zone and plain numbers.
 */
export async function readPortalDetails(client: Client): Promise<PortalDetails> {
  try {
    const response = await client.apiRequest({ method: 'GET', path: '/account-info/v3/details' });
    if (!response.ok) return { currency: null, timeZone: null };
    const body = (await response.json()) as { companyCurrency?: unknown; timeZone?: unknown };
    return {
      currency: typeof body.companyCurrency === 'string' && /^[A-Z]{3}$/.test(body.companyCurrency) ? body.companyCurrency : null,
      timeZone: typeof body.timeZone === 'string' && body.timeZone !== '' ? body.timeZone : null,
    };
  } catch {
    return { currency: null, timeZone: null };
  }
}
