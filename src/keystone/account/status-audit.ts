import { COMPANY_PROPERTY } from '../../crm/model/index.ts';
import type { StatusHistoryInput } from '../../kam/selection/index.ts';
import type { RecordWithHistory } from '../readers/hubspot-reads.ts';

// The status's audit trail lives in HubSpot's own property history of the four status properties that
// every change writes together; no log of Keystone's own to keep in step.

export const STATUS_AUDIT_PROPERTIES = [
  COMPANY_PROPERTY.status,
  COMPANY_PROPERTY.statusReason,
  COMPANY_PROPERTY.statusChangedBy,
  COMPANY_PROPERTY.statusChangedAt,
] as const;

/** The histories statusHistory reads, from a company read with STATUS_AUDIT_PROPERTIES' history. */
export function statusAuditOf(company: RecordWithHistory): StatusHistoryInput {
  const of = (property: string) => company.history[property] ?? [];
  return {
    status: of(COMPANY_PROPERTY.status),
    reason: of(COMPANY_PROPERTY.statusReason),
    changedBy: of(COMPANY_PROPERTY.statusChangedBy),
    changedAt: of(COMPANY_PROPERTY.statusChangedAt),
  };
}
