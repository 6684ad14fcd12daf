import { closeSync, constants, existsSync, fsyncSync, ftruncateSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileLines, writeFully } from './lines.ts';
import type { Mutation } from './mutations.ts';
import type { Portal } from './portal.ts';
import { readSnapshot, writeSnapshot } from './snapshot.ts';

// Where a portal lives. In memory for tests; on disk as a snapshot plus a journal of mutations,
// fsynced before the request is answered, so an answered request survives kill -9. Loading =
// snapshot + replay of the journal's complete entries newer than it; a last line cut short by a
// crash belongs to a request never answered, and is cut off before new entries follow.

export interface PortalStore {
  readonly portal: Portal;
  /** Applies the mutations; once this returns they are durable. */
  commit(mutations: Mutation[]): void;
  /** Swaps in a whole new portal (reset, load a seed). */
  replace(portal: Portal): void;
  close(): void;
}

/**
 * A portal built once and kept as a snapshot at `path`: read from there when the file exists, else
 * built and written there first. Nothing writes the file afterwards, so each start begins from the
 * same portal. For generated firm-sized portals, which take longer to build than to read.
 */
export function cachedPortal(path: string, build: () => Portal, firstRecordId: number): Portal {
  if (existsSync(path)) return readSnapshot(path, firstRecordId).portal;
  mkdirSync(dirname(path), { recursive: true });
  const portal = build();
  writeSnapshot(path, portal, 0);
  return portal;
}

export function memoryStore(initial: Portal): PortalStore {
  let portal = initial;
  return {
    get portal() {
      return portal;
    },
    commit(mutations) {
      for (const m of mutations) portal.apply(m);
    },
    replace(next) {
      portal = next;
    },
    close() {},
  };
}

interface JournalEntry {
  seq: number;
  mutations: Mutation[];
}

export interface FileStoreOptions {
  /** Builds the portal when the file does not exist yet. */
  initial: () => Portal;
  firstRecordId: number;
  /** Journal entries after which the snapshot is rewritten. */
  compactEvery?: number;
}

export function fileStore(path: string, options: FileStoreOptions): PortalStore {
  const journalPath = `${path}.journal`;
  const compactEvery = options.compactEvery ?? 2000;
  mkdirSync(dirname(path), { recursive: true });

  const fresh = !existsSync(path);
  let { portal, seq } = fresh ? { portal: options.initial(), seq: 0 } : readSnapshot(path, options.firstRecordId);
  let entriesSinceSnapshot = 0;
  const extent = fresh
    ? { complete: 0, size: 0 }
    : replayJournal(journalPath, (entry) => {
        if (entry.seq <= seq) return;
        for (const m of entry.mutations) portal.apply(m);
        seq = entry.seq;
        entriesSinceSnapshot += 1;
      });

  // Not opened for appending: each entry is written at the end of the last complete one, so a
  // failed write is overwritten by the next rather than left in front of it.
  const journal = openSync(journalPath, constants.O_WRONLY | constants.O_CREAT);
  let journalBytes = extent.complete;
  if (extent.size > extent.complete) dropTornTail(journal, journalPath, extent);

  const snapshot = (next: Portal, nextSeq: number) => {
    writeSnapshot(path, next, nextSeq);
    // Entries up to `nextSeq` are in the snapshot now; a crash before this truncation only leaves entries replay skips.
    ftruncateSync(journal, 0);
    fsyncSync(journal);
    [portal, seq, journalBytes, entriesSinceSnapshot] = [next, nextSeq, 0, 0];
  };
  // A new portal needs its first snapshot. A replayed journal is not folded into one here: that
  // would rewrite the whole portal on every start; it happens after `compactEvery` entries.
  if (fresh) snapshot(portal, seq);

  const append = (entry: JournalEntry) => {
    const bytes = Buffer.from(`${JSON.stringify(entry)}\n`);
    try {
      writeFully(journal, bytes, journalBytes);
      fsyncSync(journal);
    } catch (error) {
      // Not answered, so not kept: the journal ends with the last entry that was.
      ftruncateSync(journal, journalBytes);
      throw error;
    }
    journalBytes += bytes.length;
  };

  // The write before is durable and applied, so a failed compaction must not turn its answer into an
  // error (the client would send it again): the journal keeps everything until a later try succeeds.
  const compactAfterWrite = () => {
    try {
      snapshot(portal, seq);
    } catch (error) {
      console.error(
        `Sandbox data file ${path}: could not write a new snapshot (${error instanceof Error ? error.message : String(error)}); the journal keeps every write, and the next try comes after ${compactEvery} more entries.`,
      );
      entriesSinceSnapshot = 0;
    }
  };

  return {
    get portal() {
      return portal;
    },
    commit(mutations) {
      if (mutations.length === 0) return;
      append({ seq: seq + 1, mutations });
      seq += 1;
      for (const m of mutations) portal.apply(m);
      entriesSinceSnapshot += 1;
      if (entriesSinceSnapshot >= compactEvery) compactAfterWrite();
    },
    replace(next) {
      snapshot(next, seq + 1);
    },
    close() {
      snapshot(portal, seq);
      closeSync(journal);
    },
  };
}

interface JournalExtent {
  /** Bytes up to the end of the last complete entry. */
  complete: number;
  size: number;
}

/** Hands each complete entry to `replay`, in order, and says where they end. */
function replayJournal(path: string, replay: (entry: JournalEntry) => void): JournalExtent {
  const extent: JournalExtent = { complete: 0, size: 0 };
  if (!existsSync(path)) return extent;
  for (const line of fileLines(path)) {
    const entry = line.complete ? journalEntry(line.text) : undefined;
    // A crash mid-write leaves at most one unreadable line, at the very end; anything readable
    // after one means the file was damaged some other way, and those entries may have been answered.
    if (entry && extent.size > extent.complete) {
      throw new Error(
        `Sandbox journal ${path} has an unreadable line at byte ${extent.complete} with entries after it; nothing was dropped. Move the data file and its journal away to start afresh, or cut the journal to its first ${extent.complete} bytes to keep what comes before`,
      );
    }
    extent.size = line.end;
    if (!entry) continue;
    replay(entry);
    extent.complete = line.end;
  }
  return extent;
}

function journalEntry(text: string): JournalEntry | undefined {
  try {
    const entry = JSON.parse(text) as Partial<JournalEntry> | null;
    return typeof entry?.seq === 'number' && Array.isArray(entry.mutations) ? (entry as JournalEntry) : undefined;
  } catch {
    return undefined;
  }
}

/** Cuts off a write the crash cut short, so the next entry starts on a line of its own. */
function dropTornTail(journal: number, path: string, extent: JournalExtent): void {
  console.error(
    `Sandbox journal ${path}: dropped ${extent.size - extent.complete} bytes after its last complete entry, a write cut short by a crash and never answered; carrying on from there.`,
  );
  ftruncateSync(journal, extent.complete);
  fsyncSync(journal);
}
