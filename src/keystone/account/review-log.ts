import { randomUUID } from 'node:crypto';
import type { Client } from '@hubspot/api-client';
import { isConflict } from '../../crm/errors.ts';
import { answeredWithin, resendingUniqueCreate } from '../../crm/retry.ts';
import type { z } from 'zod';
import type { LoggedReview, logReviewParametersAt } from '../../contracts/log-review.ts';
import { batchArchive, batchReadAssociations, hubspotCall } from '../../crm/batch.ts';
import { COMPANY_PROPERTY, REVIEW } from '../../crm/model/index.ts';
import type { ObjectTypeResolver } from '../../crm/object-types.ts';
import { fromHubSpotDateTime, presentProperties, toHubSpotDateTime, toProperties } from '../../crm/records.ts';
import { producedOutcomes, reviewSchedule } from '../../kam/reviews/index.ts';
import type { Settings } from '../../kam/settings/index.ts';
import { describeIssues } from '../../kam/shared/index.ts';
import { errorMessage } from '../../errors/codes.ts';
import { readOwners } from '../readers/portal-reads.ts';
import { peopleDirectory } from '../readers/people.ts';
import { KeystoneError, isKeystoneError } from '../../errors/keystone-error.ts';
import { domainResult } from '../domain-result.ts';
import { dayInWords } from '../dates-in-words.ts';
import { requireCompany } from '../readers/company.ts';
import { readPlan } from './account-plan.ts';
import { attachAuditNote, withdrawAuditNote, writeDetachedAuditNote } from './audit-note.ts';
import { managerActing } from './manager.ts';
import { rollReviewTask, syncReviewActionTasks, syncTasks } from './plan-tasks.ts';
import { nextReviewProperties } from './next-review-fields.ts';
import {
  accountCadence,
  refuseUnlessKeyAccount,
  storedReviewActions,
  type StoredReviewAction,
} from './reviews-section.ts';

// Logging a review: a review record associated with the company (and the contacts it was about),
// a note on the company timeline, and the company's next-review date moved on. If any step fails,
// what was already written is withdrawn, so a review is either fully logged or not at all. Then the
// review-due task moves on (plan-tasks.ts): the open one completed, the next one created; its failure is
// reported in the answer and leaves the review logged.
//
// Logging is safe to retry with the same action id (the card's id for one press of Log review): the
// review record's action id is a unique-value property, so HubSpot itself refuses a second record for
// the action with a 409, even when its client re-sent a create whose answer was lost; the retry then
// reads the record by that id and completes what is missing. A unique value rather than a search or a
// read-before-create, because HubSpot has no conditional write and its search lags behind writes: only a
// unique property makes two creates collide. The audit note is remembered on the review and put on the
// timeline only after it was made, so a note whose answer was lost never shows twice. Each of the review's
// actions becomes a task for its owner (plan-tasks.ts), remembered on the review and marked with the
// review's action id, so a retry finds the tasks an earlier attempt made instead of making them again.

// Parsed as of `now`: a review's date is not in the future.
type ReviewToLog = z.output<ReturnType<typeof logReviewParametersAt>> & { now: number };

const OUTCOME_LABELS = Object.fromEntries((REVIEW.properties.outcomes.options ?? []).map((o) => [o.value, o.label]));

export async function logAccountReview(
  client: Client,
  objectTypes: ObjectTypeResolver,
  review: ReviewToLog,
): Promise<LoggedReview> {
  const reviewedAt = review.reviewedAt ?? review.now;
  const { caller, settings, portal } = await managerActing(client, objectTypes, review.userId);
  const [reviewType, planType, company, companiesOf, owners] = await Promise.all([
    objectTypes.objectTypeId('review'),
    objectTypes.objectTypeId('plan'),
    readCompany(client, review.companyId),
    review.contactIds.length === 0
      ? new Map<string, string[]>()
      : batchReadAssociations(client, { fromType: 'contacts', toType: 'companies', ids: review.contactIds }),
    review.actions.length === 0 ? [] : readOwners(client),
  ]);
  refuseUnlessKeyAccount(company.status);
  const people = peopleDirectory(owners);
  const active = new Set(owners.map((o) => o.ownerId));
  const ownerIssues = review.actions.flatMap((a, i) =>
    active.has(a.ownerId)
      ? []
      : [{ path: `actions.${i}.ownerId`, message: `owner ${a.ownerId} is not an active HubSpot user of this portal` }],
  );
  if (ownerIssues.length > 0) {
    const message = `${errorMessage('KAM.OWNER_NOT_FOUND')} (${describeIssues(ownerIssues)})`;
    throw new KeystoneError('KAM.OWNER_NOT_FOUND', message, { issues: ownerIssues });
  }
  const outcomes = producedOutcomes(review.outcomes, review.actions);
  const strangers = review.contactIds.filter((id) => !(companiesOf.get(id) ?? []).includes(review.companyId));
  if (strangers.length > 0) {
    const message = `Contact ${strangers.join(', ')} is not associated with this company. Associate them first, or leave them out.`;
    throw new KeystoneError('KAM.CONTACT_NOT_AT_COMPANY', message, {
      issues: strangers.map((id) => ({
        path: `contactIds.${review.contactIds.indexOf(id)}`,
        message: 'is not associated with this company',
      })),
    });
  }

  const title = `${review.kind === 'calendar' ? 'Calendar' : 'Triggered'} review, ${dayInWords(reviewedAt, portal.timeZone)}`;

  const actionId = review.actionId ?? randomUUID();
  const logged = await createOrFindReview(client, reviewType, {
    actionId,
    properties: toProperties(
      {
        title,
        kind: review.kind,
        triggers: JSON.stringify(review.triggers),
        reviewedAt: toHubSpotDateTime(reviewedAt),
        reviewedBy: caller.userId,
        outcomes: outcomes.join(';'),
        actions: JSON.stringify(review.actions.map((a) => ({ ...a, taskId: null }))),
        summary: review.summary,
        companyId: review.companyId,
        actionId,
      },
      REVIEW.property,
    ),
  });
  const reviewId = logged.id;
  const resumed = logged.reviewedAt !== null;
  // A retry of the same action keeps the date its first attempt logged (the card sends none: "now").
  const at = logged.reviewedAt ?? reviewedAt;
  const cadence = accountCadence(company.cadence, settings);
  const next = domainResult(
    reviewSchedule({
      cadence,
      lastReviewedAt: at,
      planStartedAt: at,
      overdueAfterDays: settings.reviews.overdueAfterDays,
      now: review.now,
    }),
    'next review date',
  );
  let noteId: string | null = logged.noteId;
  let loggedNoteId: string;
  try {
    await hubspotCall(() =>
      client.crm.associations.v4.batchApi.createDefault(reviewType, 'companies', {
        inputs: [{ _from: { id: reviewId }, to: { id: review.companyId } }],
      }),
    );
    if (review.contactIds.length > 0) {
      await hubspotCall(() =>
        client.crm.associations.v4.batchApi.createDefault(reviewType, 'contacts', {
          inputs: review.contactIds.map((id) => ({ _from: { id: reviewId }, to: { id } })),
        }),
      );
    }
    // An earlier attempt that failed withdrew the note it made, though it may not have withdrawn its review:
    // the note the review remembers is then gone, and is written again.
    if (noteId !== null && !(await attachedIfExists(client, noteId, review.companyId))) noteId = null;
    if (noteId === null) {
      noteId = await writeDetachedAuditNote(client, {
        companyId: review.companyId,
        caller,
        at,
        headline: title,
        details: [
          ['Outcomes', outcomes.map((o) => OUTCOME_LABELS[o] ?? o).join(', ') || 'none recorded'],
          ...review.actions.map(
            (a) =>
              [
                OUTCOME_LABELS[a.outcome] ?? a.outcome,
                `${a.text} (${people.byOwnerId(a.ownerId)?.name ?? a.ownerId}, due ${dayInWords(a.dueAt, portal.timeZone)})`,
              ] as const,
          ),
          ...(review.triggers.length > 0
            ? [['Triggered by', review.triggers.map((t) => t.message).join('; ')] as const]
            : []),
          ['Summary', review.summary],
        ],
      });
      const remembered = noteId;
      await hubspotCall(() =>
        client.crm.objects.basicApi.update(reviewType, reviewId, {
          properties: toProperties({ noteId: remembered }, REVIEW.property),
        }),
      );
    }
    loggedNoteId = noteId;
    if (noteId !== logged.noteId) await attachAuditNote(client, noteId, review.companyId);
    await moveNextReview(client, review.companyId, { dueAt: next.dueAt, settings });
  } catch (error) {
    // Only what this attempt made is withdrawn: an earlier attempt of the same action may have been told
    // it was logged, and the next retry completes what is missing.
    await Promise.all([
      resumed ? undefined : batchArchive(client, { objectType: reviewType, ids: [reviewId] }).catch(() => undefined),
      noteId === null || noteId === logged.noteId
        ? undefined
        : withdrawAuditNote(client, noteId).catch(() => undefined),
    ]);
    throw error;
  }

  // A retry keeps the actions its first attempt stored, with the tasks it made for them.
  const actions = logged.actions ?? review.actions.map((a) => ({ ...a, taskId: null }));
  let taskIds = actions.map((a) => a.taskId);
  const tasks = await syncTasks(async () => {
    const settled = await Promise.allSettled([
      (async () =>
        rollReviewTask(client, {
          companyId: review.companyId,
          companyName: company.name,
          companyOwnerId: company.ownerId,
          dueAt: next.dueAt,
          resumed,
          planType,
          plan: await readPlan(client, planType, review.companyId),
        }))(),
      syncReviewActionTasks(client, {
        companyId: review.companyId,
        companyName: company.name,
        actionId,
        actions,
        resumed,
        remember: async (ids) => {
          const stored = JSON.stringify(actions.map((a, i) => ({ ...a, taskId: ids[i] ?? null })));
          await hubspotCall(() =>
            client.crm.objects.basicApi.update(reviewType, reviewId, {
              properties: toProperties({ actions: stored }, REVIEW.property),
            }),
          );
          taskIds = [...ids];
        },
      }),
    ]);
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  });
  return {
    tasks,
    review: {
      reviewId,
      kind: review.kind,
      reviewedAt: at,
      reviewedBy: { userId: Number(caller.userId), ownerId: caller.ownerId, name: caller.name },
      outcomes,
      summary: review.summary,
      triggers: review.triggers,
      actions: actions.map((a, i) => ({
        outcome: a.outcome,
        text: a.text,
        owner: people.byOwnerId(a.ownerId),
        dueAt: a.dueAt,
        taskId: taskIds[i] ?? null,
      })),
    },
    nextDueAt: next.dueAt,
    noteId: loggedNoteId,
  };
}

/** Puts the note on the company timeline (again: attaching twice is harmless); false when the note is gone. */
async function attachedIfExists(client: Client, noteId: string, companyId: string): Promise<boolean> {
  try {
    await attachAuditNote(client, noteId, companyId);
    return true;
  } catch (error) {
    if (isKeystoneError(error) && error.code === 'KAM.NOT_FOUND') return false;
    throw error;
  }
}

/**
 * Moves the company's next-review date on. An update whose answer was lost may have been made: then the
 * review is logged and must not be withdrawn (which would leave the date moved with no review behind it).
 * Whether it landed is looked at up to three times (a read is safe to repeat); not knowing withdraws it.
 */
async function moveNextReview(
  client: Client,
  companyId: string,
  { dueAt, settings }: { dueAt: number; settings: Settings },
): Promise<void> {
  // The sidebar judges the date by the grace written with it.
  const properties = nextReviewProperties(dueAt, settings);
  try {
    await hubspotCall(() => client.crm.companies.basicApi.update(companyId, { properties }));
  } catch (error) {
    const stored = await answeredWithin(() =>
      requireCompany(client, companyId, { properties: [COMPANY_PROPERTY.nextReviewDue] }).then((company) =>
        fromHubSpotDateTime(presentProperties(company.properties)[COMPANY_PROPERTY.nextReviewDue]),
      ),
    );
    if (stored !== dueAt) throw error;
  }
}

/** The action's review record: made now, or found by its unique action id when an earlier attempt made it. */
async function createOrFindReview(
  client: Client,
  reviewType: string,
  review: { actionId: string; properties: Record<string, string> },
): Promise<{ id: string; noteId: string | null; reviewedAt: number | null; actions: StoredReviewAction[] | null }> {
  try {
    const created = await resendingUniqueCreate(() =>
      hubspotCall(() =>
        client.crm.objects.basicApi.create(reviewType, { properties: review.properties, associations: [] }),
      ),
    );
    return { id: String(created.id), noteId: null, reviewedAt: null, actions: null };
  } catch (error) {
    if (!isConflict(error)) throw error;
    const found = await hubspotCall(() =>
      client.crm.objects.basicApi.getById(
        reviewType,
        review.actionId,
        [REVIEW.property.noteId, REVIEW.property.reviewedAt, REVIEW.property.actions],
        undefined,
        undefined,
        false,
        REVIEW.property.actionId,
      ),
    );
    const p = presentProperties(found.properties);
    return {
      id: String(found.id),
      noteId: p[REVIEW.property.noteId] || null,
      reviewedAt: fromHubSpotDateTime(p[REVIEW.property.reviewedAt]),
      actions: storedReviewActions(p[REVIEW.property.actions]),
    };
  }
}

async function readCompany(
  client: Client,
  companyId: string,
): Promise<{ name: string; ownerId: string | null; cadence: string | null; status: string | null }> {
  const read = { properties: ['name', 'hubspot_owner_id', COMPANY_PROPERTY.reviewCadence, COMPANY_PROPERTY.status] };
  const p = presentProperties((await requireCompany(client, companyId, read)).properties);
  return {
    name: p.name || `Company ${companyId}`,
    ownerId: p.hubspot_owner_id || null,
    cadence: p[COMPANY_PROPERTY.reviewCadence] ?? null,
    status: p[COMPANY_PROPERTY.status] || null,
  };
}
