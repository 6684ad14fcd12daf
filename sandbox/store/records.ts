import type { StoredRecord } from './model.ts';

// One object type's records by id, and the unique-value indexes over its active ones. A record
// restored from a snapshot stays as its JSON text until first read: a firm-sized portal restarts
// without parsing its 436,000 records first, most of which a session never opens.

/** Unique-value property → value → record id, for active records. */
export type UniqueIndexes = Map<string, Map<string, string>>;

export class Records {
  private readonly byId = new Map<string, StoredRecord | string>();
  private readonly indexes: UniqueIndexes = new Map();
  /** Whether records were restored since the unique-value indexes were last complete. */
  private restoredUnindexed = false;

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): StoredRecord | undefined {
    const stored = this.byId.get(id);
    if (typeof stored !== 'string') return stored;
    const record = JSON.parse(stored) as StoredRecord;
    this.byId.set(id, record);
    return record;
  }

  set(record: StoredRecord): void {
    this.byId.set(record.id, record);
  }

  /** Puts back a record as a snapshot holds it (JSON text), read on first use. */
  restore(id: string, json: string): void {
    this.byId.set(id, json);
    this.restoredUnindexed = true;
  }

  keys(): IterableIterator<string> {
    return this.byId.keys();
  }

  *values(): Generator<StoredRecord> {
    for (const id of this.byId.keys()) yield this.get(id)!;
  }

  /** Each record as JSON text; records never read since the snapshot are given back as they were read. */
  *json(): Generator<[id: string, json: string]> {
    for (const [id, stored] of this.byId) yield [id, typeof stored === 'string' ? stored : JSON.stringify(stored)];
  }

  /** The unique-value indexes, completed with restored records first (which reads them all). */
  get unique(): UniqueIndexes {
    if (this.restoredUnindexed) {
      this.restoredUnindexed = false;
      if (this.indexes.size > 0) {
        for (const record of this.values()) {
          if (record.archived) continue;
          for (const [name, index] of this.indexes) {
            const value = record.properties[name];
            if (value !== undefined) index.set(value, record.id);
          }
        }
      }
    }
    return this.indexes;
  }
}
