import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { generateDemoPortal } from '../sandbox/demo/generate.ts';
import { startKeystonePreview } from '../preview/server/keystone-preview.ts';

// `npm start`: Keystone on the local sandbox with the demo portal, in the browser. The portal lives in
// .sandbox/portal.json (created on first run; delete it to start over). Ctrl-C stops everything.

const DATA_FILE = path.resolve(import.meta.dirname, '../.sandbox/portal.json');
const port = Number(process.env.PORT ?? 3000);

// One npm start per data file: two processes writing the same portal would corrupt it.
const LOCK_FILE = `${DATA_FILE}.lock`;
const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
mkdirSync(path.dirname(LOCK_FILE), { recursive: true });
try {
  writeFileSync(LOCK_FILE, String(process.pid), { flag: 'wx' });
} catch {
  const holder = Number(readFileSync(LOCK_FILE, 'utf8'));
  if (holder !== process.pid && isRunning(holder)) {
    console.error(
      `Another npm start (process ${holder}) is using ${path.relative(process.cwd(), DATA_FILE)}: stop it first.`,
    );
    process.exit(1);
  }
  // Left behind by a run that crashed.
  writeFileSync(LOCK_FILE, String(process.pid));
}
const releaseLock = () => rmSync(LOCK_FILE, { force: true });

// Say so before opening the portal when the port is taken by something else.
await new Promise<void>((resolve) => {
  const probe = createServer();
  probe.once('error', () => {
    console.error(`Port ${port} is taken: run PORT=<another port> npm start`);
    releaseLock();
    process.exit(1);
  });
  probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
});

const started = Date.now();
const preview = await startKeystonePreview({
  dataFile: DATA_FILE,
  seed: () => {
    console.log('First run: generating the demo portal (about 2,000 companies)…');
    return generateDemoPortal({ now: Date.now() });
  },
  port,
  log: (line) => console.log(line),
}).catch((error: Error) => {
  console.error(`npm start failed: ${error.message}`);
  releaseLock();
  process.exit(1);
});
console.log(`Keystone preview ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${preview.url}`);
console.log(
  `HubSpot sandbox API, for the app's functions and scripts, not a page to open: ${preview.sandbox.baseUrl} (portal ${preview.sandbox.portalId}, data in ${path.relative(process.cwd(), DATA_FILE)})`,
);
console.log('Press Ctrl-C to stop.');

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  preview
    .close()
    .finally(releaseLock)
    .then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
// A process manager that stops `npm start` signals npm alone, and the shell npm ran this in dies without
// passing it on: the preview would keep its port and the portal's lock. Its parent going away is the
// same request to stop.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop();
}, 1_000).unref();
