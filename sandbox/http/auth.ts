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
