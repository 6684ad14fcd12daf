import type { JsonValue } from '@hubspot/ui-extensions';
import { FUNCTION_UNREACHABLE, UNREADABLE_ANSWER, type ErrorCode } from '../../errors/codes.ts';
import { fieldInWords } from './field-words.ts';

// One way for every screen to call a Keystone app function and read its answer. The runner is
// passed in (always `hubspot.serverless` in production) so this module imports no package at run
// time and bundles into every card and the settings page.

export interface FunctionFailure {
  code: ErrorCode;
  message: string;
  issues?: ReadonlyArray<FieldIssue>;
}

/** A problem with one parameter: its path, what is wrong, and the field as the form labels it (`fieldInWords`). */
export interface FieldIssue {
  path: string;
  message: string;
  /** "Outcome 1, what is to be done" for `actions.0.text`; null for the parameters as a whole. */
  field?: string | null;
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
    // Each field named as the form that sent it labels it, while the parameters sent are at hand.
    const issues = Array.isArray(answer.issues)
      ? (answer.issues as FieldIssue[]).map((issue) => ({
          ...issue,
          field: fieldInWords(uid, issue.path, parameters),
        }))
      : undefined;
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

/**
 * The failure as a form still shows it: only the problems of fields that hold what was sent (`asSent`), since
 * one the user changed is theirs to have fixed and the next save says whether they did. Null once every
 * field it named has changed.
 */
export function standingFailure(
  failure: FunctionFailure | null,
  asSent: (path: string) => boolean,
): FunctionFailure | null {
  if (failure?.issues === undefined || failure.issues.length === 0) return failure;
  const issues = failure.issues.filter((issue) => asSent(issue.path));
  return issues.length === 0 ? null : { ...failure, issues };
}

/**
 * The props that mark a field with its problem (`error`, `validationMessage`), remembering each field marked,
 * so the failure's alert can tell which problems are highlighted: it renders after the fields are marked.
 */
export function fieldMarks(failure: Pick<FunctionFailure, 'issues'> | null) {
  const marked: string[] = [];
  return {
    at(path: string): { error?: true; validationMessage?: string } {
      const message = issueAt(failure, path);
      if (message === undefined) return {};
      marked.push(path);
      return { error: true, validationMessage: message };
    },
    highlighted: (path: string) => marked.some((field) => path === field || path.startsWith(`${field}.`)),
  };
}

/** Two parameter values alike at a path (`actions.0.dueAt`); objects compared by their JSON. */
export function sameAt(path: string, sent: object, current: object): boolean {
  return JSON.stringify(valueAt(sent, path) ?? null) === JSON.stringify(valueAt(current, path) ?? null);
}

/** The value at a dotted path of parameters (`settings.reviews.overdueAfterDays`); undefined where there is none. */
export function valueAt(value: object, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      value,
    );
}
