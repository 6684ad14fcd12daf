import type { Client } from '@hubspot/api-client';
import type { ClientSatisfaction } from '../../contracts/client-satisfaction.ts';
import { batchRead, batchReadAssociations } from '../../crm/batch.ts';
import type { ObjectTypeResolver } from '../../crm/object-types.ts';
import { fromHubSpotDateTime } from '../../crm/records.ts';
import { clientSatisfaction, SURVEY_KINDS, type SurveyResponse } from '../../kam/satisfaction/index.ts';
import { verifyCaller } from '../access/index.ts';
import { requireCompany } from '../readers/company.ts';
import { loadSettings } from '../settings/index.ts';

// HubSpot keeps survey responses as its own read-only CRM object, associated with the contact who
// answered. The client's are those of the company's contacts: company → contacts → responses.

/** HubSpot's survey responses (object 0-19). */
const FEEDBACK_SUBMISSIONS = 'feedback_submissions';
const RESPONSE_PROPERTIES = ['hs_survey_type', 'hs_value', 'hs_submission_timestamp', 'hs_createdate'];

export async function readClientSatisfaction(
  client: Client,
  objectTypes: ObjectTypeResolver,
  asked: { userId: number; companyId: string; now: number },
): Promise<ClientSatisfaction> {
  const { settings } = await loadSettings(client, objectTypes);
  await verifyCaller(client, asked.userId, settings.access);
  await requireCompany(client, asked.companyId, { properties: ['name'] });
  const contactIds =
    (await batchReadAssociations(client, { fromType: 'companies', toType: 'contacts', ids: [asked.companyId] })).get(
      asked.companyId,
    ) ?? [];
  const answeredBy = new Map<string, string>();
  if (contactIds.length > 0) {
    const byContact = await batchReadAssociations(client, {
      fromType: 'contacts',
      toType: FEEDBACK_SUBMISSIONS,
      ids: contactIds,
    });
    for (const [contactId, responseIds] of byContact) for (const id of responseIds) answeredBy.set(id, contactId);
  }
  const { records } =
    answeredBy.size === 0
      ? { records: [] }
      : await batchRead(client, {
          objectType: FEEDBACK_SUBMISSIONS,
          ids: [...answeredBy.keys()],
          properties: RESPONSE_PROPERTIES,
        });
  const responses = records.flatMap((r): SurveyResponse[] => {
    const kind = SURVEY_KINDS.find((k) => k === r.properties.hs_survey_type);
    const value = Number(r.properties.hs_value ?? '');
    const at =
      fromHubSpotDateTime(r.properties.hs_submission_timestamp) ?? fromHubSpotDateTime(r.properties.hs_createdate);
    // Custom and knowledge-base surveys have no common scale; an answer without a number says nothing here.
    if (!kind || r.properties.hs_value == null || !Number.isFinite(value) || at === null) return [];
    return [{ kind, value, at, contactId: answeredBy.get(r.id)! }];
  });
  return {
    companyId: asked.companyId,
    readAt: asked.now,
    surveys: clientSatisfaction(responses, asked.now),
    responsesRead: records.length,
  };
}
