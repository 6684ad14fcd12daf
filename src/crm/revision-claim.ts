import type { Client } from '@hubspot/api-client';
import { isKeystoneError } from '../errors/keystone-error.ts';
import { hubspotCall } from './batch.ts';
import { isConflict } from './errors.ts';
import { fromHubSpotDateTime, presentProperties } from './records.ts';

// Claiming the next revision of something saved whole (a key account plan, the settings) before
// writing it. A claim is a record whose key property is unique, so of two saves that start from the
// same revision HubSpot lets one create it and answers the other 409: that one reports a conflict
// instead of overwriting. A save that fails after its claim withdraws it; one that dies before it can
// leaves the claim behind, and a save may take it over once it is older than any function may run.

/** Longer than any function may run (HubSpot stops them after ~15 s): an older claim is a failed save's. */
export const REVISION_CLAIM_EXPIRY_MS = 120_000;

export interface RevisionClaim {
  /** The object type the claim records belong to. */
  objectTypeId: string;
  /** The unique property, and this revision's value of it. */
  keyProperty: string;
  key: string;
  /** The property that says when a claim was made. */
  claimedAtProperty: string;
  /** Everything the claim record holds, its key and when it was made included. */
  properties: Record<string, string>;
  now: number;
}

/** The claim record's id, or null when another save holds this revision (the caller reports its own conflict). */
export async function claimRevision(client: Client, claim: RevisionClaim): Promise<string | null> {
  const created = await createClaim(client, claim);
  if (created !== null) return created;

  const holder = await readClaim(client, claim);
  const claimedAt = fromHubSpotDateTime(holder?.claimedAt);
  if (holder !== null && (claimedAt === null || claim.now - claimedAt < REVISION_CLAIM_EXPIRY_MS)) return null;
  // A failed save's claim is archived and claimed afresh rather than updated in place, so two saves
  // taking over the same stale claim still collide on the key.
  if (holder !== null) await hubspotCall(() => client.crm.objects.basicApi.archive(claim.objectTypeId, holder.id));
  return createClaim(client, claim);
}

/** Best effort: a claim that cannot be withdrawn expires. */
export async function withdrawClaim(client: Client, objectTypeId: string, claimId: string): Promise<void> {
  await hubspotCall(() => client.crm.objects.basicApi.archive(objectTypeId, claimId)).catch(() => undefined);
}

async function createClaim(client: Client, claim: RevisionClaim): Promise<string | null> {
  try {
    const created = await hubspotCall(() =>
      client.crm.objects.basicApi.create(claim.objectTypeId, { properties: claim.properties, associations: [] }),
    );
    return String(created.id);
  } catch (error) {
    if (isConflict(error)) return null;
    throw error;
  }
}

/** The claim holding the key, or null when it was withdrawn since the conflict. */
async function readClaim(
  client: Client,
  claim: RevisionClaim,
): Promise<{ id: string; claimedAt: string | null } | null> {
  try {
    const record = await hubspotCall(() =>
      client.crm.objects.basicApi.getById(
        claim.objectTypeId,
        claim.key,
        [claim.claimedAtProperty],
        undefined,
        undefined,
        false,
        claim.keyProperty,
      ),
    );
    return { id: String(record.id), claimedAt: presentProperties(record.properties)[claim.claimedAtProperty] ?? null };
  } catch (error) {
    if (isKeystoneError(error) && error.code === 'KAM.NOT_FOUND') return null;
    throw error;
  }
}
