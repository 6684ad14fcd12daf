import { z } from 'zod';
import { sandboxSeedSchema } from '../seed.ts';
import type { SandboxSeed } from '../seed.ts';
import type { ApiError } from './errors.ts';
import { validationError } from './errors.ts';
import { faultSchema } from './faults.ts';
import type { createFaultInjector } from './faults.ts';
import { rateLimitsSchema } from './rate-limit.ts';
import type { DailyUsage, RateLimits } from './rate-limit.ts';
import type { ApiResponse, Route } from './router.ts';
import type { createStats } from './stats.ts';

// The sandbox's own endpoints under /__sandbox/: no token, no rate limit, no faults, not counted.

export const CONTROL_PREFIX = '/__sandbox/';

export interface ControlTarget {
  portalId(): number;
  /** Back to the seed the sandbox started with (an empty portal when it had none). */
  reset(): void;
  load(seed: SandboxSeed): void;
  recordCount(): number;
  faults: ReturnType<typeof createFaultInjector>;
  stats: ReturnType<typeof createStats>;
  setRateLimits(limits: RateLimits | false): void;
  dailyUsage(): DailyUsage;
}

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw validationError(
    parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; '),
  ) satisfies ApiError;
}

const portalSummary = (target: ControlTarget): ApiResponse => ({
  status: 200,
  body: { portalId: target.portalId(), records: target.recordCount() },
});

export const controlRoutes: Route<ControlTarget>[] = [
  { method: 'GET', pattern: '/__sandbox/health', handle: (_, target) => portalSummary(target) },
  {
    method: 'POST',
    pattern: '/__sandbox/reset',
    handle(_, target) {
      target.reset();
      return portalSummary(target);
    },
  },
  {
    method: 'POST',
    pattern: '/__sandbox/seed',
    handle({ body }, target) {
      target.load(parse(sandboxSeedSchema, body));
      return portalSummary(target);
    },
  },
  {
    method: 'GET',
    pattern: '/__sandbox/faults',
    handle: (_, target) => ({ status: 200, body: { faults: target.faults.list() } }),
  },
  {
    method: 'POST',
    pattern: '/__sandbox/faults',
    handle: ({ body }, target) => ({ status: 201, body: { id: target.faults.add(parse(faultSchema, body)) } }),
  },
  {
    method: 'DELETE',
    pattern: '/__sandbox/faults',
    handle(_, target) {
      target.faults.clear();
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    pattern: '/__sandbox/stats',
    handle: (_, target) => ({ status: 200, body: target.stats.snapshot() }),
  },
  {
    method: 'DELETE',
    pattern: '/__sandbox/stats',
    handle(_, target) {
      target.stats.reset();
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    pattern: '/__sandbox/rate-limit',
    handle: (_, target) => ({ status: 200, body: { daily: target.dailyUsage() } }),
  },
  {
    method: 'PUT',
    pattern: '/__sandbox/rate-limit',
    handle({ body }, target) {
      target.setRateLimits(parse(z.union([rateLimitsSchema, z.literal(false)]), body));
      return { status: 204 };
    },
  },
];
