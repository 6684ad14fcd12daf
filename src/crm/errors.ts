import { errorMessage, type ErrorCode } from '../errors/codes.ts';
import { KeystoneError, isKeystoneError } from '../errors/keystone-error.ts';

// HubSpot's client throws one of many classes all named ApiException ({code, body, headers}), and
// node-fetch throws system errors with string codes: so errors are duck-typed, never `instanceof`.
interface HubSpotErrorShape {
  code?: unknown;
  body?: unknown;
  message?: unknown;
}

const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
]);

/** Turns anything a HubSpot call throws into a KeystoneError with a stable code and an actionable message; the error is kept as its cause. */
export function toKeystoneError(error: unknown): KeystoneError {
  if (isKeystoneError(error)) return error;
  const cause = { cause: error };
  const e = (typeof error === 'object' && error !== null ? error : {}) as HubSpotErrorShape;
  const status = typeof e.code === 'number' ? e.code : undefined;
  const body =
    typeof e.body === 'object' && e.body !== null
      ? (e.body as { category?: unknown; message?: unknown; errors?: Array<{ code?: unknown; message?: unknown }> })
      : {};
  const hubspotMessage = typeof body.message === 'string' ? body.message : '';

  if (status === undefined) {
    const systemCode = typeof e.code === 'string' ? e.code : '';
    const name = (error as { name?: unknown })?.name;
    const unreachable = NETWORK_ERROR_CODES.has(systemCode) || name === 'FetchError' || name === 'AbortError';
    if (unreachable) return new KeystoneError('KAM.HUBSPOT_UNAVAILABLE', undefined, cause);
    return new KeystoneError('KAM.INTERNAL', undefined, cause);
  }
  if (status === 429 || body.category === 'RATE_LIMITS')
    return new KeystoneError('KAM.HUBSPOT_RATE_LIMITED', undefined, cause);
  if (status >= 500) return new KeystoneError('KAM.HUBSPOT_UNAVAILABLE', undefined, cause);
  if (status === 401 || status === 403) {
    return new KeystoneError('KAM.HUBSPOT_ACCESS_DENIED', accessDeniedMessage(status, hubspotMessage), cause);
  }
  if (isMissingSetup(body, hubspotMessage)) return new KeystoneError('KAM.SETUP_REQUIRED', undefined, cause);
  if (status === 404) return new KeystoneError('KAM.NOT_FOUND', undefined, cause);
  if (status === 409) return new KeystoneError('KAM.CONFLICT', undefined, cause);
  if (status >= 400) return withDetail('KAM.HUBSPOT_REJECTED', hubspotMessage, error);
  return new KeystoneError('KAM.INTERNAL', undefined, cause);
}

/** True when HubSpot refused because a unique value already exists (concurrent first saves, revision claims). */
export function isConflict(error: unknown): boolean {
  const e = error as HubSpotErrorShape | null;
  return e?.code === 409 || (isKeystoneError(error) && error.code === 'KAM.CONFLICT');
}

/** Failures worth retrying later: rate limits and HubSpot being down. */
export function isTransient(error: KeystoneError): boolean {
  return error.code === 'KAM.HUBSPOT_RATE_LIMITED' || error.code === 'KAM.HUBSPOT_UNAVAILABLE';
}

function isMissingSetup(body: { errors?: Array<{ code?: unknown }> }, message: string): boolean {
  return (
    (body.errors ?? []).some((issue) => issue.code === 'PROPERTY_DOESNT_EXIST') ||
    /unable to infer object type|object type .*(not found|does not exist)|unknown object type/i.test(message)
  );
}

function accessDeniedMessage(status: number, hubspotMessage: string): string {
  return status === 401
    ? "HubSpot did not accept Keystone's access token. Ask a super admin to reinstall the app."
    : `${errorMessage('KAM.HUBSPOT_ACCESS_DENIED')}${hubspotMessage ? ` (HubSpot said: ${hubspotMessage})` : ''}`;
}

function withDetail(code: ErrorCode, hubspotMessage: string, cause: unknown): KeystoneError {
  return new KeystoneError(
    code,
    hubspotMessage ? `${errorMessage(code)} HubSpot said: ${hubspotMessage}` : errorMessage(code),
    { cause },
  );
}
