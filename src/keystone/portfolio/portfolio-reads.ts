import type { Client } from '@hubspot/api-client';
import type { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/companies/index.js';
import { batchRead, hubspotCall } from '../../crm/batch.ts';
import { type CrmRecord } from '../../crm/records.ts';
import { COMPANY_PROPERTY, CONTACT_PROPERTY, KEY_ACCOUNT_PLAN, OBJECTIVE, REVIEW } from '../../crm/model/index.ts';
import type { ObjectTypeResolver } from '../../crm/object-types.ts';
import { collectAll, searchAll } from '../../crm/paging.ts';
import { propertyNames, toCrmRecord } from '../../crm/records.ts';
import {
  batchReadLabelledAssociations,
  batchReadWithHistory,
  type RecordWithHistory,
} from '../readers/hubspot-reads.ts';
import { taggedKeyContact, type RelationshipContact } from '../account/relationships.ts';
import { WATCHED_HUBSPOT_PROPERTIES, storedReviewActions } from '../account/reviews-section.ts';
import { taskCompletion } from '../account/plan-tasks.ts';
import type { PortalDetails } from '../../crm/portal-details.ts';
import { readCompanyNames, readOwners, type OwnerRecord } from '../readers/portal-reads.ts';
import { DEAL_PROPERTIES } from '../readers/company-facts.ts';
import { SERVICE_DEAL_PROPERTY } from '../account/plan-targets.ts';

// What the portfolio pages read besides the portfolio snapshot (the whole portfolio's revenue, which
// recalculation stores on the settings record): never every company. The programme's own companies
// (tagged or suggested key or candidate) come from a search, whole whatever the portal's size, with
// what recalculation and the account functions left on them (score, suggested status, 12-month
// revenue, next review); plans, objectives and reviews exist only for those accounts, so they are
// listed whole too. Deals and contacts are read only for key accounts (their single-contract
// dependence, review triggers and the report's introductions), in batches: associations 1,000
// companies a call (with their labels, which tell the "Key contact"s), records 100 a call, 50 where
// read with their history.

const PAGE_SIZE = 100;

const OVERVIEW_COMPANY_PROPERTIES = [
  'name',
  'hubspot_owner_id',
  'hs_parent_company_id',
  COMPANY_PROPERTY.status,
  COMPANY_PROPERTY.score,
  COMPANY_PROPERTY.suggestedStatus,
  COMPANY_PROPERTY.scoredAt,
  COMPANY_PROPERTY.revenueLast12Months,
  COMPANY_PROPERTY.coverageScore,
  COMPANY_PROPERTY.meetingsByMonth,
  COMPANY_PROPERTY.relationshipHolders,
  COMPANY_PROPERTY.soleRelationshipHolder,
  COMPANY_PROPERTY.nextReviewDue,
  COMPANY_PROPERTY.reviewCadence,
  COMPANY_PROPERTY.competition,
  // Satisfaction as recalculation stored it: the portfolio reads no surveys itself, so its calls stay as they were.
  COMPANY_PROPERTY.satisfaction,
] as const;

export interface PortfolioRecords {
  /** Every company tagged or suggested key or candidate. */
  programmeCompanies: CrmRecord[];
  plans: CrmRecord[];
  objectives: CrmRecord[];
  reviews: CrmRecord[];
  owners: OwnerRecord[];
  portal: PortalDetails;
  /** Deals of the key accounts, by company id. */
  keyAccountDeals: Map<string, CrmRecord[]>;
  /**
   * Contacts of the key accounts (names, create date, roles, the history of the properties review
   * triggers watch, and whether the association is labelled "Key contact"), by company id.
   */
  keyAccountContacts: Map<string, RelationshipContact[]>;
  /** The key accounts themselves with the history of the company properties review triggers watch, by company id. */
  keyAccountHistory: Map<string, RecordWithHistory>;
  /** Names of the key accounts' parent companies, by id. */
  companyNames: ReadonlyMap<string, string>;
  /** Whether the task made for each review action is completed, by task id (deleted tasks are left out). */
  actionTasks: ReadonlyMap<string, boolean>;
}

// The "Key contact" label or roles tell key contacts (whose departures and new titles trigger reviews) from the rest.
const CONTACT_PROPERTIES = [
  'firstname',
  'lastname',
  'email',
  'createdate',
  'jobtitle',
  'hs_buying_role',
  ...Object.values(CONTACT_PROPERTY),
];

/** `portal`: the portal's currency and time zone, as the settings record the caller read holds them. */
export async function readPortfolioRecords(
  client: Client,
  objectTypes: ObjectTypeResolver,
  portal: PortalDetails,
): Promise<PortfolioRecords> {
  const [planType, objectiveType, reviewType] = await Promise.all([
    objectTypes.objectTypeId('plan'),
    objectTypes.objectTypeId('objective'),
    objectTypes.objectTypeId('review'),
  ]);
  const listAll = (objectType: string, properties: readonly string[]) =>
    collectAll((after) =>
      hubspotCall(() => client.crm.objects.basicApi.getPage(objectType, PAGE_SIZE, after, [...properties])),
    ).then((rows) => rows.map(toCrmRecord));
  const [programmeCompanies, plans, objectives, reviews, owners] = await Promise.all([
    searchProgrammeCompanies(client),
    listAll(planType, [...propertyNames(KEY_ACCOUNT_PLAN.property), 'hs_createdate']),
    listAll(objectiveType, propertyNames(OBJECTIVE.property)),
    listAll(reviewType, propertyNames(REVIEW.property)),
    readOwners(client),
  ]);
  const keyAccountRecords = programmeCompanies.filter((c) => c.properties[COMPANY_PROPERTY.status] === 'key');
  const keyIds = keyAccountRecords.map((c) => c.id);
  const parentIds = [
    ...new Set(
      keyAccountRecords.flatMap((c) => (c.properties.hs_parent_company_id ? [c.properties.hs_parent_company_id] : [])),
    ),
  ];
  const actionTaskIds = reviews.flatMap((r) =>
    (storedReviewActions(r.properties[REVIEW.property.actions]) ?? []).flatMap((a) => (a.taskId ? [a.taskId] : [])),
  );
  const [keyAccountDeals, keyAccountContacts, keyAccounts, companyNames, actionTasks] = await Promise.all([
    associatedOf(client, keyIds, {
      toType: 'deals',
      read: (ids) =>
        batchRead(client, { objectType: 'deals', ids, properties: [...DEAL_PROPERTIES, SERVICE_DEAL_PROPERTY] }).then(
          (r) => r.records,
        ),
      withLabels: (deal) => deal,
    }),
    associatedOf(client, keyIds, {
      toType: 'contacts',
      read: (ids) =>
        batchReadWithHistory(client, {
          objectType: 'contacts',
          ids,
          properties: CONTACT_PROPERTIES,
          withHistory: WATCHED_HUBSPOT_PROPERTIES.contact,
        }),
      withLabels: (contact, labels): RelationshipContact => ({
        ...contact,
        taggedKeyContact: taggedKeyContact(labels),
      }),
    }),
    batchReadWithHistory(client, {
      objectType: 'companies',
      ids: keyIds,
      // The events managers recorded are review triggers too.
      properties: ['name', COMPANY_PROPERTY.recordedEvents],
      withHistory: WATCHED_HUBSPOT_PROPERTIES.company,
    }),
    readCompanyNames(client, parentIds),
    taskCompletion(client, actionTaskIds),
  ]);
  const keyAccountHistory = new Map(keyAccounts.map((c) => [c.id, c]));
  return {
    programmeCompanies,
    plans,
    objectives,
    reviews,
    owners,
    portal,
    keyAccountDeals,
    keyAccountContacts,
    keyAccountHistory,
    companyNames,
    actionTasks,
  };
}

const PROGRAMME_STATUSES = ['key', 'candidate'];
const SEARCH_PAGE_SIZE = 200;

// Candidates are every company the score suggests, which permissive thresholds can make more than the
// 10,000 results HubSpot answers to one search: searchAll asks again past them.
async function searchProgrammeCompanies(client: Client): Promise<CrmRecord[]> {
  const filterGroups = [COMPANY_PROPERTY.status, COMPANY_PROPERTY.suggestedStatus].map((propertyName) => ({
    filters: [{ propertyName, operator: 'IN' as FilterOperatorEnum, values: PROGRAMME_STATUSES }],
  }));
  const rows = await searchAll(filterGroups, (query) =>
    hubspotCall(() =>
      client.crm.companies.searchApi.doSearch({
        ...query,
        properties: [...OVERVIEW_COMPANY_PROPERTIES],
        limit: SEARCH_PAGE_SIZE,
      }),
    ),
  );
  return rows.map(toCrmRecord);
}

/**
 * The records of one type associated with each company, by company id, read in batches by `read`;
 * `withLabels` joins each record with the labels on its association to that company.
 */
async function associatedOf<R extends { id: string }, T>(
  client: Client,
  companyIds: readonly string[],
  how: {
    toType: 'deals' | 'contacts';
    read: (ids: string[]) => Promise<R[]>;
    withLabels: (record: R, labels: string[]) => T;
  },
): Promise<Map<string, T[]>> {
  const { toType, read, withLabels } = how;
  if (companyIds.length === 0) return new Map();
  const associated = await batchReadLabelledAssociations(client, { fromType: 'companies', toType, ids: companyIds });
  const records = await read([...new Set([...associated.values()].flat().map((link) => link.toId))]);
  const byId = new Map(records.map((r) => [r.id, r]));
  return new Map(
    [...associated].map(([companyId, links]) => [
      companyId,
      links.flatMap(({ toId, labels }) => {
        const record = byId.get(toId);
        return record ? [withLabels(record, labels)] : [];
      }),
    ]),
  );
}
