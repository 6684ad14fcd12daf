import { randomUUID } from 'node:crypto';
import type { Client } from '@hubspot/api-client';
import type { z } from 'zod';
import type { RecordedReviewEvent, recordReviewEventParametersAt } from '../../contracts/record-review-event.ts';
import { batchRead, batchReadAssociations, hubspotCall } from '../../crm/batch.ts';
import { COMPANY_PROPERTY, REVIEW } from '../../crm/model/index.ts';
import type { ObjectTypeResolver } from '../../crm/object-types.ts';
import { fromHubSpotDateTime, presentProperties } from '../../crm/records.ts';
import {
  BEFORE_THE_LAST_REVIEW,
  predatesLastReview,
  withRecordedEvent,
  type RecordedEvent,
} from '../../kam/reviews/index.ts';
import { KeystoneError } from '../../errors/keystone-error.ts';
import { requireCompany } from '../readers/company.ts';
import { managerActing } from './manager.ts';
import { recordedEventsOf, recordedEventTrigger, refuseUnlessKeyAccount } from './reviews-section.ts';

// Events HubSpot cannot see, recorded by a manager on the company as JSON beside its other Keystone
// properties: the card and the portfolio read them with the company, and each is an open review trigger
// until a review is logged after it. One dated on or before the last review is refused: that review had
// it before it, so it would call for none and show nowhere. The card's action id names the event, so a
// retry of the same press records it once.

// Parsed as of `now`: an event's date is not in the future.
type EventToRecord = z.output<ReturnType<typeof recordReviewEventParametersAt>> & { now: number };

export async function recordReviewEvent(
  client: Client,
  objectTypes: ObjectTypeResolver,
  asked: EventToRecord,
): Promise<RecordedReviewEvent> {
  const at = asked.at ?? asked.now;
  const { caller } = await managerActing(client, objectTypes, asked.userId);
  const company = await requireCompany(client, asked.companyId, {
    properties: [COMPANY_PROPERTY.recordedEvents, COMPANY_PROPERTY.status],
  });
  const stored = presentProperties(company.properties);
  refuseUnlessKeyAccount(stored[COMPANY_PROPERTY.status]);
  const recorded = recordedEventsOf(stored);
  const event: RecordedEvent = {
    eventId: asked.actionId ?? randomUUID(),
    kind: asked.kind,
    at,
    note: asked.note,
    recordedAt: asked.now,
    recordedBy: caller.userId,
  };
  const already = recorded.find((e) => e.eventId === event.eventId);
  // Only a picked date can fall before the last review; a retry of an event already recorded is answered as it stands.
  if (already === undefined && asked.at !== undefined) {
    const lastReviewedAt = await lastReviewOf(client, objectTypes, asked.companyId);
    if (predatesLastReview(at, lastReviewedAt)) {
      const issues = [{ path: 'at', message: BEFORE_THE_LAST_REVIEW }];
      throw new KeystoneError('KAM.INVALID_PARAMETERS', `When: ${BEFORE_THE_LAST_REVIEW}`, { issues });
    }
  }
  if (already === undefined) {
    const events = withRecordedEvent(recorded, event);
    await hubspotCall(() =>
      client.crm.companies.basicApi.update(asked.companyId, {
        properties: { [COMPANY_PROPERTY.recordedEvents]: JSON.stringify(events) },
      }),
    );
  }
  return { trigger: recordedEventTrigger(already ?? event, asked.companyId) };
}

/** When the company's latest logged review took place; null while none is logged. */
async function lastReviewOf(
  client: Client,
  objectTypes: ObjectTypeResolver,
  companyId: string,
): Promise<number | null> {
  const reviewType = await objectTypes.objectTypeId('review');
  const ids = (
    await batchReadAssociations(client, { fromType: 'companies', toType: reviewType, ids: [companyId] })
  ).get(companyId);
  if (!ids || ids.length === 0) return null;
  const { records } = await batchRead(client, {
    objectType: reviewType,
    ids,
    properties: [REVIEW.property.reviewedAt],
  });
  const dates = records.flatMap((r) => fromHubSpotDateTime(r.properties[REVIEW.property.reviewedAt]) ?? []);
  return dates.length === 0 ? null : Math.max(...dates);
}
