import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPortalState, type CompanyState, type PortalState } from '../../bench/faults/hubspot-state.ts';
import {
  FUNCTION_NAMES,
  planSave,
  review,
  settingsSave,
  stance,
  statusChange,
  type Intent,
} from '../../bench/faults/intents.ts';
import { judgeRound, type RoundVerdicts, type Verdicts } from '../../bench/faults/judge.ts';
import { runFaultMix } from '../../bench/faults/mix.ts';
import { startFaultPortal, type FaultPortal, type KeyAccount } from '../../bench/faults/portal.ts';
import { startRecalculationProcess } from '../../bench/faults/recalculation.ts';
import { summarise } from '../../bench/faults/report.ts';
import { once, type Answer, type IntentRecord } from '../../bench/faults/users.ts';
import { COMPANY_PROPERTY, PLAN_REVISION, PORTAL_SETTINGS, REVIEW } from '../../src/crm/model/index.ts';
import { SAVED_BESIDE_ANOTHER } from '../../src/keystone/account/key-account-status.ts';
import { isAllowedStatusChange, type KeyAccountStatus } from '../../src/kam/shared/index.ts';
import { testClock } from '../clock.ts';
import { TEST_TOKEN } from '../crm/sandbox-portal.ts';

// The fault benchmark's judgements, not its figures: one round of the mix must account for every
// answer, and defects seeded into HubSpot by hand (a second task, a note without its change, a claim of
// one's own...) must each be counted once, under the function and the harm they are.

let fp: FaultPortal;
let account: KeyAccount;
let intents = 0;
const nextIntentId = () => ++intents;

beforeAll(async () => {
  fp = await startFaultPortal({ keyAccounts: 3, otherCompanies: 1 }, testClock.now, nextIntentId);
  account = fp.accounts[0]!;
}, 60_000);
afterAll(() => fp.portal.close());

const [max, mia] = [() => fp.managers[0], () => fp.managers[1]];
const ok = (previousStatus: string | null = null): Answer => ({ status: 'ok', previousStatus });
const refused = (code: string): Answer => ({ status: 'error', code, message: '' });
const read = () =>
  readPortalState(fp.portal.client, fp.types, { companyIds: [account.companyId], contactIds: [account.contactIds[0]] });

/** Judges the records the scenario builds from the state before, after it seeded HubSpot with what they left. */
async function judge(scenario: (before: PortalState) => Promise<IntentRecord[]>): Promise<RoundVerdicts> {
  const before = await read();
  const records = await scenario(before);
  return judgeRound(records, before, await read());
}

/** The intent carried out for real, with no faults: HubSpot holds exactly what it wrote. */
async function carriedOut(intent: Intent): Promise<IntentRecord> {
  const answer = await once(intent, testClock.now);
  if (answer.status !== 'ok') throw new Error(`${intent.fn} failed: ${answer.message}`);
  return { intent, answers: [answer] };
}

const harmless: Partial<Verdicts> = {
  falseConflicts: 0,
  unclearErrors: 0,
  duplicates: 0,
  partialWrites: 0,
  lostWrites: 0,
};

describe('a round of the fault mix', () => {
  it('calls every function, accounts for every answer and calls each once more after the faults clear', async () => {
    const recalculation = startRecalculationProcess({ baseUrl: fp.portal.sandbox.baseUrl, accessToken: TEST_TOKEN });
    try {
      const [round] = await runFaultMix(
        fp,
        recalculation,
        testClock,
        { rounds: 1, seed: 1, faultRate: 0.1, writeBackDelayMs: 200, timeLimitMs: 60_000 },
        nextIntentId,
      );

      expect(round!.records.map((r) => r.intent.fn).sort()).toEqual(
        [...FUNCTION_NAMES, 'record_contact_stance', 'save_settings'].sort(),
      );
      for (const { answers } of round!.records) expect(answers.length).toBeGreaterThanOrEqual(1);
      for (const v of Object.values(round!.verdicts.byFunction))
        expect(v.tried).toBe(v.ok + v.clearErrors + v.falseConflicts + v.unclearErrors);
      expect(round!.probes.map((p) => p.fn).sort()).toEqual([...FUNCTION_NAMES].sort());
      expect(round!.verdicts.statusRaces).toBe(1);
      expect(round!.recalculation.slices).toBeGreaterThan(0);
      const summary = summarise([round!]);
      expect(summary.byFunction.record_contact_stance.cleanCalls).toBe(1);
      expect(summary.requests).toBe(round!.requests);
    } finally {
      recalculation.stop();
    }
  }, 90_000);

  it('asks only for status changes the programme allows, and its clean calls leave each account key for its next race', () => {
    const at = (status: KeyAccountStatus) =>
      ({ id: '1', properties: { status: { value: status, history: [] } } }) as unknown as CompanyState;
    for (const current of ['key', 'candidate', 'former'] as const) {
      const tag = statusChange('tag_key_account', nextIntentId(), max().userId, at(current));
      const untag = statusChange('untag_key_account', nextIntentId(), mia().userId, at(current));
      expect(isAllowedStatusChange(current, tag.parameters.status as KeyAccountStatus), `tag from ${current}`).toBe(
        true,
      );
      expect(isAllowedStatusChange(current, untag.parameters.status as KeyAccountStatus), `untag from ${current}`).toBe(
        true,
      );
      // After a round, the clean calls untag, then tag from what the untag set.
      const untagged = String(untag.parameters.status);
      const retagged = statusChange('tag_key_account', nextIntentId(), max().userId, at(current), untagged);
      expect(retagged.parameters.status).toBe('key');
    }
  });
});

describe('the judgements', () => {
  it('counts a second open task for an objective as one duplicate of the plan save', async () => {
    const verdicts = await judge(async (before) => {
      const saved = await carriedOut(
        planSave(
          nextIntentId(),
          max().userId,
          before.companies[account.companyId]!,
          [max().ownerId, mia().ownerId],
          testClock.now(),
        ),
      );
      await fp.portal.client.crm.objects.tasks.basicApi.create({
        properties: {
          hs_task_subject: 'Objective A',
          hs_task_status: 'NOT_STARTED',
          hs_timestamp: new Date(testClock.now()).toISOString(),
        },
        associations: [
          {
            to: { id: account.companyId },
            types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 192 }],
          },
        ],
      });
      return [saved];
    });
    expect(verdicts.byFunction.save_account_plan).toMatchObject({ ...harmless, tried: 1, ok: 1, duplicates: 1 });
    // Still there a round later, it is not counted again.
    const later = await judge(async () => [
      {
        intent: planSave(
          nextIntentId(),
          max().userId,
          (await read()).companies[account.companyId]!,
          [max().ownerId, mia().ownerId],
          testClock.now(),
        ),
        answers: [refused('KAM.HUBSPOT_UNAVAILABLE')],
      },
    ]);
    expect(later.byFunction.save_account_plan).toMatchObject({ ...harmless, clearErrors: 1 });
  });

  it('counts an audit note written twice as one duplicate of the status change', async () => {
    const verdicts = await judge(async (before) => {
      const tagged = await carriedOut(
        statusChange('tag_key_account', nextIntentId(), max().userId, before.companies[account.companyId]!),
      );
      await addNote(`<p>Keystone: Key account status, again. Reason: Status change [m${tagged.intent.id}]</p>`);
      return [tagged];
    });
    expect(verdicts.byFunction.tag_key_account).toMatchObject({ ...harmless, ok: 1, duplicates: 1 });
  });

  it('counts a status changed without its audit note as a partial write, and the failure that hid it as unclear', async () => {
    const verdicts = await judge(async (before) => {
      const intent = statusChange(
        'untag_key_account',
        nextIntentId(),
        mia().userId,
        before.companies[account.companyId]!,
      );
      const { status, reason } = intent.parameters as { status: string; reason: string };
      await fp.portal.client.crm.companies.basicApi.update(account.companyId, {
        properties: {
          [COMPANY_PROPERTY.status]: status,
          [COMPANY_PROPERTY.statusReason]: reason,
          hs_is_target_account: 'false',
        },
      });
      return [{ intent, answers: [refused('KAM.HUBSPOT_UNAVAILABLE')] }];
    });
    expect(verdicts.byFunction.untag_key_account).toMatchObject({
      ...harmless,
      tried: 1,
      ok: 0,
      clearErrors: 0,
      unclearErrors: 1,
      partialWrites: 1,
    });
  });

  it('counts a failure after which nothing stood, and a retry that saved, as clear', async () => {
    const verdicts = await judge(async (before) => {
      const tagged = await carriedOut(
        statusChange('tag_key_account', nextIntentId(), max().userId, before.companies[account.companyId]!),
      );
      return [{ intent: tagged.intent, answers: [refused('KAM.HUBSPOT_UNAVAILABLE'), ...tagged.answers] }];
    });
    expect(verdicts.byFunction.tag_key_account).toMatchObject({ ...harmless, tried: 2, ok: 1, clearErrors: 1 });
  });

  it('counts a failure followed by a try told its change was saved beside another as clear', async () => {
    const verdicts = await judge(async (before) => {
      const tagged = await carriedOut(
        statusChange('tag_key_account', nextIntentId(), max().userId, before.companies[account.companyId]!),
      );
      const savedBesideAnother: Answer = {
        status: 'error',
        code: 'KAM.STATUS_CHANGED',
        message: `${SAVED_BESIDE_ANOTHER} Mia Owner changed the key account status at the same moment`,
      };
      return [{ intent: tagged.intent, answers: [refused('KAM.HUBSPOT_UNAVAILABLE'), savedBesideAnother] }];
    });
    expect(verdicts.byFunction.tag_key_account).toMatchObject({ ...harmless, tried: 2, clearErrors: 2 });
  });

  it('counts an acknowledged change that HubSpot does not hold as a lost write', async () => {
    const verdicts = await judge(async () => [
      {
        intent: stance(nextIntentId(), max().userId, account.companyId, account.contactIds[0], 'ally'),
        answers: [ok()],
      },
    ]);
    expect(verdicts.byFunction.record_contact_stance).toMatchObject({ tried: 1, ok: 1, lostWrites: 1 });
  });

  it('counts a refusal over a revision only the same user claimed as a false conflict, and one another user claimed as clear', async () => {
    const verdicts = await judge(async (before) => {
      const plan = before.companies[account.companyId]!.plan!;
      const ownClaim = {
        ...planSave(
          nextIntentId(),
          max().userId,
          before.companies[account.companyId]!,
          [max().ownerId, mia().ownerId],
          testClock.now(),
        ),
        baseRevision: plan.revision + 10,
      };
      const othersClaim = { ...ownClaim, id: nextIntentId(), baseRevision: plan.revision + 20 };
      await claimPlanRevision(plan.id, plan.revision + 11, max().userId);
      await claimPlanRevision(plan.id, plan.revision + 21, max().userId, { withdrawn: true });
      await claimPlanRevision(plan.id, plan.revision + 21, mia().userId);
      return [ownClaim, othersClaim].map((intent) => ({ intent, answers: [refused('KAM.PLAN_CHANGED_ELSEWHERE')] }));
    });
    expect(verdicts.byFunction.save_account_plan).toMatchObject({ tried: 2, falseConflicts: 1, clearErrors: 1 });
  });

  it('counts a tag and an untag acknowledged from the same status as one double success', async () => {
    const verdicts = await judge(async (before) => {
      const company = before.companies[account.companyId]!;
      return [
        { intent: statusChange('tag_key_account', nextIntentId(), max().userId, company), answers: [ok('none')] },
        {
          intent: statusChange('untag_key_account', nextIntentId(), mia().userId, company),
          answers: [refused('KAM.HUBSPOT_UNAVAILABLE'), ok('none')],
        },
      ];
    });
    expect(verdicts).toMatchObject({ statusRaces: 1, doubleSuccesses: 1 });
  });

  it('counts a status whose target-account flag was set back behind the user as an overwritten change', async () => {
    const verdicts = await judge(async (before) => {
      const tagged = await carriedOut(
        statusChange('tag_key_account', nextIntentId(), max().userId, before.companies[account.companyId]!),
      );
      const isKey = (tagged.intent.parameters as { status: string }).status === 'key';
      await fp.portal.client.crm.companies.basicApi.update(account.companyId, {
        properties: { hs_is_target_account: String(!isKey) },
      });
      return [tagged];
    });
    expect(verdicts).toMatchObject({ statusesChanged: 1, overwrittenChanges: 1 });
  });

  it('counts a next-review date moved without a review record as a partial write of the review', async () => {
    const verdicts = await judge(async () => {
      await fp.portal.client.crm.companies.basicApi.update(account.companyId, {
        properties: { [COMPANY_PROPERTY.nextReviewDue]: new Date(testClock.now() + 90 * 86_400_000).toISOString() },
      });
      return [
        {
          intent: review(nextIntentId(), mia().userId, account.companyId),
          answers: [refused('KAM.HUBSPOT_UNAVAILABLE')],
        },
      ];
    });
    expect(verdicts.byFunction.log_review).toMatchObject({ ...harmless, tried: 1, unclearErrors: 1, partialWrites: 1 });
  });

  it('puts a first next-review date a plan save scheduled beside a review that failed cleanly down to the plan save', async () => {
    // The account left key status and came back: it has no next-review date, so a plan save schedules one.
    await fp.portal.client.crm.companies.basicApi.update(account.companyId, {
      properties: { [COMPANY_PROPERTY.nextReviewDue]: '' },
    });
    const verdicts = await judge(async (before) => [
      await carriedOut(
        planSave(
          nextIntentId(),
          max().userId,
          before.companies[account.companyId]!,
          [max().ownerId, mia().ownerId],
          testClock.now(),
        ),
      ),
      {
        intent: review(nextIntentId(), mia().userId, account.companyId),
        answers: [refused('KAM.HUBSPOT_UNAVAILABLE')],
      },
    ]);
    expect(verdicts.byFunction.log_review).toMatchObject({ ...harmless, tried: 1, clearErrors: 1 });
    expect(verdicts.byFunction.save_account_plan).toMatchObject({ ...harmless, ok: 1 });
  });

  it('counts a review logged once as harmless, and its review record written twice as one duplicate', async () => {
    const verdicts = await judge(async () => [
      await carriedOut(review(nextIntentId(), mia().userId, account.companyId)),
    ]);
    expect(verdicts.byFunction.log_review).toMatchObject({ ...harmless, ok: 1 });
    const twice = await judge(async () => {
      const logged = await carriedOut(review(nextIntentId(), mia().userId, account.companyId));
      const { summary } = logged.intent as { summary: string };
      const record = await fp.portal.client.crm.objects.basicApi.create(fp.types.review, {
        properties: {
          [REVIEW.property.title]: 'Calendar review',
          [REVIEW.property.summary]: summary,
          [REVIEW.property.companyId]: account.companyId,
        },
        associations: [],
      });
      await fp.portal.client.crm.associations.v4.basicApi.createDefault(
        fp.types.review,
        record.id,
        'companies',
        account.companyId,
      );
      return [logged];
    });
    expect(twice.byFunction.log_review).toMatchObject({ ...harmless, ok: 1, duplicates: 1 });
  });

  it("counts settings in force without their revision's history record as a partial write", async () => {
    const verdicts = await judge(async (before) => {
      const intent = settingsSave(nextIntentId(), fp.admins[0].userId, before.settings);
      const { settings } = intent.parameters as { settings: unknown };
      await fp.portal.client.crm.objects.batchApi.upsert(fp.types.settings, {
        inputs: [
          {
            id: 'portal',
            idProperty: PORTAL_SETTINGS.property.settingsKey,
            properties: {
              [PORTAL_SETTINGS.property.settings]: JSON.stringify(settings),
              [PORTAL_SETTINGS.property.revision]: String(before.settings.revision + 1),
            },
          },
        ],
      });
      return [{ intent, answers: [ok()] }];
    });
    expect(verdicts.byFunction.save_settings).toMatchObject({ ...harmless, ok: 1, partialWrites: 1 });
  });
});

async function addNote(body: string): Promise<void> {
  await fp.portal.client.crm.objects.notes.basicApi.create({
    properties: { hs_note_body: body, hs_timestamp: new Date(testClock.now()).toISOString() },
    associations: [
      {
        to: { id: account.companyId },
        types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 190 }],
      },
    ],
  });
}

/** A claim record as a save makes it; a withdrawn one is archived. */
async function claimPlanRevision(
  planId: string,
  revision: number,
  userId: number,
  { withdrawn = false } = {},
): Promise<void> {
  const p = PLAN_REVISION.property;
  const claim = await fp.portal.client.crm.objects.basicApi.create(fp.types.planRevision, {
    properties: {
      [p.revisionKey]: `${planId}:${revision}`,
      [p.planId]: planId,
      [p.revision]: String(revision),
      [p.savedBy]: String(userId),
      [p.savedAt]: new Date(testClock.now()).toISOString(),
    },
    associations: [],
  });
  if (withdrawn) await fp.portal.client.crm.objects.basicApi.archive(fp.types.planRevision, claim.id);
}
