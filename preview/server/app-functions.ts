import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { AppFunction } from '../build/project.ts';

// Runs the project's app functions in this process, the way HubSpot runs them: `main(context)` with
// the card's parameters and the shown record's `propertiesToSend`, the token and base URL in process.env.

export const serverlessCallSchema = z.object({
  parameters: z.record(z.string(), z.unknown()).default({}),
  propertiesToSend: z.array(z.string().min(1)).default([]),
  record: z
    .object({ objectTypeId: z.string().min(1), objectId: z.number().int().positive() })
    .nullable()
    .default(null),
});
export type ServerlessCall = z.infer<typeof serverlessCallSchema>;

type ReadRecord = (
  objectTypeId: string,
  objectId: string,
  properties: string[],
) => Promise<Record<string, string | null>>;
type Invoke = (context: object) => Promise<unknown>;
type FunctionModule = { main?: unknown };

/**
 * Runs on `clock`, so a demo portal built for a date is shown on that date. A function made with
 * Keystone's `defineFunction` takes the clock through `onClock`; any other runs on the real clock.
 */
export function createFunctionRunner(functions: AppFunction[], readRecord: ReadRecord, clock: () => number = Date.now) {
  const byUid = new Map(functions.map((fn) => [fn.uid, fn]));
  return async (uid: string, call: ServerlessCall): Promise<unknown> => {
    const fn = byUid.get(uid);
    if (!fn)
      throw new Error(
        `No app function has the uid "${uid}" (the project has: ${[...byUid.keys()].join(', ') || 'none'})`,
      );
    const module = (await import(pathToFileURL(fn.file).href)) as FunctionModule;
    if (typeof module.main !== 'function') throw new Error(`${fn.file} does not export a main(context) function`);
    const propertiesToSend =
      call.record && call.propertiesToSend.length > 0
        ? await readRecord(call.record.objectTypeId, String(call.record.objectId), call.propertiesToSend)
        : {};
    const main = module.main as Invoke & { onClock?: (clock: () => number) => Invoke };
    const invoke = typeof main.onClock === 'function' ? main.onClock(clock) : main;
    return invoke({ parameters: call.parameters, propertiesToSend, secrets: {} });
  };
}
