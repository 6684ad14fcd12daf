import { randomUUID } from 'node:crypto';
import type { Client } from '@hubspot/api-client';
import type { z } from 'zod';
import type { SavedPlan, saveAccountPlanParametersSchema } from '../../contracts/save-account-plan.ts';
import { planFieldInWords } from '../../contracts/plan-input.ts';
import {
  batchArchive,
  batchCreate,
  batchReadAssociations,
  chunk,
  hubspotCall,
  mapInParallel,
} from '../../crm/batch.ts';
import { type CrmRecord } from '../../crm/records.ts';
import { isConflict } from '../../crm/errors.ts';
import { COMPANY_PROPERTY, KEY_ACCOUNT_PLAN, OBJECTIVE, planRevisionKey } from '../../crm/model/index.ts';
import type { ObjectTypeResolver } from '../../crm/object-types.ts';
import {
  fromHubSpotDateTime,
  fromHubSpotNumber,
  presentProperties,
  propertyNames,
  readFields,
  toCrmRecord,
  toHubSpotDateTime,
  toProperties,
} from '../../crm/records.ts';
import { withdrawClaim } from '../../crm/revision-claim.ts';
import { claimRevisionRecord } from './revision-record.ts';
import { resendingUniqueCreate } from '../../crm/retry.ts';
import { reviewSchedule } from '../../kam/reviews/index.ts';
import type { Settings } from '../../kam/settings/index.ts';
import { describeIssues, type ValidationIssue } from '../../kam/shared/index.ts';
import type { Caller } from '../access/index.ts';
import { errorMessage } from '../../errors/codes.ts';
import { KeystoneError, isKeystoneError } from '../../errors/keystone-error.ts';
import { domainResult } from '../domain-result.ts';
import { batchReadWithHistory } from '../readers/hubspot-reads.ts';
import { managerActing } from './manager.ts';
import { nextReviewProperties } from './next-review-fields.ts';
import { syncPlanTasks, syncTasks } from './plan-tasks.ts';
import { fiscalYearStartOf, serialiseGrid, targetsFromRows } from './plan-targets.ts';
import { readOwners } from '../readers/portal-reads.ts';
import { requireCompany } from '../readers/company.ts';
import { accountCadence } from './reviews-section.ts';

// Saving a key account plan, all or nothing, following the commit-pointer design of
// src/crm/model/plan.ts: claim the next revision (a unique key, so two saves cannot both get it),
// write the new objective rows, then move the plan's `revision` to them — the commit. Until that last
// write the card keeps showing the previous revision; if anything fails before it, the new rows and
// the claim are withdrawn and the previous plan stands untouched. The HubSpot tasks follow the commit
// (plan-tasks.ts): their failure is reported in the answer, never undoes the save.

// A retry of the same press of Save (the same action id, after an answer was lost) completes that save:
// it takes over its own claim, and if the commit already happened it finds the plan at the revision its
// action wrote and only finishes what follows the commit (housekeeping, tasks).

const SAVE_UNCONFIRMED =
  'HubSpot did not confirm whether the plan was saved. Press Save again: it completes this save rather than saving twice. Reloading shows the plan as HubSpot holds it.';

type PlanSave = z.output<typeof saveAccountPlanParametersSchema> & { now: number; actionId: string };

interface PlanTypes {
  plan: string;
  revision: string;
  objective: string;
}

/** The revision a save writes: the plan's types and record, its number, who saves it and what. */
interface RevisionWrite {
  types: PlanTypes;
  planId: string;
  revision: number;
  caller: Caller;
  save: PlanSave;
}

export async function saveAccountPlan(
  client: Client,
  objectTypes: ObjectTypeResolver,
  asked: z.output<typeof saveAccountPlanParametersSchema> & { now: number },
): Promise<SavedPlan> {
  // An older card sends no action id: the call is then its own action, still safe against the client's retries.
  const save: PlanSave = { ...asked, actionId: asked.actionId ?? randomUUID() };
  // The portal's currency (for currency targets) as the settings record holds it, as the card shows it.
  const { caller, settings, portal } = await managerActing(client, objectTypes, save.userId);
  const [types, owners, company] = await Promise.all([
    planTypes(objectTypes),
    readOwners(client),
    accountCompany(client, save.companyId),
  ]);

  const targets = targetsFromRows(save.plan.quarterlyTargets.rows, portal.currency);
  if (!targets.success) {
    const problems = targets.errors.map((e) => `${planFieldInWords(e.path, save.plan)}: ${e.message}`).join('; ');
    const message = `The quarterly targets cannot be saved: ${problems}`;
    throw new KeystoneError('KAM.INVALID_PARAMETERS', message, { issues: targets.errors });
  }
  const ownerIssues = unknownOwners(save, new Set(owners.map((o) => o.ownerId)));
  if (ownerIssues.length > 0) {
    const message = `${errorMessage('KAM.OWNER_NOT_FOUND')} (${describeIssues(ownerIssues)})`;
    throw new KeystoneError('KAM.OWNER_NOT_FOUND', message, { issues: ownerIssues });
  }

  const [existingPlan, previousRows] = await Promise.all([
    readPlan(client, types.plan, save.companyId),
    readObjectiveRows(client, types.objective, save.companyId),
  ]);
  const currentRevision =
    existingPlan === null ? 0 : (fromHubSpotNumber(existingPlan.properties[KEY_ACCOUNT_PLAN.property.revision]) ?? 0);
  const doneEarlier =
    existingPlan !== null &&
    currentRevision === save.baseRevision + 1 &&
    existingPlan.properties[KEY_ACCOUNT_PLAN.property.actionId] === save.actionId;
  if (doneEarlier) {
    return afterCommit(client, {
      write: { types, planId: existingPlan.id, revision: currentRevision, caller, save },
      company,
      settings,
      plan: existingPlan,
      rows: rowsOf(previousRows, currentRevision),
      previousRows: previousRows.filter(
        (r) => r.properties[OBJECTIVE.property.planRevision] !== String(currentRevision),
      ),
    });
  }
  if (currentRevision !== save.baseRevision) throw new KeystoneError('KAM.PLAN_CHANGED_ELSEWHERE');

  const plan =
    existingPlan ?? (await createPlan(client, types.plan, { companyId: save.companyId, name: company.name }));
  const { id: planId } = plan;
  const revision = currentRevision + 1;
  const write: RevisionWrite = { types, planId, revision, caller, save };
  const claimId = await claimPlanRevision(client, write);

  let createdRows: CrmRecord[] = [];
  try {
    // Rows a failed save left at this revision would otherwise become part of it.
    const leftovers = previousRows.filter((r) => r.properties[OBJECTIVE.property.planRevision] === String(revision));
    if (leftovers.length > 0)
      await batchArchive(client, { objectType: types.objective, ids: leftovers.map((r) => r.id) });
    createdRows = await createObjectiveRows(client, write, rowsOf(previousRows, currentRevision));
    await commitPlan(client, write, {
      fiscalYearStartMonth: settings.fiscalYearStartMonth,
      targetsJson: serialiseGrid({ targets: targets.data, investment: save.plan.investment }),
    });
  } catch (error) {
    // A lost answer may hide a commit that happened: then the save stands and nothing is withdrawn.
    const after = await readPlan(client, types.plan, save.companyId).catch(() => undefined);
    // Unable to tell whether the commit happened, nothing is withdrawn either: withdrawing the rows of a
    // committed revision would leave the plan without its objectives. Pressing Save again (the same action)
    // finds out: it finishes a committed save, or takes over its own claim and leftover rows.
    if (after === undefined) throw new KeystoneError('KAM.HUBSPOT_UNAVAILABLE', SAVE_UNCONFIRMED, { cause: error });
    if (
      after === null ||
      after.properties[KEY_ACCOUNT_PLAN.property.revision] !== String(revision) ||
      after.properties[KEY_ACCOUNT_PLAN.property.actionId] !== save.actionId
    ) {
      await withdraw(client, types, { rows: createdRows, claimId });
      throw error;
    }
  }
  return afterCommit(client, {
    write,
    company,
    settings,
    plan: existingPlan === null ? { ...plan, properties: {} } : existingPlan,
    rows: createdRows,
    previousRows,
  });
}

/**
 * What follows the commit, also for a retry that finds its save committed: the superseded rows go and the
 * tasks follow the plan. `previousRows` are every row not of the saved revision.
 */
async function afterCommit(
  client: Client,
  done: {
    write: RevisionWrite;
    company: AccountCompany;
    settings: Settings;
    plan: { createdAt: number | null; properties: Record<string, string | null> };
    rows: CrmRecord[];
    previousRows: readonly CrmRecord[];
  },
): Promise<SavedPlan> {
  const { write, company, settings, plan, rows, previousRows } = done;
  const { types, planId, revision, caller, save } = write;
  const reviewDueAt = nextReviewDueAt(company, settings, { planStartedAt: plan.createdAt, now: save.now });
  // The first save starts the review cycle: its due date goes on the company at once, where the sidebar
  // reads it. A failure here answers an error; saving again finds the plan committed and writes it.
  if (company.nextReviewDue === null)
    await hubspotCall(() =>
      client.crm.companies.basicApi.update(save.companyId, {
        properties: nextReviewProperties(reviewDueAt, settings),
      }),
    );
  const superseded = previousRows.filter((r) => r.properties[OBJECTIVE.property.planRevision] !== String(revision));
  const tasks = await syncTasks(async () => {
    // Read again just before the tasks follow: a review logged while this save ran has moved the next
    // review on, and its date, not the one read when the save began, is the review-due task's.
    const latest = await accountCompany(client, save.companyId);
    await syncPlanTasks(client, {
      companyId: save.companyId,
      companyName: company.name,
      types,
      planId,
      rows,
      previousRows: superseded,
      reviewTaskId: plan.properties[KEY_ACCOUNT_PLAN.property.reviewTaskId] || null,
      review: {
        dueAt: nextReviewDueAt(latest, settings, { planStartedAt: plan.createdAt, now: save.now }),
        ownerId: save.plan.team.accountManager ?? company.ownerId,
      },
    });
  });
  // The old revisions' rows are no longer read; removing them is housekeeping the next save retries. They
  // go only once the tasks are in line: they remember the tasks of objectives this save dropped, which the
  // next save closes when this one could not.
  if (tasks.synced)
    await batchArchive(client, { objectType: types.objective, ids: superseded.map((r) => r.id) }).catch(
      () => undefined,
    );
  return {
    revision,
    savedAt: save.now,
    savedBy: { userId: Number(caller.userId), ownerId: caller.ownerId, name: caller.name },
    objectiveCount: rows.length,
    tasks,
  };
}

function rowsOf(rows: readonly CrmRecord[], revision: number): CrmRecord[] {
  return rows.filter((r) => r.properties[OBJECTIVE.property.planRevision] === String(revision));
}

/**
 * When the next calendar review is due: the date the last logged review set on the company, else one
 * cadence after the plan started — as the card computes it.
 */
function nextReviewDueAt(
  company: AccountCompany,
  settings: Settings,
  at: { planStartedAt: number | null; now: number },
): number {
  const { planStartedAt, now } = at;
  if (company.nextReviewDue !== null) return company.nextReviewDue;
  const cadence = accountCadence(company.cadence, settings);
  return domainResult(
    reviewSchedule({
      cadence,
      lastReviewedAt: null,
      planStartedAt: planStartedAt ?? now,
      overdueAfterDays: settings.reviews.overdueAfterDays,
      now,
    }),
    'next review date',
  ).dueAt;
}

async function planTypes(objectTypes: ObjectTypeResolver): Promise<PlanTypes> {
  const [plan, revision, objective] = await Promise.all([
    objectTypes.objectTypeId('plan'),
    objectTypes.objectTypeId('planRevision'),
    objectTypes.objectTypeId('objective'),
  ]);
  return { plan, revision, objective };
}

interface AccountCompany {
  name: string;
  ownerId: string | null;
  cadence: string | null;
  nextReviewDue: number | null;
}

async function accountCompany(client: Client, companyId: string): Promise<AccountCompany> {
  const company = await requireCompany(client, companyId, {
    properties: ['name', 'hubspot_owner_id', COMPANY_PROPERTY.reviewCadence, COMPANY_PROPERTY.nextReviewDue],
  });
  const p = presentProperties(company.properties);
  return {
    name: p.name || `Company ${companyId}`,
    ownerId: p.hubspot_owner_id || null,
    cadence: p[COMPANY_PROPERTY.reviewCadence] ?? null,
    nextReviewDue: fromHubSpotDateTime(p[COMPANY_PROPERTY.nextReviewDue]),
  };
}

function unknownOwners(save: PlanSave, active: ReadonlySet<string>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const check = (ownerId: string | null, path: string) => {
    if (ownerId !== null && !active.has(ownerId))
      issues.push({ path, message: `owner ${ownerId} is not an active HubSpot user of this portal` });
  };
  for (const [role, ownerId] of Object.entries(save.plan.team)) check(ownerId, `plan.team.${role}`);
  save.plan.objectives.forEach((o, i) => check(o.ownerId, `plan.objectives.${i}.ownerId`));
  return issues;
}

/** The company's plan (read by its unique company id), with when it was created: when the plan started. */
export async function readPlan(
  client: Client,
  planType: string,
  companyId: string,
): Promise<(CrmRecord & { createdAt: number | null }) | null> {
  try {
    const plan = await hubspotCall(() =>
      client.crm.objects.basicApi.getById(
        planType,
        companyId,
        [...propertyNames(KEY_ACCOUNT_PLAN.property), 'hs_createdate'],
        undefined,
        undefined,
        false,
        KEY_ACCOUNT_PLAN.property.companyId,
      ),
    );
    return { ...toCrmRecord(plan), createdAt: fromHubSpotDateTime(plan.properties.hs_createdate) };
  } catch (error) {
    if (isKeystoneError(error) && error.code === 'KAM.NOT_FOUND') return null;
    throw error;
  }
}

/** Every objective row associated with the company, of any revision. */
async function readObjectiveRows(client: Client, objectiveType: string, companyId: string): Promise<CrmRecord[]> {
  const associated = await batchReadAssociations(client, {
    fromType: 'companies',
    toType: objectiveType,
    ids: [companyId],
  });
  const ids = associated.get(companyId) ?? [];
  if (ids.length === 0) return [];
  const properties = propertyNames(OBJECTIVE.property);
  const rows = await batchReadWithHistory(client, { objectType: objectiveType, ids, properties, withHistory: [] });
  return rows.map(({ id, properties }) => ({ id, properties }));
}

/** The company's first plan, at revision 0. Its company id is unique: of two first saves, the second gets a conflict. */
async function createPlan(
  client: Client,
  planType: string,
  company: { companyId: string; name: string },
): Promise<{ id: string; createdAt: number | null }> {
  const { companyId } = company;
  try {
    const plan = await resendingUniqueCreate(() =>
      hubspotCall(() =>
        client.crm.objects.basicApi.create(planType, {
          properties: toProperties(
            { title: `${company.name} — key account plan`, companyId, revision: 0 },
            KEY_ACCOUNT_PLAN.property,
          ),
          associations: [],
        }),
      ),
    );
    await hubspotCall(() =>
      client.crm.associations.v4.basicApi.createDefault(planType, String(plan.id), 'companies', companyId),
    );
    return { id: String(plan.id), createdAt: plan.createdAt ? plan.createdAt.getTime() : null };
  } catch (error) {
    if (!isConflict(error)) throw error;
    // The plan is there: made by this save's own attempt whose answer was lost, or by another first save.
    // At revision 0 it holds nothing yet, so it is taken as it is; the revision claim decides who saves.
    const found = await readPlan(client, planType, companyId);
    if (found === null || found.properties[KEY_ACCOUNT_PLAN.property.revision] !== '0')
      throw new KeystoneError('KAM.PLAN_CHANGED_ELSEWHERE', undefined, { cause: error });
    await hubspotCall(() =>
      client.crm.associations.v4.basicApi.createDefault(planType, found.id, 'companies', companyId),
    );
    return found;
  }
}

/** Claims `revision` for this save (src/crm/revision-claim.ts); a concurrent save's claim is KAM.PLAN_CHANGED_ELSEWHERE. */
async function claimPlanRevision(
  client: Client,
  { types, planId, revision, caller, save: { now, actionId } }: RevisionWrite,
): Promise<string> {
  const key = planRevisionKey(planId, revision);
  const claimId = await claimRevisionRecord(client, {
    objectTypeId: types.revision,
    key,
    planId,
    revision,
    userId: caller.userId,
    now,
    actionId,
  });
  if (claimId === null) throw new KeystoneError('KAM.PLAN_CHANGED_ELSEWHERE');
  return claimId;
}

/** The new revision's objective rows, associated with the company. Keys, achieved dates and task ids carry over from the current revision. */
async function createObjectiveRows(
  client: Client,
  write: RevisionWrite,
  currentRows: readonly CrmRecord[],
): Promise<CrmRecord[]> {
  const {
    types: { objective: objectiveType },
    save,
    planId,
    revision,
  } = write;
  if (save.plan.objectives.length === 0) return [];
  const before = new Map(
    currentRows
      .map((r) => readFields(r.properties, OBJECTIVE.property))
      .filter((o) => o.objectiveKey)
      .map((o) => [o.objectiveKey!, o]),
  );
  const rows = save.plan.objectives.map((o, displayOrder) => {
    const objectiveKey = o.objectiveKey ?? randomUUID();
    const achievedAt =
      o.status === 'achieved' ? before.get(objectiveKey)?.achievedAt || toHubSpotDateTime(save.now) : null;
    return {
      properties: toProperties(
        {
          title: o.title,
          objectiveKey,
          measure: o.measure,
          ownerId: o.ownerId,
          dueDate: o.dueAt === null ? null : toHubSpotDateTime(o.dueAt),
          status: o.status,
          achievedAt,
          displayOrder,
          companyId: save.companyId,
          planId,
          planRevision: revision,
          // Left out rather than cleared when there is none: the tasks pass writes it, after the commit.
          taskId: before.get(objectiveKey)?.taskId || undefined,
        },
        OBJECTIVE.property,
      ),
    };
  });
  const created = await batchCreate(client, { objectType: objectiveType, creates: rows });
  try {
    await mapInParallel(chunk(created, 100), 4, (batch) =>
      hubspotCall(() =>
        client.crm.associations.v4.batchApi.createDefault(objectiveType, 'companies', {
          inputs: batch.map((r) => ({ _from: { id: r.id }, to: { id: save.companyId } })),
        }),
      ),
    );
  } catch (error) {
    await batchArchive(client, { objectType: objectiveType, ids: created.map((r) => r.id) }).catch(() => undefined);
    throw error;
  }
  return created;
}

/** The commit: one update moves the plan to the new revision with everything else that is on the plan record. */
async function commitPlan(
  client: Client,
  write: RevisionWrite,
  plan: { fiscalYearStartMonth: number; targetsJson: string },
): Promise<void> {
  const { types, planId, save, revision, caller } = write;
  const { fiscalYearStartMonth, targetsJson } = plan;
  const { team } = save.plan;
  await hubspotCall(() =>
    client.crm.objects.basicApi.update(types.plan, planId, {
      properties: toProperties(
        {
          revision,
          businessObjective: save.plan.businessObjective,
          planStart: toHubSpotDateTime(fiscalYearStartOf(save.plan.quarterlyTargets.fiscalYear, fiscalYearStartMonth)),
          relationshipPartner: team.relationshipPartner,
          accountManager: team.accountManager,
          researcher: team.researcher,
          quarterlyTargets: targetsJson,
          savedBy: caller.userId,
          savedAt: toHubSpotDateTime(save.now),
          actionId: save.actionId,
        },
        KEY_ACCOUNT_PLAN.property,
      ),
    }),
  );
}

/** Best effort: if this fails too, the rows stay invisible (wrong revision) and the claim expires. */
async function withdraw(
  client: Client,
  types: PlanTypes,
  written: { rows: readonly CrmRecord[]; claimId: string },
): Promise<void> {
  const { rows, claimId } = written;
  await Promise.all([
    rows.length > 0
      ? batchArchive(client, { objectType: types.objective, ids: rows.map((r) => r.id) }).catch(() => undefined)
      : undefined,
    withdrawClaim(client, types.revision, claimId),
  ]);
}
