import type { UiExtension } from '../build/project.ts';
import type { CompanyRow, PortalInfo, PreviewUser } from '../server/portal.ts';

// The shell's calls to the preview server (preview/server/server.ts).

export type ExtensionInfo = Omit<UiExtension, 'file'>;
export type Session = { portal: PortalInfo; users: PreviewUser[]; extensions: ExtensionInfo[] };
export type { CompanyRow, PreviewUser };

async function get<T>(path: string): Promise<T> {
  const response = await fetch(path);
  const body = (await response.json()) as ({ ok: true } & T) | { ok: false; message: string };
  if (!body.ok) throw new Error(body.message);
  return body;
}

export const loadSession = () => get<Session>('/api/session');
export const searchCompanies = async (query: string) =>
  (await get<{ companies: CompanyRow[] }>(`/api/companies?q=${encodeURIComponent(query)}`)).companies;
/** A company's properties as HubSpot's record page reads them: in the signed-in user's own session. */
export const readCompany = async (id: string, properties: string[], userId: number) =>
  (
    await get<{ properties: Record<string, string | null> }>(
      `/api/records/companies/${id}?properties=${encodeURIComponent(properties.join(','))}&userId=${userId}`,
    )
  ).properties;
