import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PLAN_REVISION } from '../../src/crm/model/index.ts';
import { ObjectTypeResolver } from '../../src/crm/object-types.ts';
import { toHubSpotDateTime, toProperties } from '../../src/crm/records.ts';
import {
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
  const aClaim = (overrides: { revision?: number; userId?: string; at?: number } = {}): RevisionClaim => {
    const { revision = 1, userId = '101', at = now } = overrides;
    const key = `${planId}:${revision}`;
    return {
      objectTypeId,
      keyProperty: PLAN_REVISION.property.revisionKey,
      key,
      claimedAtProperty: PLAN_REVISION.property.savedAt,
      now: at,
      properties: toProperties(
        { revisionKey: key, planId, revision, savedBy: userId, savedAt: toHubSpotDateTime(at) },
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
    portal = await startSandboxPortal();
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
});
