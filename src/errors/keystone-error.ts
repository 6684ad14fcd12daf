import type { ValidationIssue } from '../kam/shared/validation.ts';
import { errorMessage, type ErrorCode } from './codes.ts';

/** Thrown inside services; functions turn it into `{status: 'error', code, message, issues?}` at the edge. */
export class KeystoneError extends Error {
  readonly code: ErrorCode;
  readonly issues: ValidationIssue[] | undefined;

  /**
   * `message` defaults to the code's in the catalogue; `issues` name the fields at fault; `cause` keeps
   * what was thrown underneath (HubSpot's answer, a system error) for the function log.
   */
  constructor(code: ErrorCode, message?: string, details: { issues?: ValidationIssue[]; cause?: unknown } = {}) {
    super(message ?? errorMessage(code), details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'KeystoneError';
    this.code = code;
    this.issues = details.issues;
  }
}

export function isKeystoneError(error: unknown): error is KeystoneError {
  return error instanceof KeystoneError;
}
