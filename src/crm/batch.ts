import type { Client } from '@hubspot/api-client';
import type { SimplePublicObjectBatchInputForCreate } from '@hubspot/api-client/lib/codegen/crm/objects/index.js';
import { KeystoneError } from '../errors/keystone-error.ts';
import { toKeystoneError } from './errors.ts';
import { toCrmRecord, type CrmRecord } from './records.ts';

// HubSpot's batch endpoints take at most 100 inputs (association reads 1,000, reads with property history
// 50). Chunks run in parallel under a small cap so one invocation never bursts through the portal's
// 10-second limit on its own.
export const BATCH_SIZE = 100;
/** A batch read that asks for property history takes at most 50 inputs: HubSpot refuses more with a 400. */
export const HISTORY_BATCH_SIZE = 50;
export const ASSOCIATION_BATCH_SIZE = 1_000;
export const DEFAULT_CONCURRENCY = 4;

// Every batch call names what it sends: the object type (or, for associations, the types on each
// side) and the records, with `concurrency`, how many chunks are in flight at once, when a caller
// paces its reads differently from the default.
interface Paced {
  /** Chunks in flight at once; DEFAULT_CONCURRENCY when not given. */
  concurrency?: number;
}
export interface RecordsRead extends Paced {
  objectType: string;
  ids: readonly string[];
  properties: readonly string[];
}
export interface AssociationsRead extends Paced {
  fromType: string;
  toType: string;
  ids: readonly string[];
  /**
   * Called with the number of calls before each round of further pages (records with more associations
   * than one answer holds), so a caller pacing the burst window counts them as it counts the first round.
   */
  beforeFurtherPages?: (calls: number) => Promise<void>;
}

export interface RecordUpdate {
  id: string;
  properties: Record<string, string>;
}
interface RecordCreate {
  properties: Record<string, string>;
  associations?: Array<{
    to: { id: string };
    types: Array<{ associationCategory: 'HUBSPOT_DEFINED' | 'USER_DEFINED'; associationTypeId: number }>;
  }>;
}

// The client types association categories as a TS enum; the wire values are these same strings.
type AssociationsForCreate = SimplePublicObjectBatchInputForCreate['associations'];

interface BatchError {
  status?: string;
  category?: string;
  message?: string;
  context?: Record<string, string[] | undefined>;
}
interface BatchAnswer<T> {
  results: T[];
  errors?: BatchError[];
  numErrors?: number;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Maps over items with at most `limit` calls in flight; results keep the input order. The first failure rejects. */
export async function mapInParallel<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Runs a HubSpot call and normalises whatever it throws. */
export async function hubspotCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toKeystoneError(error);
  }
}

/** Reads records by id. Ids HubSpot does not know are returned in `missingIds` rather than failing the read. */
export async function batchRead(
  client: Client,
  { objectType, ids, properties, concurrency = DEFAULT_CONCURRENCY }: RecordsRead,
): Promise<{ records: CrmRecord[]; missingIds: string[] }> {
  const unique = [...new Set(ids)];
  const answers = await mapInParallel(chunk(unique, BATCH_SIZE), concurrency, (inputs) =>
    hubspotCall(
      () =>
        client.crm.objects.batchApi.read(objectType, {
          inputs: inputs.map((id) => ({ id })),
          properties: [...properties],
          propertiesWithHistory: [],
        }) as Promise<BatchAnswer<{ id: string; properties: Record<string, string | null> }>>,
    ),
  );
  const records = answers.flatMap((a) => a.results.map(toCrmRecord));
  const found = new Set(records.map((r) => r.id));
  return { records, missingIds: unique.filter((id) => !found.has(id)) };
}

/**
 * Updates records in chunks. HubSpot refuses a whole batch that names a record twice, so two updates of one
 * record become one, the later's values over the earlier's, as if sent one after the other. A 207 answer is
 * surfaced as KAM.HUBSPOT_PARTIAL_FAILURE naming the records HubSpot refused.
 */
export async function batchUpdate(
  client: Client,
  {
    objectType,
    updates,
    concurrency = DEFAULT_CONCURRENCY,
  }: Paced & { objectType: string; updates: readonly RecordUpdate[] },
): Promise<CrmRecord[]> {
  const merged = new Map<string, RecordUpdate>();
  for (const u of updates) {
    const earlier = merged.get(u.id);
    merged.set(u.id, earlier ? { ...u, properties: { ...earlier.properties, ...u.properties } } : u);
  }
  const answers = await mapInParallel(chunk([...merged.values()], BATCH_SIZE), concurrency, (inputs) =>
    hubspotCall(
      () =>
        client.crm.objects.batchApi.update(objectType, {
          inputs: inputs.map((u) => ({ id: u.id, properties: u.properties })),
        }) as Promise<BatchAnswer<{ id: string; properties: Record<string, string | null> }>>,
    ),
  );
  throwOnPartialFailure(answers);
  return answers.flatMap((a) => a.results.map(toCrmRecord));
}

/** Creates records in chunks (with their associations). A 207 answer is surfaced as KAM.HUBSPOT_PARTIAL_FAILURE. */
export async function batchCreate(
  client: Client,
  {
    objectType,
    creates,
    concurrency = DEFAULT_CONCURRENCY,
  }: Paced & { objectType: string; creates: readonly RecordCreate[] },
): Promise<CrmRecord[]> {
  const answers = await mapInParallel(chunk(creates, BATCH_SIZE), concurrency, (inputs) =>
    hubspotCall(
      () =>
        client.crm.objects.batchApi.create(objectType, {
          inputs: inputs.map((c) => ({
            properties: c.properties,
            associations: (c.associations ?? []) as unknown as AssociationsForCreate,
          })),
        }) as Promise<BatchAnswer<{ id: string; properties: Record<string, string | null> }>>,
    ),
  );
  throwOnPartialFailure(answers);
  return answers.flatMap((a) => a.results.map(toCrmRecord));
}

export async function batchArchive(
  client: Client,
  { objectType, ids, concurrency = DEFAULT_CONCURRENCY }: Paced & { objectType: string; ids: readonly string[] },
): Promise<void> {
  await mapInParallel(chunk([...new Set(ids)], BATCH_SIZE), concurrency, (inputs) =>
    hubspotCall(() => client.crm.objects.batchApi.archive(objectType, { inputs: inputs.map((id) => ({ id })) })),
  );
}

/** One record's row in a v4 association batch read's answer. */
type AssociationRow = Awaited<
  ReturnType<Client['crm']['associations']['v4']['batchApi']['getPage']>
>['results'][number];

/**
 * Hands every association of `ids` to one type to `take`, row by row: v4 batch reads of 1,000 records a
 * call, then, for each record HubSpot answered only in part, its further pages with that record's own
 * cursor until none is left. A caller pacing HubSpot's burst window hears of each further round first.
 */
export async function readAssociationRows(
  client: Client,
  { fromType, toType, ids, concurrency = DEFAULT_CONCURRENCY, beforeFurtherPages }: AssociationsRead,
  take: (row: AssociationRow) => void,
): Promise<void> {
  let pending = chunk(
    [...new Set(ids)].map((id) => ({ id, after: undefined as string | undefined })),
    ASSOCIATION_BATCH_SIZE,
  );
  while (pending.length > 0) {
    const answers = await mapInParallel(pending, concurrency, (inputs) =>
      hubspotCall(() =>
        client.crm.associations.v4.batchApi.getPage(fromType, toType, {
          inputs: inputs.map(({ id, after }) => (after ? { id, after } : { id })),
        }),
      ),
    );
    const more: Array<{ id: string; after: string | undefined }> = [];
    for (const row of answers.flatMap((a) => a.results)) {
      take(row);
      const after = row.paging?.next?.after;
      if (after) more.push({ id: String(row._from.id), after });
    }
    pending = chunk(more, ASSOCIATION_BATCH_SIZE);
    if (pending.length > 0) await beforeFurtherPages?.(pending.length);
  }
}

/**
 * Associated ids per record (v4 batch read, 1,000 inputs a call, following each record's own paging).
 * Records without associations map to an empty list: HubSpot reports them as batch errors, which are not failures here.
 */
export async function batchReadAssociations(client: Client, read: AssociationsRead): Promise<Map<string, string[]>> {
  const associated = new Map<string, string[]>(read.ids.map((id) => [id, []]));
  await readAssociationRows(client, read, (row) =>
    associated.get(String(row._from.id))?.push(...row.to.map((to) => String(to.toObjectId))),
  );
  for (const [id, list] of associated) associated.set(id, [...new Set(list)]);
  return associated;
}

function throwOnPartialFailure(answers: ReadonlyArray<BatchAnswer<unknown>>): void {
  const errors = answers.flatMap((a) => a.errors ?? []);
  if (errors.length === 0) return;
  const failedIds = errors.flatMap((e) => e.context?.ids ?? []);
  const detail = errors
    .map((e) => e.message)
    .filter(Boolean)
    .slice(0, 3)
    .join('; ');
  throw new KeystoneError(
    'KAM.HUBSPOT_PARTIAL_FAILURE',
    `HubSpot saved only part of the change: ${errors.length} of the batch failed${failedIds.length ? ` (records ${failedIds.slice(0, 10).join(', ')})` : ''}${detail ? ` — ${detail}` : ''}. Try again; records already saved are left as they are.`,
  );
}
