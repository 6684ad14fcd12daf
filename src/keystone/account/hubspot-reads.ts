import type { Client } from '@hubspot/api-client';
import { BATCH_SIZE, DEFAULT_CONCURRENCY, chunk, hubspotCall, mapInParallel, type CrmProperties } from '../../crm/batch.ts';

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
  return { id: String(answer.id), properties: answer.properties, history };
}

/** Batch read (100 a call, in parallel) that also returns the history of `withHistory`. Unknown ids are left out. */
export async function batchReadWithHistory(client: Client, objectType: string, ids: readonly string[], properties: readonly string[], withHistory: readonly string[], concurrency = DEFAULT_CONCURRENCY): Promise<RecordWithHistory[]> {
  const answers = await mapInParallel(chunk([...new Set(ids)], BATCH_SIZE), concurrency, (inputs) => hubspotCall(() =>
    client.crm.objects.batchApi.read(objectType, { inputs: inputs.map((id) => ({ id })), properties: [...properties], propertiesWithHistory: [...withHistory] }) as Promise<{ results: RecordAnswer[] }>));
  return answers.flatMap((a) => a.results.map(toRecordWithHistory));
}

export interface LabelledAssociation {
  toId: string;
  /** Association labels on this pair (unlabelled associations add none). */
  labels: string[];
}

/** Associations of one record to one type with their labels (v4 batch read, following its paging). */
export async function readLabelledAssociations(client: Client, fromType: string, fromId: string, toType: string): Promise<LabelledAssociation[]> {
  const byId = new Map<string, Set<string>>();
  let after: string | undefined;
  do {
    const answer = await hubspotCall(() => client.crm.associations.v4.batchApi.getPage(fromType, toType, { inputs: [after ? { id: fromId, after } : { id: fromId }] }));
    after = undefined;
    for (const row of answer.results) {
      for (const to of row.to) {
        const labels = byId.get(String(to.toObjectId)) ?? new Set<string>();
        for (const type of to.associationTypes) if (type.label) labels.add(type.label);
        byId.set(String(to.toObjectId), labels);
      }
      after = row.paging?.next?.after || undefined;
    }
  } while (after);
  return [...byId].map(([toId, labels]) => ({ toId, labels: [...labels] }));
}
