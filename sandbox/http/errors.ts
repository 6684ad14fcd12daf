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
    readonly details: { subCategory?: string; context?: Record<string, string[]>; errors?: ErrorDetail[] } = {},
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
