import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PLAN_REVISION } from '../../src/crm/model/index.ts';
import { ObjectTypeResolver } from '../../src/crm/object-types.ts';
import { toHubSpotDateTime, toProperties } from '../../src/crm/records.ts';
import {
  OWN_CLAIM_EXPIRY_MS,
  REVISION_CLAIM_EXPIRY_MS,
  claimRevision,
  withdrawClaim,
  type RevisionClaim,
} from '../../src/crm/revision-claim.ts';
import { runSetup } from '../../src/crm/setup/index.ts';
import { startSandboxPortal, type SandboxPortal } from './sandbox-portal.ts';

const now = Date.UTC(2026, 10, 24, 9);

describe('claiming a revision', () => {
  let portal: SandboxPortal;
  let objectTypeId: string;
  let nextPlan = 1;
  let planId: string;

  /** A claim of `revision` of this test's plan by `userId`, made at `at`. */
  const aClaim = (
    overrides: { revision?: number; userId?: string; at?: number; actionId?: string } = {},
  ): RevisionClaim => {
    const { revision = 1, userId = '101', at = now, actionId = `action-${userId}-${at}` } = overrides;
    const key = `${planId}:${revision}`;
    return {
      objectTypeId,
      keyProperty: PLAN_REVISION.property.revisionKey,
      key,
      claimedAtProperty: PLAN_REVISION.property.savedAt,
      actionProperty: PLAN_REVISION.property.actionId,
      actionId,
      userProperty: PLAN_REVISION.property.savedBy,
      userId,
      now: at,
      properties: toProperties(
        { revisionKey: key, planId, revision, savedBy: userId, savedAt: toHubSpotDateTime(at), actionId },
        PLAN_REVISION.property,
      ),
    };
  };
  const holderOf = async (claim: RevisionClaim) =>
    (
      await portal.client.crm.objects.basicApi.getById(
        objectTypeId,
        claim.key,
        [PLAN_REVISION.property.savedBy],
        undefined,
        undefined,
        false,
        claim.keyProperty,
      )
    ).properties[PLAN_REVISION.property.savedBy];

  beforeAll(async () => {
    portal = await startSandboxPortal({}, { attempts: 3 });
    await runSetup(portal.client, { now });
    objectTypeId = await new ObjectTypeResolver(portal.client).objectTypeId('planRevision');
  });
  afterAll(() => portal.close());
  beforeEach(() => {
    planId = `plan-${nextPlan++}`;
  });

  it('gives a free revision to the first claimant and records who claimed it', async () => {
    const claimId = await claimRevision(portal.client, aClaim({ userId: '101' }));
    expect(claimId).toEqual(expect.any(String));
    expect(await holderOf(aClaim())).toBe('101');
  });

  it('lets exactly one of two claims made at the same moment win', async () => {
    const outcomes = await Promise.all([
      claimRevision(portal.client, aClaim({ userId: '101' })),
      claimRevision(portal.client, aClaim({ userId: '202' })),
    ]);
    expect(outcomes.filter((id) => id === null)).toHaveLength(1);
    expect(await holderOf(aClaim())).toBe(outcomes[0] === null ? '202' : '101');
  });

  it('refuses a revision someone claimed until the claim expires, then hands it over', async () => {
    await claimRevision(portal.client, aClaim({ userId: '101' }));
    expect(
      await claimRevision(portal.client, aClaim({ userId: '202', at: now + REVISION_CLAIM_EXPIRY_MS - 1 })),
    ).toBeNull();

    expect(await claimRevision(portal.client, aClaim({ userId: '202', at: now + REVISION_CLAIM_EXPIRY_MS }))).toEqual(
      expect.any(String),
    );
    expect(await holderOf(aClaim())).toBe('202');
  });

  it('lets only one of two saves take over the same expired claim', async () => {
    await claimRevision(portal.client, aClaim({ userId: '101' }));
    const later = now + REVISION_CLAIM_EXPIRY_MS + 1;
    const outcomes = await Promise.all([
      claimRevision(portal.client, aClaim({ userId: '202', at: later })),
      claimRevision(portal.client, aClaim({ userId: '303', at: later })),
    ]);
    expect(outcomes.filter((id) => id === null)).toHaveLength(1);
    expect(await holderOf(aClaim())).toBe(outcomes[0] === null ? '303' : '202');
  });

  it('frees a withdrawn revision at once, and claims of other revisions never collide', async () => {
    const claimId = await claimRevision(portal.client, aClaim({ userId: '101' }));
    expect(await claimRevision(portal.client, aClaim({ revision: 2, userId: '202' }))).toEqual(expect.any(String));

    await withdrawClaim(portal.client, objectTypeId, claimId!);

    expect(await claimRevision(portal.client, aClaim({ userId: '303' }))).toEqual(expect.any(String));
    expect(await holderOf(aClaim())).toBe('303');
  });

  it('takes over its own claim when the answer to making it was lost, instead of refusing it as another save', async () => {
    // The claim is made, then HubSpot's edge answers 502; the client tries again and meets the claim as a 409.
    await portal.control.injectFault({ kind: 'lostAnswer', mode: 'badGateway', method: 'POST', times: 1 });
    const claimId = await claimRevision(portal.client, aClaim({ userId: '101', actionId: 'press-1' }));
    expect(claimId).toEqual(expect.any(String));
    // The user's retry of the same press, a second later, takes over the same claim.
    expect(await claimRevision(portal.client, aClaim({ userId: '101', actionId: 'press-1', at: now + 1_000 }))).toBe(
      claimId,
    );
    await portal.control.clearFaults();
  });

  it("takes over a claim the same user's ended press left behind once no function can still run it; another user's stays in force", async () => {
    await claimRevision(portal.client, aClaim({ userId: '101', actionId: 'press-1' }));
    const ended = now + OWN_CLAIM_EXPIRY_MS;
    // Younger, it may be the same user saving in a second tab.
    expect(
      await claimRevision(portal.client, aClaim({ userId: '101', actionId: 'press-2', at: ended - 1 })),
    ).toBeNull();
    expect(await claimRevision(portal.client, aClaim({ userId: '202', actionId: 'press-3', at: ended }))).toBeNull();
    expect(await claimRevision(portal.client, aClaim({ userId: '101', actionId: 'press-4', at: ended }))).toEqual(
      expect.any(String),
    );
    expect(await holderOf(aClaim())).toBe('101');
  });
});
