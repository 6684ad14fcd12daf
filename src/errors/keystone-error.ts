import type { ValidationIssue } from '../kam/shared/validation.ts';

// Stable error codes every function may answer with, each with the message a salesperson sees
// unless a more specific one is given. Cards branch on the code, never on the message.
export const KEYSTONE_ERRORS = {
  'KAM.INVALID_PARAMETERS': 'Keystone received something it cannot use. Check the highlighted fields and try again.',
  'KAM.INVALID_SETTINGS': 'These settings cannot be saved. Fix the highlighted fields and try again.',
  'KAM.NOT_AN_ADMIN': 'Only Keystone admins can do this. Ask an admin to add you in Keystone settings.',
  'KAM.NOT_A_MANAGER': 'Only key account managers can do this. Ask a Keystone admin to add you or your team.',
  'KAM.UNKNOWN_USER': 'Keystone could not find you among the HubSpot users of this portal. Reload the page and try again.',
  'KAM.SETTINGS_CHANGED': 'Someone else saved the settings while you were editing. Reload them, then make your change again.',
  'KAM.SETUP_REQUIRED': "Keystone is not set up in this portal yet, or its setup is out of date. Ask an admin to run setup from Keystone's settings.",
  'KAM.NOT_FOUND': 'The record no longer exists in HubSpot. Reload the page.',
  'KAM.CONFLICT': 'HubSpot refused the change because it clashes with an existing record. Reload the page and try again.',
  'KAM.HUBSPOT_RATE_LIMITED': 'HubSpot is busy right now (too many requests). Wait a minute and try again.',
  'KAM.HUBSPOT_UNAVAILABLE': 'HubSpot did not respond. Wait a moment and try again.',
  'KAM.HUBSPOT_ACCESS_DENIED': 'Keystone is not allowed to do this in HubSpot. Ask a super admin to reinstall the app so it has the access it needs.',
  'KAM.HUBSPOT_REJECTED': 'HubSpot rejected the change.',
  'KAM.HUBSPOT_PARTIAL_FAILURE': 'HubSpot saved only part of the change. Try again; records already saved are left as they are.',
  'KAM.INTERNAL': 'Something went wrong in Keystone. Try again; if it keeps happening, tell your HubSpot admin.',
} as const;
export type KeystoneErrorCode = keyof typeof KEYSTONE_ERRORS;
/** Codes of particular functions (e.g. the account functions' own) follow the same `KAM.` form. */
export type ErrorCode = KeystoneErrorCode | `KAM.${string}`;

/** Thrown inside services; functions turn it into `{status: 'error', code, message, issues?}` at the edge. */
export class KeystoneError extends Error {
  readonly code: ErrorCode;
  readonly issues: ValidationIssue[] | undefined;

  constructor(code: KeystoneErrorCode, message?: string, issues?: ValidationIssue[]);
  constructor(code: ErrorCode, message: string, issues?: ValidationIssue[]);
  constructor(code: ErrorCode, message?: string, issues?: ValidationIssue[]) {
    super(message ?? KEYSTONE_ERRORS[code as KeystoneErrorCode]);
    this.name = 'KeystoneError';
    this.code = code;
    this.issues = issues;
  }
}

export function isKeystoneError(error: unknown): error is KeystoneError {
  return error instanceof KeystoneError;
}
