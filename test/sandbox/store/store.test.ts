import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sandboxSeedSchema } from '../../../sandbox/seed.ts';
import type { Mutation } from '../../../sandbox/store/mutations.ts';
import { portalFromSeed } from '../../../sandbox/store/seed-io.ts';
import { fileStore } from '../../../sandbox/store/store.ts';
import { portalSeed } from '../helpers.ts';

// The persisted store on its own: journal, replay, compaction.

const directories: string[] = [];
function dataFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-store-'));
  directories.push(dir);
  return join(dir, 'portal.json');
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const open = (path: string, compactEvery?: number) =>
  fileStore(path, {
    initial: () => portalFromSeed(sandboxSeedSchema.parse(portalSeed()), 1),
    firstRecordId: 1,
    compactEvery,
  });
const createCompany = (id: string, name: string, at = 1_000): Mutation => ({
  op: 'createRecord',
  type: '0-2',
  id,
  at,
  properties: { name },
  sourceType: 'INTEGRATION',
});
const companyName = (store: ReturnType<typeof open>, id: string) =>
  store.portal.types.get('0-2')!.records.get(id)?.properties.name;

describe('the file store', () => {
  it('replays journaled changes when the process died before writing a snapshot', () => {
    const path = dataFile();
    const crashed = open(path);
    crashed.commit([createCompany('1', 'Acme')]);
    crashed.commit([
      {
        op: 'updateRecord',
        type: '0-2',
        id: '1',
        at: 2_000,
        properties: { name: 'Acme Group' },
        sourceType: 'INTEGRATION',
      },
    ]);
    // No close(): as after kill -9.
    const reopened = open(path);
    expect(companyName(reopened, '1')).toBe('Acme Group');
    expect(
      reopened.portal.types
        .get('0-2')!
        .records.get('1')!
        .history.name!.map((e) => e.value),
    ).toEqual(['Acme Group', 'Acme']);
    reopened.close();
  });

  it('replays an entry larger than a read, its multi-byte characters intact', () => {
    const path = dataFile();
    const long = 'Zürich café 東京 🚀 '.repeat(120_000);
    const crashed = open(path);
    crashed.commit([createCompany('1', long)]);
    crashed.commit([createCompany('2', 'Globex')]);
    const reopened = open(path);
    expect(companyName(reopened, '1')).toBe(long);
    expect(companyName(reopened, '2')).toBe('Globex');
    reopened.close();
  });

  it('compacts the journal into the snapshot and skips entries the snapshot already holds', () => {
    const path = dataFile();
    const store = open(path, 2);
    store.commit([createCompany('1', 'Acme')]);
    store.commit([createCompany('2', 'Globex')]);
    expect(readFileSync(`${path}.journal`, 'utf8')).toBe('');
    store.commit([createCompany('3', 'Initech')]);
    const reopened = open(path);
    expect(['1', '2', '3'].map((id) => companyName(reopened, id))).toEqual(['Acme', 'Globex', 'Initech']);
    reopened.close();
  });

  it('answers a write whose compaction fails, keeping it in the journal', () => {
    const path = dataFile();
    const store = open(path, 2);
    mkdirSync(`${path}.tmp`);
    const report = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    store.commit([createCompany('1', 'Acme')]);
    expect(() => store.commit([createCompany('2', 'Globex')])).not.toThrow();
    expect(report.mock.calls[0]![0]).toContain(`Sandbox data file ${path}: could not write a new snapshot`);
    const reopened = open(path);
    expect(['1', '2'].map((id) => companyName(reopened, id))).toEqual(['Acme', 'Globex']);
    rmdirSync(`${path}.tmp`);
    reopened.close();
  });

  it('refuses a data file that is not a sandbox snapshot, saying why', () => {
    const path = dataFile();
    writeFileSync(path, JSON.stringify({ hello: 'world' }));
    expect(() => open(path)).toThrow(`Sandbox data file ${path} is not a sandbox snapshot`);
    writeFileSync(path, '{"format":');
    expect(() => open(path)).toThrow('is not readable JSON');
  });
});

describe('the file store after a crash mid-write', () => {
  const tornEntry = JSON.stringify({ seq: 3, mutations: [createCompany('3', 'Torn')] });
  it.each([
    { torn: 'a line cut mid-entry, alone after the snapshot', journaled: [], tail: tornEntry.slice(0, 40) },
    { torn: 'an entry whose newline never reached the disk', journaled: [], tail: tornEntry },
    {
      torn: 'a line cut mid-entry after entries the snapshot lacks',
      journaled: [createCompany('2', 'Globex')],
      tail: tornEntry.slice(0, 40),
    },
  ])('drops $torn, says so, and keeps later writes through the next restart', ({ journaled, tail }) => {
    const path = dataFile();
    const journal = `${path}.journal`;
    const first = open(path);
    first.commit([createCompany('1', 'Acme')]);
    first.close();
    const crashed = open(path);
    for (const mutation of journaled) crashed.commit([mutation]);
    const complete = statSync(journal).size;
    appendFileSync(journal, tail);
    const report = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const recovered = open(path);
    expect(report).toHaveBeenCalledOnce();
    expect(report.mock.calls[0]![0]).toContain(`${journal}: dropped ${Buffer.byteLength(tail)} bytes`);
    expect(statSync(journal).size).toBe(complete);
    expect(companyName(recovered, '3')).toBeUndefined();
    recovered.commit([createCompany('4', 'Initech')]);
    recovered.commit([createCompany('5', 'Umbrella')]);

    // Killed again, without a snapshot: the next start reads the journal past the old tear.
    const again = open(path);
    expect(['1', '2', '4', '5'].map((id) => companyName(again, id))).toEqual([
      'Acme',
      journaled.length > 0 ? 'Globex' : undefined,
      'Initech',
      'Umbrella',
    ]);
    expect(report).toHaveBeenCalledOnce();
    again.close();
  });

  it('refuses a journal with entries after an unreadable line, dropping nothing', () => {
    const path = dataFile();
    const journal = `${path}.journal`;
    open(path).close();
    const crashed = open(path);
    crashed.commit([createCompany('1', 'Acme')]);
    const damagedAt = statSync(journal).size;
    const entry = (seq: number, name: string) => JSON.stringify({ seq, mutations: [createCompany(String(seq), name)] });
    // As when a torn line was written after instead of cut off: the next entry glued to it, more after.
    appendFileSync(journal, `{"seq":2,"mutations":[{"op":"createRec${entry(2, 'Globex')}\n${entry(3, 'Initech')}\n`);
    const damaged = readFileSync(journal);
    expect(() => open(path)).toThrow(
      `Sandbox journal ${journal} has an unreadable line at byte ${damagedAt} with entries after it; nothing was dropped`,
    );
    expect(readFileSync(journal)).toEqual(damaged);
  });
});
