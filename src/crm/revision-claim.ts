import type { Client } from '@hubspot/api-client';
import { isKeystoneError } from '../errors/keystone-error.ts';
import { hubspotCall } from './batch.ts';
import { isConflict } from './errors.ts';
import { fromHubSpotDateTime, presentProperties } from './records.ts';
import { resendingUniqueCreate } from './retry.ts';

// Claiming the next revision of something saved whole (a key account plan, the settings) before
// writing it. A claim is a record whose key property is unique, so of two saves that start from the
// same revision HubSpot lets one create it and answers the other 409: that one reports a conflict
// instead of overwriting. A save that fails after its claim withdraws it; one that dies before it can
// leaves the claim behind, and a save may take it over once it is older than any function may run.
//
// A claim also names the action (the card's ID for one press of Save) and the user behind it. HubSpot
// has no conditional write, and a create whose answer was lost (or answered 502 and retried by the
// client) has still made its claim: the retry meets its own claim as a 409. So a claim held by the same
// action is this save's own and is taken over, never refused as "someone else is saving". A claim by the
// same user under another action is taken over as soon as no function could still be running it: it is
// the user's own earlier press that stopped part-way, and it should not block their clean save for two
// minutes. Younger than that it may be the same user saving in a second tab, and is refused as usual.

/** Longer than any function may run (HubSpot stops them after ~15 s): an older claim is a failed save's. */
export const REVISION_CLAIM_EXPIRY_MS = 120_000;
/** HubSpot stops a function after ~15 s: the same user's claim this old is from a press that has ended. */
export const OWN_CLAIM_EXPIRY_MS = 15_000;

export interface RevisionClaim {
  /** The object type the claim records belong to. */
  objectTypeId: string;
  /** The unique property, and this revision's value of it. */
  keyProperty: string;
  key: string;
  /** The property that says when a claim was made. */
  claimedAtProperty: string;
  /** The properties naming the action and the user that made the claim, and this save's values of them. */
  actionProperty: string;
  actionId: string;
  userProperty: string;
  userId: string;
  /** Everything the claim record holds, its key and when it was made included. */
  properties: Record<string, string>;
  now: number;
}

/** The claim record's id, or null when another save holds this revision (the caller reports its own conflict). */
export async function claimRevision(client: Client, claim: RevisionClaim): Promise<string | null> {
  const first = await createOrFindOwn(client, claim);
  if (typeof first === 'string') return first;
  const { holder } = first;
  const claimedAt = fromHubSpotDateTime(holder?.claimedAt);
  const expiry = holder?.userId === claim.userId ? OWN_CLAIM_EXPIRY_MS : REVISION_CLAIM_EXPIRY_MS;
  const stale = holder !== null && claimedAt !== null && claim.now - claimedAt >= expiry;
  if (holder !== null && !stale) return null;
  // A failed save's claim is archived and claimed afresh rather than updated in place, so two saves
  // taking over the same stale claim still collide on the key.
  if (holder !== null) await hubspotCall(() => client.crm.objects.basicApi.archive(claim.objectTypeId, holder.id));
  const second = await createOrFindOwn(client, claim);
  return typeof second === 'string' ? second : null;
}

/** Creates the claim; on a conflict, the claim already there: this action's own (its id) or another's. */
async function createOrFindOwn(client: Client, claim: RevisionClaim): Promise<string | { holder: ClaimHolder | null }> {
  const created = await createClaim(client, claim);
  if (created !== null) return created;
  const holder = await readClaim(client, claim);
  return holder !== null && holder.actionId === claim.actionId ? holder.id : { holder };
}

/**
 * Best effort: a claim that cannot be withdrawn expires, and until then refuses other users' saves. So it
 * is sent again when no answer came (archiving twice is harmless; the client itself resends after a 5xx).
 */
export async function withdrawClaim(client: Client, objectTypeId: string, claimId: string): Promise<void> {
  for (let attempt = 1; attempt <= WITHDRAW_ATTEMPTS; attempt++) {
    try {
      await hubspotCall(() => client.crm.objects.basicApi.archive(objectTypeId, claimId));
      return;
    } catch (error) {
      if (isKeystoneError(error) && error.code === 'KAM.NOT_FOUND') return;
    }
  }
}
const WITHDRAW_ATTEMPTS = 3;

async function createClaim(client: Client, claim: RevisionClaim): Promise<string | null> {
  try {
    const created = await resendingUniqueCreate(() =>
      hubspotCall(() =>
        client.crm.objects.basicApi.create(claim.objectTypeId, { properties: claim.properties, associations: [] }),
      ),
    );
    return String(created.id);
  } catch (error) {
    if (isConflict(error)) return null;
    throw error;
  }
}

interface ClaimHolder {
  id: string;
  claimedAt: string | null;
  actionId: string | null;
  userId: string | null;
}

/** The claim holding the key, or null when it was withdrawn since the conflict. */
async function readClaim(client: Client, claim: RevisionClaim): Promise<ClaimHolder | null> {
  try {
    const record = await hubspotCall(() =>
      client.crm.objects.basicApi.getById(
        claim.objectTypeId,
        claim.key,
        [claim.claimedAtProperty, claim.actionProperty, claim.userProperty],
        undefined,
        undefined,
        false,
        claim.keyProperty,
      ),
    );
    const p = presentProperties(record.properties);
    return {
      id: String(record.id),
      claimedAt: p[claim.claimedAtProperty] ?? null,
      actionId: p[claim.actionProperty] || null,
      userId: p[claim.userProperty] || null,
    };
  } catch (error) {
    if (isKeystoneError(error) && error.code === 'KAM.NOT_FOUND') return null;
    throw error;
  }
}
