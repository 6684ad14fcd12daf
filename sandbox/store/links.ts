import { recordKey } from './model.ts';

// Which records are associated, and by which association types. Each direction is stored
// separately (HubSpot gives the two sides different type ids), so reads never search.

type Targets = Map<string, Map<string, Set<number>>>;

/** One record's associations as plain data: to objectTypeId → to id → association type ids. */
export type RecordLinks = Record<string, Record<string, number[]>>;

export class AssociationLinks {
  /**
   * recordKey → to objectTypeId → to id → association type ids. A record restored from a snapshot keeps
   * its links as read (JSON text of `RecordLinks`) until first used: a firm-sized portal restarts
   * without parsing them, or building a Map and a Set for each of its million association directions.
   */
  private readonly byRecord = new Map<string, Targets | string>();

  /** The record's links as maps, built on first use from what a snapshot gave. */
  private targets(key: string): Targets | undefined {
    const stored = this.byRecord.get(key);
    if (stored === undefined || stored instanceof Map) return stored;
    const links = JSON.parse(stored) as RecordLinks;
    const targets: Targets = new Map();
    for (const toType in links) {
      const byId = new Map<string, Set<number>>();
      for (const toId in links[toType]) byId.set(toId, new Set(links[toType]![toId]));
      targets.set(toType, byId);
    }
    this.byRecord.set(key, targets);
    return targets;
  }

  /** The associations of one record to one object type: to id → type ids (possibly empty sets). */
  of(objectTypeId: string, id: string, toTypeId: string): Map<string, Set<number>> | undefined {
    return this.targets(recordKey(objectTypeId, id))?.get(toTypeId);
  }

  add(fromType: string, fromId: string, toType: string, toId: string, typeId: number): void {
    const key = recordKey(fromType, fromId);
    let targets = this.targets(key);
    if (!targets) this.byRecord.set(key, (targets = new Map()));
    let byId = targets.get(toType);
    if (!byId) targets.set(toType, (byId = new Map()));
    let typeIds = byId.get(toId);
    if (!typeIds) byId.set(toId, (typeIds = new Set()));
    typeIds.add(typeId);
  }

  remove(fromType: string, fromId: string, toType: string, toId: string, typeId: number): void {
    const byId = this.of(fromType, fromId, toType);
    const typeIds = byId?.get(toId);
    if (!byId || !typeIds) return;
    typeIds.delete(typeId);
    if (typeIds.size === 0) byId.delete(toId);
  }

  /** Forgets a record's associations, both ways (an archived record keeps none). */
  dropRecord(objectTypeId: string, id: string): void {
    const targets = this.targets(recordKey(objectTypeId, id));
    if (!targets) return;
    for (const [toType, byId] of targets) {
      for (const toId of byId.keys()) this.of(toType, toId, objectTypeId)?.delete(id);
    }
    this.byRecord.delete(recordKey(objectTypeId, id));
  }

  /** Removes an association type everywhere. */
  dropType(typeId: number): void {
    for (const key of this.byRecord.keys()) {
      for (const byId of this.targets(key)!.values()) for (const typeIds of byId.values()) typeIds.delete(typeId);
    }
  }

  /** Every stored direction: [fromType, fromId, toType, toId, typeIds]. */
  *entries(): Generator<[string, string, string, string, Set<number>]> {
    for (const key of this.byRecord.keys()) {
      const [fromType, fromId] = splitKey(key);
      for (const [toType, byId] of this.targets(key)!)
        for (const [toId, typeIds] of byId) yield [fromType, fromId, toType, toId, typeIds];
    }
  }

  /** Each record's associations (JSON text of `RecordLinks`), both directions as stored, leaving out what has been emptied. */
  *byRecordEntries(): Generator<[objectTypeId: string, id: string, links: string]> {
    for (const [key, stored] of this.byRecord) {
      // Links never used since the snapshot are written back as they were read.
      if (!(stored instanceof Map)) {
        yield [...splitKey(key), stored];
        continue;
      }
      const links: RecordLinks = {};
      for (const [toType, byId] of stored) {
        for (const [toId, typeIds] of byId) if (typeIds.size > 0) (links[toType] ??= {})[toId] = [...typeIds];
      }
      if (Object.keys(links).length > 0) yield [...splitKey(key), JSON.stringify(links)];
    }
  }

  /** Puts back one record's associations as `byRecordEntries` gave them (made maps when first used). */
  restore(objectTypeId: string, id: string, links: string): void {
    this.byRecord.set(recordKey(objectTypeId, id), links);
  }
}

function splitKey(key: string): [objectTypeId: string, id: string] {
  const at = key.lastIndexOf(':');
  return [key.slice(0, at), key.slice(at + 1)];
}
