import { closeSync, existsSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { sandboxSeedSchema } from '../seed.ts';
import type { Mutation } from './mutations.ts';
import type { Portal } from './portal.ts';
import { portalFromSeed, portalToSeed } from './seed-io.ts';

// Where a portal lives. In memory for tests; on disk as a snapshot plus an append-only journal of
// mutations, fsynced before the request is answered, so a completed request survives kill -9.
// Loading = snapshot + replay of journal entries newer than the snapshot.

export interface PortalStore {
  readonly portal: Portal;
  /** Applies the mutations; once this returns they are durable. */
  commit(mutations: Mutation[]): void;
  /** Swaps in a whole new portal (reset, load a seed). */
  replace(portal: Portal): void;
  close(): void;
}

export function memoryStore(initial: Portal): PortalStore {
  let portal = initial;
  return {
    get portal() { return portal; },
    commit(mutations) { for (const m of mutations) portal.apply(m); },
    replace(next) { portal = next; },
    close() {},
  };
}

const snapshotSchema = z.object({
  format: z.literal('keystone-sandbox-snapshot'),
  version: z.literal(1),
  /** The last journal entry the snapshot includes. */
  seq: z.number().int().min(0),
  seed: sandboxSeedSchema,
});

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

  let seq = 0;
  let replayed = 0;
  let portal: Portal;
  if (existsSync(path)) {
    const parsed = snapshotSchema.safeParse(readJson(path));
    if (!parsed.success) throw new Error(`Sandbox data file ${path} is not a sandbox snapshot: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    seq = parsed.data.seq;
    portal = portalFromSeed(parsed.data.seed, options.firstRecordId);
    for (const entry of readJournal(journalPath)) {
      if (entry.seq <= seq) continue;
      for (const m of entry.mutations) portal.apply(m);
      seq = entry.seq;
      replayed += 1;
    }
  } else {
    portal = options.initial();
  }

  const fresh = !existsSync(path);
  const journal = openSync(journalPath, 'a');
  let entriesSinceSnapshot = replayed;

  const compact = () => {
    const temporary = `${path}.tmp`;
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, JSON.stringify({ format: 'keystone-sandbox-snapshot', version: 1, seq, seed: portalToSeed(portal) }));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
    syncDirectory(dirname(path));
    // Entries up to `seq` are in the snapshot now; a crash before this truncation only leaves entries replay skips.
    ftruncateSync(journal, 0);
    fsyncSync(journal);
    entriesSinceSnapshot = 0;
  };
  // A new portal needs its first snapshot; a replayed journal is folded into one.
  if (fresh || replayed > 0) compact();

  return {
    get portal() { return portal; },
    commit(mutations) {
      if (mutations.length === 0) return;
      seq += 1;
      writeSync(journal, `${JSON.stringify({ seq, mutations } satisfies JournalEntry)}\n`);
      fsyncSync(journal);
      for (const m of mutations) portal.apply(m);
      entriesSinceSnapshot += 1;
      if (entriesSinceSnapshot >= compactEvery) compact();
    },
    replace(next) {
      portal = next;
      seq += 1;
      compact();
    },
    close() {
      compact();
      closeSync(journal);
    },
  };
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Sandbox data file ${path} is not readable JSON (${error instanceof Error ? error.message : String(error)}); move it away to start afresh`, { cause: error });
  }
}

function readJournal(path: string): JournalEntry[] {
  if (!existsSync(path)) return [];
  const entries: JournalEntry[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      entries.push(JSON.parse(line) as JournalEntry);
    } catch {
      // A line cut short by a crash belongs to a request that was never answered.
      break;
    }
  }
  return entries;
}

function syncDirectory(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
