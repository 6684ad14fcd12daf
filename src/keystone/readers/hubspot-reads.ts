import type { Client } from '@hubspot/api-client';
import {
  BATCH_SIZE,
  DEFAULT_CONCURRENCY,
  HISTORY_BATCH_SIZE,
  chunk,
  hubspotCall,
  mapInParallel,
  readAssociationRows,
  type AssociationsRead,
  type RecordsRead,
} from '../../crm/batch.ts';
import { type CrmProperties } from '../../crm/records.ts';
import { toCrmRecord } from '../../crm/records.ts';

// Reads the account functions need beyond src/crm/batch.ts: batch reads that keep property history,
// and association reads that keep their labels. Same chunking and error normalisation as batch.ts.

export interface HistoryEntry {
  value: string;
  /** Epoch ms. */
  at: number;
}

export interface RecordWithHistory {
  id: string;
  properties: CrmProperties;
  /** Newest first, as HubSpot answers. */
  history: Record<string, HistoryEntry[]>;
}

interface RecordAnswer {
  id: string;
  properties: Record<string, string | null>;
  propertiesWithHistory?: Record<string, Array<{ value: string; timestamp: Date | string }>>;
}

export function toRecordWithHistory(answer: RecordAnswer): RecordWithHistory {
  const history: Record<string, HistoryEntry[]> = {};
  for (const [name, entries] of Object.entries(answer.propertiesWithHistory ?? {})) {
    history[name] = entries.map((e) => ({ value: e.value, at: new Date(e.timestamp).getTime() }));
  }
  return { ...toCrmRecord(answer), history };
}

/** How many records one batch read takes: 50 when it asks for history (HubSpot refuses more), else 100. */
export function recordsPerBatchRead(withHistory: readonly string[]): number {
  return withHistory.length > 0 ? HISTORY_BATCH_SIZE : BATCH_SIZE;
}

/** Batch read (in parallel, as many a call as recordsPerBatchRead allows) that also returns the history of `withHistory`. Unknown ids are left out. */
export async function batchReadWithHistory(
  client: Client,
  {
    objectType,
    ids,
    properties,
    withHistory,
    concurrency = DEFAULT_CONCURRENCY,
  }: RecordsRead & { withHistory: readonly string[] },
): Promise<RecordWithHistory[]> {
  const answers = await mapInParallel(
    chunk([...new Set(ids)], recordsPerBatchRead(withHistory)),
    concurrency,
    (inputs) =>
      hubspotCall(
        () =>
          client.crm.objects.batchApi.read(objectType, {
            inputs: inputs.map((id) => ({ id })),
            properties: [...properties],
            propertiesWithHistory: [...withHistory],
          }) as Promise<{ results: RecordAnswer[] }>,
      ),
  );
  return answers.flatMap((a) => a.results.map(toRecordWithHistory));
}

export interface LabelledAssociation {
  toId: string;
  /** Association labels on this pair (unlabelled associations add none). */
  labels: string[];
}

/**
 * Associations of records to one type with their labels, by record id (v4 batch read, 1,000 records a
 * call, following each record's own paging). Records without any map to an empty list.
 */
export async function batchReadLabelledAssociations(
  client: Client,
  read: AssociationsRead,
): Promise<Map<string, LabelledAssociation[]>> {
  const byRecord = new Map<string, Map<string, Set<string>>>(read.ids.map((id) => [id, new Map()]));
  await readAssociationRows(client, read, (row) => {
    const linked = byRecord.get(String(row._from.id));
    if (!linked) return;
    for (const to of row.to) {
      const labels = linked.get(String(to.toObjectId)) ?? new Set<string>();
      for (const type of to.associationTypes) if (type.label) labels.add(type.label);
      linked.set(String(to.toObjectId), labels);
    }
  });
  return new Map(
    [...byRecord].map(([fromId, linked]) => [
      fromId,
      [...linked].map(([toId, labels]) => ({ toId, labels: [...labels] })),
    ]),
  );
}
