import { z } from 'zod';
import { instantSchema } from '../../kam/shared/time.ts';
import { validate } from '../../kam/shared/validation.ts';
import { KeystoneError } from '../errors.ts';

// Where a recalculation run stands between slices. It travels through the card as an opaque string,
// so it is parsed like any other parameter when it comes back.
const runStateSchema = z.object({
  v: z.literal(1),
  /** HubSpot's paging token of the next page of companies; null before the first page. */
  after: z.string().max(500).nullable(),
  /** The run's "now": every slice scores revenue over the same 12 months and stamps the same time. */
  startedAt: instantSchema,
  processed: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
}).strict();
export type RunState = z.infer<typeof runStateSchema>;

export function encodeCursor(state: RunState): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): RunState {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    json = undefined;
  }
  const parsed = validate(runStateSchema, json);
  if (!parsed.success) {
    throw new KeystoneError('KAM.INVALID_PARAMETERS', 'The recalculation cursor is damaged. Start the recalculation again.', [{ path: 'cursor', message: 'is not a cursor Keystone gave out' }]);
  }
  return parsed.data;
}
