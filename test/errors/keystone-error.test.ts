import { describe, expect, it } from 'vitest';
import { toKeystoneError } from '../../src/crm/errors.ts';
import {
  errorMessage,
  FUNCTION_ERRORS,
  FUNCTION_UNREACHABLE,
  UNREADABLE_ANSWER,
  type ErrorCode,
} from '../../src/errors/codes.ts';
import { KeystoneError } from '../../src/errors/keystone-error.ts';

describe('the error catalogue', () => {
  it('gives every code a message a person can act on', () => {
    const codes = [...Object.keys(FUNCTION_ERRORS), FUNCTION_UNREACHABLE.code, UNREADABLE_ANSWER.code] as ErrorCode[];
    expect(new Set(codes).size).toBe(28);
    for (const code of codes) {
      expect(code).toMatch(/^KAM\.[A-Z_]+$/);
      expect(errorMessage(code)).toMatch(/^[A-Z].*\.$/);
    }
  });

  it("holds the screens' own codes beside the functions'", () => {
    for (const failure of [FUNCTION_UNREACHABLE, UNREADABLE_ANSWER])
      expect(errorMessage(failure.code)).toBe(failure.message);
  });
});

describe('KeystoneError', () => {
  it("says its code's message unless given one", () => {
    expect(new KeystoneError('KAM.COMPANY_NOT_FOUND').message).toBe(errorMessage('KAM.COMPANY_NOT_FOUND'));
    expect(new KeystoneError('KAM.COMPANY_NOT_FOUND', 'Acme is gone.').message).toBe('Acme is gone.');
  });

  it('keeps the fields at fault and what was thrown underneath', () => {
    const underneath = new Error('HTTP 404');
    const issues = [{ path: 'userId', message: 'is required' }];
    const error = new KeystoneError('KAM.INVALID_PARAMETERS', undefined, { issues, cause: underneath });
    expect(error.issues).toEqual([{ path: 'userId', message: 'is required' }]);
    expect(error.cause).toBe(underneath);
  });

  it("keeps HubSpot's failure as the cause of the error it becomes", () => {
    const hubspot = Object.assign(new Error('HTTP 503'), { code: 503, body: {}, headers: {} });
    expect(toKeystoneError(hubspot).cause).toBe(hubspot);
  });
});
