import { describe, expect, it } from 'vitest';
import { isConflict, isTransient, toKeystoneError } from '../../src/crm/errors.ts';
import { KeystoneError } from '../../src/errors/keystone-error.ts';

// Shaped like the client's ApiException: a plain object with code/body, never a known class.
const apiException = (code: number, body: Record<string, unknown> = {}) =>
  Object.assign(new Error(`HTTP ${code}`), { code, body, headers: {} });

describe('toKeystoneError', () => {
  it('reads a 429 as HubSpot being rate limited', () => {
    expect(
      toKeystoneError(
        apiException(429, { status: 'error', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' }),
      ).code,
    ).toBe('KAM.HUBSPOT_RATE_LIMITED');
  });

  it.each([500, 502, 503, 504])('reads a %i as HubSpot being unavailable', (status) => {
    expect(toKeystoneError(apiException(status)).code).toBe('KAM.HUBSPOT_UNAVAILABLE');
  });

  it('reads a refused connection or a timeout as HubSpot being unavailable', () => {
    expect(toKeystoneError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).code).toBe(
      'KAM.HUBSPOT_UNAVAILABLE',
    );
    expect(
      toKeystoneError(Object.assign(new Error('network timeout'), { name: 'FetchError', type: 'request-timeout' }))
        .code,
    ).toBe('KAM.HUBSPOT_UNAVAILABLE');
  });

  it('reads a missing scope as access denied and passes on what HubSpot said', () => {
    const error = toKeystoneError(
      apiException(403, { category: 'MISSING_SCOPES', message: "This app hasn't been granted all required scopes" }),
    );
    expect(error.code).toBe('KAM.HUBSPOT_ACCESS_DENIED');
    expect(error.message).toContain('granted all required scopes');
  });

  it('reads an unknown Keystone property as setup being required', () => {
    const body = {
      category: 'VALIDATION_ERROR',
      message: 'Property values were not valid',
      errors: [{ code: 'PROPERTY_DOESNT_EXIST', message: 'Property "keystone_score" does not exist' }],
    };
    expect(toKeystoneError(apiException(400, body)).code).toBe('KAM.SETUP_REQUIRED');
  });

  it('reads an unknown custom object type as setup being required', () => {
    expect(
      toKeystoneError(apiException(400, { message: 'Unable to infer object type from: p1_keystone_plan' })).code,
    ).toBe('KAM.SETUP_REQUIRED');
  });

  it('maps 404 to not found and 409 to conflict', () => {
    expect(toKeystoneError(apiException(404, { category: 'OBJECT_NOT_FOUND' })).code).toBe('KAM.NOT_FOUND');
    expect(toKeystoneError(apiException(409, { category: 'CONFLICT' })).code).toBe('KAM.CONFLICT');
  });

  it("keeps HubSpot's own words for any other rejection", () => {
    const error = toKeystoneError(
      apiException(400, { category: 'VALIDATION_ERROR', message: 'limit must be at most 100' }),
    );
    expect(error.code).toBe('KAM.HUBSPOT_REJECTED');
    expect(error.message).toContain('limit must be at most 100');
  });

  it('passes Keystone errors through unchanged and hides anything else behind an internal error', () => {
    const own = new KeystoneError('KAM.NOT_AN_ADMIN');
    expect(toKeystoneError(own)).toBe(own);
    expect(toKeystoneError(new TypeError('x is undefined')).code).toBe('KAM.INTERNAL');
    expect(toKeystoneError('thrown text').code).toBe('KAM.INTERNAL');
  });
});

describe('error classes', () => {
  it('treats rate limits and outages as transient, and nothing else', () => {
    expect(isTransient(new KeystoneError('KAM.HUBSPOT_RATE_LIMITED'))).toBe(true);
    expect(isTransient(new KeystoneError('KAM.HUBSPOT_UNAVAILABLE'))).toBe(true);
    expect(isTransient(new KeystoneError('KAM.NOT_FOUND'))).toBe(false);
  });

  it('recognises a conflict from HubSpot or from Keystone', () => {
    expect(isConflict(apiException(409))).toBe(true);
    expect(isConflict(new KeystoneError('KAM.CONFLICT'))).toBe(true);
    expect(isConflict(apiException(400))).toBe(false);
  });
});
