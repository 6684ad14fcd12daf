import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findRecord } from '../../../sandbox/api/records.ts';
import { sandboxSeedSchema } from '../../../sandbox/seed.ts';
import type { Portal } from '../../../sandbox/store/portal.ts';
import { portalFromSeed, portalToSeed } from '../../../sandbox/store/seed-io.ts';
import { readSnapshot, writeSnapshot } from '../../../sandbox/store/snapshot.ts';
import { owner, richSeed } from '../helpers.ts';

// Snapshots on their own: one line per piece, read back as the same portal.

const directories: string[] = [];
function dataFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-snapshot-'));
  directories.push(dir);
  return join(dir, 'portal.json');
}
afterEach(() => {
  for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The rich seed, then changed the ways the API changes a portal: history, an archive, a removed label. */
function changedPortal(): Portal {
  const portal = portalFromSeed(sandboxSeedSchema.parse({ ...richSeed(), owners: [owner()] }), 1);
  portal.apply({
    op: 'updateRecord',
    type: '0-2',
    id: '1',
    at: Date.UTC(2025, 6, 1),
    properties: { name: 'Acme Group' },
    sourceType: 'INTEGRATION',
  });
  portal.apply({ op: 'archiveRecord', type: '0-1', id: '12', at: Date.UTC(2025, 6, 2) });
  portal.apply({ op: 'removeAssociationTypes', typeId: 900 });
  portal.apply({
    op: 'createRecord',
    type: '0-2',
    id: '30',
    at: Date.UTC(2025, 6, 3),
    properties: { name: 'Globex' },
    sourceType: 'INTEGRATION',
  });
  return portal;
}

const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '');

describe('a snapshot', () => {
  it('reads back as the same portal: records as stored, every association both ways, the next record id', () => {
    const path = dataFile();
    const portal = changedPortal();
    writeSnapshot(path, portal, 41);
    const read = readSnapshot(path, 1);
    expect(read.seq).toBe(41);
    expect(portalToSeed(read.portal)).toEqual(portalToSeed(portal));
    expect(read.portal.standard('contacts').records.get('12')).toEqual(portal.standard('contacts').records.get('12'));
    expect([...read.portal.links.entries()].filter(([, , , , typeIds]) => typeIds.size > 0)).toEqual(
      [...portal.links.entries()].filter(([, , , , typeIds]) => typeIds.size > 0),
    );
    expect(read.portal.nextRecordId).toBe(31);
  });

  it('holds one piece per line: header, definitions, each record, each record’s associations, end', () => {
    const path = dataFile();
    writeSnapshot(path, changedPortal(), 41);
    const pieces = lines(path).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(pieces[0]).toEqual({ format: 'keystone-sandbox-snapshot', version: 3, seq: 41 });
    expect(Object.keys(pieces[1]!)).toEqual(['definitions']);
    expect(pieces.filter((p) => 'record' in p)).toHaveLength(6);
    // Contact 10 and company 1 (to each other and to the plan), the plan: the archived contact has none.
    expect(
      pieces
        .filter((p) => 'links' in p)
        .map((p) => `${p.type as string}:${p.id as string}`)
        .sort(),
    ).toEqual(['0-1:10', '0-2:1', '2-100001:20']);
    expect(pieces.at(-1)).toEqual({ end: { lines: pieces.length - 1 } });
  });

  it('keeps records and associations as read until first used: the same answers, written back unchanged', () => {
    const path = dataFile();
    const portal = changedPortal();
    const email = (id: string, value: string) =>
      ({
        op: 'updateRecord',
        type: '0-1',
        id,
        at: Date.UTC(2025, 6, 4),
        properties: { email: value },
        sourceType: 'CRM_UI',
      }) as const;
    portal.apply(email('10', 'cfo@acme.test'));
    writeSnapshot(path, portal, 41);
    const read = readSnapshot(path, 1).portal;

    const again = join(dataFile(), '..', 'again.json');
    writeSnapshot(again, read, 41);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(path, 'utf8'));

    const contacts = read.standard('contacts');
    expect(findRecord(contacts, 'cfo@acme.test', 'email')).toEqual(portal.standard('contacts').records.get('10'));
    expect(read.orderedIds(contacts)).toEqual(portal.orderedIds(portal.standard('contacts')));
    for (const changed of [read, portal]) changed.apply(email('10', 'finance@acme.test'));
    expect(contacts.records.unique).toEqual(portal.standard('contacts').records.unique);
    expect(findRecord(contacts, 'cfo@acme.test', 'email')).toBeUndefined();
    expect(portalToSeed(read)).toEqual(portalToSeed(portal));
  });

  it('reads back a record longer than a read, its multi-byte characters intact', () => {
    const path = dataFile();
    const portal = changedPortal();
    const long = 'Zürich café 東京 🚀 '.repeat(120_000);
    portal.apply({
      op: 'createRecord',
      type: '0-2',
      id: '31',
      at: Date.UTC(2025, 6, 5),
      properties: { name: long },
      sourceType: 'CRM_UI',
    });
    writeSnapshot(path, portal, 41);
    const read = readSnapshot(path, 1).portal;
    expect(read.standard('companies').records.get('31')?.properties.name).toBe(long);
    expect(portalToSeed(read)).toEqual(portalToSeed(portal));
  });

  it('reads a version 2 snapshot, records without their id in front', () => {
    const path = dataFile();
    const portal = changedPortal();
    writeSnapshot(path, portal, 41);
    const version2 = lines(path).map((line) => {
      const { id: _id, ...piece } = JSON.parse(line) as Record<string, unknown>;
      if ('format' in piece) return JSON.stringify({ ...piece, version: 2 });
      return 'record' in piece ? JSON.stringify(piece) : line;
    });
    writeFileSync(path, `${version2.join('\n')}\n`);
    const read = readSnapshot(path, 1);
    expect(read.seq).toBe(41);
    expect(portalToSeed(read.portal)).toEqual(portalToSeed(portal));
    expect(read.portal.nextRecordId).toBe(31);
  });

  it('reads a version 1 snapshot, the whole seed in one document', () => {
    const path = dataFile();
    const portal = changedPortal();
    writeFileSync(
      path,
      JSON.stringify({ format: 'keystone-sandbox-snapshot', version: 1, seq: 7, seed: portalToSeed(portal) }),
    );
    const read = readSnapshot(path, 1);
    expect(read.seq).toBe(7);
    expect(portalToSeed(read.portal)).toEqual(portalToSeed(portal));
  });

  it.each([
    ['cut short', (all: string[]) => all.slice(0, -2), 'is not a whole snapshot (cut short, or lines are missing)'],
    [
      'missing a line',
      (all: string[]) => [...all.slice(0, 3), ...all.slice(4)],
      'is not a whole snapshot (cut short, or lines are missing)',
    ],
    [
      'with a line that is not JSON',
      (all: string[]) => [...all.slice(0, 3), '{"type":"0-2","rec', ...all.slice(4)],
      'is not readable JSON at line 4',
    ],
    [
      'with a record of an unknown type',
      (all: string[]) => [...all.slice(0, 3), '{"type":"0-99","record":{}}', ...all.slice(4)],
      'line 4 is neither a record nor associations of a known object type',
    ],
  ])('is refused %s, saying so', (_, damage, message) => {
    const path = dataFile();
    writeSnapshot(path, changedPortal(), 41);
    writeFileSync(path, `${damage(lines(path)).join('\n')}\n`);
    expect(() => readSnapshot(path, 1)).toThrow(`Sandbox data file ${path} ${message}`);
  });
});
