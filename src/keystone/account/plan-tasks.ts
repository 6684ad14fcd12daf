import type { Client } from '@hubspot/api-client';
import type { TaskSync } from '../../contracts/shared.ts';
import {
  batchArchive,
  batchCreate,
  batchRead,
  batchReadAssociations,
  batchUpdate,
  hubspotCall,
  type RecordUpdate,
} from '../../crm/batch.ts';
import { type CrmRecord } from '../../crm/records.ts';
import { KEY_ACCOUNT_PLAN, OBJECTIVE } from '../../crm/model/index.ts';
import { fromHubSpotDateTime, readFields, toHubSpotDateTime, toProperties } from '../../crm/records.ts';
import type { ReviewOutcome } from '../../kam/reviews/index.ts';
import { escapeHtml } from './audit-note.ts';
import { isTransient } from '../../crm/errors.ts';
import { isKeystoneError } from '../../errors/keystone-error.ts';

// The plan's actions and the next review as HubSpot tasks, so each owner finds them in the task queue
// where they already work. The plan and the reviews are the source of truth: tasks are brought in line
// with them after they are saved, and a failure here never undoes a save — the save says the tasks are
// not synced, and the next save (which reconciles from the ids Keystone remembers) repairs them.

/** HubSpot's own task → company association type. */
export const TASK_TO_COMPANY = 192;
const TASK_PROPERTY = {
  subject: 'hs_task_subject',
  body: 'hs_task_body',
  dueAt: 'hs_timestamp',
  ownerId: 'hubspot_owner_id',
  status: 'hs_task_status',
  type: 'hs_task_type',
} as const;
const OPEN = 'NOT_STARTED';
const COMPLETED = 'COMPLETED';

interface TaskFields {
  subject: string;
  body: string;
  dueAt: number;
  ownerId: string | null;
}

/**
 * What one of Keystone's tasks should be: `open` in its owner's queue, `completed`, or `archived`
 * (an objective dropped or removed: it is no longer anyone's to do, and a completed task would claim it was done).
 */
interface WantedTask {
  /** The caller's name for it (an objective key, "review"): created tasks' ids are answered by it. */
  key: string;
  /** The task Keystone remembers for it, if any. */
  taskId: string | null;
  state: 'open' | 'completed' | 'archived';
  /** What the task says; null leaves a remembered task's text, owner and due date as they are. */
  fields: TaskFields | null;
}

/**
 * Brings the company's Keystone tasks in line with `wanted` in batch calls (100 a call): reads the
 * remembered ones, so a task already right is left alone and one a user deleted is created again; then
 * creates (associated with the company in the same call), updates and archives. A task that should be
 * completed or archived and does not exist is not created. The created (or adopted) tasks' ids, by key,
 * go to `remember` even when an update or archive failed beside them. Any failure is then thrown.
 */
async function reconcileTasks(
  client: Client,
  companyId: string,
  {
    wanted,
    remember,
  }: { wanted: readonly WantedTask[]; remember: (created: ReadonlyMap<string, string>) => Promise<unknown> },
): Promise<void> {
  const rememberedIds = wanted.flatMap((w) => (w.taskId === null ? [] : [w.taskId]));
  const { records } =
    rememberedIds.length === 0
      ? { records: [] }
      : await batchRead(client, { objectType: 'tasks', ids: rememberedIds, properties: Object.values(TASK_PROPERTY) });
  const existing = new Map(records.map((r) => [r.id, r.properties]));
  const found = (w: WantedTask) => (w.taskId === null ? undefined : existing.get(w.taskId));

  // A task an earlier attempt made but could not remember (its answer lost, or remembering it failed) is
  // adopted rather than made again, and closed when its objective went: the retry, or the next save after
  // `synced: false`, finds it by what it says.
  const adopted = await adoptUnremembered(client, {
    companyId,
    unknown: wanted.flatMap((w) =>
      found(w) === undefined && w.fields !== null ? [{ key: w.key, properties: newTaskProperties(w.fields) }] : [],
    ),
    remembered: new Set(rememberedIds),
  });

  const creates: Array<{ key: string; properties: Record<string, string> }> = [];
  const updates: RecordUpdate[] = [];
  const archives: string[] = [];
  for (const w of wanted) {
    const taskId = found(w) === undefined ? (adopted.get(w.key)?.id ?? null) : w.taskId;
    const current = found(w) ?? adopted.get(w.key)?.properties;
    if (taskId === null || current === undefined) {
      if (w.state === 'open' && w.fields !== null)
        creates.push({ key: w.key, properties: newTaskProperties(w.fields) });
      continue;
    }
    if (w.state === 'archived') {
      archives.push(taskId);
      continue;
    }
    const changes = changedProperties(current, w);
    if (Object.keys(changes).length > 0) updates.push({ id: taskId, properties: changes });
  }

  const toCreate = creates;
  const [made, ...others] = await Promise.allSettled([
    batchCreate(client, {
      objectType: 'tasks',
      creates: toCreate.map((c) => ({
        properties: c.properties,
        associations: [
          {
            to: { id: companyId },
            types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TASK_TO_COMPANY }],
          },
        ],
      })),
    }),
    batchUpdate(client, { objectType: 'tasks', updates }),
    batchArchive(client, { objectType: 'tasks', ids: archives }),
  ]);
  const ids = new Map([
    ...[...adopted].map(([key, task]) => [key, task.id] as const),
    ...(made.status === 'fulfilled' ? createdIdsByKey(toCreate, made.value) : []),
  ]);
  // Not archived again when remembering fails: the next pass adopts them by what they say.
  if (ids.size > 0) await remember(ids);
  const failed = [made, ...others].find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Open tasks on the company that Keystone does not remember and that say exactly what a wanted task whose
 * own is unknown says, by its key. Read only when some wanted task's own is unknown.
 */
async function adoptUnremembered(
  client: Client,
  asked: {
    companyId: string;
    unknown: ReadonlyArray<{ key: string; properties: Record<string, string> }>;
    remembered: ReadonlySet<string>;
  },
): Promise<Map<string, CrmRecord>> {
  const { companyId, unknown, remembered } = asked;
  if (unknown.length === 0) return new Map();
  const associated = (
    await batchReadAssociations(client, { fromType: 'companies', toType: 'tasks', ids: [companyId] })
  ).get(companyId);
  const ids = (associated ?? []).filter((id) => !remembered.has(id));
  if (ids.length === 0) return new Map();
  const { records } = await batchRead(client, { objectType: 'tasks', ids, properties: Object.values(TASK_PROPERTY) });
  const open = records
    .filter((r) => r.properties[TASK_PROPERTY.status] !== COMPLETED)
    .sort((a, b) => Number(a.id) - Number(b.id));
  const byId = new Map(open.map((r) => [r.id, r]));
  return new Map([...createdIdsByKey(unknown, open)].map(([key, id]) => [key, byId.get(id)!]));
}

/**
 * HubSpot does not promise a batch's answers in the order asked, so each created task is matched by what
 * it says; tasks that say exactly the same are interchangeable, so they are matched in turn.
 */
function createdIdsByKey(
  asked: ReadonlyArray<{ key: string; properties: Record<string, string> }>,
  created: readonly CrmRecord[],
): Map<string, string> {
  const keysOf = new Map<string, string[]>();
  for (const c of asked)
    keysOf.set(fingerprint(c.properties), [...(keysOf.get(fingerprint(c.properties)) ?? []), c.key]);
  return new Map(
    created.flatMap((task) => {
      const key = keysOf.get(fingerprint(task.properties))?.shift();
      return key === undefined ? [] : [[key, task.id] as const];
    }),
  );
}

interface PlanTasks {
  companyId: string;
  companyName: string;
  types: { plan: string; objective: string };
  planId: string;
  /** The objective rows of the revision just saved, and of older ones still kept (whose removed objectives' tasks go). */
  rows: readonly CrmRecord[];
  previousRows: readonly CrmRecord[];
  /** The open review-due task the plan remembers, and what it should say. */
  reviewTaskId: string | null;
  review: { dueAt: number; ownerId: string | null };
}

const REVIEW_KEY = 'review';
const objectiveTaskKey = (objectiveKey: string) => `objective:${objectiveKey}`;

/**
 * After a plan save: a task per open objective (achieved: completed; dropped or removed: archived) and the
 * open review-due task, the ids of the tasks it created remembered on the objective rows and the plan.
 */
export async function syncPlanTasks(client: Client, plan: PlanTasks): Promise<void> {
  const reviewTask = await openReviewTaskWanted(client, {
    companyId: plan.companyId,
    reviewTaskId: plan.reviewTaskId,
    fields: reviewTaskFields(plan.companyName, plan.review.dueAt, plan.review.ownerId),
  });
  const objectives = plan.rows.map((row) => ({ row, fields: readFields(row.properties, OBJECTIVE.property) }));
  const kept = new Set(objectives.map((o) => o.fields.objectiveKey));
  // Removed objectives without a remembered task too: their task may stand unremembered, and is found by what it says.
  const removed = [
    ...new Map(
      plan.previousRows
        .map((row) => readFields(row.properties, OBJECTIVE.property))
        .filter((o) => !kept.has(o.objectiveKey))
        .map((o) => [o.taskId || `objective:${o.objectiveKey}`, o] as const),
    ).values(),
  ];
  const wanted: WantedTask[] = [
    ...objectives.map(({ fields: o }): WantedTask => {
      const dueAt = fromHubSpotDateTime(o.dueDate);
      return {
        key: objectiveTaskKey(o.objectiveKey ?? ''),
        taskId: o.taskId || null,
        state: o.status === 'achieved' ? 'completed' : o.status === 'dropped' ? 'archived' : 'open',
        fields:
          dueAt === null
            ? null
            : objectiveTaskFields(
                { title: o.title ?? '', measure: o.measure ?? '', ownerId: o.ownerId || null, dueAt },
                plan.companyName,
              ),
      };
    }),
    ...removed.map((o): WantedTask => {
      const dueAt = fromHubSpotDateTime(o.dueDate);
      return {
        key: `removed:${objectiveTaskKey(o.objectiveKey ?? '')}`,
        taskId: o.taskId || null,
        state: 'archived',
        fields:
          dueAt === null
            ? null
            : objectiveTaskFields(
                { title: o.title ?? '', measure: o.measure ?? '', ownerId: o.ownerId || null, dueAt },
                plan.companyName,
              ),
      };
    }),
    reviewTask,
  ];
  await reconcileTasks(client, plan.companyId, {
    wanted,
    remember: (created) => {
      const rowUpdates = objectives.flatMap(({ row, fields }) => {
        const taskId = created.get(objectiveTaskKey(fields.objectiveKey ?? ''));
        return taskId === undefined ? [] : [{ id: row.id, properties: toProperties({ taskId }, OBJECTIVE.property) }];
      });
      return Promise.all([
        batchUpdate(client, { objectType: plan.types.objective, updates: rowUpdates }),
        rememberReviewTask(client, { planType: plan.types.plan, planId: plan.planId }, created.get(REVIEW_KEY)),
      ]);
    },
  });
  await settleReviewTask(client, {
    companyId: plan.companyId,
    subject: reviewTask.fields.subject,
    planType: plan.types.plan,
    planId: plan.planId,
  });
}

/** The open review-due task the plan wants: the one it remembers, else one already open on the company. */
async function openReviewTaskWanted(
  client: Client,
  account: { companyId: string; reviewTaskId: string | null; fields: TaskFields },
): Promise<WantedTask & { fields: TaskFields }> {
  const { companyId, fields } = account;
  // The remembered id is not the only record of the review-due task: a review logged at the same moment
  // may have made one the plan does not know yet. That one is adopted rather than a second made.
  const taskId = account.reviewTaskId ?? (await openReviewTasks(client, companyId, fields.subject))[0]?.id ?? null;
  return { key: REVIEW_KEY, taskId, state: 'open', fields };
}

/** The account's open review-due tasks, the one due last first (then the oldest). */
async function openReviewTasks(client: Client, companyId: string, subject: string): Promise<CrmRecord[]> {
  const records = await companyTasks(client, companyId);
  const due = (r: CrmRecord) => fromHubSpotDateTime(r.properties[TASK_PROPERTY.dueAt]) ?? 0;
  return records
    .filter((r) => r.properties[TASK_PROPERTY.status] !== COMPLETED && r.properties[TASK_PROPERTY.subject] === subject)
    .sort((a, b) => due(b) - due(a) || Number(a.id) - Number(b.id));
}

/**
 * One open review-due task per account, however a plan save and a logged review overlapped: HubSpot has
 * no conditional create, so each looks the tasks up after its own write and keeps the same one by the
 * same rule (the one due last: a review logged moves the date on), archiving the others and remembering
 * the one kept on the plan.
 */
async function settleReviewTask(
  client: Client,
  account: { companyId: string; subject: string; planType: string; planId: string },
): Promise<void> {
  const [kept, ...extra] = await openReviewTasks(client, account.companyId, account.subject);
  if (kept === undefined || extra.length === 0) return;
  await batchArchive(client, { objectType: 'tasks', ids: extra.map((t) => t.id) });
  await rememberReviewTask(client, account, kept.id);
}

/**
 * After a review is logged: the open review-due task is completed and the next one created, due when the
 * next calendar review is, for the account manager. A company without a plan has no review-due task.
 */
export async function rollReviewTask(
  client: Client,
  review: {
    companyId: string;
    companyName: string;
    planType: string;
    plan: CrmRecord | null;
    companyOwnerId: string | null;
    dueAt: number;
    /** The review was found made by an earlier attempt of the same action. */
    resumed: boolean;
  },
): Promise<void> {
  if (review.plan === null) return;
  const plan = readFields(review.plan.properties, KEY_ACCOUNT_PLAN.property);
  const planId = review.plan.id;
  // A retry of the same logging finds the task its first attempt moved on to, open and due on the new
  // date: the move is done, and completing that task would skip a review.
  if (review.resumed && plan.reviewTaskId) {
    const { records } = await batchRead(client, {
      objectType: 'tasks',
      ids: [plan.reviewTaskId],
      properties: [TASK_PROPERTY.status, TASK_PROPERTY.dueAt],
    });
    const remembered = records[0]?.properties;
    if (
      remembered !== undefined &&
      remembered[TASK_PROPERTY.status] !== COMPLETED &&
      fromHubSpotDateTime(remembered[TASK_PROPERTY.dueAt]) === review.dueAt
    )
      return;
  }
  await reconcileTasks(client, review.companyId, {
    wanted: [
      { key: 'logged', taskId: plan.reviewTaskId || null, state: 'completed', fields: null },
      {
        key: REVIEW_KEY,
        taskId: null,
        state: 'open',
        fields: reviewTaskFields(review.companyName, review.dueAt, plan.accountManager || review.companyOwnerId),
      },
    ],
    remember: (created) => rememberReviewTask(client, { planType: review.planType, planId }, created.get(REVIEW_KEY)),
  });
  const subject = reviewTaskFields(review.companyName, review.dueAt, null).subject;
  await settleReviewTask(client, { companyId: review.companyId, subject, planType: review.planType, planId });
}

/** What a review's action becomes: a task for its owner, due when it is, found again by the review's action id. */
interface ReviewActionTask {
  outcome: ReviewOutcome;
  text: string;
  ownerId: string;
  dueAt: number;
  /** The task the review remembers for it, if any. */
  taskId: string | null;
}

const REVIEW_ACTION_SUBJECTS: Record<ReviewOutcome, string> = {
  plan_updated: 'Update the plan and tell the people concerned',
  celebrate: 'Celebrate',
  escalate: 'Deal with or escalate a threat',
  exploit: 'Exploit an opportunity',
};

/**
 * After a review is logged: one task per action, on the company, for the action's owner. The review's
 * action id and the action's place are written into each task, so a retry of the same logging whose
 * answer was lost finds the tasks the first attempt made (from the company's tasks) rather than making
 * them twice; the ids found or made go to `remember`, which keeps them on the review.
 */
export async function syncReviewActionTasks(
  client: Client,
  review: {
    companyId: string;
    companyName: string;
    actionId: string;
    actions: readonly ReviewActionTask[];
    /** The review was found made by an earlier attempt of the same action, which may have made tasks. */
    resumed: boolean;
    remember: (taskIds: ReadonlyArray<string | null>) => Promise<unknown>;
  },
): Promise<void> {
  if (review.actions.length === 0) return;
  const marker = (index: number) => `Keystone review action ${review.actionId}/${index + 1}`;
  const unremembered = review.actions.some((a) => a.taskId === null);
  const found = new Map<string, string>();
  if (review.resumed && unremembered) {
    for (const task of await companyTasks(client, review.companyId)) {
      const body = task.properties[TASK_PROPERTY.body] ?? '';
      review.actions.forEach((_, i) => {
        if (body.includes(`${marker(i)}<`)) found.set(String(i), task.id);
      });
    }
  }
  const known = review.actions.map((a, i) => a.taskId ?? found.get(String(i)) ?? null);
  const wanted = review.actions.map(
    (a, i): WantedTask => ({
      key: String(i),
      taskId: known[i] ?? null,
      state: 'open',
      fields: {
        subject: `${REVIEW_ACTION_SUBJECTS[a.outcome]}: ${a.text.length > 120 ? `${a.text.slice(0, 119)}…` : a.text}`,
        body: `<p>From the review of the key account plan for ${escapeHtml(review.companyName)}.</p><p>${escapeHtml(a.text)}</p><p>${marker(i)}</p>`,
        dueAt: a.dueAt,
        ownerId: a.ownerId,
      },
    }),
  );
  let remembered = false;
  await reconcileTasks(client, review.companyId, {
    // An action's task someone has since worked on is left as they set it: only missing tasks are made.
    wanted: wanted.map((w) => (w.taskId === null ? w : { ...w, fields: null })),
    remember: async (created) => {
      remembered = true;
      await review.remember(known.map((id, i) => id ?? created.get(String(i)) ?? null));
    },
  });
  if (!remembered && found.size > 0) await review.remember(known);
}

/** Whether each task is completed, by id (100 a call); a task someone deleted is left out. */
export async function taskCompletion(client: Client, taskIds: readonly string[]): Promise<Map<string, boolean>> {
  if (taskIds.length === 0) return new Map();
  const { records } = await batchRead(client, {
    objectType: 'tasks',
    ids: taskIds,
    properties: [TASK_PROPERTY.status],
  });
  return new Map(records.map((r) => [r.id, r.properties[TASK_PROPERTY.status] === COMPLETED]));
}

/** Every task on the company, with what it says. */
async function companyTasks(client: Client, companyId: string): Promise<CrmRecord[]> {
  const ids = (await batchReadAssociations(client, { fromType: 'companies', toType: 'tasks', ids: [companyId] })).get(
    companyId,
  );
  if (!ids || ids.length === 0) return [];
  return (await batchRead(client, { objectType: 'tasks', ids, properties: Object.values(TASK_PROPERTY) })).records;
}

/** When an account leaves key status: its plan's open review-due task is archived (nothing to remember). */
export async function closeReviewTask(client: Client, companyId: string, plan: CrmRecord | null): Promise<void> {
  const taskId = plan === null ? null : readFields(plan.properties, KEY_ACCOUNT_PLAN.property).reviewTaskId || null;
  if (taskId === null) return;
  const wanted: WantedTask[] = [{ key: REVIEW_KEY, taskId, state: 'archived', fields: null }];
  await reconcileTasks(client, companyId, { wanted, remember: () => Promise.resolve() });
}

/**
 * When an account comes back to key status: its plan's review-due task is open again (reopened, or made
 * again when it was archived as the account left), as the plan's save makes it — for the account manager
 * (else the company owner), due on the next review date stored on the company. Without a plan or that
 * date there is no review cycle to come back to yet: the plan's first save starts it.
 */
export async function reopenReviewTask(
  client: Client,
  account: {
    companyId: string;
    companyName: string;
    companyOwnerId: string | null;
    nextReviewDue: number | null;
    planType: string;
    plan: CrmRecord | null;
  },
): Promise<void> {
  const { companyId, plan: record, planType, nextReviewDue } = account;
  if (record === null || nextReviewDue === null) return;
  const plan = readFields(record.properties, KEY_ACCOUNT_PLAN.property);
  const reviewTask = await openReviewTaskWanted(client, {
    companyId,
    reviewTaskId: plan.reviewTaskId || null,
    fields: reviewTaskFields(account.companyName, nextReviewDue, plan.accountManager || account.companyOwnerId),
  });
  await reconcileTasks(client, companyId, {
    wanted: [reviewTask],
    remember: (created) => rememberReviewTask(client, { planType, planId: record.id }, created.get(REVIEW_KEY)),
  });
  await settleReviewTask(client, { companyId, subject: reviewTask.fields.subject, planType, planId: record.id });
}

async function rememberReviewTask(
  client: Client,
  plan: { planType: string; planId: string },
  taskId: string | undefined,
): Promise<void> {
  const { planType, planId } = plan;
  if (taskId === undefined) return;
  await hubspotCall(() =>
    client.crm.objects.basicApi.update(planType, planId, {
      properties: toProperties({ reviewTaskId: taskId }, KEY_ACCOUNT_PLAN.property),
    }),
  );
}

/**
 * Runs a task reconciliation after a save: its failure becomes the save's `tasks` answer instead of an error,
 * because what it failed to write the next save writes.
 */
export async function syncTasks(reconcile: () => Promise<void>): Promise<TaskSync> {
  for (let attempt = 1; ; attempt++) {
    try {
      await reconcile();
      return { synced: true, message: null };
    } catch (error) {
      // Bringing the tasks in line is safe to repeat (what an attempt made is adopted by the next), so a
      // failure HubSpot may not repeat is tried again at once rather than left for the next save.
      if (attempt < SYNC_ATTEMPTS && isKeystoneError(error) && isTransient(error)) continue;
      const reason = error instanceof Error ? error.message : String(error);
      return {
        synced: false,
        message: `Saved, but the HubSpot tasks could not be brought up to date (${reason}). Saving again repairs them.`,
      };
    }
  }
}
const SYNC_ATTEMPTS = 3;

/** The task for a plan objective: its title, for its owner, due when it is. */
export function objectiveTaskFields(
  objective: { title: string; measure: string; ownerId: string | null; dueAt: number },
  companyName: string,
): TaskFields {
  return {
    subject: objective.title,
    body: `<p>Objective of the key account plan for ${escapeHtml(companyName)}.</p><p>How we measure it: ${escapeHtml(objective.measure)}</p>`,
    dueAt: objective.dueAt,
    ownerId: objective.ownerId,
  };
}

/** The task for the account's next calendar review, for the account manager. */
export function reviewTaskFields(companyName: string, dueAt: number, ownerId: string | null): TaskFields {
  return {
    subject: `Key account review due: ${companyName}`,
    body: `<p>The calendar review of the key account plan for ${escapeHtml(companyName)} is due. Log it on the company's Key account tab.</p>`,
    dueAt,
    ownerId,
  };
}

/** A new to-do task's properties (the demo portal seeds its tasks with them too). */
export function newTaskProperties(fields: TaskFields): Record<string, string> {
  return { ...taskProperties(fields), [TASK_PROPERTY.status]: OPEN, [TASK_PROPERTY.type]: 'TODO' };
}

function taskProperties(fields: TaskFields): Record<string, string> {
  return {
    [TASK_PROPERTY.subject]: fields.subject,
    [TASK_PROPERTY.body]: fields.body,
    [TASK_PROPERTY.dueAt]: toHubSpotDateTime(fields.dueAt),
    [TASK_PROPERTY.ownerId]: fields.ownerId ?? '',
  };
}

/** What differs between a task and what it should be. An open task someone has started (in progress, waiting) stays as they set it. */
function changedProperties(current: Record<string, string | null>, wanted: WantedTask): Record<string, string> {
  const changes: Record<string, string> = {};
  const status = current[TASK_PROPERTY.status] ?? '';
  if (wanted.state === 'completed' && status !== COMPLETED) changes[TASK_PROPERTY.status] = COMPLETED;
  if (wanted.state === 'open' && status === COMPLETED) changes[TASK_PROPERTY.status] = OPEN;
  if (wanted.fields === null) return changes;
  for (const [name, value] of Object.entries(taskProperties(wanted.fields))) {
    const same =
      name === TASK_PROPERTY.dueAt
        ? fromHubSpotDateTime(current[name]) === wanted.fields.dueAt
        : (current[name] ?? '') === value;
    if (!same) changes[name] = value;
  }
  return changes;
}

function fingerprint(properties: Record<string, string | null>): string {
  const text = [TASK_PROPERTY.subject, TASK_PROPERTY.body, TASK_PROPERTY.ownerId].map((name) => properties[name] ?? '');
  return JSON.stringify([...text, fromHubSpotDateTime(properties[TASK_PROPERTY.dueAt])]);
}
