import path from 'node:path';
import { generateDemoPortal } from '../sandbox/demo/generate.ts';
import { startKeystonePreview } from '../preview/server/keystone-preview.ts';

// `npm start`: Keystone on the local sandbox with the demo portal, in the browser. The portal lives in
// .sandbox/portal.json (created on first run; delete it to start over). Ctrl-C stops everything.

const DATA_FILE = path.resolve(import.meta.dirname, '../.sandbox/portal.json');
const port = Number(process.env.PORT ?? 3000);

const started = Date.now();
const preview = await startKeystonePreview({
  dataFile: DATA_FILE,
  seed: () => {
    console.log('First run: generating the demo portal (about 2,000 companies)…');
    return generateDemoPortal({ now: Date.now() });
  },
  port,
  log: (line) => console.log(line),
});
console.log(`Keystone preview ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${preview.url}`);
console.log(`HubSpot sandbox: ${preview.sandbox.baseUrl} (portal ${preview.sandbox.portalId}, data in ${path.relative(process.cwd(), DATA_FILE)})`);
console.log('Press Ctrl-C to stop.');

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  preview.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
