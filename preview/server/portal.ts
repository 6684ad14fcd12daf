import type { Client } from '@hubspot/api-client';
import { COMPANY_PROPERTY } from '../../src/crm/model/index.ts';
import { presentProperties } from '../../src/crm/records.ts';
import { USER_SESSION_HEADER } from '../../sandbox/http/auth.ts';
import type { Settings } from '../../src/kam/settings/index.ts';
import { withRoles } from '../../src/keystone/access/index.ts';

// What the preview shell reads from the portal itself (not through the app's functions): the company
// list, one record's properties, who can be "viewed as", and the portal's locale.

export type CompanyRow = {
  id: string;
  name: string;
  domain: string | null;
  status: string | null;
  score: number | null;
  suggestedStatus: string | null;
};
export type PreviewRole = 'admin' | 'manager' | 'sales rep';
export type PreviewUser = {
  userId: number;
  ownerId: string;
  firstName: string;
  lastName: string;
  name: string;
  email: string;
  teams: Array<{ id: number; name: string }>;
  role: PreviewRole;
};
export type PortalInfo = { portalId: number; timeZone: string; currency: string | null };

const LIST_PROPERTIES = [
  'name',
  'domain',
  COMPANY_PROPERTY.status,
  COMPANY_PROPERTY.score,
  COMPANY_PROPERTY.suggestedStatus,
];
// Key accounts first, then candidates (tagged or suggested), then the rest by score.
const STATUS_RANK: Record<string, number> = { key: 0, candidate: 1 };
const PAGE = 100;

const number = (value: string | null | undefined) => (value === null || value === undefined ? null : Number(value));

const toRow = (record: { id: string; properties: Record<string, string | null> }): CompanyRow => {
  const p = presentProperties(record.properties);
  return {
    id: record.id,
    name: p.name ?? `Company ${record.id}`,
    domain: p.domain ?? null,
    status: p[COMPANY_PROPERTY.status] ?? null,
    score: number(p[COMPANY_PROPERTY.score]),
    suggestedStatus: p[COMPANY_PROPERTY.suggestedStatus] ?? null,
  };
};

const rank = (row: CompanyRow) =>
  STATUS_RANK[row.status ?? ''] ?? (row.suggestedStatus === 'candidate' || row.suggestedStatus === 'key' ? 1.5 : 2);

export function orderCompanies(rows: CompanyRow[]): CompanyRow[] {
  return [...rows].sort(
    (a, b) => rank(a) - rank(b) || (b.score ?? -1) - (a.score ?? -1) || a.name.localeCompare(b.name),
  );
}

// The same rule the functions enforce (src/keystone/access), so the switch shows what each person may do.
export function roleOf(
  user: { userId: number; teams: Array<{ id: number }>; superAdmin?: boolean },
  access: Settings['access'],
): PreviewRole {
  const caller = withRoles(
    {
      userId: String(user.userId),
      ownerId: null,
      name: '',
      teamIds: user.teams.map((team) => String(team.id)),
      superAdmin: user.superAdmin,
    },
    access,
  );
  return caller.isAdmin ? 'admin' : caller.isManager ? 'manager' : 'sales rep';
}

export function createPortalReader(client: Client, portalId: number) {
  const searchCompanies = async (query: string, filterGroups: object[]) => {
    const response = await client.crm.companies.searchApi.doSearch({
      query: query || undefined,
      filterGroups,
      sorts: [{ propertyName: COMPANY_PROPERTY.score, direction: 'DESCENDING' }],
      properties: LIST_PROPERTIES,
      limit: PAGE,
      after: undefined,
    } as never);
    return response.results.map((record) => toRow(record as never));
  };

  return {
    /** Up to 100 tagged key accounts and candidates, then the best-scoring others, matching `query`. */
    async companies(query: string): Promise<CompanyRow[]> {
      const [tagged, others] = await Promise.all([
        searchCompanies(query, [
          { filters: [{ propertyName: COMPANY_PROPERTY.status, operator: 'IN', values: ['key', 'candidate'] }] },
        ]),
        searchCompanies(query, []),
      ]);
      const seen = new Set(tagged.map((row) => row.id));
      return orderCompanies([...tagged, ...others.filter((row) => !seen.has(row.id))]);
    },

    async record(objectType: string, id: string, properties: string[]): Promise<Record<string, string | null>> {
      const record = await client.crm.objects.basicApi.getById(objectType, id, properties);
      return Object.fromEntries(properties.map((name) => [name, record.properties[name] ?? null]));
    },

    /** The portal's users, each with the role the access settings give them. */
    async users(access: Settings['access']): Promise<PreviewUser[]> {
      const owners = await client.crm.owners.ownersApi.getPage(undefined, undefined, 500, false);
      return owners.results
        .filter((owner) => owner.userId !== undefined)
        .map((owner) => {
          const teams = (owner.teams ?? []).map((team) => ({ id: Number(team.id), name: team.name }));
          const user = {
            userId: Number(owner.userId),
            ownerId: owner.id,
            firstName: owner.firstName ?? '',
            lastName: owner.lastName ?? '',
            name: [owner.firstName, owner.lastName].filter(Boolean).join(' ') || owner.email || `User ${owner.userId}`,
            email: owner.email ?? '',
            teams,
          };
          return { ...user, role: roleOf(user, access) };
        });
    },

    async portal(): Promise<PortalInfo> {
      const response = await client.apiRequest({ method: 'GET', path: '/account-info/v3/details' }).catch(() => null);
      const details = response?.ok ? ((await response.json()) as { timeZone?: string; companyCurrency?: string }) : {};
      // HubSpot always tells a card its portal's time zone; UTC stands in when the sandbox does not say.
      return { portalId, timeZone: details.timeZone || 'UTC', currency: details.companyCurrency ?? null };
    },
  };
}

/**
 * One record's properties as a card's CRM data hook reads them: in the signed-in user's own HubSpot
 * session, not with the app's token, so the sandbox counts the read apart and charges none of the app's
 * rate limit (sandbox/http/auth.ts).
 */
export async function readInUserSession(
  baseUrl: string,
  read: { objectType: string; id: string; properties: string[]; userId: number },
): Promise<Record<string, string | null>> {
  const query = new URLSearchParams({ properties: read.properties.join(',') });
  const response = await fetch(
    `${baseUrl}/crm/v3/objects/${encodeURIComponent(read.objectType)}/${encodeURIComponent(read.id)}?${query}`,
    { headers: { [USER_SESSION_HEADER]: String(read.userId) } },
  );
  const body = (await response.json()) as { properties?: Record<string, string | null>; message?: string };
  if (!response.ok) throw new Error(body.message ?? `HubSpot answered ${response.status}`);
  return Object.fromEntries(read.properties.map((name) => [name, body.properties?.[name] ?? null]));
}
