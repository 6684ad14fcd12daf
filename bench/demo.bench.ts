import { generateDemo } from '../sandbox/demo/generate.ts';
import { sandboxSeedSchema } from '../sandbox/seed.ts';

const NOW = Date.UTC(2026, 10, 24, 12);
const RUNS = 5;
const TARGET_MS = 5_000;
const TARGET_MB = 30;

// The default demo portal: how long it takes to generate and how big its seed is.
export default async function demoBench(): Promise<void> {
  const timings: number[] = [];
  const cpuTimings: number[] = [];
  let json = '';
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const { portal } = generateDemo({ now: NOW });
    const cpu = process.cpuUsage(cpuStarted);
    timings.push(performance.now() - started);
    cpuTimings.push((cpu.user + cpu.system) / 1_000);
    json = JSON.stringify(portal);
  }
  // CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
  const median = (values: number[]): number =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const started = performance.now();
  const seed = sandboxSeedSchema.parse(JSON.parse(json));
  const parseMs = performance.now() - started;
  const megabytes = Buffer.byteLength(json) / 1_000_000;
  const counts = Object.entries(seed.objects)
    .map(([type, records]) => `${records.length} ${type}`)
    .join(', ');

  console.log(`demo portal (2,000 companies, seed 1): ${counts}, ${seed.associations.length} associations`);
  console.log(
    `  generation median ${median(timings).toFixed(0)} ms wall, ${median(cpuTimings).toFixed(0)} ms CPU over ${RUNS} runs (fastest ${Math.min(...timings).toFixed(0)} ms wall); target < ${TARGET_MS} ms: ${median(timings) < TARGET_MS ? 'met' : 'MISSED'}`,
  );
  console.log(
    `  seed JSON ${megabytes.toFixed(1)} MB; target ≤ ${TARGET_MB} MB: ${megabytes <= TARGET_MB ? 'met' : 'MISSED'}`,
  );
  console.log(`  JSON.parse + seed schema ${parseMs.toFixed(0)} ms`);
}
