// HubSpot's error shape: `{status: "error", message, correlationId, category, subCategory?, context?, errors?}`.
// Handlers throw ApiError; the server turns it into that body with the request's correlation id.

export interface ErrorDetail {
  message: string;
  code?: string;
  in?: string;
  context?: Record<string, string[]>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly category: string,
    message: string,
    readonly details: {
      subCategory?: string;
      context?: Record<string, string[]>;
      errors?: ErrorDetail[];
      links?: Record<string, string>;
    } = {},
  ) {
    super(message);
  }

  body(correlationId: string): Record<string, unknown> {
    return { status: 'error', message: this.message, correlationId, category: this.category, ...this.details };
  }
}

export const validationError = (message: string, errors?: ErrorDetail[]) =>
  new ApiError(400, 'VALIDATION_ERROR', message, errors ? { errors } : {});
export const notFound = (message: string) => new ApiError(404, 'OBJECT_NOT_FOUND', message);
export const conflict = (message: string) => new ApiError(409, 'CONFLICT', message);

const SCOPES_PAGE = 'https://developers.hubspot.com/scopes';

/**
 * HubSpot's 403 for a token without a scope the call needs, shaped as the body quoted in
 * HubSpot/hubspot-api-nodejs#268, which names the scopes in its one error's `context`; they are repeated
 * in the body's own `context` for clients that look for them there.
 */
export function missingScopes(
  requiredGranularScopes: string[],
  message = `This app hasn't been granted all required scopes to make this call. Read more about required scopes here: ${SCOPES_PAGE}.`,
): ApiError {
  return new ApiError(403, 'MISSING_SCOPES', message, {
    context: { requiredGranularScopes },
    errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes } }],
    links: { scopes: SCOPES_PAGE },
  });
}

/** HubSpot's 429 body; the client retries TEN_SECONDLY_ROLLING and the "secondly" message by itself. */
export type RateLimitPolicy = 'TEN_SECONDLY_ROLLING' | 'SECONDLY' | 'DAILY';

const RATE_LIMIT_MESSAGES: Record<RateLimitPolicy, string> = {
  TEN_SECONDLY_ROLLING: 'You have reached your ten_secondly_rolling limit.',
  SECONDLY: 'You have reached your secondly limit.',
  DAILY: 'You have reached your daily limit.',
};

/**
 * HubSpot's 429s also carry a `requestId` (32 hex digits); the sandbox derives it from the correlation
 * id so deterministic runs stay deterministic.
 */
export function rateLimitBody(policyName: RateLimitPolicy, correlationId: string): Record<string, unknown> {
  return {
    status: 'error',
    message: RATE_LIMIT_MESSAGES[policyName],
    errorType: 'RATE_LIMIT',
    correlationId,
    policyName,
    requestId: correlationId.replace(/-/g, ''),
  };
}
