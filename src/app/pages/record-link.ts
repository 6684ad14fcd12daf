// Where a manager acts on a company: its record in HubSpot, where the Keystone card tags or untags it.
export function companyRecordUrl(portalId: number, companyId: string): string {
  return `https://app.hubspot.com/contacts/${portalId}/record/0-2/${encodeURIComponent(companyId)}`;
}
