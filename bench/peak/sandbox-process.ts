import { startSandbox, type SandboxPace } from '../../sandbox/server.ts';
import { asChild } from './child-process.ts';
import { buildFirm, FIRM_LIMITS, firmIsCached, HOUR_START } from './firm.ts';
import { watchLoad } from './lag.ts';
import type { Go, SandboxDone, SandboxInit, SandboxReady, Stop } from './messages.ts';
import { scaledClock, type ScaledClock } from './scaled-clock.ts';

// HubSpot, for the busy hour: the sandbox holding the firm's portal, under the firm's limits, its
// windows and latency on the benchmark's clock. Builds the firm when the cache does not hold it.

asChild('sandbox', async (parent) => {
  const { files, firm, seed, speed } = await parent.next<SandboxInit>('init');
  // Until the hour starts, a clock of the same speed: nothing is limited or delayed before then.
  let clock: ScaledClock = scaledClock({
    speed,
    wallStart: performance.timeOrigin + performance.now(),
    hourStart: HOUR_START,
  });
  const pace: SandboxPace = { now: () => clock.elapsed(), sleep: (ms) => clock.sleep(ms) };
  const cached = firmIsCached(files);
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  const sandbox = await startSandbox({
    seed: () => buildFirm(files, firm, seed),
    seedCache: files.portal,
    clock: () => Math.round(clock.now()),
    rateLimit: FIRM_LIMITS,
    pace,
  });
  const cpu = process.cpuUsage(startedCpu);
  parent.send<SandboxReady>({
    type: 'ready',
    baseUrl: sandbox.baseUrl,
    cached,
    loadMs: performance.now() - started,
    loadCpuMs: (cpu.user + cpu.system) / 1_000,
  });
  clock = scaledClock((await parent.next<Go>('go')).clock);
  const watch = watchLoad(speed);
  await parent.next<Stop>('stop');
  const load = watch.load();
  await sandbox.close();
  parent.send<SandboxDone>({ type: 'done', load });
});
