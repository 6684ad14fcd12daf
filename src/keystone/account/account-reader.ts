import type { Client } from '@hubspot/api-client';
import { batchReadAssociations, hubspotCall, type CrmRecord } from '../../crm/batch.ts';
import {
  COMPANY_PROPERTY, CONTACT_PROPERTY, KEY_ACCOUNT_PLAN, KEY_CONTACT_LABEL, OBJECTIVE, REVIEW, type KeystoneObjectKey,
} from '../../crm/model/index.ts';
import type { ObjectTypeResolver, SchemaSummary } from '../../crm/object-types.ts';
import { propertyNames } from '../../crm/records.ts';
import type { Settings } from '../../kam/settings/index.ts';
import { DEAL_PROPERTIES, FACT_PROPERTIES } from '../portfolio-recalculation/company-facts.ts';
import { loadSettings } from '../settings/index.ts';
import { KeystoneError } from '../errors.ts';
import { accountError } from './account-error.ts';
import { WATCHED_HUBSPOT_PROPERTIES } from './reviews-section.ts';
import { batchReadWithHistory, readLabelledAssociations, toRecordWithHistory, type RecordWithHistory } from './hubspot-reads.ts';
import { PortalObjectTypes } from './portal-object-types.ts';
import { readOwners, readPortalDetails, type OwnerRecord, type PortalDetails } from './portal-reads.ts';

// Everything one company card shows, read from HubSpot in three rounds of parallel calls and no
// per-record calls:
//   1. custom object types (no call when the portal is known), owners, portal details, the company's
//      contacts (with their labels);
//   2. the company (with the ids of its deals, objectives and reviews), settings, the plan, the contacts
//      (with stance and title history), and the meetings, calls and emails of those contacts;
//   3. deals, objectives, reviews, and the activities themselves.

// The card's reads are bounded (10 fixed, 11 without the portal's id, one each for objectives and reviews, one per 100 contacts and
// one per 100 activities of each type: well under HubSpot's 190 per 10 s), so each round sends all its
// chunks at once instead of queueing them.
const ALL_AT_ONCE = Number.MAX_SAFE_INTEGER;

const ACTIVITY_TYPES = { meeting: 'meetings', call: 'calls', email: 'emails' } as const;
type ActivityType = keyof typeof ACTIVITY_TYPES;

const COMPANY_READ = {
  properties: [...new Set([...FACT_PROPERTIES, ...Object.values(COMPANY_PROPERTY), 'hs_is_target_account', 'hs_ideal_customer_profile', 'hubspot_owner_id', 'hubspot_team_id', 'hs_parent_company_id'])],
  /** Review triggers on our side and the client's: owner or team change, a new parent company. */
  withHistory: WATCHED_HUBSPOT_PROPERTIES.company,
};
const CONTACT_READ = {
  properties: ['firstname', 'lastname', 'email', 'jobtitle', 'hs_buying_role', ...Object.values(CONTACT_PROPERTY)],
  /** Stance history for the card; title changes and departures as review triggers. */
  withHistory: WATCHED_HUBSPOT_PROPERTIES.contact,
};
const DEAL_READ = [...DEAL_PROPERTIES, 'createdate'];
const ACTIVITY_READ = ['hs_timestamp', 'hubspot_owner_id'];

export interface ActivityRecord {
  type: ActivityType;
  id: string;
  ownerId: string | null;
  at: number | null;
  contactIds: string[];
}

export interface AccountSnapshot {
  company: RecordWithHistory;
  portal: PortalDetails;
  owners: OwnerRecord[];
  settings: Settings;
  contacts: Array<RecordWithHistory & { taggedKeyContact: boolean }>;
  activities: ActivityRecord[];
  deals: CrmRecord[];
  plan: CrmRecord | null;
  /** Objective rows of the plan's current revision only. */
  objectives: CrmRecord[];
  reviews: CrmRecord[];
}

/**
 * Everything the card shows about one company. Given the portal's id (the card knows it), Keystone's
 * types go by their fully qualified names and the schemas read is saved.
 */
export async function readAccount(client: Client, resolver: ObjectTypeResolver, companyId: string, portalId?: number): Promise<AccountSnapshot> {
  if (portalId === undefined) return readAccountWith(client, resolver, companyId);
  try {
    return await readAccountWith(client, new PortalObjectTypes(client, portalId), companyId);
  } catch (error) {
    // HubSpot does not know a type by that name: setup has not run (the schemas tell), or the card named
    // another portal. Both are answered by reading again the long way.
    if (error instanceof KeystoneError && error.code === 'KAM.SETUP_REQUIRED') return readAccountWith(client, resolver, companyId);
    throw error;
  }
}

async function readAccountWith(client: Client, resolver: ObjectTypeResolver, companyId: string): Promise<AccountSnapshot> {
  // Round 1.
  const [types, owners, portal, contactLinks] = await Promise.all([
    Promise.all((['plan', 'objective', 'review'] as const).map((key) => keystoneType(resolver, key))),
    readOwners(client),
    readPortalDetails(client),
    readLabelledAssociations(client, 'companies', companyId, 'contacts'),
  ]);
  const [planType, objectiveType, reviewType] = types as [SchemaSummary, SchemaSummary, SchemaSummary];
  const contactIds = contactLinks.map((l) => l.toId);

  // Round 2.
  const [company, stored, plan, contacts, activityLinks] = await Promise.all([
    readCompany(client, companyId, [{ name: 'deals', objectTypeId: '0-3' }, typeOf(objectiveType), typeOf(reviewType)]),
    loadSettings(client, resolver),
    readPlan(client, planType.objectTypeId, companyId),
    batchReadWithHistory(client, 'contacts', contactIds, CONTACT_READ.properties, CONTACT_READ.withHistory, ALL_AT_ONCE),
    Promise.all((Object.keys(ACTIVITY_TYPES) as ActivityType[]).map(async (type) => ({ type, byContact: await batchReadAssociations(client, 'contacts', ACTIVITY_TYPES[type], contactIds, ALL_AT_ONCE) }))),
  ]);

  // Round 3.
  const contactsOf = activitiesByRecord(activityLinks);
  const [deals, objectives, reviews, activities] = await Promise.all([
    readRecords(client, 'deals', company.associated.get('deals') ?? [], DEAL_READ),
    readRecords(client, objectiveType.objectTypeId, company.associated.get(objectiveType.fullyQualifiedName) ?? [], propertyNames(OBJECTIVE.property)),
    readRecords(client, reviewType.objectTypeId, company.associated.get(reviewType.fullyQualifiedName) ?? [], propertyNames(REVIEW.property)),
    Promise.all((Object.keys(ACTIVITY_TYPES) as ActivityType[]).map(async (type) => {
      const links = contactsOf.get(type) ?? new Map<string, string[]>();
      const records = await readRecords(client, ACTIVITY_TYPES[type], [...links.keys()], ACTIVITY_READ);
      return records.map((r): ActivityRecord => ({
        type, id: r.id, ownerId: r.properties.hubspot_owner_id || null, at: timestamp(r.properties.hs_timestamp), contactIds: links.get(r.id) ?? [],
      }));
    })),
  ]);

  const taggedKeyContacts = new Set(contactLinks.filter((l) => l.labels.includes(KEY_CONTACT_LABEL.label)).map((l) => l.toId));
  const currentRevision = plan?.properties[KEY_ACCOUNT_PLAN.property.revision] ?? null;
  return {
    company: company.record,
    portal,
    owners,
    settings: stored.settings,
    contacts: contacts.map((c) => ({ ...c, taggedKeyContact: taggedKeyContacts.has(c.id) })),
    activities: activities.flat(),
    deals,
    plan,
    objectives: objectives.filter((o) => plan !== null && o.properties[OBJECTIVE.property.planId] === plan.id && o.properties[OBJECTIVE.property.planRevision] === currentRevision),
    reviews,
  };
}

interface CompanyAnswer {
  id: string;
  properties: Record<string, string | null>;
  propertiesWithHistory?: Record<string, Array<{ value: string; timestamp: Date | string }>>;
  associations?: Record<string, AssociationList>;
}
interface AssociationList { results: Array<{ id: string }>; paging?: { next?: { after?: string } } }

/**
 * The company with the ids of its associated records. HubSpot lists at most 100 associations per type
 * in this answer; when it says there are more, that type is read again through the v4 batch read.
 */
async function readCompany(client: Client, companyId: string, associationTypes: AssociatedType[]): Promise<{ record: RecordWithHistory; associated: Map<string, string[]> }> {
  let answer: CompanyAnswer;
  try {
    answer = (await hubspotCall(() => client.crm.companies.basicApi.getById(companyId, COMPANY_READ.properties, COMPANY_READ.withHistory, associationTypes.map((t) => t.name)))) as unknown as CompanyAnswer;
  } catch (error) {
    if (error instanceof KeystoneError && error.code === 'KAM.NOT_FOUND') throw accountError('KAM.COMPANY_NOT_FOUND');
    throw error;
  }
  const associated = new Map<string, string[]>();
  await Promise.all(associationTypes.map(async (type) => {
    const entry = associationsOf(answer, type);
    if (entry?.paging?.next?.after) {
      associated.set(type.name, (await batchReadAssociations(client, 'companies', type.objectTypeId, [companyId])).get(companyId) ?? []);
    } else {
      associated.set(type.name, [...new Set((entry?.results ?? []).map((r) => String(r.id)))]);
    }
  }));
  return { record: toRecordWithHistory(answer), associated };
}

interface AssociatedType { name: string; objectTypeId: string }
const typeOf = (schema: SchemaSummary): AssociatedType => ({ name: schema.fullyQualifiedName, objectTypeId: schema.objectTypeId });

// HubSpot keys the answer by its own name for a type: the plural for standard objects; for custom
// objects the fully qualified name (`p123_keystone_review`), the bare name or the objectTypeId.
function associationsOf(answer: CompanyAnswer, type: AssociatedType): AssociationList | undefined {
  const names = [type.name, type.name.replace(/^p\d+_/, ''), type.objectTypeId];
  const key = Object.keys(answer.associations ?? {}).find((k) => names.includes(k));
  return key === undefined ? undefined : answer.associations?.[key];
}

/** A Keystone custom object's type, or KAM.SETUP_REQUIRED when setup has not created it yet. */
async function keystoneType(resolver: ObjectTypeResolver, key: KeystoneObjectKey): Promise<SchemaSummary> {
  const found = await resolver.find(key);
  if (!found) throw new KeystoneError('KAM.SETUP_REQUIRED');
  return found;
}

async function readPlan(client: Client, planType: string, companyId: string): Promise<CrmRecord | null> {
  try {
    const record = await hubspotCall(() => client.crm.objects.basicApi.getById(planType, companyId, [...propertyNames(KEY_ACCOUNT_PLAN.property), 'hs_createdate'], undefined, undefined, false, KEY_ACCOUNT_PLAN.property.companyId));
    return { id: String(record.id), properties: record.properties };
  } catch (error) {
    if (error instanceof KeystoneError && error.code === 'KAM.NOT_FOUND') return null;
    throw error;
  }
}

async function readRecords(client: Client, objectType: string, ids: readonly string[], properties: readonly string[]): Promise<CrmRecord[]> {
  if (ids.length === 0) return [];
  return (await batchReadWithHistory(client, objectType, ids, properties, [], ALL_AT_ONCE)).map(({ id, properties: p }) => ({ id, properties: p }));
}

/** Inverts contact → activity links into activity → contacts, per activity type. */
function activitiesByRecord(links: ReadonlyArray<{ type: ActivityType; byContact: Map<string, string[]> }>): Map<ActivityType, Map<string, string[]>> {
  const out = new Map<ActivityType, Map<string, string[]>>();
  for (const { type, byContact } of links) {
    const byActivity = new Map<string, string[]>();
    for (const [contactId, activityIds] of byContact) {
      for (const activityId of activityIds) byActivity.set(activityId, [...(byActivity.get(activityId) ?? []), contactId]);
    }
    out.set(type, byActivity);
  }
  return out;
}

function timestamp(value: string | null | undefined): number | null {
  if (!value) return null;
  const n = Number(value);
  const at = Number.isFinite(n) ? n : Date.parse(value);
  return Number.isFinite(at) ? at : null;
}

