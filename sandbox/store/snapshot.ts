import { z } from 'zod';
import { sandboxSeedSchema } from '../seed.ts';
import { fileLines, replaceFileWithLines } from './lines.ts';
import type { FileLine } from './lines.ts';
import type { RecordLinks } from './links.ts';
import type { StoredRecord } from './model.ts';
import type { Portal } from './portal.ts';
import { portalFromDefinitions, portalFromSeed, seedDefinitions } from './seed-io.ts';

// A snapshot is the whole portal as of one journal entry, one line per piece, so that neither
// writing nor reading it holds the portal as one string (a large portal outgrows the longest one):
//
//   {"format":"keystone-sandbox-snapshot","version":3,"seq":41}   seq: the last journal entry it holds
//   {"definitions":{…}}                                 object types, properties, labels, owners (seed shapes)
//   {"type":"0-2","id":"5","record":{…}}                each record, as the store holds it
//   {"type":"0-1","id":"17","links":{"0-2":{"5":[279]}}}  each record's associations, both directions
//   {"end":{"lines":4}}                                 the lines before it: a file cut short is refused
//
// Records and associations are read back as written, unchecked, so that a firm-sized portal restarts
// in seconds: a record's JSON text is kept and parsed on first use, found by its type and id at the
// front of the line (a record's text damaged inside is only noticed when that record is read). The
// definitions are checked against the seed format. Version 2 (records without the id in front) and
// version 1 (one JSON document holding a whole seed) are still read, each record parsed at once.

const FORMAT = 'keystone-sandbox-snapshot';

const headerSchema = z.object({
  format: z.literal(FORMAT),
  version: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  seq: z.number().int().min(0),
});
const version1Schema = headerSchema.extend({ version: z.literal(1), seed: sandboxSeedSchema });
const definitionsSchema = z.object({ definitions: sandboxSeedSchema.omit({ objects: true, associations: true }) });

export interface Snapshot {
  portal: Portal;
  /** The last journal entry it holds. */
  seq: number;
}

export function writeSnapshot(path: string, portal: Portal, seq: number): void {
  replaceFileWithLines(path, snapshotLines(portal, seq));
}

function* snapshotLines(portal: Portal, seq: number): Generator<string> {
  yield JSON.stringify({ format: FORMAT, version: 3, seq });
  yield JSON.stringify({ definitions: seedDefinitions(portal) });
  let lines = 2;
  for (const type of portal.types.values()) {
    const typeId = JSON.stringify(type.objectTypeId);
    for (const [id, record] of type.records.json()) {
      yield `{"type":${typeId},"id":${JSON.stringify(id)},"record":${record}}`;
      lines += 1;
    }
  }
  for (const [type, id, links] of portal.links.byRecordEntries()) {
    yield `{"type":${JSON.stringify(type)},"id":${JSON.stringify(id)},"links":${links}}`;
    lines += 1;
  }
  yield JSON.stringify({ end: { lines } });
}

export function readSnapshot(path: string, firstRecordId: number): Snapshot {
  const lines = fileLines(path);
  try {
    const first = lines.next();
    const value = first.done ? undefined : parseLine(path, 1, first.value);
    const header = headerSchema.safeParse(value);
    if (!header.success) throw notASnapshot(path, header.error);
    return header.data.version === 1
      ? fromVersion1(path, value, firstRecordId)
      : fromLines(path, header.data.seq, lines, firstRecordId);
  } finally {
    lines.return(undefined);
  }
}

function fromVersion1(path: string, value: unknown, firstRecordId: number): Snapshot {
  const parsed = version1Schema.safeParse(value);
  if (!parsed.success) throw notASnapshot(path, parsed.error);
  return { portal: portalFromSeed(parsed.data.seed, firstRecordId), seq: parsed.data.seq };
}

/** Reads the lines after the header. */
function fromLines(path: string, seq: number, lines: Iterable<FileLine>, firstRecordId: number): Snapshot {
  let lineNumber = 1;
  let portal: Portal | undefined;
  for (const line of lines) {
    lineNumber += 1;
    if (portal && restoredUnparsed(portal, line.text)) continue;
    const value = parseLine(path, lineNumber, line);
    if (!portal) {
      const definitions = definitionsSchema.safeParse(value);
      if (!definitions.success) throw notASnapshot(path, definitions.error);
      portal = portalFromDefinitions(definitions.data.definitions, firstRecordId);
    } else if (isEnd(value)) {
      if (value.end.lines !== lineNumber - 1) break;
      return { portal, seq };
    } else {
      addPiece(portal, value, `Sandbox data file ${path} line ${lineNumber}`);
    }
  }
  throw new Error(
    `Sandbox data file ${path} is not a whole snapshot (cut short, or lines are missing); move it away to start afresh`,
  );
}

/** The front of a record's or associations' line: type and id (without escapes; a line with them is parsed whole). */
const pieceFront = /^\{"type":"([^"\\]*)","id":"([^"\\]*)","(record|links)":/;

/** Puts back a record or its associations unparsed, if the line is one of a known type; other lines are parsed whole. */
function restoredUnparsed(portal: Portal, text: string): boolean {
  const front = pieceFront.exec(text);
  const type = front && text.endsWith('}') ? portal.types.get(front[1]!) : undefined;
  if (!type) return false;
  const [{ length }, , id, piece] = front!;
  if (piece === 'record') portal.restoreRecord(type, id!, text.slice(length, -1));
  else portal.links.restore(type.objectTypeId, id!, text.slice(length, -1));
  return true;
}

const isEnd = (value: unknown): value is { end: { lines: number } } =>
  typeof value === 'object' && value !== null && 'end' in value;

function addPiece(portal: Portal, value: unknown, where: string): void {
  const piece = value as { type?: string; record?: StoredRecord; id?: string; links?: RecordLinks };
  const type = piece.type === undefined ? undefined : portal.types.get(piece.type);
  if (type && piece.record) portal.insertRecord(type, piece.record);
  else if (type && piece.id && piece.links)
    portal.links.restore(type.objectTypeId, piece.id, JSON.stringify(piece.links));
  else throw new Error(`${where} is neither a record nor associations of a known object type`);
}

function parseLine(path: string, lineNumber: number, line: FileLine): unknown {
  try {
    return JSON.parse(line.text);
  } catch (error) {
    throw new Error(
      `Sandbox data file ${path} is not readable JSON at line ${lineNumber} (${error instanceof Error ? error.message : String(error)}); move it away to start afresh`,
      { cause: error },
    );
  }
}

function notASnapshot(path: string, error: z.ZodError): Error {
  return new Error(
    `Sandbox data file ${path} is not a sandbox snapshot: ${error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ')}`,
  );
}
