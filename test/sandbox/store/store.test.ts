import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
  for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const open = (path: string, compactEvery?: number) => fileStore(path, { initial: () => portalFromSeed(sandboxSeedSchema.parse(portalSeed()), 1), firstRecordId: 1, compactEvery });
const createCompany = (id: string, name: string, at = 1_000): Mutation => ({ op: 'createRecord', type: '0-2', id, at, properties: { name }, sourceType: 'INTEGRATION' });
const companyName = (store: ReturnType<typeof open>, id: string) => store.portal.types.get('0-2')!.records.get(id)?.properties.name;

describe('the file store', () => {
  it('replays journaled changes when the process died before writing a snapshot', () => {
    const path = dataFile();
    const crashed = open(path);
    crashed.commit([createCompany('1', 'Acme')]);
    crashed.commit([{ op: 'updateRecord', type: '0-2', id: '1', at: 2_000, properties: { name: 'Acme Group' }, sourceType: 'INTEGRATION' }]);
    // No close(): as after kill -9.
    const reopened = open(path);
    expect(companyName(reopened, '1')).toBe('Acme Group');
    expect(reopened.portal.types.get('0-2')!.records.get('1')!.history.name!.map((e) => e.value)).toEqual(['Acme Group', 'Acme']);
    reopened.close();
  });

  it('ignores a journal line cut short by a crash', () => {
    const path = dataFile();
    const crashed = open(path);
    crashed.commit([createCompany('1', 'Acme')]);
    appendFileSync(`${path}.journal`, '{"seq":2,"mutations":[{"op":"createRec');
    const reopened = open(path);
    expect(reopened.portal.types.get('0-2')!.records.size).toBe(1);
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

  it('refuses a data file that is not a sandbox snapshot, saying why', () => {
    const path = dataFile();
    writeFileSync(path, JSON.stringify({ hello: 'world' }));
    expect(() => open(path)).toThrow(`Sandbox data file ${path} is not a sandbox snapshot`);
    writeFileSync(path, '{"format":');
    expect(() => open(path)).toThrow('is not readable JSON');
  });
});
