import type { Client } from '@hubspot/api-client';
import { associatedIds, type AssociationList } from '../../crm/association-lists.ts';
import { type RecordsRead } from '../../crm/batch.ts';
import { type CrmRecord } from '../../crm/records.ts';
import {
  COMPANY_PROPERTY,
  KEY_ACCOUNT_PLAN,
  OBJECTIVE,
  REVIEW,
  type KeystoneObjectKey,
} from '../../crm/model/index.ts';
import type { ObjectTypeResolver, SchemaSummary } from '../../crm/object-types.ts';
import { propertyNames } from '../../crm/records.ts';
import type { Settings } from '../../kam/settings/index.ts';
import { DEAL_PROPERTIES, FACT_PROPERTIES } from '../readers/company-facts.ts';
import { SERVICE_DEAL_PROPERTY, storedPlanGrid } from './plan-targets.ts';
import { readPlan } from './account-plan.ts';
import { loadSettingsRecord, storedSettingsOf } from '../settings/index.ts';
import { KeystoneError } from '../../errors/keystone-error.ts';
import { parentCompanyIds, WATCHED_HUBSPOT_PROPERTIES } from './reviews-section.ts';
import { STATUS_AUDIT_PROPERTIES } from './status-audit.ts';
import { batchReadWithHistory, toRecordWithHistory, type RecordWithHistory } from '../readers/hubspot-reads.ts';
import { PortalObjectTypes } from '../../crm/portal-object-types.ts';
import type { PortalDetails } from '../../crm/portal-details.ts';
import { readCompanyNames, readOwners, type OwnerRecord } from '../readers/portal-reads.ts';
import { storedPortalPeople, storeLiveOwners } from '../readers/portal-people.ts';
import { requireCompany } from '../readers/company.ts';
import { ACTIVITY_KINDS, type ActivityKind } from '../../kam/coverage/index.ts';
import { DERIVED_SOURCES } from '../../kam/objectives/index.ts';
import { ALL_AT_ONCE, readRelationships, type Relationships } from './relationships.ts';
import type { TabFacts } from './tab-session.ts';

// Everything one company card shows, read from HubSpot in two rounds of parallel calls and no
// per-record calls (three when the portal is not known: the custom object types first). The account's
// relationships come from readRelationships in its own three rounds, side by side with these:
//   1. the company (with the ids of its deals, objectives and reviews), settings (with the portal's
//      currency and time zone, and its people as last stored), the plan;
//   2. deals, objectives, reviews, and the names of the companies that are or were its parent; and the
//      owners, only when the people stored with the settings are too old or do not know the user.
// Status, which has nothing else to read in round 2 but its deals, thus makes 3 calls.
// The Plan section's contacts, read only for stance rows, follow the plan: two rounds after it.
// The card's reads are bounded (9 fixed, 8 with the people stored, 10 without the portal's id, one each
// for objectives, reviews and parent companies' names, one per 50 contacts (read with their history),
// one per 100 activities of each type, at most 4,000 activities, and one more for each kind of record
// of which the company has over 100: well under HubSpot's 190 per 10 s), so each round sends all its
// chunks at once.

/**
 * What one read takes from HubSpot beyond the owners, the company and the settings every section needs:
 * the whole card reads all of it, each tab section only what it shows. What is not read is left empty.
 */
export interface AccountReads {
  deals: boolean;
  /** The plan and its current objectives. */
  plan: boolean;
  /** Logged reviews, the company's history and the names of its parent companies (review triggers). */
  reviews: boolean;
  /**
   * The contacts, and of the meetings, calls and emails with them the kinds listed; null: no contacts;
   * PLAN_STANCES: the contacts alone, and only when the plan's grid counts their stances.
   */
  relationships: readonly ActivityKind[] | typeof PLAN_STANCES | null;
}

/** The plan's stance rows are counted from the contacts' stance history: read them for those rows only. */
export const PLAN_STANCES = 'plan stances';

export const WHOLE_CARD: AccountReads = { deals: true, plan: true, reviews: true, relationships: ACTIVITY_KINDS };

const COMPANY_READ = {
  properties: [
    ...new Set([
      ...FACT_PROPERTIES,
      ...Object.values(COMPANY_PROPERTY),
      'hs_is_target_account',
      'hs_ideal_customer_profile',
      'hubspot_owner_id',
      'hubspot_team_id',
      'hs_parent_company_id',
    ]),
  ],
  /**
   * Review triggers on our side and the client's: owner or team change, a new parent company; and the
   * status's audit trail (every status with who, when and why).
   */
  withHistory: [...WATCHED_HUBSPOT_PROPERTIES.company, ...STATUS_AUDIT_PROPERTIES],
};
const DEAL_READ = [...DEAL_PROPERTIES, 'createdate', SERVICE_DEAL_PROPERTY];

export interface AccountSnapshot extends Relationships {
  company: RecordWithHistory;
  portal: PortalDetails;
  owners: OwnerRecord[];
  settings: Settings;
  deals: CrmRecord[];
  /** Names of the companies that are or were the company's parent, by id. */
  companyNames: ReadonlyMap<string, string>;
  plan: CrmRecord | null;
  /** Objective rows of the plan's current revision only. */
  objectives: CrmRecord[];
  reviews: CrmRecord[];
}

/**
 * Everything the card shows about one company. Given the portal's id (the card knows it), Keystone's
 * types go by their fully qualified names and the schemas read is saved.
 */
export async function readAccount(
  client: Client,
  resolver: ObjectTypeResolver,
  {
    portalId,
    reads = WHOLE_CARD,
    ...request
  }: {
    companyId: string;
    userId: number;
    now: number;
    portalId?: number;
    reads?: AccountReads;
    /** The people and settings the tab already holds for this user: not read again. */
    known?: TabFacts | null;
  },
): Promise<AccountSnapshot> {
  if (portalId === undefined) return readAccountWith(client, { ...request, resolver, reads });
  try {
    return await readAccountWith(client, { ...request, resolver: new PortalObjectTypes(client, portalId), reads });
  } catch (error) {
    // HubSpot does not know a type by that name: setup has not run (the schemas tell), or the card named
    // another portal. Both are answered by reading again the long way.
    if (error instanceof KeystoneError && error.code === 'KAM.SETUP_REQUIRED')
      return readAccountWith(client, { ...request, resolver, reads });
    throw error;
  }
}

interface AccountRead {
  resolver: ObjectTypeResolver;
  companyId: string;
  /** Who is looking: the people stored with the settings stand in for the owners only if they know them. */
  userId: number;
  now: number;
  reads: AccountReads;
  known?: TabFacts | null;
}

const NO_RELATIONSHIPS: Relationships = { contacts: [], activities: [], activitiesLogged: 0 };

async function readAccountWith(client: Client, read: AccountRead): Promise<AccountSnapshot> {
  const { companyId, reads } = read;
  const kinds = reads.relationships;
  // Naming Keystone's types takes no call when the portal is known, so the plan goes out in the first round.
  const types = keystoneTypes(read.resolver);
  const plan =
    reads.plan || reads.reviews ? types.then(([planType]) => readPlan(client, planType.objectTypeId, companyId)) : null;
  const relationshipsOf = (activityKinds: readonly ActivityKind[]) =>
    readRelationships(client, [companyId], { activityKinds }).then((r) => r.get(companyId)!);
  const [account, relationships] = await Promise.all([
    readAccountRecords(client, read, { types, plan }),
    kinds === null
      ? null
      : kinds === PLAN_STANCES
        ? plan?.then((p) => (countsStances(p) ? relationshipsOf([]) : null))
        : relationshipsOf(kinds),
  ]);
  return { ...account, ...(relationships ?? NO_RELATIONSHIPS) };
}

/** Keystone's plan, objective and review types; no call when the portal is known. */
function keystoneTypes(resolver: ObjectTypeResolver): Promise<[SchemaSummary, SchemaSummary, SchemaSummary]> {
  return Promise.all((['plan', 'objective', 'review'] as const).map((key) => keystoneType(resolver, key))) as Promise<
    [SchemaSummary, SchemaSummary, SchemaSummary]
  >;
}

/** Whether the plan's grid has a row counted from the contacts' stances. */
function countsStances(plan: CrmRecord | null): boolean {
  const grid = storedPlanGrid(plan?.properties[KEY_ACCOUNT_PLAN.property.quarterlyTargets] ?? null);
  return grid.targets.some(
    (t) => t.unit !== 'text' && t.source !== 'typed' && DERIVED_SOURCES[t.source].from === 'stances',
  );
}

async function readAccountRecords(
  client: Client,
  { companyId, reads, resolver, userId, now, known }: AccountRead,
  { types, plan: planRead }: { types: ReturnType<typeof keystoneTypes>; plan: Promise<CrmRecord | null> | null },
): Promise<Omit<AccountSnapshot, keyof Relationships>> {
  // Round 1: the company (with the ids of its deals, objectives and reviews), the settings, the plan;
  // all wait for the types, which take a round of their own only when the portal is not known. The
  // people and settings the tab already holds are not read.
  const company = types.then(([, objectiveType, reviewType]) =>
    readCompany(client, companyId, {
      associationTypes: [
        ...(reads.deals ? [{ name: 'deals', objectTypeId: '0-3' }] : []),
        ...(reads.plan ? [typeOf(objectiveType)] : []),
        ...(reads.reviews ? [typeOf(reviewType)] : []),
      ],
      withHistory: reads.reviews,
    }),
  );
  const settingsRecord = known ? Promise.resolve(null) : loadSettingsRecord(client, resolver);
  // The owners come with the settings while the people stored there are fresh and know the user;
  // otherwise HubSpot's owners are read beside round 2, so the card waits no longer for them.
  const ownersRead = known
    ? Promise.resolve(known.owners)
    : settingsRecord.then(async (r) => {
        const stored = storedPortalPeople(r?.portalPeople, { now, userId });
        if (stored) return stored;
        const owners = await readOwners(client);
        // Stored for the next card, where setup has made the property to store them in.
        const settingsType = r && storedSettingsOf(r).setup.upToDate ? await resolver.find('settings') : null;
        if (settingsType) await storeLiveOwners(client, settingsType.objectTypeId, { owners, now, userId });
        return owners;
      });
  // Awaited after round 2: a failure of round 1 must not leave it unhandled.
  ownersRead.catch(() => undefined);
  const [[, objectiveType, reviewType], settings, plan, { record, associated }] = await Promise.all([
    types,
    settingsRecord,
    planRead,
    company,
  ]);
  const stored = known ?? storedSettingsOf(settings);

  // Round 2.
  const [owners, deals, objectives, reviews, companyNames] = await Promise.all([
    ownersRead,
    readRecords(client, { objectType: 'deals', ids: associated.get('deals') ?? [], properties: DEAL_READ }),
    readRecords(client, {
      objectType: objectiveType.objectTypeId,
      ids: associated.get(objectiveType.fullyQualifiedName) ?? [],
      properties: propertyNames(OBJECTIVE.property),
    }),
    readRecords(client, {
      objectType: reviewType.objectTypeId,
      ids: associated.get(reviewType.fullyQualifiedName) ?? [],
      properties: propertyNames(REVIEW.property),
    }),
    reads.reviews ? readCompanyNames(client, parentCompanyIds(record)) : new Map<string, string>(),
  ]);

  const currentRevision = plan?.properties[KEY_ACCOUNT_PLAN.property.revision] ?? null;
  return {
    company: record,
    portal: stored.portal,
    owners,
    settings: stored.settings,
    deals,
    companyNames,
    plan,
    objectives: objectives.filter(
      (o) =>
        plan !== null &&
        o.properties[OBJECTIVE.property.planId] === plan.id &&
        o.properties[OBJECTIVE.property.planRevision] === currentRevision,
    ),
    reviews,
  };
}

interface CompanyAnswer {
  id: string;
  properties: Record<string, string | null>;
  propertiesWithHistory?: Record<string, Array<{ value: string; timestamp: Date | string }>>;
  associations?: Record<string, AssociationList>;
}

/**
 * The company with the ids of its associated records. HubSpot lists at most 100 associations per type
 * in this answer; when it says there are more, that type is read again through the v4 batch read.
 */
async function readCompany(
  client: Client,
  companyId: string,
  { associationTypes, withHistory }: { associationTypes: AssociatedType[]; withHistory: boolean },
): Promise<{ record: RecordWithHistory; associated: Map<string, string[]> }> {
  const read = {
    properties: COMPANY_READ.properties,
    // The status's audit trail comes with every read: the Status section shows it, at no extra call.
    withHistory: withHistory ? COMPANY_READ.withHistory : STATUS_AUDIT_PROPERTIES,
    associations: associationTypes.map((t) => t.name),
  };
  const answer = (await requireCompany(client, companyId, read)) as unknown as CompanyAnswer;
  const associated = new Map(
    await Promise.all(
      associationTypes.map(async (type) => {
        const ids = await associatedIds(client, {
          fromType: 'companies',
          toType: type.objectTypeId,
          records: [{ id: companyId, list: associationsOf(answer, type) }],
        });
        return [type.name, ids.get(companyId) ?? []] as const;
      }),
    ),
  );
  return { record: toRecordWithHistory(answer), associated };
}

interface AssociatedType {
  name: string;
  objectTypeId: string;
}
const typeOf = (schema: SchemaSummary): AssociatedType => ({
  name: schema.fullyQualifiedName,
  objectTypeId: schema.objectTypeId,
});

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

async function readRecords(client: Client, read: Omit<RecordsRead, 'concurrency'>): Promise<CrmRecord[]> {
  if (read.ids.length === 0) return [];
  const records = await batchReadWithHistory(client, { ...read, withHistory: [], concurrency: ALL_AT_ONCE });
  return records.map(({ id, properties }) => ({ id, properties }));
}
