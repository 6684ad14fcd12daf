import type { Client } from '@hubspot/api-client';
import {
  COMPANY_PROPERTY,
  CONTACT_PROPERTY,
  KEY_ACCOUNT_PLAN,
  KEYSTONE_OBJECTS,
  OBJECTIVE,
  PLAN_REVISION,
  PORTAL_SETTINGS,
  REVIEW,
  type KeystoneObjectKey,
} from '../../src/crm/model/index.ts';

// What the fault benchmark reads back from HubSpot after a round, through the real client, to judge
// what the round's users were told against what HubSpot holds: for each company in play, the
// properties Keystone writes with their history, the notes, tasks and reviews on its timeline, and its
// plan with the objective rows and every revision claim (withdrawn ones too); the contacts' stance and
// departure history; the settings with their history and claims. Histories are newest first.

/** A property's value and every value it was written with, newest first. */
export interface Tracked {
  value: string | null;
  history: string[];
}

export interface TaskState {
  id: string;
  subject: string;
  status: string;
  statusHistory: string[];
}
export interface NoteState {
  id: string;
  body: string;
}
export interface ReviewState {
  id: string;
  summary: string;
}
export interface ObjectiveRow {
  id: string;
  objectiveKey: string;
  planRevision: number;
  title: string;
  measure: string;
  ownerId: string | null;
  dueAt: number | null;
  status: string;
  displayOrder: number;
}
/** A record claiming a revision of the plan or the settings (withdrawn claims are archived). */
export interface Claim {
  id: string;
  revision: number;
  savedBy: string;
  archived: boolean;
  settingsJson: string | null;
}

export interface PlanState {
  id: string;
  revision: number;
  businessObjective: Tracked;
  objectives: ObjectiveRow[];
  claims: Claim[];
}

const TRACKED_COMPANY = {
  status: COMPANY_PROPERTY.status,
  statusReason: COMPANY_PROPERTY.statusReason,
  targetAccount: 'hs_is_target_account',
  nextReviewDue: COMPANY_PROPERTY.nextReviewDue,
} as const;
type TrackedCompanyProperty = keyof typeof TRACKED_COMPANY;

export interface CompanyState {
  id: string;
  name: string;
  properties: Record<TrackedCompanyProperty, Tracked>;
  notes: NoteState[];
  tasks: TaskState[];
  reviews: ReviewState[];
  plan: PlanState | null;
}

export interface ContactState {
  id: string;
  topics: Tracked;
  leftAt: Tracked;
}
export interface SettingsState {
  revision: number;
  json: Tracked;
  claims: Claim[];
}

export interface PortalState {
  companies: Record<string, CompanyState>;
  contacts: Record<string, ContactState>;
  settings: SettingsState;
}

export type ObjectTypes = Record<KeystoneObjectKey, string>;

/** Keystone's custom object type ids in this portal (setup has run). */
export async function keystoneObjectTypes(client: Client): Promise<ObjectTypes> {
  const schemas = (await client.crm.schemas.coreApi.getAll()).results;
  const idOf = (key: KeystoneObjectKey) => {
    const schema = schemas.find((s) =>
      new RegExp(`^p\\d+_${KEYSTONE_OBJECTS[key].name}$`).test(String(s.fullyQualifiedName)),
    );
    if (!schema) throw new Error(`Keystone's ${KEYSTONE_OBJECTS[key].name} object is missing: has setup run?`);
    return String(schema.objectTypeId);
  };
  return {
    settings: idOf('settings'),
    plan: idOf('plan'),
    planRevision: idOf('planRevision'),
    objective: idOf('objective'),
    review: idOf('review'),
  };
}

export async function readPortalState(
  client: Client,
  types: ObjectTypes,
  scope: { companyIds: readonly string[]; contactIds: readonly string[] },
): Promise<PortalState> {
  const planClaims = await listAll(client, types.planRevision, Object.values(PLAN_REVISION.property));
  const companies = await Promise.all(scope.companyIds.map((id) => readCompany(client, types, id, planClaims)));
  const contacts = await Promise.all(scope.contactIds.map((id) => readContact(client, id)));
  return {
    companies: Object.fromEntries(companies.map((c) => [c.id, c])),
    contacts: Object.fromEntries(contacts.map((c) => [c.id, c])),
    settings: await readSettings(client, types),
  };
}

interface RecordAnswer {
  id: string;
  properties: Record<string, string | null>;
  propertiesWithHistory?: Record<string, Array<{ value: string }>>;
  archived?: boolean;
}

const tracked = (record: RecordAnswer, name: string): Tracked => ({
  value: record.properties[name] ?? null,
  history: (record.propertiesWithHistory?.[name] ?? []).map((entry) => entry.value),
});

async function readCompany(
  client: Client,
  types: ObjectTypes,
  companyId: string,
  planClaims: RecordAnswer[],
): Promise<CompanyState> {
  const names = Object.values(TRACKED_COMPANY);
  const company = (await client.crm.companies.basicApi.getById(
    companyId,
    ['name', ...names],
    names,
  )) as unknown as RecordAnswer;
  const [notes, tasks, reviews, plan] = await Promise.all([
    readAssociated(client, companyId, 'notes', ['hs_note_body']),
    readAssociated(client, companyId, 'tasks', ['hs_task_subject', 'hs_task_status'], ['hs_task_status']),
    readAssociated(client, companyId, types.review, [REVIEW.property.summary]),
    readPlan(client, types, companyId, planClaims),
  ]);
  return {
    id: companyId,
    name: company.properties.name ?? '',
    properties: Object.fromEntries(
      Object.entries(TRACKED_COMPANY).map(([key, name]) => [key, tracked(company, name)]),
    ) as Record<TrackedCompanyProperty, Tracked>,
    notes: notes.map((n) => ({ id: n.id, body: n.properties.hs_note_body ?? '' })),
    tasks: tasks.map((t) => ({
      id: t.id,
      subject: t.properties.hs_task_subject ?? '',
      status: t.properties.hs_task_status ?? '',
      statusHistory: tracked(t, 'hs_task_status').history,
    })),
    reviews: reviews.map((r) => ({ id: r.id, summary: r.properties[REVIEW.property.summary] ?? '' })),
    plan,
  };
}

async function readPlan(
  client: Client,
  types: ObjectTypes,
  companyId: string,
  planClaims: RecordAnswer[],
): Promise<PlanState | null> {
  const p = KEY_ACCOUNT_PLAN.property;
  let plan: RecordAnswer;
  try {
    plan = (await client.crm.objects.basicApi.getById(
      types.plan,
      companyId,
      [p.revision, p.businessObjective],
      [p.businessObjective],
      undefined,
      false,
      p.companyId,
    )) as unknown as RecordAnswer;
  } catch (error) {
    if ((error as { code?: unknown }).code === 404) return null;
    throw error;
  }
  const o = OBJECTIVE.property;
  const rows = await readAssociated(client, companyId, types.objective, [
    o.objectiveKey,
    o.planRevision,
    o.title,
    o.measure,
    o.ownerId,
    o.dueDate,
    o.status,
    o.displayOrder,
  ]);
  const r = PLAN_REVISION.property;
  return {
    id: plan.id,
    revision: Number(plan.properties[p.revision] ?? 0),
    businessObjective: tracked(plan, p.businessObjective),
    objectives: rows.map(({ id, properties: row }) => ({
      id,
      objectiveKey: row[o.objectiveKey] ?? '',
      planRevision: Number(row[o.planRevision]),
      title: row[o.title] ?? '',
      measure: row[o.measure] ?? '',
      ownerId: row[o.ownerId] || null,
      dueAt: row[o.dueDate] ? Date.parse(row[o.dueDate]!) : null,
      status: row[o.status] ?? '',
      displayOrder: Number(row[o.displayOrder]),
    })),
    claims: planClaims
      .filter((c) => c.properties[r.planId] === plan.id)
      .map((c) => claimOf(c, r.revision, r.savedBy, null)),
  };
}

async function readContact(client: Client, contactId: string): Promise<ContactState> {
  const names = [CONTACT_PROPERTY.decisionTopics, CONTACT_PROPERTY.leftAt];
  const contact = (await client.crm.contacts.basicApi.getById(contactId, names, names)) as unknown as RecordAnswer;
  return {
    id: contactId,
    topics: tracked(contact, CONTACT_PROPERTY.decisionTopics),
    leftAt: tracked(contact, CONTACT_PROPERTY.leftAt),
  };
}

async function readSettings(client: Client, types: ObjectTypes): Promise<SettingsState> {
  const s = PORTAL_SETTINGS.property;
  const records = await listAll(client, types.settings, [s.settingsKey, s.settings, s.revision, s.savedBy]);
  const current = records.find((r) => r.properties[s.settingsKey] === 'portal' && !r.archived);
  const withHistory =
    current === undefined
      ? undefined
      : ((await client.crm.objects.basicApi.getById(
          types.settings,
          current.id,
          [s.settings, s.revision],
          [s.settings],
        )) as unknown as RecordAnswer);
  return {
    revision: Number(current?.properties[s.revision] ?? 0),
    json: withHistory ? tracked(withHistory, s.settings) : { value: null, history: [] },
    claims: records
      .filter((r) => r.properties[s.settingsKey]?.startsWith('revision:'))
      .map((c) => claimOf(c, s.revision, s.savedBy, s.settings)),
  };
}

const claimOf = (record: RecordAnswer, revision: string, savedBy: string, settings: string | null): Claim => ({
  id: record.id,
  revision: Number(record.properties[revision]),
  savedBy: record.properties[savedBy] ?? '',
  archived: record.archived === true,
  settingsJson: settings === null ? null : (record.properties[settings] ?? null),
});

// Enough for every claim a benchmark run makes (a few per save), in pages of 100.
const MAX_PAGES = 50;

/** Every record of a type, archived ones included. */
async function listAll(client: Client, objectType: string, properties: string[]): Promise<RecordAnswer[]> {
  const records: RecordAnswer[] = [];
  for (const archived of [false, true]) {
    let after: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await client.crm.objects.basicApi.getPage(
        objectType,
        100,
        after,
        properties,
        undefined,
        undefined,
        archived,
      );
      records.push(...(answer.results as unknown as RecordAnswer[]).map((r) => ({ ...r, archived })));
      after = answer.paging?.next?.after;
      if (after === undefined) break;
    }
  }
  return records;
}

// HubSpot refuses property history for more than 50 records a batch read.
const HISTORY_BATCH = 50;

/** The live records of a type associated with the company (archived ones lose their associations). */
async function readAssociated(
  client: Client,
  companyId: string,
  toType: string,
  properties: string[],
  withHistory: string[] = [],
): Promise<RecordAnswer[]> {
  const answer = await client.crm.associations.v4.batchApi.getPage('companies', toType, {
    inputs: [{ id: companyId }],
  });
  const ids = [...new Set(answer.results.flatMap((r) => r.to.map((t) => String(t.toObjectId))))];
  const records: RecordAnswer[] = [];
  for (let i = 0; i < ids.length; i += HISTORY_BATCH) {
    const batch = await client.crm.objects.batchApi.read(toType, {
      inputs: ids.slice(i, i + HISTORY_BATCH).map((id) => ({ id })),
      properties,
      propertiesWithHistory: withHistory,
    });
    records.push(...(batch.results as unknown as RecordAnswer[]));
  }
  return records.sort((a, b) => Number(a.id) - Number(b.id));
}
