import { ApiError } from './errors.ts';

// Private apps send `Authorization: Bearer <token>`. Any non-empty token will do unless the
// sandbox was started with a required one.

export function authenticate(header: string | undefined, requiredToken?: string): ApiError | undefined {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (!token) {
    return new ApiError(
      401,
      'INVALID_AUTHENTICATION',
      'Authentication credentials not found. This API supports OAuth 2.0 and private app access tokens sent as a Bearer token.',
    );
  }
  if (requiredToken !== undefined && token !== requiredToken) {
    return new ApiError(401, 'INVALID_AUTHENTICATION', 'The access token is not valid for this portal.');
  }
  return undefined;
}

/**
 * The header standing for a signed-in user's HubSpot session, as the cards' CRM data hooks read records
 * in it (a browser sends HubSpot's session cookie; the sandbox takes the user's id). Such a request
 * needs no app token and is not charged to the app's rate limits. Reads only: the hooks do not write.
 */
export const USER_SESSION_HEADER = 'x-sandbox-user-session';

/** The user whose session sent the request; null for the app's own (bearer token) requests. */
export function userSessionOf(header: string | string[] | undefined): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  const userId = Number(value);
  return value !== undefined && Number.isInteger(userId) && userId > 0 ? userId : null;
}
