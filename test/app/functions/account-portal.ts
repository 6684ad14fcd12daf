import type { SandboxSeedInput } from '../../../sandbox/seed.ts';
import { main as saveSettingsMain } from '../../../src/app/functions/save_settings.ts';
import { runSetup } from '../../../src/crm/setup/index.ts';
import { defaultSettings } from '../../../src/kam/settings/index.ts';
import { CONTACT_PROPERTY } from '../../../src/crm/model/index.ts';
import {
  PORTAL_ID,
  anOwner,
  startSandboxPortal,
  withSuperAdmin,
  type SandboxPortal,
} from '../../crm/sandbox-portal.ts';
import { TEST_NOW, onTestClock } from '../../clock.ts';

const saveSettings = onTestClock(saveSettingsMain);

// A sandbox portal with one client account: the company, its contacts (with stance and title
// history), our people's meetings, calls and emails with them, and its deals. Factories take overrides.

type SeedOwner = SandboxSeedInput['owners'][number];
type SeedRecord = NonNullable<SandboxSeedInput['objects']['companies']>[number];
type SeedAssociation = SandboxSeedInput['associations'][number];

export const DAY = 86_400_000;
/** The test clock's instant: fixtures are dated from it. */
export const NOW = TEST_NOW;
const iso = (at: number) => new Date(at).toISOString();

let nextId = 5_000;
const id = () => String(nextId++);

export interface ContactSpec {
  id?: string;
  firstname?: string;
  properties?: Record<string, string>;
  /** Older stances, newest first, each with how many days ago it was set. */
  stanceHistory?: Array<[string, number]>;
  titleHistory?: Array<[string, number]>;
  keyContact?: boolean;
}

export interface ActivitySpec {
  /** HubSpot's record id; the next free one when left out. */
  id?: string;
  type: 'meetings' | 'calls' | 'emails';
  ownerId: string;
  contactIds: string[];
  daysAgo: number;
}

export interface AccountSpec {
  owners: SeedOwner[];
  company?: Record<string, string>;
  contacts?: ContactSpec[];
  activities?: ActivitySpec[];
  deals?: Array<Record<string, string>>;
  /** Other companies (for contacts elsewhere). */
  otherCompanies?: Array<{ id: string; contactIds: string[] }>;
  /** Answers to HubSpot surveys (its read-only survey responses), each by a contact. */
  surveyResponses?: Array<{ contactId: string; surveyType: string; value: string; daysAgo: number }>;
}

export interface AccountIds {
  companyId: string;
  contactIds: string[];
}

export function accountSeed(spec: AccountSpec): { seed: SandboxSeedInput; ids: AccountIds } {
  const companyId = id();
  const associations: SeedAssociation[] = [];
  const contacts: SeedRecord[] = (spec.contacts ?? []).map((c) => {
    const contactId = c.id ?? id();
    const history: Record<string, Array<{ value: string; timestamp: string }>> = {};
    const current = c.properties ?? {};
    if (c.stanceHistory)
      history[CONTACT_PROPERTY.stance] = withCurrent(current[CONTACT_PROPERTY.stance], c.stanceHistory);
    if (c.titleHistory) history.jobtitle = withCurrent(current.jobtitle, c.titleHistory);
    associations.push({
      fromType: 'contacts',
      fromId: contactId,
      toType: 'companies',
      toId: companyId,
      associationTypeId: 279,
    });
    return {
      id: contactId,
      properties: {
        firstname: c.firstname ?? `Person${contactId}`,
        lastname: 'Client',
        email: `c${contactId}@client.example`,
        ...current,
      },
      createdAt: iso(NOW - 400 * DAY),
      ...(Object.keys(history).length ? { propertyHistory: history } : {}),
    };
  });
  const activities: Record<ActivitySpec['type'], SeedRecord[]> = { meetings: [], calls: [], emails: [] };
  const typeIds = { meetings: 200, calls: 194, emails: 198 };
  for (const a of spec.activities ?? []) {
    const activityId = a.id ?? id();
    activities[a.type].push({
      id: activityId,
      properties: { hs_timestamp: iso(NOW - a.daysAgo * DAY), hubspot_owner_id: a.ownerId },
      createdAt: iso(NOW - a.daysAgo * DAY),
    });
    for (const contactId of a.contactIds)
      associations.push({
        fromType: a.type,
        fromId: activityId,
        toType: 'contacts',
        toId: contactId,
        associationTypeId: typeIds[a.type],
      });
  }
  const deals = (spec.deals ?? []).map((properties) => {
    const dealId = id();
    associations.push({
      fromType: 'deals',
      fromId: dealId,
      toType: 'companies',
      toId: companyId,
      associationTypeId: 341,
    });
    return { id: dealId, properties: { dealname: `Deal ${dealId}`, ...properties }, createdAt: iso(NOW - 200 * DAY) };
  });
  const others = (spec.otherCompanies ?? []).map((o) => {
    for (const contactId of o.contactIds) {
      contacts.push({
        id: contactId,
        properties: { firstname: `Person${contactId}`, lastname: 'Client' },
        createdAt: iso(NOW - 400 * DAY),
      });
      associations.push({
        fromType: 'contacts',
        fromId: contactId,
        toType: 'companies',
        toId: o.id,
        associationTypeId: 279,
      });
    }
    return { id: o.id, properties: { name: `Other ${o.id}` }, createdAt: iso(NOW - 400 * DAY) };
  });
  const feedbackSubmissions = (spec.surveyResponses ?? []).map((r) => {
    const responseId = id();
    associations.push({ fromType: 'feedback_submissions', fromId: responseId, toType: 'contacts', toId: r.contactId });
    return {
      id: responseId,
      properties: {
        hs_survey_type: r.surveyType,
        hs_value: r.value,
        hs_submission_timestamp: iso(NOW - r.daysAgo * DAY),
      },
      createdAt: iso(NOW - r.daysAgo * DAY),
    };
  });
  return {
    ids: { companyId, contactIds: (spec.contacts ?? []).map((_, i) => contacts[i]!.id) },
    seed: {
      portalId: PORTAL_ID,
      owners: withSuperAdmin(spec.owners),
      objects: {
        companies: [
          { id: companyId, properties: { name: 'Acme Ltd', ...spec.company }, createdAt: iso(NOW - 400 * DAY) },
          ...others,
        ],
        contacts,
        deals,
        ...activities,
        feedback_submissions: feedbackSubmissions,
      },
      associations,
    },
  };

  function withCurrent(currentValue: string | undefined, older: Array<[string, number]>) {
    const entries = older.map(([value, daysAgo]) => ({ value, timestamp: iso(NOW - daysAgo * DAY) }));
    return currentValue === undefined ? entries : [{ value: currentValue, timestamp: iso(NOW - 1 * DAY) }, ...entries];
  }
}

/** Key contact labels exist only after setup, so they are applied through the API once it has run. */
export async function tagKeyContacts(
  portal: Pick<SandboxPortal, 'client'>,
  companyId: string,
  contactIds: readonly string[],
): Promise<void> {
  if (contactIds.length === 0) return;
  const labels = await portal.client.crm.associations.v4.schema.definitionsApi.getAll('companies', 'contacts');
  const label = labels.results.find((l) => l.label === 'Key contact');
  if (!label) throw new Error('setup did not create the Key contact label');
  await portal.client.crm.associations.v4.batchApi.create('companies', 'contacts', {
    inputs: contactIds.map((contactId) => ({
      _from: { id: companyId },
      to: { id: contactId },
      types: [{ associationCategory: label.category as never, associationTypeId: label.typeId }],
    })),
  });
}

export type LoadableAccount = AccountSpec & { keyContactIds?: (ids: AccountIds) => string[] };

/** Loads the account into the portal and runs Keystone's setup, as an admin would. */
export async function loadAccount(
  portal: SandboxPortal,
  spec: LoadableAccount & { skipSetup?: boolean },
): Promise<AccountIds> {
  const { seed, ids } = accountSeed(spec);
  await portal.control.loadSeed(seed);
  if (spec.skipSetup) return ids;
  await runSetup(portal.client, { now: NOW });
  await tagKeyContacts(portal, ids.companyId, spec.keyContactIds?.(ids) ?? []);
  return ids;
}

/** Several accounts in one portal (each owner listed once), set up as loadAccount does; their ids in the order given. */
export async function loadAccounts(portal: SandboxPortal, specs: readonly LoadableAccount[]): Promise<AccountIds[]> {
  const seeds = specs.map(accountSeed);
  const owners = new Map(specs.flatMap((s) => s.owners).map((o) => [o.id, o]));
  const objects: SandboxSeedInput['objects'] = {};
  for (const { seed } of seeds) {
    for (const [type, records] of Object.entries(seed.objects))
      objects[type] = [...(objects[type] ?? []), ...(records ?? [])];
  }
  await portal.control.loadSeed({
    portalId: PORTAL_ID,
    owners: withSuperAdmin([...owners.values()]),
    objects,
    associations: seeds.flatMap(({ seed }) => seed.associations),
  });
  await runSetup(portal.client, { now: NOW });
  for (const [i, { ids }] of seeds.entries())
    await tagKeyContacts(portal, ids.companyId, specs[i]!.keyContactIds?.(ids) ?? []);
  return seeds.map(({ ids }) => ids);
}

/** Names the portal's admins and managers, as an admin would in Keystone settings. */
export async function configureAccess(
  admin: { userId: number },
  access: { managerUserIds?: string[]; managerTeamIds?: string[] },
): Promise<void> {
  const settings = {
    ...defaultSettings(),
    access: {
      adminUserIds: [String(admin.userId)],
      managerUserIds: access.managerUserIds ?? [],
      managerTeamIds: access.managerTeamIds ?? [],
    },
  };
  const answer = await saveSettings({ parameters: { userId: admin.userId, settings, expectedRevision: 0 } });
  if (answer.status !== 'ok') throw new Error(`could not configure access: ${answer.message}`);
}

/** The notes on a company's timeline, newest last. */
export async function timelineNotes(
  portal: SandboxPortal,
  companyId: string,
): Promise<Array<{ body: string; ownerId: string | null }>> {
  const ids = (
    await portal.client.crm.associations.v4.batchApi.getPage('companies', 'notes', { inputs: [{ id: companyId }] })
  ).results.flatMap((r) => r.to.map((t) => String(t.toObjectId)));
  if (ids.length === 0) return [];
  const notes = await portal.client.crm.objects.notes.batchApi.read({
    inputs: ids.map((id) => ({ id })),
    properties: ['hs_note_body', 'hubspot_owner_id'],
    propertiesWithHistory: [],
  });
  return notes.results
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((n) => ({ body: n.properties.hs_note_body ?? '', ownerId: n.properties.hubspot_owner_id || null }));
}

export interface CompanyTask {
  id: string;
  subject: string;
  body: string;
  status: string;
  type: string;
  ownerId: string | null;
  dueAt: number;
}

/** The tasks associated with a company (what its owners see in their HubSpot task queues), oldest first. */
export async function companyTasks(portal: SandboxPortal, companyId: string): Promise<CompanyTask[]> {
  const ids = (
    await portal.client.crm.associations.v4.batchApi.getPage('companies', 'tasks', { inputs: [{ id: companyId }] })
  ).results.flatMap((r) => r.to.map((t) => String(t.toObjectId)));
  if (ids.length === 0) return [];
  const tasks = await portal.client.crm.objects.tasks.batchApi.read({
    inputs: ids.map((id) => ({ id })),
    properties: [
      'hs_task_subject',
      'hs_task_body',
      'hs_task_status',
      'hs_task_type',
      'hubspot_owner_id',
      'hs_timestamp',
    ],
    propertiesWithHistory: [],
  });
  return tasks.results
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((t) => ({
      id: String(t.id),
      subject: t.properties.hs_task_subject ?? '',
      body: t.properties.hs_task_body ?? '',
      status: t.properties.hs_task_status ?? '',
      type: t.properties.hs_task_type ?? '',
      ownerId: t.properties.hubspot_owner_id || null,
      dueAt: Date.parse(t.properties.hs_timestamp ?? ''),
    }));
}

export { anOwner, startSandboxPortal, type SandboxPortal };
