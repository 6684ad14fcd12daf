import type { Client } from '@hubspot/api-client';
import { PLAN_REVISION } from '../../crm/model/index.ts';
import { toHubSpotDateTime, toProperties } from '../../crm/records.ts';
import { claimRevision } from '../../crm/revision-claim.ts';

// A plan's revisions and the competition's revisions are claimed on the same revision records, so one
// save of either holds its revision against any other; this writes such a claim the one way both use.

/** The claim record's id, or null when another save holds the revision (the caller words the conflict). */
export async function claimRevisionRecord(
  client: Client,
  claim: {
    objectTypeId: string;
    key: string;
    planId: string;
    revision: number;
    userId: string;
    now: number;
    actionId: string;
  },
): Promise<string | null> {
  const { objectTypeId, key, planId, revision, userId, now, actionId } = claim;
  return claimRevision(client, {
    objectTypeId,
    keyProperty: PLAN_REVISION.property.revisionKey,
    key,
    claimedAtProperty: PLAN_REVISION.property.savedAt,
    actionProperty: PLAN_REVISION.property.actionId,
    actionId,
    userProperty: PLAN_REVISION.property.savedBy,
    userId,
    now,
    properties: toProperties(
      { revisionKey: key, planId, revision, savedBy: userId, savedAt: toHubSpotDateTime(now), actionId },
      PLAN_REVISION.property,
    ),
  });
}
