import type { Client } from '@hubspot/api-client';
import { batchReadAssociations } from './batch.ts';

// A record read (`associations=deals`) lists the records associated with it, but HubSpot lists at most
// 100 of each type there and says so with `paging.next`. A client with 150 deals or a plan with 120
// objectives must still count them all, so a list cut short is read whole through the associations API.

/** The associations of one type on a v3 record read. */
export interface AssociationList {
  results: Array<{ id: string | number }>;
  paging?: { next?: { after?: string } };
}

/** Records of `fromType`, each with the list of its `toType` associations its own read gave (if any). */
interface ListedAssociations {
  fromType: string;
  toType: string;
  records: ReadonlyArray<{ id: string; list: AssociationList | undefined }>;
}

/**
 * The ids each record is associated with, by record id: what its read listed, or, for every list HubSpot
 * cut short, all of them from the associations API (one batch read for all such records).
 */
export async function associatedIds(
  client: Client,
  { fromType, toType, records }: ListedAssociations,
): Promise<Map<string, string[]>> {
  const ids = new Map(
    records.map(({ id, list }) => [id, [...new Set((list?.results ?? []).map((r) => String(r.id)))]]),
  );
  const cutShort = records.filter(({ list }) => list?.paging?.next?.after).map(({ id }) => id);
  if (cutShort.length > 0) {
    for (const [id, all] of await batchReadAssociations(client, { fromType, toType, ids: cutShort })) ids.set(id, all);
  }
  return ids;
}
