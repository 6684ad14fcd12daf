// Where a manager acts on a company: its record in HubSpot, whose Keystone tab shows and changes its
// status. The portfolio pages link there, and so does the timeline note of every status change.
export function companyRecordUrl(portalId: number, companyId: string): string {
  return `https://app.hubspot.com/contacts/${portalId}/record/0-2/${encodeURIComponent(companyId)}`;
}
