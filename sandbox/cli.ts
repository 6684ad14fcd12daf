import { parseArgs } from 'node:util';
import { z } from 'zod';
import { generateDemoPortal } from './demo/generate.ts';
import { emptyPortal, startSandbox } from './server.ts';

// `npm run sandbox -- [--port 3900] [--data .sandbox/portal.json] [--empty]`: the sandbox on a
// persisted portal, seeded with the demo firm the first time (when the data file does not exist).

const argsSchema = z.object({
  port: z.coerce
    .number({ message: 'must be a port number' })
    .int()
    .min(0, 'must be 0 (any free port) to 65535')
    .max(65_535, 'must be 0 (any free port) to 65535'),
  data: z.string().min(1),
  empty: z.boolean(),
});

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3900' },
    data: { type: 'string', default: '.sandbox/portal.json' },
    empty: { type: 'boolean', default: false },
  },
});
const parsed = argsSchema.safeParse(values);
if (!parsed.success) {
  console.error(`sandbox: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`);
  process.exit(1);
}
const { port, data, empty } = parsed.data;

const sandbox = await startSandbox({
  port,
  dataFile: data,
  seed: () => (empty ? emptyPortal() : generateDemoPortal({ now: Date.now() })),
});

console.log(`HubSpot sandbox for portal ${sandbox.portalId} listening at ${sandbox.baseUrl} (data: ${data})`);
console.log(`Point Keystone at it: HUBSPOT_API_BASE_URL=${sandbox.baseUrl} HUBSPOT_ACCESS_TOKEN=anything`);

const stop = () => {
  sandbox.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
