import type { Client } from '@hubspot/api-client';
import type { z } from 'zod';
import type { LoggedReview, logReviewParametersSchema } from '../../contracts/log-review.ts';
import { batchArchive, batchReadAssociations, hubspotCall } from '../../crm/batch.ts';
import { COMPANY_PROPERTY, REVIEW } from '../../crm/model/index.ts';
import type { ObjectTypeResolver } from '../../crm/object-types.ts';
import { presentProperties, toHubSpotDateTime, toProperties } from '../../crm/records.ts';
import { reviewSchedule } from '../../kam/reviews/index.ts';
import { KeystoneError } from '../../errors/keystone-error.ts';
import { domainResult } from '../domain-result.ts';
import { requireCompany } from '../readers/company.ts';
import { readPlan } from './account-plan.ts';
import { withdrawAuditNote, writeAuditNote } from './audit-note.ts';
import { managerActing } from './manager.ts';
import { rollReviewTask, syncTasks } from './plan-tasks.ts';
import { accountCadence } from './reviews-section.ts';

// Logging a review: a review record associated with the company (and the contacts it was about),
// a note on the company timeline, and the company's next-review date moved on. If any step fails,
// what was already written is withdrawn, so a review is either fully logged or not at all. Then the
// review-due task moves on (plan-tasks.ts): the open one completed, the next one created; its failure is
// reported in the answer and leaves the review logged.

type ReviewToLog = z.output<typeof logReviewParametersSchema> & { now: number };

const OUTCOME_LABELS = Object.fromEntries((REVIEW.properties.outcomes.options ?? []).map((o) => [o.value, o.label]));

export async function logAccountReview(
  client: Client,
  objectTypes: ObjectTypeResolver,
  review: ReviewToLog,
): Promise<LoggedReview> {
  const reviewedAt = review.reviewedAt ?? review.now;
  if (reviewedAt > review.now) {
    throw new KeystoneError('KAM.INVALID_PARAMETERS', 'A review cannot be logged for a date in the future.', {
      issues: [{ path: 'reviewedAt', message: 'cannot be in the future' }],
    });
  }
  const { caller, settings } = await managerActing(client, objectTypes, review.userId);
  const [reviewType, planType, company, companiesOf] = await Promise.all([
    objectTypes.objectTypeId('review'),
    objectTypes.objectTypeId('plan'),
    readCompany(client, review.companyId),
    review.contactIds.length === 0
      ? new Map<string, string[]>()
      : batchReadAssociations(client, { fromType: 'contacts', toType: 'companies', ids: review.contactIds }),
  ]);
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

  const cadence = accountCadence(company.cadence, settings);
  const next = domainResult(
    reviewSchedule({
      cadence,
      lastReviewedAt: reviewedAt,
      planStartedAt: reviewedAt,
      overdueAfterDays: settings.reviews.overdueAfterDays,
      now: review.now,
    }),
    'next review date',
  );
  const title = `${review.kind === 'calendar' ? 'Calendar' : 'Triggered'} review, ${new Date(reviewedAt).toISOString().slice(0, 10)}`;

  const created = await hubspotCall(() =>
    client.crm.objects.basicApi.create(reviewType, {
      properties: toProperties(
        {
          title,
          kind: review.kind,
          triggers: JSON.stringify(review.triggers),
          reviewedAt: toHubSpotDateTime(reviewedAt),
          reviewedBy: caller.userId,
          outcomes: review.outcomes.join(';'),
          summary: review.summary,
          companyId: review.companyId,
        },
        REVIEW.property,
      ),
      associations: [],
    }),
  );
  const reviewId = String(created.id);
  let noteId: string | null = null;
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
    loggedNoteId = noteId = await writeAuditNote(client, {
      companyId: review.companyId,
      caller,
      at: reviewedAt,
      headline: title,
      details: [
        ['Outcomes', review.outcomes.map((o) => OUTCOME_LABELS[o] ?? o).join(', ') || 'none recorded'],
        ...(review.triggers.length > 0
          ? [['Triggered by', review.triggers.map((t) => t.message).join('; ')] as const]
          : []),
        ['Summary', review.summary],
      ],
    });
    await hubspotCall(() =>
      client.crm.companies.basicApi.update(review.companyId, {
        properties: { [COMPANY_PROPERTY.nextReviewDue]: toHubSpotDateTime(next.dueAt) },
      }),
    );
  } catch (error) {
    await Promise.all([
      batchArchive(client, { objectType: reviewType, ids: [reviewId] }).catch(() => undefined),
      noteId === null ? undefined : withdrawAuditNote(client, noteId).catch(() => undefined),
    ]);
    throw error;
  }

  const tasks = await syncTasks(async () =>
    rollReviewTask(client, {
      companyId: review.companyId,
      companyName: company.name,
      companyOwnerId: company.ownerId,
      dueAt: next.dueAt,
      planType,
      plan: await readPlan(client, planType, review.companyId),
    }),
  );
  return {
    tasks,
    review: {
      reviewId,
      kind: review.kind,
      reviewedAt,
      reviewedBy: { userId: Number(caller.userId), ownerId: caller.ownerId, name: caller.name },
      outcomes: review.outcomes,
      summary: review.summary,
      triggers: review.triggers,
    },
    nextDueAt: next.dueAt,
    noteId: loggedNoteId,
  };
}

async function readCompany(
  client: Client,
  companyId: string,
): Promise<{ name: string; ownerId: string | null; cadence: string | null }> {
  const read = { properties: ['name', 'hubspot_owner_id', COMPANY_PROPERTY.reviewCadence] };
  const p = presentProperties((await requireCompany(client, companyId, read)).properties);
  return {
    name: p.name || `Company ${companyId}`,
    ownerId: p.hubspot_owner_id || null,
    cadence: p[COMPANY_PROPERTY.reviewCadence] ?? null,
  };
}
