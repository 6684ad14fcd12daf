import { z } from 'zod';
import { createRandom } from '../demo/random.ts';
import { wildcardRegExp } from './wildcard.ts';

// Injected failures, for a path pattern and/or the next N requests: HubSpot-shaped 429s, 403s for a
// missing scope, 5xx answers, added latency and dropped connections before the request is applied;
// and, after it is applied, a lost answer (dropped connection or the edge's 502) or a slow one. A lost
// answer is the everyday failure of real networks: the write is in HubSpot, the caller was told it failed.

const target = {
  /** Only this HTTP method. */
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).optional(),
  /** Only paths matching this pattern; `*` matches anything (`/crm/v3/objects/companies*`). */
  path: z.string().startsWith('/').optional(),
  /** Only the next N hits; every one until cleared when omitted. */
  times: z.number().int().positive().optional(),
  /** Hits each matching request with this probability; every one when omitted. */
  rate: z.number().min(0).max(1).optional(),
  /** Seeds the draws of `rate`, so a run that sends the same requests meets the same faults; the fault's id when omitted. */
  seed: z.number().int().optional(),
};

export const faultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('rateLimit'),
    policyName: z.enum(['TEN_SECONDLY_ROLLING', 'SECONDLY', 'DAILY']).default('TEN_SECONDLY_ROLLING'),
    ...target,
  }),
  z.object({ kind: z.literal('serverError'), status: z.number().int().min(500).max(599).default(500), ...target }),
  /** HubSpot's 403 `MISSING_SCOPES`, naming `scopes` as the ones the call needs (a token without them). */
  z.object({ kind: z.literal('forbidden'), scopes: z.array(z.string().min(1)).min(1), ...target }),
  z.object({ kind: z.literal('latency'), ms: z.number().int().min(0).max(60_000), ...target }),
  z.object({ kind: z.literal('drop'), ...target }),
  /** Applies the request, then drops the connection (`drop`) or answers HubSpot's edge 502 (`badGateway`). */
  z.object({ kind: z.literal('lostAnswer'), mode: z.enum(['drop', 'badGateway']).default('drop'), ...target }),
  /** Applies the request, then answers `ms` later. */
  z.object({ kind: z.literal('slowAnswer'), ms: z.number().int().min(0).max(60_000), ...target }),
]);
export type Fault = z.output<typeof faultSchema>;
export type FaultInput = z.input<typeof faultSchema>;

export interface FaultState {
  id: number;
  /** Hits left; null when unlimited. */
  remaining: number | null;
  /** Requests it has hit so far. */
  fired: number;
}

interface ActiveFault {
  id: number;
  fault: Fault;
  remaining: number;
  fired: number;
  pattern: RegExp | undefined;
  /** Whether a matching request is hit (the seeded draw against `rate`). */
  hits: () => boolean;
}

export function createFaultInjector() {
  let nextId = 1;
  let active: ActiveFault[] = [];
  return {
    add(fault: Fault): number {
      const id = nextId++;
      active.push({
        id,
        fault,
        remaining: fault.times ?? Infinity,
        fired: 0,
        pattern: fault.path ? wildcardRegExp(fault.path) : undefined,
        hits: fault.rate === undefined ? () => true : seededChance(fault.rate, fault.seed ?? id),
      });
      return id;
    },
    clear() {
      active = [];
    },
    list(): Array<Fault & FaultState> {
      return active.map((a) => ({
        ...a.fault,
        id: a.id,
        remaining: Number.isFinite(a.remaining) ? a.remaining : null,
        fired: a.fired,
      }));
    },
    /** The faults that hit this request, used up as they fire. */
    take(method: string, path: string): Fault[] {
      const hits = active.filter(
        (a) => (!a.fault.method || a.fault.method === method) && (!a.pattern || a.pattern.test(path)) && a.hits(),
      );
      for (const hit of hits) {
        hit.remaining -= 1;
        hit.fired += 1;
      }
      active = active.filter((a) => a.remaining > 0);
      return hits.map((h) => h.fault);
    },
  };
}

function seededChance(rate: number, seed: number): () => boolean {
  const random = createRandom(seed);
  return () => random.chance(rate);
}
