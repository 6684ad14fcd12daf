import { Client } from '@hubspot/api-client';
import { z } from 'zod';

// The one place a HubSpot client is built. The client's retry and limiter settings are
// process-global (the last Client constructed wins), so every caller goes through here.

export const HUBSPOT_API_DEFAULT_BASE_URL = 'https://api.hubapi.com';

const connectionSchema = z.object({
  accessToken: z.string().min(1, 'A HubSpot access token is required'),
  baseUrl: z
    .url({ protocol: /^https?$/, message: 'HUBSPOT_API_BASE_URL must be an http(s) URL' })
    .transform((url) => url.replace(/\/+$/, ''))
    .default(HUBSPOT_API_DEFAULT_BASE_URL),
  /** Total attempts per call for 5xx and HubSpot's retryable 429s (the client's own retry logic). */
  attempts: z.number().int().min(1).max(6).default(3),
});
export type CrmConnection = z.output<typeof connectionSchema>;
export type CrmConnectionInput = z.input<typeof connectionSchema>;

/**
 * Reads the connection from an environment: `PRIVATE_APP_ACCESS_TOKEN` (what HubSpot gives app
 * functions) or `HUBSPOT_ACCESS_TOKEN`, and `HUBSPOT_API_BASE_URL` (the sandbox; real HubSpot when unset).
 */
export function connectionFromEnvironment(env: Record<string, string | undefined>): CrmConnection {
  const parsed = connectionSchema.safeParse({
    accessToken: env.PRIVATE_APP_ACCESS_TOKEN || env.HUBSPOT_ACCESS_TOKEN || '',
    baseUrl: env.HUBSPOT_API_BASE_URL || undefined,
  });
  if (!parsed.success) {
    throw new Error(`HubSpot connection is not configured: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  return parsed.data;
}

export function createHubSpotClient(connection: CrmConnectionInput): Client {
  const { accessToken, baseUrl, attempts } = connectionSchema.parse(connection);
  return new Client({ accessToken, basePath: baseUrl, numberOfApiCallRetries: attempts });
}
