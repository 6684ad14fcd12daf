import { z } from 'zod';
import { wildcardRegExp } from './wildcard.ts';

// Injected failures, for a path pattern and/or the next N requests: HubSpot-shaped 429s, 5xx
// answers, added latency and dropped connections.

const target = {
  /** Only this HTTP method. */
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).optional(),
  /** Only paths matching this pattern; `*` matches anything (`/crm/v3/objects/companies*`). */
  path: z.string().startsWith('/').optional(),
  /** Only the next N matching requests; every one until cleared when omitted. */
  times: z.number().int().positive().optional(),
};

export const faultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rateLimit'), policyName: z.enum(['TEN_SECONDLY_ROLLING', 'SECONDLY', 'DAILY']).default('TEN_SECONDLY_ROLLING'), ...target }),
  z.object({ kind: z.literal('serverError'), status: z.number().int().min(500).max(599).default(500), ...target }),
  z.object({ kind: z.literal('latency'), ms: z.number().int().min(0).max(60_000), ...target }),
  z.object({ kind: z.literal('drop'), ...target }),
]);
export type Fault = z.output<typeof faultSchema>;
export type FaultInput = z.input<typeof faultSchema>;

interface ActiveFault {
  id: number;
  fault: Fault;
  remaining: number;
  pattern: RegExp | undefined;
}

export function createFaultInjector() {
  let nextId = 1;
  let active: ActiveFault[] = [];
  return {
    add(fault: Fault): number {
      const id = nextId++;
      active.push({ id, fault, remaining: fault.times ?? Infinity, pattern: fault.path ? wildcardRegExp(fault.path) : undefined });
      return id;
    },
    clear() {
      active = [];
    },
    list(): Array<Fault & { id: number; remaining: number | null }> {
      return active.map((a) => ({ ...a.fault, id: a.id, remaining: Number.isFinite(a.remaining) ? a.remaining : null }));
    },
    /** The faults that hit this request, used up as they fire. */
    take(method: string, path: string): Fault[] {
      const hits = active.filter((a) => (!a.fault.method || a.fault.method === method) && (!a.pattern || a.pattern.test(path)));
      for (const hit of hits) hit.remaining -= 1;
      active = active.filter((a) => a.remaining > 0);
      return hits.map((h) => h.fault);
    },
  };
}
