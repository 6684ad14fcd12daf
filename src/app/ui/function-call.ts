import type { JsonValue } from '@hubspot/ui-extensions';
import { FUNCTION_UNREACHABLE, UNREADABLE_ANSWER, type ErrorCode } from '../../errors/codes.ts';

// One way for every screen to call a Keystone app function and read its answer. The runner is
// passed in (always `hubspot.serverless` in production) so this module imports no package at run
// time and bundles into every card and the settings page.

export interface FunctionFailure {
  code: ErrorCode;
  message: string;
  issues?: ReadonlyArray<{ path: string; message: string }>;
}

/** A function's successful answer: its payload beside `status: 'ok'` (the contract's result types). */
export type Ok<Payload> = { status: 'ok' } & Payload;

export type FunctionOutcome<Ok> = { ok: true; answer: Ok } | { ok: false; failure: FunctionFailure };

export type ServerlessRunner = (uid: string, options: { parameters: JsonValue }) => Promise<unknown>;

/** Calls a function and never throws: a rejected call or an answer of the wrong shape becomes a failure. */
export async function callFunction<Ok extends { status: 'ok' }>(
  runner: ServerlessRunner,
  uid: string,
  parameters: object,
): Promise<FunctionOutcome<Ok>> {
  let answer: unknown;
  try {
    // Parameters are the functions' zod input types: plain JSON by construction.
    answer = await runner(uid, { parameters: parameters as JsonValue });
  } catch {
    return { ok: false, failure: FUNCTION_UNREACHABLE };
  }
  if (!isRecord(answer)) return { ok: false, failure: UNREADABLE_ANSWER };
  if (answer.status === 'ok') return { ok: true, answer: answer as Ok };
  if (answer.status === 'error' && typeof answer.code === 'string' && typeof answer.message === 'string') {
    const issues = Array.isArray(answer.issues) ? (answer.issues as FunctionFailure['issues']) : undefined;
    // The functions answer only the catalogue's codes (their FunctionError type says so).
    return {
      ok: false,
      failure: { code: answer.code as ErrorCode, message: answer.message, ...(issues ? { issues } : {}) },
    };
  }
  return { ok: false, failure: UNREADABLE_ANSWER };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The message a failed call gave for one field, or for anything inside it (an id list's items), to
 * show beside it. `path` is the field's path in the parameters (`settings.access.adminUserIds`).
 */
export function issueAt(failure: Pick<FunctionFailure, 'issues'> | null, path: string): string | undefined {
  return failure?.issues?.find((issue) => issue.path === path || issue.path.startsWith(`${path}.`))?.message;
}
