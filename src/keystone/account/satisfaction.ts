import type { Client } from '@hubspot/api-client';
import { z } from 'zod';
import type { ClientSatisfaction, SatisfactionSummary } from '../../contracts/client-satisfaction.ts';
import { ASSOCIATION_BATCH_SIZE, BATCH_SIZE, batchRead, batchReadAssociations } from '../../crm/batch.ts';
import { COMPANY_PROPERTY } from '../../crm/model/index.ts';
import type { ObjectTypeResolver } from '../../crm/object-types.ts';
import { fromHubSpotDateTime } from '../../crm/records.ts';
import {
  clientSatisfaction,
  SURVEY_KINDS,
  type SurveyReading,
  type SurveyResponse,
} from '../../kam/satisfaction/index.ts';
import { verifyCaller } from '../access/index.ts';
import { requireCompany } from '../readers/company.ts';
import { loadSettings } from '../settings/index.ts';
import { ALL_AT_ONCE, type BeforeRound } from './relationships.ts';

// HubSpot keeps survey responses as its own read-only CRM object, associated with the contact who
// answered. The client's are those of the company's contacts: company → contacts → responses.

/** HubSpot's survey responses (object 0-19). */
const FEEDBACK_SUBMISSIONS = 'feedback_submissions';
const RESPONSE_PROPERTIES = ['hs_survey_type', 'hs_value', 'hs_submission_timestamp', 'hs_createdate'];

/** What the client's contacts answered, and how many responses of every kind and age were read. */
interface AnsweredSurveys {
  responses: SurveyResponse[];
  read: number;
}

/**
 * The survey responses of each company's contacts, by company id, in three rounds of batch reads
 * (contacts, their responses, the responses themselves); `beforeRound` paces them as recalculation paces
 * its other reads.
 */
export async function readSurveyResponses(
  client: Client,
  companyIds: readonly string[],
  {
    beforeRound,
    contacts,
  }: {
    beforeRound?: BeforeRound;
    /** Each company's contact ids when already read (recalculation reads them with the relationships). */
    contacts?: ReadonlyMap<string, readonly string[]>;
  } = {},
): Promise<Map<string, AnsweredSurveys>> {
  const round = async (ids: number, perCall: number) => {
    if (beforeRound && ids > 0) await beforeRound(Math.ceil(ids / perCall));
  };
  const concurrency = beforeRound ? ALL_AT_ONCE : undefined;
  const answered = new Map<string, AnsweredSurveys>(companyIds.map((id) => [id, { responses: [], read: 0 }]));
  if (companyIds.length === 0) return answered;
  const contactsOf = contacts ?? (await companyContacts(client, companyIds, { round, concurrency }));
  const contactIds = [...new Set([...contactsOf.values()].flat())];
  const answeredBy = new Map<string, string>();
  if (contactIds.length > 0) {
    await round(contactIds.length, ASSOCIATION_BATCH_SIZE);
    const byContact = await batchReadAssociations(client, {
      fromType: 'contacts',
      toType: FEEDBACK_SUBMISSIONS,
      ids: contactIds,
      concurrency,
      beforeFurtherPages: beforeRound,
    });
    for (const [contactId, responseIds] of byContact) for (const id of responseIds) answeredBy.set(id, contactId);
  }
  if (answeredBy.size === 0) return answered;
  await round(answeredBy.size, BATCH_SIZE);
  const { records } = await batchRead(client, {
    objectType: FEEDBACK_SUBMISSIONS,
    ids: [...answeredBy.keys()],
    properties: RESPONSE_PROPERTIES,
    concurrency,
  });
  const responses = new Map(
    records.map((r): [string, SurveyResponse | null] => {
      const kind = SURVEY_KINDS.find((k) => k === r.properties.hs_survey_type);
      const value = Number(r.properties.hs_value ?? '');
      const at =
        fromHubSpotDateTime(r.properties.hs_submission_timestamp) ?? fromHubSpotDateTime(r.properties.hs_createdate);
      // Custom and knowledge-base surveys have no common scale; an answer without a number says nothing here.
      if (!kind || r.properties.hs_value == null || !Number.isFinite(value) || at === null) return [r.id, null];
      return [r.id, { kind, value, at, contactId: answeredBy.get(r.id)! }];
    }),
  );
  for (const [companyId, ids] of contactsOf) {
    const ofCompany = new Set(ids);
    const read = [...answeredBy]
      .filter(([id, contactId]) => ofCompany.has(contactId) && responses.has(id))
      .map(([id]) => id);
    answered.set(companyId, {
      responses: read.flatMap((id) => responses.get(id) ?? []),
      read: read.length,
    });
  }
  return answered;
}

async function companyContacts(
  client: Client,
  companyIds: readonly string[],
  { round, concurrency }: { round: (ids: number, perCall: number) => Promise<void>; concurrency: number | undefined },
): Promise<ReadonlyMap<string, readonly string[]>> {
  await round(companyIds.length, ASSOCIATION_BATCH_SIZE);
  return batchReadAssociations(client, {
    fromType: 'companies',
    toType: 'contacts',
    ids: [...companyIds],
    concurrency,
    beforeFurtherPages: (calls) => round(calls, 1),
  });
}

export async function readClientSatisfaction(
  client: Client,
  objectTypes: ObjectTypeResolver,
  asked: { userId: number; companyId: string; now: number },
): Promise<ClientSatisfaction> {
  const { settings } = await loadSettings(client, objectTypes);
  await verifyCaller(client, asked.userId, settings.access);
  await requireCompany(client, asked.companyId, { properties: ['name'] });
  const { responses, read } = (await readSurveyResponses(client, [asked.companyId])).get(asked.companyId)!;
  return {
    companyId: asked.companyId,
    readAt: asked.now,
    surveys: clientSatisfaction(responses, asked.now),
    responsesRead: read,
  };
}

// The portfolio pages show each key account's satisfaction without reading surveys themselves:
// recalculation reads them with the relationships and keeps this compact summary on the company.

/** What the portfolio shows of each survey kind the client answered: its latest answer, score and trend. */
export function satisfactionSummary(surveys: readonly SurveyReading[]): SatisfactionSummary[] {
  return surveys.map((s) => ({
    kind: s.kind,
    latestValue: s.latest.value,
    latestAt: s.latest.at,
    responses: s.responses,
    score: s.score,
    trend: s.trend,
  }));
}

/** One reading per survey kind, so the stored text stays a few hundred characters at most. */
const storedSummarySchema = z
  .array(
    z
      .object({
        kind: z.enum(SURVEY_KINDS),
        latestValue: z.number().finite(),
        latestAt: z.number().int(),
        responses: z.number().int().nonnegative(),
        score: z.number().finite().nullable(),
        trend: z.number().finite().nullable(),
      })
      .strict(),
  )
  .min(1)
  .max(SURVEY_KINDS.length) satisfies z.ZodType<SatisfactionSummary[], unknown>;

/**
 * The company property holding the summary: cleared when the client answered no survey, and left out
 * (the last stored summary kept) when the surveys could not be read, as without the survey scope.
 */
export function satisfactionProperty(summary: readonly SatisfactionSummary[] | undefined): Record<string, string> {
  if (summary === undefined) return {};
  return { [COMPANY_PROPERTY.satisfaction]: summary.length === 0 ? '' : JSON.stringify(summary) };
}

/** The summary stored on a company; null when none is stored or it cannot be read (the next recalculation rewrites it). */
export function storedSatisfaction(value: string | null | undefined): SatisfactionSummary[] | null {
  if (!value) return null;
  try {
    const parsed = storedSummarySchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
