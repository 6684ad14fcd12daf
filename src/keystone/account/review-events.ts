import { randomUUID } from 'node:crypto';
import type { Client } from '@hubspot/api-client';
import type { z } from 'zod';
import type { RecordedReviewEvent, recordReviewEventParametersAt } from '../../contracts/record-review-event.ts';
import { hubspotCall } from '../../crm/batch.ts';
import { COMPANY_PROPERTY } from '../../crm/model/index.ts';
import type { ObjectTypeResolver } from '../../crm/object-types.ts';
import { presentProperties } from '../../crm/records.ts';
import { withRecordedEvent, type RecordedEvent } from '../../kam/reviews/index.ts';
import { requireCompany } from '../readers/company.ts';
import { managerActing } from './manager.ts';
import { recordedEventsOf, recordedEventTrigger, refuseUnlessKeyAccount } from './reviews-section.ts';

// Events HubSpot cannot see, recorded by a manager on the company as JSON beside its other Keystone
// properties: the card and the portfolio read them with the company, and each is an open review trigger
// until a review is logged after it was recorded. The card's action id names the event, so a retry of
// the same press records it once.

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
