import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRandom } from '../sandbox/demo/random.ts';
import type { SandboxSeed, SeedAssociation, SeedRecord } from '../sandbox/seed.ts';
import type { Mutation } from '../sandbox/store/mutations.ts';
import type { Portal } from '../sandbox/store/portal.ts';
import { portalFromSeed } from '../sandbox/store/seed-io.ts';
import { readSnapshot } from '../sandbox/store/snapshot.ts';
import { fileStore } from '../sandbox/store/store.ts';

// The persisted sandbox holding a real firm's portal: 36,000 companies, 150,000 contacts and 250,000
// meetings, calls, emails and notes, each contact with its company and each activity with its contact
// and company. Writes the first snapshot, then journals a recalculation's worth of company updates
// (1,999 entries of 100: the most a restart replays before the journal is compacted), and restarts
// as after kill -9. A restart must take a few seconds.

const COMPANIES = 36_000;
const CONTACTS = 150_000;
const ACTIVITIES = 250_000;
const JOURNAL_ENTRIES = 1_999;
const UPDATES_PER_ENTRY = 100;
const START = Date.UTC(2023, 0, 1);
const DAY = 86_400_000;

const ACTIVITY_TYPES = [
  { name: 'meetings', title: 'hs_meeting_title', body: 'hs_meeting_body' },
  { name: 'calls', title: 'hs_call_title', body: 'hs_call_body' },
  { name: 'emails', title: 'hs_email_subject', body: 'hs_email_text' },
  { name: 'notes', title: null, body: 'hs_note_body' },
] as const;

function firmSeed(): SandboxSeed {
  const random = createRandom(36_000);
  const words = [
    'renewal',
    'pricing',
    'roadmap',
    'onboarding',
    'budget',
    'security review',
    'workshop',
    'escalation',
    'quarterly review',
    'expansion',
  ];
  const sentence = () =>
    `Discussed ${random.pick(words)} and ${random.pick(words)}; agreed next steps with the account team before the ${random.pick(words)}.`;
  const at = () => new Date(START + random.int(0, 3 * 365) * DAY).toISOString();
  const record = (id: number, properties: Record<string, string>, extra: Partial<SeedRecord> = {}): SeedRecord => ({
    id: String(id),
    properties,
    createdAt: at(),
    ...extra,
  });

  const companies = Array.from({ length: COMPANIES }, (_, i) =>
    record(1_000_001 + i, {
      name: `Client ${i} Ltd`,
      domain: `client${i}.example`,
      industry: random.pick(['CONSULTING', 'BANKING', 'RETAIL', 'PHARMACEUTICALS']),
      city: random.pick(['London', 'Leeds', 'Bristol', 'Glasgow']),
      country: 'United Kingdom',
      annualrevenue: String(random.int(1, 500) * 100_000),
      numberofemployees: String(random.int(10, 20_000)),
      description: sentence(),
      hubspot_owner_id: String(random.int(501, 540)),
    }),
  );
  const companyOf = (contact: number) => 1_000_001 + (contact % COMPANIES);
  const contacts = Array.from({ length: CONTACTS }, (_, i) =>
    record(
      2_000_001 + i,
      {
        firstname: `Ann${i}`,
        lastname: `Lee${i}`,
        email: `ann${i}@client${i % COMPANIES}.example`,
        jobtitle: random.pick(['CFO', 'Head of Procurement', 'CIO', 'Analyst']),
        phone: `+44 20 7946 ${String(i % 10_000).padStart(4, '0')}`,
        associatedcompanyid: String(companyOf(i)),
        hubspot_owner_id: String(random.int(501, 540)),
      },
      random.chance(0.2)
        ? { propertyHistory: { jobtitle: [{ value: 'Controller', timestamp: at(), sourceType: 'CRM_UI' }] } }
        : {},
    ),
  );
  const objects: Record<string, SeedRecord[]> = { companies, contacts };
  const link = (fromType: string, fromId: string, toType: string, toId: string): SeedAssociation => ({
    fromType,
    fromId,
    toType,
    toId,
    associationCategory: 'HUBSPOT_DEFINED',
  });
  const associations = contacts.map((c, i) => link('contacts', c.id, 'companies', String(companyOf(i))));
  for (let i = 0; i < ACTIVITIES; i++) {
    const type = ACTIVITY_TYPES[i % ACTIVITY_TYPES.length]!;
    const contact = random.int(0, CONTACTS - 1);
    const id = String(3_000_001 + i);
    (objects[type.name] ??= []).push(
      record(Number(id), {
        ...(type.title ? { [type.title]: random.pick(words) } : {}),
        [type.body]: sentence(),
        hs_timestamp: at(),
        hubspot_owner_id: String(random.int(501, 540)),
      }),
    );
    associations.push(
      link(type.name, id, 'contacts', String(2_000_001 + contact)),
      link(type.name, id, 'companies', String(companyOf(contact))),
    );
  }
  return {
    portalId: 146_230_002,
    currency: 'GBP',
    timeZone: 'Europe/London',
    owners: [],
    properties: {},
    propertyGroups: {},
    schemas: [],
    objects: objects as SandboxSeed['objects'],
    associationDefinitions: [],
    associations,
  };
}

/** One journal entry: a recalculation batch writing scores to 100 companies. */
function scoreUpdates(entry: number): Mutation[] {
  return Array.from(
    { length: UPDATES_PER_ENTRY },
    (_, i): Mutation => ({
      op: 'updateRecord',
      type: '0-2',
      id: String(1_000_001 + ((entry * UPDATES_PER_ENTRY + i) % COMPANIES)),
      at: START + 1_000 * DAY + entry,
      properties: { hs_num_decision_makers: String(entry % 7), description: `Scored in run ${entry}` },
      sourceType: 'INTEGRATION',
    }),
  );
}

interface Took {
  wallMs: number;
  cpuMs: number;
}

function timed<T>(run: () => T): [T, Took] {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const result = run();
  const cpu = process.cpuUsage(cpuStarted);
  return [result, { wallMs: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000 }];
}

const recordCount = (portal: Portal) => [...portal.types.values()].reduce((n, t) => n + t.records.size, 0);
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;
// CPU time too: on a shared machine wall time also counts the time other processes held the cores.
const took = ({ wallMs, cpuMs }: Took) => `${(wallMs / 1000).toFixed(1)} s (CPU ${(cpuMs / 1000).toFixed(1)} s)`;

/** Builds the portal, writes its first snapshot and the journal, and leaves the store open, as a kill -9 would. */
function persistAndCrash(path: string): void {
  const [portal, build] = timed(() => portalFromSeed(firmSeed(), 1));
  console.log(
    `firm portal: ${recordCount(portal).toLocaleString('en-GB')} records, ${(CONTACTS + 2 * ACTIVITIES).toLocaleString('en-GB')} associations, built from a seed in ${took(build)}`,
  );
  const [store, firstSnapshot] = timed(() => fileStore(path, { initial: () => portal, firstRecordId: 1 }));
  console.log(`first snapshot written: ${took(firstSnapshot)}, ${mb(statSync(path).size)}`);
  const [, journal] = timed(() => {
    for (let entry = 0; entry < JOURNAL_ENTRIES; entry++) store.commit(scoreUpdates(entry));
  });
  console.log(
    `journal: ${JOURNAL_ENTRIES.toLocaleString('en-GB')} entries of ${UPDATES_PER_ENTRY} company updates, ${mb(statSync(`${path}.journal`).size)}, written with an fsync each in ${took(journal)}`,
  );
}

type Step = 'restart' | 'read snapshot' | 'stop' | 'read every record' | 'read every association';

/** Each restart is timed in a process of its own, as a real restart starts with an empty heap. */
function inNewProcess(step: Step, path: string): Promise<Took> {
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, step, path], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(output) as Took) : reject(new Error(`${step} failed (exit ${code})`)),
    );
  });
}

function runStep(step: Step, path: string): Took {
  const open = () =>
    fileStore(path, {
      initial: () => {
        throw new Error(`no portal at ${path}`);
      },
      firstRecordId: 1,
    });
  // Neither `restart` nor `read snapshot` closes the store: the process ends as after kill -9.
  if (step === 'restart') return timed(open)[1];
  if (step === 'read snapshot') return timed(() => readSnapshot(path, 1))[1];
  const store = open();
  // A restart parses records and associations on first use: what a session pays when it reads them all.
  if (step === 'read every record')
    return timed(() => {
      for (const type of store.portal.types.values()) for (const record of type.records.values()) void record.id;
    })[1];
  if (step === 'read every association')
    return timed(() => {
      for (const [, , , , typeIds] of store.portal.links.entries()) void typeIds.size;
    })[1];
  return timed(() => store.close())[1];
}

export default async function sandboxRestartBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-restart-bench-'));
  const path = join(dir, 'portal.json');
  try {
    persistAndCrash(path);
    const crashRestart = await inNewProcess('restart', path);
    const snapshotRead = await inNewProcess('read snapshot', path);
    console.log(`restart after kill -9: ${took(crashRestart)}`);
    console.log(`  the snapshot alone: ${took(snapshotRead)}`);
    console.log(
      `  so the journal replay: ${took({ wallMs: crashRestart.wallMs - snapshotRead.wallMs, cpuMs: crashRestart.cpuMs - snapshotRead.cpuMs })}`,
    );
    console.log(`then, first use: every record read ${took(await inNewProcess('read every record', path))}`);
    console.log(`  every association read ${took(await inNewProcess('read every association', path))}`);
    const stop = await inNewProcess('stop', path);
    console.log(`stop (journal folded into a new snapshot): ${took(stop)}, snapshot ${mb(statSync(path).size)}`);
    console.log(`restart after that stop (snapshot only): ${took(await inNewProcess('restart', path))}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [step, stepPath] = process.argv.slice(2);
if (process.argv[1] === import.meta.filename && stepPath)
  process.stdout.write(JSON.stringify(runStep(step as Step, stepPath)));
